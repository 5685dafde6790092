/**
 * Snapshots straight from the workbook model exceljs parses, without the worksheet, row and cell
 * objects it would build from it. Those objects are most of what loading costs: for a 50,000-row
 * workbook they take over 100 MB that a check never needs. Each sheet is converted and released in
 * turn. The conversion mirrors exceljs 4.4's own (lib/doc/row.js, cell.js and worksheet.js: which
 * cells are visited, what each cell's value is, which merged cells lose their value), so the
 * snapshots equal those read through a full load; test/xlsx/model-snapshot.test.ts holds them to it.
 */
import ExcelJS from "exceljs";
import type { CellRange } from "../core/address";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";

/** How a cell's exceljs value becomes snapshot data (the reader's own rules, shared with the full load). */
interface CellReading {
  value(raw: ExcelJS.CellValue | undefined): CellValue;
  text(value: CellValue, numberFormat: string, raw: ExcelJS.CellValue | undefined): string;
}

export interface ModelSheet {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  snapshot: SheetSnapshot;
}

/** exceljs's ValueType numbers (lib/doc/enums.js). */
const NULL_TYPE = 0;
const MERGE_TYPE = 1;
const HYPERLINK_TYPE = 5;
const FORMULA_TYPE = 6;

interface CellModel {
  address?: string;
  type: number;
  value?: unknown;
  text?: unknown;
  hyperlink?: unknown;
  tooltip?: unknown;
  formula?: unknown;
  result?: unknown;
  ref?: unknown;
  shareType?: unknown;
  sharedFormula?: unknown;
  style?: { numFmt?: string };
}

interface RowModel {
  number: number;
  cells: CellModel[];
}

interface WorksheetModel {
  id: number;
  name: string;
  state?: string;
  rows: RowModel[];
  mergeCells?: string[];
}

interface WorkbookModel {
  worksheets: (WorksheetModel | null)[];
  worksheetHash?: Record<string, unknown>;
  sheets?: { id: number }[];
}

/** A workbook whose load hands the parsed model to `onModel` instead of building worksheets from it. */
export function modelCapturingWorkbook(onModel: (model: WorkbookModel) => void): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  // xlsx.load ends with `workbook.model = model`: take the model there.
  Object.defineProperty(workbook, "model", {
    configurable: true,
    set: (model: WorkbookModel) => onModel(model),
  });
  return workbook;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const ADDRESS = /^\$?([A-Z]+)\$?(\d+)$/;
const RANGE = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/;

/** One-based column of an "AB12" address, or null. */
function columnOf(address: string): number | null {
  const m = ADDRESS.exec(address);
  return m ? columnNumber(m[1]) : null;
}

/** A merged area's bounds, zero-based; like exceljs, an area overlapping an earlier one is an error. */
function mergedAreas(refs: readonly string[]): CellRange[] {
  const areas: CellRange[] = [];
  const taken = new Set<number>();
  for (const ref of refs) {
    const m = RANGE.exec(ref.toUpperCase());
    if (!m) throw new Error(`Invalid merged range ${ref}`);
    const c1 = columnNumber(m[1]) - 1;
    const r1 = Number(m[2]) - 1;
    const c2 = m[3] ? columnNumber(m[3]) - 1 : c1;
    const r2 = m[4] ? Number(m[4]) - 1 : r1;
    const area = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const key = r * 16384 + c;
        if (taken.has(key)) throw new Error("Cannot merge already merged cells");
        taken.add(key);
      }
    }
    areas.push(area);
  }
  return areas;
}

/**
 * The value exceljs's cell reports for this model. Its FormulaValue keeps only truthy fields; the
 * result is kept whatever it is, as the full load takes it (see rawValue in read.ts).
 */
