/**
 * Reads WPS worksheets into SheetSnapshots, the same shape the Excel host and the .xlsx reader give.
 *
 * The API is synchronous and has no payload cap, so a sheet is read in a handful of calls whatever
 * its size: UsedRange.Value2 gives every value at once; SpecialCells finds the number cells (whose
 * formats are read area by area, cell by cell only where an area's formats differ) and the error
 * cells (whose text is read, since Value2 hands errors over as codes); merged areas are found by
 * halving the sheet wherever MergeCells says "some" (null).
 */
import { rangeToA1, type CellRange } from "../core/address";
import { formatCellText } from "../core/format";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { checkSheetSize, toCellValue } from "../host/plans/read";
import type { SheetScope } from "../host/types";
import {
  XL_CELL_TYPE_CONSTANTS,
  XL_CELL_TYPE_FORMULAS,
  XL_ERRORS,
  XL_NUMBERS,
  XL_SHEET_VERY_HIDDEN,
  worksheets,
  type WpsApplication,
  type WpsRange,
  type WpsWorksheet,
} from "./api";
import { parseWpsAddress } from "./address";

/** What a Chinese WPS may report for General. */
const GENERAL_NAMES = new Set(["general", "g/通用格式", "通用格式", "常规"]);

export function normalFormat(format: unknown): string {
  const text = typeof format === "string" ? format : "";
  return text === "" || GENERAL_NAMES.has(text.toLowerCase()) ? "General" : text;
}

/** The range's position: zero-based top-left and size. */
export function areaOf(range: WpsRange): CellRange {
  const top = range.Row - 1;
  const left = range.Column - 1;
  return { top, left, bottom: top + range.Rows.Count - 1, right: left + range.Columns.Count - 1 };
}

/** The areas of a possibly multi-area range. */
export function areasOf(range: WpsRange): WpsRange[] {
  const areas = range.Areas;
  const out: WpsRange[] = [];
  for (let i = 1; i <= areas.Count; i++) out.push(areas.Item(i));
  return out;
}

/** SpecialCells, or null where no cell qualifies (WPS, like Excel, throws then). */
function special(range: WpsRange, type: number, value: number): WpsRange | null {
  try {
    return range.SpecialCells(type as Et.XlCellType, value);
  } catch {
    return null;
  }
}

/** Value2 as rows of columns (one cell gives a scalar). */
function grid(value: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(value)) return value.map((row) => (Array.isArray(row) ? row : [row]));
  if (rows === 1 && cols === 1) return [[value]];
  return [];
}

/** The sheets in scope: the active one, or every sheet but the very hidden ones (drop-down lists, the highlight record). */
export function sheetsInScope(app: WpsApplication, scope: SheetScope): WpsWorksheet[] {
  if (scope === "active") return [app.ActiveSheet as WpsWorksheet];
  return worksheets(app).filter((ws) => Number(ws.Visible) !== XL_SHEET_VERY_HIDDEN);
}

export function readSheet(ws: WpsWorksheet): SheetSnapshot {
  const name = ws.Name;
  const used = ws.UsedRange;
  const area = areaOf(used);
  const rows = area.bottom - area.top + 1;
  const cols = area.right - area.left + 1;
  checkSheetSize(name, area);
  const raw = grid(used.Value2, rows, cols);
  const values: CellValue[][] = [];
  for (let r = 0; r <= area.bottom; r++) {
    const row: CellValue[] = new Array(area.right + 1).fill(null);
    if (r >= area.top) {
      const source = raw[r - area.top] ?? [];
      for (let c = 0; c < cols; c++) row[area.left + c] = toCellValue(source[c]);
    }
    values.push(row);
  }
  const blank = values.every((row) => row.every((v) => v === null));
  if (blank) return normalizeSnapshot({ name, values: [], texts: [], numberFormats: [], merges: [] });

  // Errors: Value2 gives a code (a number), which must not pass for a value; their text is the error.
  const errors = new Set<string>();
  for (const type of [XL_CELL_TYPE_CONSTANTS, XL_CELL_TYPE_FORMULAS]) {
    const found = special(used, type, XL_ERRORS);
    if (!found) continue;
    for (const part of areasOf(found)) {
      const a = areaOf(part);
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const text = ws.Cells.Item(r + 1, c + 1).Text;
          values[r]![c] = typeof text === "string" && text !== "" ? text : "#N/A";
          errors.add(`${r},${c}`);
        }
      }
    }
  }

  const formats: string[][] = values.map((row) => row.map(() => "General"));
  for (const type of [XL_CELL_TYPE_CONSTANTS, XL_CELL_TYPE_FORMULAS]) {
    const found = special(used, type, XL_NUMBERS);
    if (!found) continue;
    for (const part of areasOf(found)) readFormats(ws, part, formats);
  }

  const texts = values.map((row, r) =>
    row.map((value, c) => (errors.has(`${r},${c}`) ? String(value) : formatCellText(value, formats[r]![c]))),
  );
  const merges = mergedAreas(ws, { top: 0, left: 0, bottom: area.bottom, right: area.right });
  return normalizeSnapshot({ name, values, texts, numberFormats: formats, merges });
}

/** An area's formats: at once where they agree (NumberFormat reads null where they differ), else row by row, then cell by cell. */
function readFormats(ws: WpsWorksheet, range: WpsRange, formats: string[][]): void {
  const a = areaOf(range);
  const fill = (area: CellRange, format: string) => {
    for (let r = area.top; r <= area.bottom; r++) for (let c = area.left; c <= area.right; c++) formats[r]![c] = format;
  };
  const whole = range.NumberFormat as unknown;
  if (whole !== null && whole !== undefined) return fill(a, normalFormat(whole));
  for (let r = a.top; r <= a.bottom; r++) {
    const row = { top: r, left: a.left, bottom: r, right: a.right };
    const rowRange = ws.Range(rangeToA1(row));
    const rowFormat = rowRange.NumberFormat as unknown;
    if (rowFormat !== null && rowFormat !== undefined) {
      fill(row, normalFormat(rowFormat));
      continue;
    }
    for (let c = a.left; c <= a.right; c++) formats[r]![c] = normalFormat(ws.Cells.Item(r + 1, c + 1).NumberFormat);
  }
}

/** The merged areas within an area: none where MergeCells is false, else halves looked at in turn. */
export function mergedAreas(ws: WpsWorksheet, area: CellRange): CellRange[] {
  const found = new Map<string, CellRange>();
  const rangeOf = (a: CellRange) => ws.Range(rangeToA1(a));
  const visit = (a: CellRange) => {
    const range = rangeOf(a);
    const merged = range.MergeCells as unknown;
    if (merged === false) return;
    // Every cell merged, or some: the top-left cell's merged area may be the whole of it.
    const first = ws.Cells.Item(a.top + 1, a.left + 1);
    if (first.MergeCells === true) {
      const m = parseWpsAddress(first.MergeArea.Address(false, false));
      if (m) {
        found.set(`${m.top},${m.left},${m.bottom},${m.right}`, m);
        if (m.top <= a.top && m.left <= a.left && m.bottom >= a.bottom && m.right >= a.right) return;
      }
    }
    if (a.top === a.bottom && a.left === a.right) return;
    if (a.bottom - a.top >= a.right - a.left) {
      const mid = Math.floor((a.top + a.bottom) / 2);
      visit({ ...a, bottom: mid });
      visit({ ...a, top: mid + 1 });
    } else {
      const mid = Math.floor((a.left + a.right) / 2);
      visit({ ...a, right: mid });
      visit({ ...a, left: mid + 1 });
    }
  };
  visit(area);
  return [...found.values()];
}
