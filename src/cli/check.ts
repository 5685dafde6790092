/**
 * `target-table check <file.xlsx>... [--json] [--out <annotated.xlsx>] [--framework auto|legacy|2021]
 * [--year <YYYY>] [--lang zh|en]`: reads each workbook, runs the checking core, prints the report.
 * Exit status 0: no error finding; 1: at least one error; 2: bad usage or an unreadable input.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkWorkbook, type CheckOptions, type FrameworkChoice } from "../core/check";
import type { FileReport, Report } from "../core/report";
import { HostError } from "../host/types";
import { isSameFile, writeAnnotatedCopy } from "../xlsx/annotate";
import type { SheetSnapshot } from "../core/snapshot";
import { loadWorkbookFile, readWorkbookFile, type LoadedWorkbook } from "../xlsx/read";
import type { CliIO } from "./io";
import { textReport, type Language } from "./text-report";
import { requestedLanguage, usageError, usageText, UsageError } from "./usage";

const FRAMEWORKS: readonly FrameworkChoice[] = ["auto", "legacy", "2021"];

interface CheckArguments {
  files: string[];
  json: boolean;
  out: string | null;
  framework: FrameworkChoice;
  year: number | null;
  language: Language;
}

/** Parses the arguments after `check`; "help" when help was asked for. Throws UsageError. */
function parseCheckArguments(argv: string[]): CheckArguments | "help" {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        out: { type: "string" },
        framework: { type: "string" },
        year: { type: "string" },
        lang: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw parseArgsFailure(error);
  }
  const { values, positionals } = parsed;
  if (values.help) return "help";

  const language = values.lang ?? "zh";
  if (language !== "zh" && language !== "en") {
    throw usageError(`--lang 只能是 zh 或 en，而不是“${language}”。`, `--lang must be zh or en, not "${language}"`);
  }
  const framework = values.framework ?? "auto";
  if (!(FRAMEWORKS as readonly string[]).includes(framework)) {
    throw usageError(
      `--framework 只能是 auto、legacy 或 2021，而不是“${framework}”。`,
      `--framework must be auto, legacy or 2021, not "${framework}"`,
    );
  }
  let year: number | null = null;
  if (values.year !== undefined) {
    year = /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
    if (!(year >= 1990 && year <= 2100)) {
      throw usageError(
        `--year 应为四位年份，如 2023，而不是“${values.year}”。`,
        `--year must be a four-digit year such as 2023, not "${values.year}"`,
      );
    }
  }
  if (positionals.length === 0) {
    throw usageError("请指定要检查的 .xlsx 文件。", "name the .xlsx file(s) to check");
  }
  if (values.out !== undefined) {
    if (values.out === "") throw usageError("--out 需要一个文件名。", "--out needs a file name");
    if (positionals.length > 1) {
      throw usageError("--out 只能用于检查单个文件。", "--out works with a single input file only");
    }
    if (path.extname(values.out).toLowerCase() !== ".xlsx") {
      throw usageError(
        `标注副本的文件名须以 .xlsx 结尾：“${values.out}”。`,
        `the annotated copy's name must end in .xlsx: "${values.out}"`,
      );
    }
  }
  return {
    files: positionals,
    json: values.json ?? false,
    out: values.out ?? null,
    framework: framework as FrameworkChoice,
    year,
    language,
  };
}

/** node:util's parse failures, said in the user's terms. */
function parseArgsFailure(error: unknown): UsageError {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]*)/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    return usageError(`未知选项 ${option}。`, `unknown option ${option}`);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const name = option.replace(/^(--?[^\s=]+).*$/, "$1");
    if (/--(json|help)|-h/.test(name)) {
      return usageError(`选项 ${name} 不带取值。`, `option ${name} takes no value`);
    }
    return usageError(`选项 ${name} 缺少取值。`, `option ${name} needs a value`);
  }
  return usageError(`参数有误（${message}）。`, `bad arguments (${message})`);
}

/** Checks --out before any work: its folder exists, it is not a folder, and it is not the input. */
async function validateOut(out: string, input: string): Promise<void> {
  const folder = path.dirname(path.resolve(out));
  let folderInfo;
  try {
    folderInfo = await stat(folder);
  } catch {
    folderInfo = null;
  }
  if (!folderInfo || !folderInfo.isDirectory()) {
    throw new UsageError(
      `无法写入“${out}”：文件夹“${folder}”不存在。`,
      `cannot write "${out}": the folder "${folder}" does not exist`,
    );
  }
  const existing = await stat(out).catch(() => null);
  if (existing?.isDirectory()) {
    throw new UsageError(`无法写入“${out}”：这是一个文件夹。`, `cannot write "${out}": it is a folder`);
  }
  if (await isSameFile(input, out)) {
    throw new UsageError(
      `--out 不能是被检查的文件本身（“${out}”）；标注副本须另存为新文件，原文件不会被改动。`,
      `--out may not be the input file itself ("${out}"); the annotated copy goes to a new file and the input is never written`,
    );
  }
}

function failureLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof HostError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `内部错误：${detail} (internal error: ${detail})`;
}

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  let args: CheckArguments;
  try {
    const parsed = parseCheckArguments(argv);
    if (parsed === "help") {
      io.out(usageText(requestedLanguage(argv)));
      return 0;
    }
    args = parsed;
    if (args.out !== null) await validateOut(args.out, args.files[0]);
  } catch (error) {
    io.err(`${failureLine(error)}\n`);
    return 2;
  }

  const options: CheckOptions = { framework: args.framework, year: args.year };
  const files: FileReport[] = [];
  let unreadable = false;
  let annotated = false;
  for (const file of args.files) {
    let loaded: LoadedWorkbook | null = null;
    let sheets: SheetSnapshot[];
    try {
      // Only an annotated copy needs exceljs's whole workbook; a check alone reads snapshots, in a third less memory.
      if (args.out !== null) {
        loaded = await loadWorkbookFile(file);
        sheets = loaded.sheets;
      } else sheets = await readWorkbookFile(file);
    } catch (error) {
      io.err(`${failureLine(error)}\n`);
      unreadable = true;
      continue;
    }
    try {
      const result = checkWorkbook(sheets, options);
      files.push({ file, tables: result.tables, issues: result.issues, summary: result.summary });
      if (args.out !== null && loaded !== null) {
        await writeAnnotatedCopy(file, args.out, result.issues, loaded);
        annotated = true;
      }
    } catch (error) {
      io.err(`${failureLine(error)}\n`);
      unreadable = true;
    }
  }

  if (args.json) {
    const report: Report = { version: 1, files };
    io.out(`${JSON.stringify(report, null, 2)}\n`);
  } else if (files.length > 0) {
    io.out(textReport(files, args.language));
    if (annotated && args.out !== null) {
      io.out(args.language === "en" ? `Annotated copy written: ${args.out}\n` : `已写入标注副本：${args.out}\n`);
    }
  }
  if (unreadable) return 2;
  return files.some((f) => f.summary.errors > 0) ? 1 : 0;
}
