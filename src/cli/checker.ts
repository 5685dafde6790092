/**
 * The work done for one input file, the same in a worker thread and in the main thread: read it,
 * check it, apply the profile's rule settings, and write its annotated copy when one is asked for.
 * Nothing thrown escapes: an unreadable file becomes a report row with an `error`.
 */
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { checkWorkbook, type CheckOptions } from "../core/check";
import type { FileReport } from "../core/report";
import type { SheetSnapshot } from "../core/snapshot";
import { HostError } from "../host/types";
import { isSameFile, OutputError, writeAnnotatedCopy } from "../xlsx/annotate";
import { readInputBytes, readWorkbookSheets } from "../xlsx/read";
import { sheetCollector, type SheetCollector } from "./heap";
import { writeExclusive } from "./output-file";
import { applyRuleSettings, type RuleSetting } from "./profile";

export interface CheckTask {
  /** The row's place in the input order. */
  index: number;
  file: string;
  options: CheckOptions;
  rules: Record<string, RuleSetting>;
  /** Where to write the annotated copy, if anywhere. */
  copy: { target: string; force: boolean } | null;
}

export interface PlainError {
  message: string;
  messageEn: string;
}

export interface CheckOutcome {
  index: number;
  report: FileReport;
  /** The annotated copy: written, or why not (null when none was asked for or the file was unreadable). */
  copy: { target: string; error: PlainError | null } | null;
}

/** A failure as the user reads it: a HostError's sentences, or a plain "internal error" line. */
export function plainError(error: unknown, file: string): PlainError {
  if (error instanceof HostError) return { message: error.messageZh, messageEn: error.messageEn };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    message: `检查“${file}”时出错（${detail}）。`,
    messageEn: `checking "${file}" failed (${detail}).`,
  };
}

/** The report row of a file that could not be read or checked. */
export function errorRow(file: string, error: PlainError): FileReport {
  return { file, tables: [], issues: [], summary: { errors: 0, warnings: 0, infos: 0 }, error };
}

/** Files up to this size are read ahead, while the file before them is being checked. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/**
 * A file's bytes read ahead of its turn, so the thread checking files never waits on the disk
 * between two of them; null (read it when its turn comes) for a large file or when the read ahead
 * fails, which the read at its turn then explains. Never rejects.
 */
export type ReadAhead = Promise<Uint8Array | null>;

export function readAhead(file: string): ReadAhead {
  // The stat here already tells a regular file: readInputBytes would only stat it again.
  return stat(file)
    .then((info) => (info.isFile() && info.size <= READ_AHEAD_BYTES ? readFile(file) : null))
    .catch(() => null);
}

/** The sheets as read, with a garbage collection after each when the thread has a collector (src/cli/heap.ts). */
export function* eachSheet(
  sheets: Iterable<SheetSnapshot>,
  collector: SheetCollector | null,
): Generator<SheetSnapshot> {
  for (const sheet of sheets) {
    yield sheet;
    collector?.sheetDone();
  }
}

export async function checkOne(task: CheckTask, ahead: ReadAhead | null = null): Promise<CheckOutcome> {
  let report: FileReport;
  let bytes: Uint8Array;
  try {
    bytes = (ahead === null ? null : await ahead) ?? (await readInputBytes(task.file));
    const collector = sheetCollector();
    collector?.fileStarted();
    const result = checkWorkbook(eachSheet(readWorkbookSheets(bytes, task.file), collector), task.options);
    report = applyRuleSettings(
      { file: task.file, tables: result.tables, issues: result.issues, summary: result.summary },
      task.rules,
    );
  } catch (error) {
    return { index: task.index, report: errorRow(task.file, plainError(error, task.file)), copy: null };
  }
  if (task.copy === null) return { index: task.index, report, copy: null };
  const { target, force } = task.copy;
  try {
    if (await isSameFile(task.file, target)) {
      throw new OutputError(
        target,
        "标注副本不能覆盖被检查的原文件。",
        "the annotated copy may not overwrite the workbook being checked.",
      );
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeExclusive(target, force, (temporary) =>
      writeAnnotatedCopy(task.file, temporary, report.issues, bytes).then(() => undefined),
    );
    return { index: task.index, report, copy: { target, error: null } };
  } catch (error) {
    return { index: task.index, report, copy: { target, error: plainError(error, task.file) } };
  }
}
