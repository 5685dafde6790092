/**
 * `target-table template --out <new.xlsx> [--framework legacy|2021] [--kind <kind>] [--lang zh|en]`:
 * writes a new workbook holding one empty project table (spec §7). Never overwrites a file.
 */
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Framework } from "../core/report";
import { buildTemplate, findTemplateKind, TEMPLATE_KINDS, TEMPLATE_SHEET_NAME } from "../core/template";
import type { CliIO } from "./io";
import type { Language } from "./text-report";
import { requestedLanguage, usageError, UsageError } from "./usage";

const FRAMEWORK_CHOICES: readonly Framework[] = ["legacy", "2021"];

interface TemplateArgs {
  out: string;
  framework: Framework;
  kind: string;
  language: Language;
}

const KIND_LIST = TEMPLATE_KINDS.map((k) => `${k.id}（${k.name}）`).join("、");
const KIND_LIST_EN = TEMPLATE_KINDS.map((k) => `${k.id} (${k.name})`).join(", ");

function usage(language: Language): string {
  return language === "en"
    ? [
        "Usage: target-table template --out <new.xlsx> [--framework legacy|2021] [--kind <kind>] [--lang zh|en]",
        "Writes a new workbook holding one empty project performance target table (绩效目标表).",
        "  --out        the file to create; an existing file is never overwritten",
        "  --framework  indicator framework: legacy (default) or 2021 (成本指标 as a level 1)",
        `  --kind       suggested indicator names: ${KIND_LIST_EN}; default general`,
        "  --lang       language of messages and cell prompts: zh (default) or en",
        "",
      ].join("\n")
    : [
        "用法：target-table template --out <新文件.xlsx> [--framework legacy|2021] [--kind <类型>] [--lang zh|en]",
        "生成一个新工作簿，内含一张空白的项目绩效目标表。",
        "  --out        要创建的文件；已存在的文件不会被覆盖",
        "  --framework  指标体系：legacy（默认，产出/效益/满意度）或 2021（增设一级指标“成本指标”）",
        `  --kind       模板类型（预填三级指标名称）：${KIND_LIST}；默认 general（通用）`,
        "  --lang       提示信息和单元格输入提示的语言：zh（默认）或 en",
        "",
      ].join("\n");
}

/** Parses the arguments after `template`; "help" when help was asked for. Throws UsageError. */
function parseArgs(argv: readonly string[]): TemplateArgs | "help" {
  const args: Partial<TemplateArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (!["--out", "--framework", "--kind", "--lang"].includes(name)) {
      throw new UsageError(
        `无法识别的参数“${arg}”。用法见 target-table template --help。`,
        `unknown argument "${arg}"; see target-table template --help`,
      );
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      throw usageError(`${name} 缺少取值。`, `${name} needs a value`);
    }
    if (name === "--out") args.out = value;
    else if (name === "--framework") {
      if (!(FRAMEWORK_CHOICES as string[]).includes(value)) {
        throw new UsageError(
          `--framework 只能是 ${FRAMEWORK_CHOICES.join(" 或 ")}，而不是“${value}”。`,
          `--framework must be ${FRAMEWORK_CHOICES.join(" or ")}, not "${value}"`,
        );
      }
      args.framework = value as Framework;
    } else if (name === "--kind") {
      const kind = findTemplateKind(value);
      if (!kind) {
        throw new UsageError(
          `未知的模板类型“${value}”，可选：${KIND_LIST}。`,
          `unknown template kind "${value}"; valid kinds: ${KIND_LIST_EN}`,
        );
      }
      args.kind = kind.id;
    } else {
      if (value !== "zh" && value !== "en") {
        throw new UsageError(`--lang 只能是 zh 或 en，而不是“${value}”。`, `--lang must be zh or en, not "${value}"`);
      }
      args.language = value;
    }
  }
  if (args.out === undefined) {
    throw new UsageError(
      "请用 --out 指定要创建的文件，如 --out 新项目.xlsx。",
      "name the file to create with --out, e.g. --out new.xlsx",
    );
  }
  return {
    out: args.out,
    framework: args.framework ?? "legacy",
    kind: args.kind ?? "general",
    language: args.language ?? "zh",
  };
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

function refuseOverwrite(out: string): UsageError {
  return new UsageError(
    `文件“${out}”已存在，不会覆盖。请换一个文件名。`,
    `"${out}" already exists and will not be overwritten; choose another name`,
  );
}

/** Runs the `template` subcommand; argv holds the arguments after `template`. Returns the exit status. */
export async function runTemplate(argv: string[], io: CliIO): Promise<number> {
  const requested = requestedLanguage(argv);
  try {
    const parsed = parseArgs(argv);
    if (parsed === "help") {
      io.out(usage(requested));
      return 0;
    }
    const { out, framework, language } = parsed;
    if (path.extname(out).toLowerCase() !== ".xlsx") {
      throw new UsageError(`输出文件须以 .xlsx 结尾：“${out}”。`, `the output file must end in .xlsx: "${out}"`);
    }
    if (await exists(out)) throw refuseOverwrite(out);
    const dir = path.dirname(path.resolve(out));
    if (!(await isDirectory(dir))) {
      throw new UsageError(`文件夹“${dir}”不存在，请先创建。`, `the folder "${dir}" does not exist; create it first`);
    }
    const patch = buildTemplate({ framework, kind: parsed.kind, language });
    // exceljs is loaded only for this command, never for a check.
    const { templateWorkbook } = await import("../xlsx/template");
    const workbook = templateWorkbook(patch, TEMPLATE_SHEET_NAME);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    try {
      // "wx" fails if the file appeared meanwhile: never overwrite, even in a race.
      await writeFile(out, buffer, { flag: "wx" });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw refuseOverwrite(out);
      const detail = error instanceof Error ? error.message : String(error);
      throw new UsageError(`无法写入“${out}”（${detail}）。`, `cannot write "${out}" (${detail})`);
    }
    const kind = findTemplateKind(parsed.kind)!;
    io.out(
      language === "en"
        ? `Template written: ${out} (framework: ${framework}, kind: ${kind.id})\n`
        : `已生成模板：${out}（指标体系：${framework}，类型：${kind.name}）\n`,
    );
    return 0;
  } catch (error) {
    const line =
      error instanceof UsageError
        ? error.message
        : `生成模板失败：${error instanceof Error ? error.message : String(error)} (the template could not be written)`;
    io.err(`${line}\n`);
    return 2;
  }
}
