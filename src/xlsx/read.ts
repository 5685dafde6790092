/**
 * The .xlsx host's read: one snapshot per visible worksheet, from the file's bytes once they have been
 * recognised as a workbook (see sniff.ts), so a bad file fails with one plain sentence. The package is
 * read by our own bounded reader (reader.ts), never by exceljs.
 */
import { readFile, stat } from "node:fs/promises";
import type { SheetSnapshot } from "../core/snapshot";
import type { LoadedWorkbook } from "./load";
import { readPackage, readPackageSheets } from "./reader";
import { describeUnreadable, InputError, sniffInput } from "./sniff";

export { InputError } from "./sniff";
export type { LoadedWorkbook } from "./load";

/** Reads every visible worksheet of an .xlsx file; throws InputError for anything that is not a readable workbook. */
export async function readWorkbookFile(file: string): Promise<SheetSnapshot[]> {
  return readWorkbookBuffer(await readInputBytes(file), file);
}

/** Reads every visible worksheet of an .xlsx held in memory; `file` names it in messages. */
export async function readWorkbookBuffer(data: Uint8Array, file: string): Promise<SheetSnapshot[]> {
  const unreadable = describeUnreadable(file, sniffInput(data));
  if (unreadable) throw unreadable;
  return readPackage(data, file);
}

/**
 * readWorkbookBuffer's sheets one at a time, each read when the one before has been dealt with (the
 * command line checks them so: only the sheet in hand is held). A file that is no workbook fails at once.
 */
export function readWorkbookSheets(data: Uint8Array, file: string): Iterable<SheetSnapshot> {
  const unreadable = describeUnreadable(file, sniffInput(data));
  if (unreadable) throw unreadable;
  return readPackageSheets(data, file);
}

/** The workbook as exceljs objects, with its snapshots (exceljs is loaded only when this is called). */
export async function loadWorkbookFile(file: string): Promise<LoadedWorkbook> {
  return (await import("./load")).loadWorkbookFile(file);
}

export async function loadWorkbookBuffer(data: Uint8Array, file: string): Promise<LoadedWorkbook> {
  return (await import("./load")).loadWorkbookBuffer(data, file);
}

/** The file's bytes, or an InputError saying plainly why they cannot be had. */
export async function readInputBytes(file: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (cause) {
    throw fileSystemError(file, cause);
  }
  if (info.isDirectory()) {
    throw new InputError(file, "这是一个文件夹，不是 Excel 文件。", "this is a folder, not an Excel file.");
  }
  if (!info.isFile()) {
    throw new InputError(file, "这不是普通文件。", "this is not a regular file.");
  }
  try {
    return await readFile(file);
  } catch (cause) {
    throw fileSystemError(file, cause);
  }
}

function fileSystemError(file: string, cause: unknown): InputError {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    return new InputError(
      file,
      "找不到这个文件，请检查路径和文件名。",
      "no such file; check the path and the file name.",
      {
        cause,
      },
    );
  }
  if (code === "EACCES" || code === "EPERM") {
    return new InputError(file, "没有读取这个文件的权限。", "permission denied.", { cause });
  }
  if (code === "EBUSY") {
    return new InputError(
      file,
      "文件正被其他程序占用，请关闭后再试。",
      "the file is in use by another program; close it and try again.",
      {
        cause,
      },
    );
  }
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new InputError(file, `读取文件时出错（${detail}）。`, `reading the file failed (${detail}).`, { cause });
}
