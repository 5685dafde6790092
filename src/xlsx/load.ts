/**
 * Loading a workbook with exceljs, for what still needs its object model (the template check tests and
 * the annotated copy until it patches the package). A plain check never loads exceljs: see read.ts.
 */
import ExcelJS from "exceljs";
import builtinNumberFormats from "exceljs/lib/xlsx/defaultnumformats.js";
import type { CellRange } from "../core/address";
import { formatCellText } from "../core/format";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { withLinearMergeLoading } from "./linear-merges";
import { readInputBytes } from "./read";
import { describeUnreadable, InputError, sniffInput } from "./sniff";

/**
 * exceljs knows the East Asian built-in number formats (ids 27–36 and 50–58) only per locale and
 * reads cells using them as General, so a date shown as 2021年12月31日 would arrive as a bare
 * 44561. Give those ids their zh-CN codes, which Chinese Excel and WPS display. (exceljs built its
 * table for writing when it loaded, so what it writes is unchanged.)
 */
for (const entry of Object.values(builtinNumberFormats)) {
  if (!entry.f && entry["zh-cn"]) entry.f = entry["zh-cn"];
}

/** A workbook loaded for reading, kept so the same file can be annotated without a second parse. */
export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  sheets: SheetSnapshot[];
}

/** Reads every worksheet of an .xlsx file; throws InputError for anything that is not a readable workbook. */
export async function loadWorkbookFile(file: string): Promise<LoadedWorkbook> {
  return loadWorkbookBuffer(await readInputBytes(file), file);
}

export async function loadWorkbookBuffer(data: Uint8Array, file: string): Promise<LoadedWorkbook> {
  const unreadable = describeUnreadable(file, sniffInput(data));
  if (unreadable) throw unreadable;
  const workbook = withLinearMergeLoading(new ExcelJS.Workbook());
  await parseInto(workbook, data, file);
  // A very hidden sheet is machinery (drop-down lists, records), never a sheet the user can see or fill.
  const visible = workbook.worksheets.filter((sheet) => sheet.state !== "veryHidden");
  return { workbook, sheets: visible.map(snapshotOf) };
}

/** Parses the bytes into the workbook; a failure is an InputError saying the file is damaged. */
async function parseInto(workbook: ExcelJS.Workbook, data: Uint8Array, file: string): Promise<void> {
  try {
    // exceljs accepts a Node Buffer; a view over the same bytes avoids a copy.
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (cause) {
    throw new InputError(
      file,
      "文件已损坏，无法解析其中的工作簿内容；请在 Excel 中打开并重新保存后再检查。",
      "the workbook is damaged and its content cannot be parsed; open it in Excel, save it again, then check it again.",
      { cause },
    );
  }
}

/** One worksheet as plain data: values, displayed texts, number formats and merged areas. */
export function snapshotOf(worksheet: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const numberFormats: string[][] = [];
  const mergeBounds = new Map<string, CellRange>();

  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.isMerged) {
        const master = cell.master;
        const bounds = mergeBounds.get(master.address);
        if (!bounds) {
          // The master may be an empty cell exceljs does not visit: start from its position.
          const top = Number(master.row) - 1;
          const left = Number(master.col) - 1;
          mergeBounds.set(master.address, {
            top: Math.min(top, r),
            left: Math.min(left, c),
            bottom: Math.max(top, r),
            right: Math.max(left, c),
          });
        } else {
          bounds.top = Math.min(bounds.top, r);
          bounds.left = Math.min(bounds.left, c);
          bounds.bottom = Math.max(bounds.bottom, r);
          bounds.right = Math.max(bounds.right, c);
        }
        // A merged area's value lives in its top-left cell only.
        if (master !== cell) return;
      }
      const numberFormat = cell.numFmt || "General";
      const raw = rawValue(cell);
      const value = plainValue(raw);
      (values[r] ??= [])[c] = value;
      (texts[r] ??= [])[c] = displayText(value, numberFormat, raw);
      (numberFormats[r] ??= [])[c] = numberFormat;
    });
  });

  return normalizeSnapshot({
    name: worksheet.name,
    values: densify(values, null),
    texts: densify(texts, ""),
    numberFormats: densify(numberFormats, "General"),
    merges: [...mergeBounds.values()],
  });
}

/**
 * The cell's value, with a formula's cached result as saved: exceljs's `value` leaves out a result
 * that is 0, FALSE or empty text (a formula summing to 0 would read as a missing value), its
 * `result` does not.
 */
function rawValue(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (cell.type !== ExcelJS.ValueType.Formula || value === null || typeof value !== "object") return value;
  const result = cell.result;
  return result === undefined || result === null ? value : ({ ...value, result } as ExcelJS.CellValue);
}

function densify<T>(rows: T[][], filler: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const dense: T[] = new Array(row.length);
    for (let c = 0; c < row.length; c++) dense[c] = row[c] ?? filler;
    out.push(dense);
  }
  return out;
}

/** An exceljs cell value reduced to what Excel reports: number (dates as serials), text, boolean or null. */
function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value;
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value !== "object") return null;
  if ("error" in value && typeof value.error === "string") return value.error;
  if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((run) => run.text ?? "").join("");
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    if (text === undefined || text === null) return (value as { hyperlink: string }).hyperlink;
    return plainValue(text as ExcelJS.CellValue);
  }
  if ("formula" in value || "sharedFormula" in value) {
    // The cached result Excel saved; a formula never calculated has none.
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return null;
    if (typeof result === "object" && !(result instanceof Date) && "error" in (result as object)) {
      return String((result as { error: unknown }).error);
    }
    return plainValue(result as ExcelJS.CellValue);
  }
  return null;
}

function displayText(value: CellValue, numberFormat: string, raw: ExcelJS.CellValue | undefined): string {
  // An error result shows as its error text whatever the format.
  if (typeof value === "string" && isErrorValue(raw)) return value;
  // Text shows as typed: a format's text section is not applied, as the Excel host cannot see it
  // without reading every cell's format (see src/excel/read.ts).
  return formatCellText(value, typeof value === "number" ? numberFormat : "General");
}

function isErrorValue(raw: ExcelJS.CellValue | undefined): boolean {
  if (raw === null || typeof raw !== "object" || raw instanceof Date) return false;
  if ("error" in raw) return true;
  const result = (raw as { result?: unknown }).result;
  return typeof result === "object" && result !== null && !(result instanceof Date) && "error" in result;
}

/**
 * A date exceljs decoded back to the serial number Excel stores (1900 date system).
 * exceljs decodes serial n as 1899-12-30 + n days, so this inverts it exactly, serial 60 included.
 */
function dateToSerial(date: Date): number {
  const serial = date.getTime() / 86400000 + 25569;
  // exceljs rounded the serial to whole milliseconds; undo the float noise of that round trip.
  return Math.round(serial * 1e9) / 1e9;
}
