/**
 * Profiles: a configuration file (`--config FILE`, or `target-table.config.json` in the current folder)
 * that turns rules off or changes their severity and sets the framework, year and language a province
 * or a bureau works with. Validated by zod (loaded only when a file is there); a bad file is one line
 * naming the bad key. Rule settings are applied to the findings after checking.
 */
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { FrameworkChoice } from "../core/check";
import type { FileReport, Issue, Severity } from "../core/report";
import { summarize } from "../core/summary";
import { RULES } from "../core/rules";
import type { Language } from "./text-report";
import { UsageError } from "./usage";

/** The file looked for in the current folder when --config is not given. */
export const PROFILE_FILE_NAME = "target-table.config.json";

export type RuleSetting = "off" | Severity;

export interface Profile {
  framework?: FrameworkChoice;
  year?: number;
  language?: Language;
  /** By rule id. */
  rules: Record<string, RuleSetting>;
}

const FRAMEWORK_VALUES = ["auto", "legacy", "2021"] as const;
const LANGUAGE_VALUES = ["zh", "en"] as const;
const SETTING_VALUES = ["off", "error", "warning", "info"] as const;

/** What each key takes, said to the user. */
const EXPECTED: Record<string, { zh: string; en: string }> = {
  $schema: { zh: "一个字符串", en: "a string" },
  description: { zh: "一段文字", en: "a text" },
  framework: { zh: "auto、legacy 或 2021", en: "auto, legacy or 2021" },
  year: { zh: "四位年份（1990–2100），如 2024", en: "a four-digit year (1990-2100) such as 2024" },
  language: { zh: "zh 或 en", en: "zh or en" },
  rules: { zh: '一个对象，如 { "unit-missing": "off" }', en: 'an object such as { "unit-missing": "off" }' },
  rule: { zh: "off、error、warning 或 info", en: "off, error, warning or info" },
  root: { zh: "一个 JSON 对象", en: "a JSON object" },
};

/** The profile's zod schema (zod is loaded here, never for a plain check). */
export async function profileSchema() {
  const { z } = await import("zod");
  const ruleIds = RULES.map((rule) => rule.meta.id) as [string, ...string[]];
  return z
    .strictObject({
      $schema: z.string().optional(),
      description: z.string().optional().describe("What this profile is for, e.g. the province it follows."),
      framework: z.enum(FRAMEWORK_VALUES).optional().describe("Indicator framework: auto, legacy or 2021."),
      year: z.number().int().min(1990).max(2100).optional().describe("The budget year."),
      language: z.enum(LANGUAGE_VALUES).optional().describe("Report language."),
      rules: z
        .partialRecord(z.enum(ruleIds), z.enum(SETTING_VALUES))
        .optional()
        .describe("By rule id: off, or the severity its findings take."),
    })
    .describe("target-table profile (target-table.config.json)");
}

function bad(file: string, zh: string, en: string): UsageError {
  return new UsageError(`配置文件“${file}”有误：${zh}`, `the configuration file "${file}" is wrong: ${en}`);
}

/** The closest rule id, for "did you mean". */
function nearestRule(name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const rule of RULES) {
    const distance = editDistance(name, rule.meta.id);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = rule.meta.id;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(name.length / 4)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

function valueText(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Reads and validates a profile (`file` names it in messages); throws UsageError (one line, the bad key named). */
export async function readProfile(location: string, file = location): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(location, "utf8");
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    if (code === "ENOENT") {
      throw new UsageError(`找不到配置文件“${file}”。`, `the configuration file "${file}" does not exist`);
    }
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new UsageError(
      `无法读取配置文件“${file}”（${detail}）。`,
      `cannot read the configuration file "${file}" (${detail})`,
    );
  }
  let data: unknown;
  try {
    // Notepad saves UTF-8 with a byte order mark.
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw bad(file, `不是有效的 JSON（${detail}）。`, `it is not valid JSON (${detail}).`);
  }
  const schema = await profileSchema();
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0];
      if (where[0] === "rules") {
        const guess = nearestRule(key);
        throw bad(
          file,
          `“rules”中的“${key}”不是规则名称${guess ? `；是否想写“${guess}”？` : "。"}规则名称见 docs/rules/。`,
          `"${key}" in "rules" is not a rule name${guess ? `; did you mean "${guess}"?` : "."} Rule names are listed in docs/rules/.`,
        );
      }
      throw bad(
        file,
        `未知的配置项“${key}”；可用的配置项：framework、year、language、rules、description。`,
        `unknown key "${key}"; the keys are framework, year, language, rules and description.`,
      );
    }
    const key = where.length === 0 ? "root" : where[0] === "rules" && where.length > 1 ? "rule" : where[0];
    const expected = EXPECTED[key] ?? EXPECTED.root;
    let value: unknown = data;
    for (const step of issue.path) value = (value as Record<PropertyKey, unknown> | null)?.[step as PropertyKey];
    const named = where.length === 0 ? "整个文件" : `“${where.join(".")}”`;
    const namedEn = where.length === 0 ? "the whole file" : `"${where.join(".")}"`;
    throw bad(
      file,
      `${named}应为${expected.zh}，而不是 ${valueText(value)}。`,
      `${namedEn} must be ${expected.en}, not ${valueText(value)}.`,
    );
  }
  const { framework, year, language, rules } = parsed.data;
  return { framework, year, language, rules: { ...(rules ?? {}) } as Record<string, RuleSetting> };
}

/** The profile named by --config, else target-table.config.json in `folder` if there is one, else null. */
export async function findProfile(
  explicit: string | null,
  folder: string,
): Promise<{ file: string; profile: Profile } | null> {
  if (explicit !== null) return { file: explicit, profile: await readProfile(explicit) };
  const candidate = path.join(folder, PROFILE_FILE_NAME);
  const info = await stat(candidate).catch(() => null);
  if (info === null) return null;
  // Named as the user knows it, not by its full path.
  return { file: PROFILE_FILE_NAME, profile: await readProfile(candidate, PROFILE_FILE_NAME) };
}

/** The findings as the profile wants them: rules turned off dropped, severities changed, counts redone. */
export function applyRuleSettings(report: FileReport, rules: Readonly<Record<string, RuleSetting>>): FileReport {
  if (Object.keys(rules).length === 0 || report.issues.length === 0) return report;
  const issues: Issue[] = [];
  for (const issue of report.issues) {
    const setting = rules[issue.rule];
    if (setting === undefined) issues.push(issue);
    else if (setting !== "off") issues.push(setting === issue.severity ? issue : { ...issue, severity: setting });
  }
  return { ...report, issues, summary: summarize(issues) };
}
