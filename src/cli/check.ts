/**
 * `target-table check <file|folder|pattern>... [options]`: finds the workbooks, checks them (in worker
 * threads when there are several), and writes each file's report as soon as it is known, in input
 * order; then a per-file summary and the totals. Every input is a row, an unreadable one included.
 * Exit status 0: no error finding; 1: at least one error finding or unreadable file; 2: bad usage,
 * nothing could be read, an output asked for could not be written, or standard output failed.
 */
import { statSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import type { CheckOptions, FrameworkChoice } from "../core/check";
import type { FileReport } from "../core/report";
import { HostError } from "../host/types";
import { isSameFile } from "../xlsx/annotate";
import { errorRow, type CheckOutcome, type CheckTask, type PlainError } from "./checker";
import { findingsFormat, writeFindingsFile } from "./findings-file";
import { ChunkedWriter, writePrettyJson } from "./json-stream";
import { commonFolder, expandInputs, mirroredPath, type InputEntry } from "./inputs";
import type { CliIO } from "./io";
import { existsRefusal } from "./output-file";
import { defaultJobs, runTasks, stopWorkers, warmWorkers, type WarmWorker } from "./pool";
import { findProfile, type Profile } from "./profile";
import { fileBlock, fileRow, summaryTable, totalLine, type FileRow, type Language } from "./text-report";
import { requestedLanguage, usageError, usageText, UsageError } from "./usage";

const FRAMEWORKS: readonly FrameworkChoice[] = ["auto", "legacy", "2021"];

interface CheckArguments {
  inputs: string[];
  json: boolean;
  out: string | null;
  outDir: string | null;
  report: string | null;
  force: boolean;
  jobs: number | null;
  config: string | null;
  /** Null when not given on the command line (the profile, then the default, decide). */
  framework: FrameworkChoice | null;
  year: number | null;
  language: Language | null;
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
        "out-dir": { type: "string" },
        report: { type: "string" },
        force: { type: "boolean" },
        jobs: { type: "string", short: "j" },
        config: { type: "string" },
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

  const language = values.lang ?? null;
  if (language !== null && language !== "zh" && language !== "en") {
    throw usageError(`--lang 只能是 zh 或 en，而不是“${language}”。`, `--lang must be zh or en, not "${language}"`);
  }
  const framework = values.framework ?? null;
  if (framework !== null && !(FRAMEWORKS as readonly string[]).includes(framework)) {
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
  let jobs: number | null = null;
  if (values.jobs !== undefined) {
    jobs = /^\d{1,3}$/.test(values.jobs) ? Number(values.jobs) : NaN;
    if (!(jobs >= 1 && jobs <= 256)) {
      throw usageError(
        `--jobs 应为 1 到 256 之间的整数，而不是“${values.jobs}”。`,
        `--jobs must be a whole number from 1 to 256, not "${values.jobs}"`,
      );
    }
  }
  if (positionals.length === 0) {
    throw usageError(
      "请指定要检查的 .xlsx 文件、文件夹或通配模式。",
      "name the .xlsx files, folders or patterns to check",
    );
  }
  for (const [name, value] of [
    ["--out", values.out],
    ["--out-dir", values["out-dir"]],
    ["--report", values.report],
    ["--config", values.config],
  ] as const) {
    if (value === "") throw usageError(`${name} 需要一个文件名。`, `${name} needs a file name`);
  }
  if (values.out !== undefined && values["out-dir"] !== undefined) {
    throw usageError(
      "--out 和 --out-dir 只能选一个：单个文件用 --out，多个文件用 --out-dir。",
      "use either --out (one file) or --out-dir (many files), not both",
    );
  }
  if (values.out !== undefined && path.extname(values.out).toLowerCase() !== ".xlsx") {
    throw usageError(
      `标注副本的文件名须以 .xlsx 结尾：“${values.out}”。`,
      `the annotated copy's name must end in .xlsx: "${values.out}"`,
    );
  }
  if (values.report !== undefined && findingsFormat(values.report) === null) {
    throw usageError(
      `问题清单的文件名须以 .xlsx 或 .csv 结尾：“${values.report}”。`,
      `the findings report's name must end in .xlsx or .csv: "${values.report}"`,
    );
  }
  return {
    inputs: positionals,
    json: values.json ?? false,
    out: values.out ?? null,
    outDir: values["out-dir"] ?? null,
    report: values.report ?? null,
    force: values.force ?? false,
    jobs,
    config: values.config ?? null,
    framework: framework as FrameworkChoice | null,
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

/**
 * Checks a file to be written (--out, --report) before any work: its folder exists, it is not a
 * folder, it is none of the inputs, and it does not exist yet unless --force.
 */
async function validateTarget(
  target: string,
  force: boolean,
  inputs: readonly string[],
  option: string,
): Promise<void> {
  const folder = path.dirname(path.resolve(target));
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo || !folderInfo.isDirectory()) {
    throw new UsageError(
      `无法写入“${target}”：文件夹“${folder}”不存在。`,
      `cannot write "${target}": the folder "${folder}" does not exist`,
    );
  }
  const existing = await stat(target).catch(() => null);
  if (existing?.isDirectory()) {
    throw new UsageError(`无法写入“${target}”：这是一个文件夹。`, `cannot write "${target}": it is a folder`);
  }
  for (const input of inputs) {
    if (await isSameFile(input, target)) {
      throw new UsageError(
        `${option} 不能是被检查的文件本身（“${target}”）；结果须另存为新文件，原文件不会被改动。`,
        `${option} may not be the input file itself ("${target}"); results go to a new file and the input is never written`,
      );
    }
  }
  if (existing && !force) throw existsRefusal(target);
}

/** Checks --out-dir and works out each copy's place; refuses existing copies unless --force. */
async function planCopies(outDir: string, files: readonly InputEntry[], force: boolean): Promise<Map<number, string>> {
  const info = await stat(outDir).catch(() => null);
  if (info && !info.isDirectory()) {
    throw new UsageError(`无法写入“${outDir}”：这不是文件夹。`, `cannot write into "${outDir}": it is not a folder`);
  }
  const bases = files.flatMap((entry) => (entry.kind === "file" ? [entry.base] : []));
  const root = commonFolder(bases);
  const inputs = new Set(files.flatMap((entry) => (entry.kind === "file" ? [path.resolve(entry.file)] : [])));
  const targets = new Map<number, string>();
  for (const [index, entry] of files.entries()) {
    if (entry.kind !== "file") continue;
    const target = mirroredPath(entry.file, root, outDir);
    if (inputs.has(path.resolve(target)) || (await isSameFile(entry.file, target))) {
      throw new UsageError(
        `--out-dir 会让标注副本覆盖被检查的文件（“${target}”）；请换一个文件夹。`,
        `--out-dir would put an annotated copy over a file being checked ("${target}"); choose another folder`,
      );
    }
    if (!force && (await stat(target).catch(() => null))) throw existsRefusal(target);
    targets.set(index, target);
  }
  return targets;
}

function failureLine(error: unknown): string {
  if (error instanceof UsageError || error instanceof HostError) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `内部错误：${detail} (internal error: ${detail})`;
}

function errorLine(error: PlainError): string {
  return `${error.message} (${error.messageEn})\n`;
}

/** Everything decided before the first file is read. */
interface Plan {
  args: CheckArguments;
  language: Language;
  options: CheckOptions;
  profile: Profile | null;
  entries: InputEntry[];
  copies: Map<number, string>;
  jobs: number;
}

async function prepare(args: CheckArguments): Promise<Plan> {
  const found = await findProfile(args.config, process.cwd());
  const profile = found?.profile ?? null;
  const language = args.language ?? profile?.language ?? "zh";
  const options: CheckOptions = {
    framework: args.framework ?? profile?.framework ?? "auto",
    year: args.year ?? profile?.year ?? null,
  };
  const exclude = args.outDir === null ? null : path.resolve(args.outDir);
  const entries = await expandInputs(args.inputs, exclude);
  const inputFiles = entries.flatMap((entry) => (entry.kind === "file" ? [entry.file] : []));
  const copies = new Map<number, string>();
  if (args.out !== null) {
    if (entries.length > 1) {
      throw usageError(
        `--out 只能用于检查单个文件（这次有 ${entries.length} 个）；多个文件请用 --out-dir 文件夹。`,
        `--out works with a single input file only (there are ${entries.length}); for many files use --out-dir <folder>`,
      );
    }
    await validateTarget(args.out, args.force, inputFiles, "--out");
    if (entries[0].kind === "file") copies.set(0, args.out);
  }
  if (args.outDir !== null)
    for (const [index, target] of await planCopies(args.outDir, entries, args.force)) copies.set(index, target);
  if (args.report !== null) await validateTarget(args.report, args.force, inputFiles, "--report");
  return { args, language, options, profile, entries, copies, jobs: args.jobs ?? defaultJobs() };
}

/** The progress line on standard error (a terminal only): redrawn at most ten times a second. */
class Progress {
  private drawn = false;
  private last = 0;
  constructor(
    private readonly io: CliIO,
    private readonly total: number,
    private readonly language: Language,
  ) {}

  update(done: number): void {
    const now = Date.now();
    if (done < this.total && now - this.last < 100) return;
    this.last = now;
    const text =
      this.language === "en" ? `Checking: ${done}/${this.total} files` : `正在检查：${done}/${this.total} 个文件`;
    this.io.err(`\r\x1b[K${text}`);
    this.drawn = true;
  }

  clear(): void {
    if (!this.drawn) return;
    this.io.err("\r\x1b[K");
    this.drawn = false;
  }
}

/** The JSON report written piece by piece, byte for byte what JSON.stringify(report, null, 2) gives. */
class JsonStream {
  private count = 0;
  private readonly writer: ChunkedWriter;
  constructor(io: CliIO) {
    this.writer = new ChunkedWriter((text) => io.out(text));
    this.writer.add('{\n  "version": 1,\n  "files": [');
  }

  add(report: FileReport): void {
    this.writer.add(this.count++ === 0 ? "\n    " : ",\n    ");
    writePrettyJson(report, "    ", this.writer);
    // Each file's entry goes out as soon as it is known.
    this.writer.flush();
  }

  end(): void {
    this.writer.add(this.count === 0 ? "]\n}\n" : "\n  ]\n}\n");
    this.writer.flush();
  }
}

/**
 * How many threads the inputs will likely keep busy, known before they are listed: one per file
 * named, all of them for a folder or a pattern. The workers are started that early.
 */
function likelyThreads(inputs: readonly string[], jobs: number): number {
  // As many names as threads keep them all busy whatever they name: no need to look at them.
  if (inputs.length >= jobs) return jobs;
  const many = inputs.some((input) => {
    try {
      return statSync(input).isDirectory();
    } catch {
      return /[*?[{]/.test(input);
    }
  });
  return many ? jobs : Math.min(jobs, inputs.length);
}

export async function runCheck(argv: string[], io: CliIO): Promise<number> {
  let plan: Plan;
  let warm: WarmWorker[] = [];
  try {
    const parsed = parseCheckArguments(argv);
    if (parsed === "help") {
      io.out(usageText(requestedLanguage(argv)));
      return 0;
    }
    warm = warmWorkers(likelyThreads(parsed.inputs, parsed.jobs ?? defaultJobs()));
    plan = await prepare(parsed);
  } catch (error) {
    stopWorkers(warm);
    io.err(`${failureLine(error)}\n`);
    return 2;
  }
  const { args, language, entries, copies } = plan;
  const several = entries.length > 1;
  // A single input that cannot be read is a failure: one line on standard error, nothing on standard output.
  const single = entries.length === 1;
  const outputFailed = (): boolean => (io.outputFailure?.() ?? null) !== null;
  const progress = io.errIsTTY && several ? new Progress(io, entries.length, language) : null;
  // When both streams are the one terminal, an unreadable file is told once, in the report.
  const sameTerminal = !args.json && io.errIsTTY === true && io.outIsTTY === true;
  const out = (text: string): void => {
    if (io.outIsTTY) progress?.clear();
    io.out(text);
  };
  const json = args.json ? new JsonStream(io) : null;

  const rows: FileRow[] = [];
  const kept: FileReport[] = [];
  let copyFailed = false;
  let copiesWritten = 0;
  let lastCopy: string | null = null;

  const emit = (outcome: CheckOutcome): void => {
    const report = outcome.report;
    rows.push(fileRow(report));
    if (args.report !== null) kept.push(report);
    if (report.error && (single || !sameTerminal)) {
      progress?.clear();
      io.err(errorLine(report.error));
    }
    if (json) json.add(report);
    else if (!(report.error && single)) {
      let block = fileBlock(report, language, several);
      if (outcome.copy?.error === null && args.outDir !== null) {
        const written = language === "en" ? "Annotated copy written" : "已写入标注副本";
        block = `${block.slice(0, -1)}  ${written}${language === "en" ? ": " : "："}${outcome.copy.target}\n\n`;
      }
      out(block);
    }
    if (outcome.copy?.error) {
      copyFailed = true;
      progress?.clear();
      io.err(errorLine(outcome.copy.error));
    } else if (outcome.copy) {
      copiesWritten++;
      lastCopy = outcome.copy.target;
    }
  };

  // Results go out in input order, each as soon as it and every one before it are known.
  const waiting: (CheckOutcome | undefined)[] = new Array(entries.length);
  let emitted = 0;
  let done = 0;
  const arrive = (outcome: CheckOutcome): void => {
    waiting[outcome.index] = outcome;
    done++;
    while (emitted < entries.length && waiting[emitted] !== undefined && !outputFailed()) {
      const next = waiting[emitted]!;
      waiting[emitted++] = undefined;
      emit(next);
    }
    if (!outputFailed()) progress?.update(done);
  };

  const tasks: CheckTask[] = [];
  const rules = plan.profile?.rules ?? {};
  entries.forEach((entry, index) => {
    if (entry.kind === "problem") return;
    const target = copies.get(index);
    tasks.push({
      index,
      file: entry.file,
      options: plan.options,
      rules,
      copy: target === undefined ? null : { target, force: args.force },
    });
  });
  // Arguments that named nothing are rows known at once; they wait for their turn in the order.
  entries.forEach((entry, index) => {
    if (entry.kind === "problem") {
      arrive({
        index,
        report: errorRow(entry.file, { message: entry.message, messageEn: entry.messageEn }),
        copy: null,
      });
    }
  });
  await runTasks(tasks, plan.jobs, arrive, outputFailed, warm);
  progress?.clear();
  if (outputFailed()) return 2;

  const readable = rows.filter((row) => !row.unreadable).length;
  if (json) json.end();
  else if (!(single && readable === 0)) {
    out((several ? summaryTable(rows, language) : "") + totalLine(rows, language));
  }
  if (!args.json && copiesWritten > 0) {
    if (args.out !== null && lastCopy !== null) {
      out(language === "en" ? `Annotated copy written: ${lastCopy}\n` : `已写入标注副本：${lastCopy}\n`);
    } else if (args.outDir !== null) {
      out(
        language === "en"
          ? `${copiesWritten} annotated ${copiesWritten === 1 ? "copy" : "copies"} written under ${args.outDir}\n`
          : `已在“${args.outDir}”中写入 ${copiesWritten} 份标注副本。\n`,
      );
    }
  }

  let reportFailed = false;
  if (args.report !== null) {
    try {
      await writeFindingsFile(args.report, args.force, kept, language);
      if (!args.json)
        out(language === "en" ? `Findings written: ${args.report}\n` : `已写入问题清单：${args.report}\n`);
    } catch (error) {
      reportFailed = true;
      io.err(`${failureLine(error)}\n`);
    }
  }
  if (outputFailed() || readable === 0 || copyFailed || reportFailed) return 2;
  return rows.some((row) => row.unreadable || row.summary.errors > 0) ? 1 : 0;
}
