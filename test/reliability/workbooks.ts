/** Builds real .xlsx files (with exceljs) and other files named .xlsx, for the command line's bad-input tests. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { bufferIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import type { TestCell } from "../support/sheet";

export type SheetCell = TestCell | { formula: string; result?: ExcelJS.CellValue; format?: string };

export interface SheetSpec {
  name: string;
  rows: SheetCell[][];
  merges?: string[];
  /** Edits the worksheet after the rows are written (hide rows, protect, style cells). */
  edit?: (worksheet: ExcelJS.Worksheet) => void | Promise<void>;
}

/** A workbook with the given sheets, in memory. */
export function workbookOf(sheets: SheetSpec[]): Promise<ExcelJS.Workbook> {
  return buildWorkbook(sheets);
}

async function buildWorkbook(sheets: SheetSpec[]): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const worksheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (cell === null) return;
        const target = worksheet.getCell(r + 1, c + 1);
        if (typeof cell !== "object") {
          target.value = cell;
        } else if ("formula" in cell) {
          target.value = { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
          if (cell.format) target.numFmt = cell.format;
        } else {
          target.value = cell.value;
          target.numFmt = cell.format;
        }
      });
    });
    for (const merge of spec.merges ?? []) worksheet.mergeCells(merge);
    await spec.edit?.(worksheet);
  }
  return workbook;
}

/** Writes a workbook of the given sheets to `file`. */
export async function writeWorkbook(file: string, sheets: SheetSpec[]): Promise<string> {
  const workbook = await buildWorkbook(sheets);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** A fresh temporary folder, removed by the returned function. */
export async function scratchFolder(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), "target-table-reliability-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeBytes(file: string, bytes: Uint8Array | string): Promise<string> {
  await writeFile(file, bytes);
  return file;
}

interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line in-process, as `target-table ...argv` would. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const io = bufferIO();
  const status = await main(argv, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}

/** A failure the user can read: status 2, nothing on standard output, one line on standard error, no stack trace. */
export function expectOneLineFailure(run: CliRun, ...fragments: (string | RegExp)[]): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.endsWith("\n")).toBe(true);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at |\bat .*:\d+:\d+|Error:|内部错误|internal error/);
  // Chinese first, then the English sentence in brackets.
  const english = run.stderr.search(/ \((?=cannot|--|[a-z]+ )/);
  expect(english).toBeGreaterThan(0);
  expect(run.stderr.slice(0, english)).toMatch(/[\u4e00-\u9fff]/);
  expect(run.stderr.trimEnd().endsWith(")")).toBe(true);
  for (const fragment of fragments) expect(run.stderr).toMatch(fragment);
}