function cellValueOf(cell: CellModel): ExcelJS.CellValue | undefined {
  if (cell.type === HYPERLINK_TYPE) {
    const link: Record<string, unknown> = { text: cell.text, hyperlink: cell.hyperlink };
    if (cell.tooltip) link.tooltip = cell.tooltip;
    return link as unknown as ExcelJS.CellValue;
  }
  if (cell.type === FORMULA_TYPE) {
    const formula: Record<string, unknown> = {};
    for (const name of ["formula", "result", "ref", "shareType", "sharedFormula"] as const) {
      const field = cell[name];
      if (name === "result" ? field !== undefined && field !== null : field) formula[name] = field;
    }
    return formula as unknown as ExcelJS.CellValue;
  }
  return cell.value as ExcelJS.CellValue | undefined;
}

function sheetSnapshot(model: WorksheetModel, reading: CellReading): SheetSnapshot {
  // Rows as exceljs keeps them: by number, a later row of the same number replacing an earlier one.
  const rows: (Map<number, CellModel> | undefined)[] = [];
  for (const row of model.rows ?? []) {
    const cells = new Map<number, CellModel>();
    let previous: number | null = null;
    for (const cell of row.cells ?? []) {
      if (cell.type === MERGE_TYPE) continue;
      // A <c> without an address is the cell after the previous one.
      const col: number | null = cell.address
        ? columnOf(cell.address.toUpperCase())
        : previous === null
          ? null
          : previous + 1;
      if (col === null) throw new Error(`Invalid cell address ${cell.address}`);
      previous = col;
      cells.set(col, cell);
    }
    rows[row.number - 1] = cells;
  }
  const merges = mergedAreas(model.mergeCells ?? []);
  // A merged area's value lives in its top-left cell: exceljs turns the others into merge cells.
  const covered = new Set<number>();
  for (const area of merges) {
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        if (r !== area.top || c !== area.left) covered.add(r * 16384 + c);
      }
    }
  }
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const numberFormats: string[][] = [];
  rows.forEach((cells, r) => {
    if (!cells) return;
    const vRow: CellValue[] = [];
    const tRow: string[] = [];
    const fRow: string[] = [];
    for (const [col, cell] of cells) {
      const c = col - 1;
      if (cell.type === NULL_TYPE || covered.has(r * 16384 + c)) continue;
      const numberFormat = cell.style?.numFmt || "General";
      const raw = cellValueOf(cell);
      const value = reading.value(raw);
      vRow[c] = value;
      tRow[c] = reading.text(value, numberFormat, raw);
      fRow[c] = numberFormat;
    }
    values[r] = vRow;
    texts[r] = tRow;
    numberFormats[r] = fRow;
  });
  // Holes are fine here: normalizeSnapshot fills them (null, "", General) as it copies into shape.
  return normalizeSnapshot({
    name: model.name,
    values,
    texts,
    numberFormats,
    merges: merges.filter((m) => m.bottom > m.top || m.right > m.left),
  });
}

/**
 * Every worksheet of a parsed workbook model as a snapshot, in tab order (as exceljs's
 * workbook.worksheets has them). Each sheet's model is released once converted.
 */
export function modelSnapshots(model: WorkbookModel, reading: CellReading): ModelSheet[] {
  const placed: { id: number; orderNo: number; sheet: ModelSheet }[] = [];
  const worksheets = model.worksheets;
  for (let i = 0; i < worksheets.length; i++) {
    const worksheet = worksheets[i];
    if (!worksheet) continue;
    const orderNo = model.sheets ? model.sheets.findIndex((s) => s.id === worksheet.id) : -1;
    const sheet = {
      name: worksheet.name,
      state: worksheet.state ?? "visible",
      snapshot: sheetSnapshot(worksheet, reading),
    };
    // Drop this sheet's model before the next: both the list and the by-path index hold it.
    worksheets[i] = null;
    placed.push({ id: worksheet.id, orderNo, sheet });
  }
  if (model.worksheetHash) for (const path of Object.keys(model.worksheetHash)) delete model.worksheetHash[path];
  // exceljs keeps worksheets by id (a later one replacing an earlier of the same id), listed by orderNo.
  const byId = new Map<number, (typeof placed)[number]>();
  for (const entry of placed) byId.set(entry.id, entry);
  return [...byId.values()]
    .sort((a, b) => a.id - b.id)
    .sort((a, b) => a.orderNo - b.orderNo)
    .map((entry) => entry.sheet);
}
