/**
 * `target-table template --out <new.xlsx> [--framework legacy|2021] [--kind <kind>] [--lang zh|en]`:
 * writes a new workbook holding one empty project table (spec §7). Never overwrites a file.
 */
import { stat, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Framework } from "../core/report";
import { buildTemplate, findTemplateKind, TEMPLATE_KINDS, TEMPLATE_SHEET_NAME } from "../core/template";
import { templateWorkbook } from "../xlsx/template";
import type { CliIO } from "./io";

type Language = "zh" | "en";

const FRAMEWORK_CHOICES: readonly Framework[] = ["legacy", "2021"];

interface TemplateArgs {
  out: string;
  framework: Framework;
  kind: string;
  language: Language;
}

/** A usage problem: one line for standard error, exit status 2. */
class UsageError extends Error {}

const KIND_LIST = TEMPLATE_KINDS.map((k) => `${k.id}（${k.name}）`).join(", ");
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

function parseArgs(argv: readonly string[], language: Language): TemplateArgs | "help" {
  const zh = language === "zh";
  const args: Partial<TemplateArgs> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return "help";
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    if (!["--out", "--framework", "--kind", "--lang"].includes(name)) {
      throw new UsageError(
        zh
          ? `无法识别的参数：${arg}。用法见 target-table template --help。`
          : `Unknown argument: ${arg}. See target-table template --help.`,
      );
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
      throw new UsageError(zh ? `参数 ${name} 缺少取值。` : `${name} needs a value.`);
    }
    if (name === "--out") args.out = value;
    else if (name === "--framework") {
      if (!(FRAMEWORK_CHOICES as string[]).includes(value)) {
        throw new UsageError(
          zh
            ? `未知的指标体系“${value}”。可选：${FRAMEWORK_CHOICES.join(", ")}。`
            : `Unknown framework "${value}". Valid values: ${FRAMEWORK_CHOICES.join(", ")}.`,
        );
      }
      args.framework = value as Framework;
    } else if (name === "--kind") {
      const kind = findTemplateKind(value);
      if (!kind) {
        throw new UsageError(
          zh
            ? `未知的模板类型“${value}”。可选：${KIND_LIST}。`
            : `Unknown template kind "${value}". Valid values: ${KIND_LIST_EN}.`,
        );
      }
      args.kind = kind.id;
    } else {
      if (value !== "zh" && value !== "en") {
        throw new UsageError(
          zh ? `未知的语言“${value}”。可选：zh, en。` : `Unknown language "${value}". Valid values: zh, en.`,
        );
      }
      args.language = value;
    }
  }
  if (args.out === undefined) {
    throw new UsageError(
      zh
        ? "请用 --out 指定要创建的文件，如 --out 新项目.xlsx。"
        : "Name the file to create with --out, e.g. --out new.xlsx.",
    );
  }
  return {
    out: args.out,
    framework: args.framework ?? "legacy",
    kind: args.kind ?? "general",
    language: args.language ?? language,
  };
}

/** The language asked for with --lang, looked up before anything else so every message can use it. */
function requestedLanguage(argv: readonly string[]): Language {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : undefined;
    if (value === "en" || value === "zh") return value;
  }
  return "zh";
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

/** Runs the `template` subcommand; argv holds the arguments after `template`. Returns the exit status. */
export async function runTemplate(argv: string[], io: CliIO): Promise<number> {
  let language = requestedLanguage(argv);
  const zh = () => language === "zh";
  try {
    const parsed = parseArgs(argv, language);
    if (parsed === "help") {
      io.out(usage(language));
      return 0;
    }
    language = parsed.language;
    const out = parsed.out;
    if (path.extname(out).toLowerCase() !== ".xlsx") {
      throw new UsageError(zh() ? `输出文件须以 .xlsx 结尾：${out}` : `The output file must end in .xlsx: ${out}`);
    }
    if (await exists(out)) {
      throw new UsageError(
        zh()
          ? `文件已存在，不会覆盖：${out}。请换一个文件名。`
          : `The file already exists and will not be overwritten: ${out}. Choose another name.`,
      );
    }
    const dir = path.dirname(path.resolve(out));
    if (!(await isDirectory(dir))) {
      throw new UsageError(
        zh() ? `目录不存在：${dir}。请先创建该目录。` : `The directory does not exist: ${dir}. Create it first.`,
      );
    }
    const patch = buildTemplate({ framework: parsed.framework, kind: parsed.kind, language });
    const workbook = templateWorkbook(patch, TEMPLATE_SHEET_NAME);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    try {
      // "wx" fails if the file appeared meanwhile: never overwrite, even in a race.
      await writeFile(out, buffer, { flag: "wx" });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") {
        throw new UsageError(
          zh()
            ? `文件已存在，不会覆盖：${out}。请换一个文件名。`
            : `The file already exists and will not be overwritten: ${out}.`,
        );
      }
      throw new UsageError(
        zh() ? `无法写入文件 ${out}：${(error as Error).message}` : `Cannot write ${out}: ${(error as Error).message}`,
      );
    }
    const kind = findTemplateKind(parsed.kind)!;
    io.out(
      zh()
        ? `已生成模板：${out}（指标体系：${parsed.framework}，类型：${kind.name}）\n`
        : `Template written: ${out} (framework: ${parsed.framework}, kind: ${kind.id})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    io.err(
      zh()
        ? `生成模板失败：${(error as Error).message}\n`
        : `Could not write the template: ${(error as Error).message}\n`,
    );
    return 2;
  }
}
