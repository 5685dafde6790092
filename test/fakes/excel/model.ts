/**
 * What the fake's objects do to the workbook state: reading cells as Office.js reports them,
 * writing values and formats the way Excel coerces them, protection, merges, the used range.
 */
import type { CellRange } from "../../../src/core/address";
import { formatCellText } from "../../../src/core/format";
import { cellKey, contains, intersects, parseCellKey, parseSheetAddress } from "./address";
import { officeError } from "./runtime";
import {
  FAKE_FILL_PATTERNS,
  type FakeCell,
  type FakeFill,
  type FakeFillPattern,
  type FakeSheet,
  type FakeWorkbookState,
} from "./state";

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
const DEFAULT_FONT_COLOR = "#000000";
/** What Office.js reports as the colour of a cell with No Fill. */
const NO_FILL_COLOR = "#FFFFFF";

export function sheetById(state: FakeWorkbookState, id: string): FakeSheet {
  const sheet = state.sheets.find((s) => s.id === id);
  if (!sheet) throw officeError("ItemNotFound", `The worksheet ${id} no longer exists.`);
  return sheet;
}

/** By name (case-insensitive, like Excel) or by id. */
export function sheetByKey(state: FakeWorkbookState, key: string): FakeSheet | undefined {
  const lower = key.toLowerCase();
  return state.sheets.find((s) => s.id === key || s.name.toLowerCase() === lower);
}

/**
 * Cells by row and column, built from the A1-keyed state once per sync: sheets of a million cells
 * are read cell by cell, and string keys would make that slow. Tests may change the state between
 * syncs, so each sync starts a new generation.
 */
interface SheetIndex {
  checked: number;
  cells: Record<string, FakeCell>;
  size: number;
  rows: Map<number, Map<number, FakeCell>>;
}

const indexes = new WeakMap<FakeSheet, SheetIndex>();
let generation = 0;

/** Called when a sync starts: the state may have been changed from outside since the last one. */
export function startGeneration(): void {
  generation++;
}

function indexOf(sheet: FakeSheet): SheetIndex {
  const cached = indexes.get(sheet);
  if (cached && cached.cells === sheet.cells) {
    if (cached.checked === generation) return cached;
    // Cells changed in place keep their objects; a cell added or removed from outside changes the count.
    if (Object.keys(sheet.cells).length === cached.size) {
      cached.checked = generation;
      return cached;
    }
  }
  const rows = new Map<number, Map<number, FakeCell>>();
  for (const [key, cell] of Object.entries(sheet.cells)) {
    const { row, col } = parseCellKey(key);
    let cols = rows.get(row);
    if (!cols) {
      cols = new Map();
      rows.set(row, cols);
    }
    cols.set(col, cell);
  }
  const index = { checked: generation, cells: sheet.cells, size: Object.keys(sheet.cells).length, rows };
  indexes.set(sheet, index);
  return index;
}

export function cellGet(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
  return indexOf(sheet).rows.get(row)?.get(col);
}

export function cellEnsure(sheet: FakeSheet, row: number, col: number): FakeCell {
  const index = indexOf(sheet);
  let cell = index.rows.get(row)?.get(col);
  if (!cell) {
    cell = {};
    sheet.cells[cellKey(row, col)] = cell;
    index.size++;
    let cols = index.rows.get(row);
    if (!cols) {
      cols = new Map();
      index.rows.set(row, cols);
    }
    cols.set(col, cell);
  }
  return cell;
}

/** Drops a cell that holds nothing any more, so states compare equal to never-touched ones. */
export function tidyCell(sheet: FakeSheet, row: number, col: number): void {
  const index = indexOf(sheet);
  const cell = index.rows.get(row)?.get(col);
  if (cell && Object.values(cell).every((v) => v === undefined)) {
    delete sheet.cells[cellKey(row, col)];
    index.rows.get(row)!.delete(col);
    index.size--;
  }
}

/** Every stored cell with its coordinates. */
export function eachCell(sheet: FakeSheet, visit: (row: number, col: number, cell: FakeCell) => void): void {
  for (const [row, cols] of indexOf(sheet).rows) for (const [col, cell] of cols) visit(row, col, cell);
}

function hasValue(cell: FakeCell | undefined): boolean {
  return !!cell && ((cell.value !== undefined && cell.value !== null && cell.value !== "") || !!cell.formula);
}

/** Range.values: "" for an empty cell. */
export function apiValue(cell: FakeCell | undefined): string | number | boolean {
  if (!cell || cell.value === undefined || cell.value === null) return "";
  return cell.value;
}

export function apiText(cell: FakeCell | undefined): string {
  if (!cell) return "";
  if (cell.text !== undefined) return cell.text;
  const value = cell.value === undefined || cell.value === "" ? null : cell.value;
  return formatCellText(value, cell.numberFormat ?? "General");
}

export function apiNumberFormat(cell: FakeCell | undefined): string {
  return cell?.numberFormat ?? "General";
}

export function apiFormula(cell: FakeCell | undefined): string | number | boolean {
  if (cell?.formula) return cell.formula;
  return apiValue(cell);
}

const parsedMerges = new WeakMap<string[], { length: number; first: string; last: string; ranges: CellRange[] }>();

/** The sheet's merged areas, parsed (cached while the list is unchanged: sheets can hold thousands). */
export function mergesOf(sheet: FakeSheet): CellRange[] {
  const list = sheet.merges;
  const cached = parsedMerges.get(list);
  if (cached && cached.length === list.length && cached.first === list[0] && cached.last === list[list.length - 1]) {
    return cached.ranges;
  }
  const ranges = list.map((m) => {
    const parsed = parseSheetAddress(m);
    if (!parsed) throw new Error(`Bad merged area "${m}" in the fake's state.`);
    return parsed.range;
  });
  parsedMerges.set(list, { length: list.length, first: list[0]!, last: list[list.length - 1]!, ranges });
  return ranges;
}

/** The bounding box of cells with a value (valuesOnly) or with anything at all. */
export function usedRange(sheet: FakeSheet, valuesOnly: boolean): CellRange | null {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  eachCell(sheet, (row, col, cell) => {
    const used = valuesOnly ? hasValue(cell) : Object.values(cell).some((v) => v !== undefined && v !== "");
    if (!used) return;
    if (row < top) top = row;
    if (row > bottom) bottom = row;
    if (col < left) left = col;
    if (col > right) right = col;
  });
  if (!valuesOnly) {
    for (const m of mergesOf(sheet)) {
      top = Math.min(top, m.top);
      left = Math.min(left, m.left);
      bottom = Math.max(bottom, m.bottom);
      right = Math.max(right, m.right);
    }
  }
  return bottom < 0 ? null : { top, left, bottom, right };
}

export function assertCanEditCells(sheet: FakeSheet): void {
  if (sheet.protection?.protected) throw officeError("AccessDenied", `The worksheet "${sheet.name}" is protected.`);
}

export function assertCanFormat(sheet: FakeSheet): void {
  if (sheet.protection?.protected && !sheet.protection.allowFormatCells) {
    throw officeError("AccessDenied", `The worksheet "${sheet.name}" is protected.`);
  }
}

export function assertCanEditObjects(sheet: FakeSheet): void {
  if (sheet.protection?.protected && !sheet.protection.allowEditObjects) {
    throw officeError("AccessDenied", `The worksheet "${sheet.name}" is protected.`);
  }
}

/** The merged area holding the cell, if any. */
function mergeAt(sheet: FakeSheet, row: number, col: number): CellRange | undefined {
  return mergesOf(sheet).find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
}

/** Writes one cell the way Excel coerces typed input: numbers and percentages from text, ' keeps text. */
export function writeValue(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return;
  const merge = mergeAt(sheet, row, col);
  if (merge && (merge.top !== row || merge.left !== col) && input !== "") {
    throw officeError("InvalidOperation", "Cannot change part of a merged cell.");
  }
  const cell = cellEnsure(sheet, row, col);
  delete cell.formula;
  delete cell.text;
  if (input === "") delete cell.value;
  else if (typeof input === "number" || typeof input === "boolean") cell.value = input;
  else if (typeof input === "string") {
    if (input.startsWith("'")) cell.value = input.slice(1);
    else if (input.startsWith("=")) throw officeError("NotImplemented", "The fake does not evaluate formulas.");
    else if (/^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(input.trim())) cell.value = Number(input.trim());
    else if (/^[-+]?\d+(?:\.\d+)?%$/.test(input.trim())) {
      const text = input.trim().slice(0, -1);
      cell.value = Number(text) / 100;
      if (!cell.numberFormat || cell.numberFormat === "General")
        cell.numberFormat = text.includes(".") ? "0.00%" : "0%";
    } else cell.value = input;
  } else throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(input)}.`);
  tidyCell(sheet, row, col);
}

export function writeNumberFormat(sheet: FakeSheet, row: number, col: number, format: unknown): void {
  if (format === null || format === undefined) return;
  if (typeof format !== "string") throw officeError("InvalidArgument", "A number format is text.");
  const cell = cellEnsure(sheet, row, col);
  delete cell.text;
  if (format === "General" || format === "") delete cell.numberFormat;
  else cell.numberFormat = format;
  tidyCell(sheet, row, col);
}

function normaliseColor(input: unknown): string {
  if (typeof input !== "string") throw officeError("InvalidArgument", `Colour ${JSON.stringify(input)} is not text.`);
  const named: Record<string, string> = { black: "#000000", white: "#FFFFFF", red: "#FF0000", yellow: "#FFFF00" };
  const value = named[input.toLowerCase()] ?? input;
  const m = /^#?([0-9a-fA-F]{6})$/.exec(value);
  if (!m) throw officeError("InvalidArgument", `Colour "${input}" is not #RRGGBB.`);
  return `#${m[1]!.toUpperCase()}`;
}

function tintValue(input: unknown): number {
  if (typeof input !== "number" || input < -1 || input > 1)
    throw officeError("InvalidArgument", "A tint is between -1 and 1.");
  return input;
}

/** One cell's answer to getCellProperties, limited to what was asked for. */
export function readCellProperties(
  sheetName: string,
  address: string,
  cell: FakeCell | undefined,
  options: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (options.address) out.address = address;
  if (options.addressLocal) out.addressLocal = address;
  const formatOptions = options.format;
  if (formatOptions && typeof formatOptions === "object") {
    const f = formatOptions as Record<string, unknown>;
    const format: Record<string, unknown> = {};
    const fill = cell?.fill;
    const fillAll = {
      color: fill ? fill.color : NO_FILL_COLOR,
      pattern: fill ? fill.pattern : "None",
      patternColor: fill?.patternColor ?? "#000000",
      tintAndShade: fill?.tint ?? 0,
      patternTintAndShade: fill?.patternTint ?? 0,
    };
    const font = cell?.font;
    const fontAll = {
      color: font?.color ?? DEFAULT_FONT_COLOR,
      bold: font?.bold ?? false,
      italic: font?.italic ?? false,
      size: font?.size ?? 11,
      name: font?.name ?? "Calibri",
    };
    if (f.fill) format.fill = pick(fillAll, f.fill);
    if (f.font) format.font = pick(fontAll, f.font);
    if (f.horizontalAlignment) format.horizontalAlignment = cell?.horizontalAlignment ?? "General";
    if (f.verticalAlignment) format.verticalAlignment = cell?.verticalAlignment ?? "Bottom";
    if (f.wrapText) format.wrapText = cell?.wrapText ?? false;
    if (f.borders) {
      const borders: Record<string, unknown> = {};
      for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
        const b = cell?.borders?.[edge];
        borders[edge] = { style: b?.style ?? "None", color: b?.color ?? "#000000", weight: b?.weight ?? "Thin" };
      }
      format.borders = borders;
    }
    out.format = format;
  }
  void sheetName;
  return out;
}

function pick(all: Record<string, unknown>, selection: unknown): Record<string, unknown> {
  if (selection === true) return { ...all };
  const out: Record<string, unknown> = {};
  for (const [key, wanted] of Object.entries(selection as Record<string, unknown>)) {
    if (wanted && key in all) out[key] = all[key];
  }
  return out;
}

/** setCellProperties for one cell: only the properties given change. */
export function applyCellProperties(sheet: FakeSheet, row: number, col: number, props: unknown): void {
  if (props === null || props === undefined) return;
  if (typeof props !== "object") throw officeError("InvalidArgument", "Cell properties are objects.");
  const p = props as Record<string, unknown>;
  if (p.style !== undefined || p.hyperlink !== undefined || p.textRuns !== undefined) {
    throw officeError("NotImplemented", "The fake sets only format properties.");
  }
  const format = p.format as Record<string, unknown> | undefined;
  if (!format) return;
  const cell = cellEnsure(sheet, row, col);
  const fill = format.fill as Record<string, unknown> | undefined;
  if (fill) applyFill(cell, fill);
  const font = format.font as Record<string, unknown> | undefined;
  if (font) {
    const next = { ...(cell.font ?? {}) };
    if (font.color !== undefined) next.color = normaliseColor(font.color);
    if (font.bold !== undefined) next.bold = Boolean(font.bold);
    if (font.italic !== undefined) next.italic = Boolean(font.italic);
    if (font.size !== undefined) next.size = Number(font.size);
    if (font.name !== undefined) next.name = String(font.name);
    if (next.color === DEFAULT_FONT_COLOR) delete next.color;
    cell.font = Object.keys(next).length > 0 ? next : undefined;
    if (!cell.font) delete cell.font;
  }
  if (format.horizontalAlignment !== undefined) cell.horizontalAlignment = String(format.horizontalAlignment);
  if (format.verticalAlignment !== undefined) cell.verticalAlignment = String(format.verticalAlignment);
  if (format.wrapText !== undefined) cell.wrapText = Boolean(format.wrapText);
  const borders = format.borders as Record<string, Record<string, unknown>> | undefined;
  if (borders) {
    const next = { ...(cell.borders ?? {}) };
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const) {
      const b = borders[edge];
      if (!b) continue;
      if (b.style === "None") delete next[edge];
      else
        next[edge] = {
          style: String(b.style ?? "Continuous"),
          color: b.color ? normaliseColor(b.color) : "#000000",
          weight: String(b.weight ?? "Thin"),
        };
    }
    cell.borders = next;
  }
  tidyCell(sheet, row, col);
}

/** Excel's fill semantics: pattern None removes the fill; setting a colour on No Fill makes it solid. */
function applyFill(cell: FakeCell, fill: Record<string, unknown>): void {
  if (fill.pattern !== undefined && !FAKE_FILL_PATTERNS.includes(fill.pattern as FakeFillPattern)) {
    throw officeError("InvalidArgument", `Unknown fill pattern "${String(fill.pattern)}".`);
  }
  if (fill.pattern === "None") {
    delete cell.fill;
    return;
  }
  const next: FakeFill = cell.fill ? { ...cell.fill } : { color: NO_FILL_COLOR, pattern: "Solid" };
  if (fill.color !== undefined) next.color = normaliseColor(fill.color);
  if (fill.pattern !== undefined) next.pattern = fill.pattern as FakeFill["pattern"];
  if (fill.patternColor !== undefined) next.patternColor = normaliseColor(fill.patternColor);
  if (fill.tintAndShade !== undefined) next.tint = tintValue(fill.tintAndShade);
  if (fill.patternTintAndShade !== undefined) next.patternTint = tintValue(fill.patternTintAndShade);
  const touched = ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"].some(
    (k) => fill[k] !== undefined,
  );
  if (!touched) return;
  // Office.js reports an unset pattern colour as black and an unset tint as 0: store them as unset.
  if (next.patternColor === "#000000") delete next.patternColor;
  if (next.tint === 0) delete next.tint;
  if (next.patternTint === 0) delete next.patternTint;
  cell.fill = next;
}

/** Merges an area; areas it fully covers are absorbed, a partial overlap is refused as in Excel. */
export function mergeArea(sheet: FakeSheet, area: CellRange, across: boolean): void {
  assertCanEditCells(sheet);
  const targets: CellRange[] = across
    ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => ({
        ...area,
        top: area.top + i,
        bottom: area.top + i,
      }))
    : [area];
  for (const target of targets) {
    if (target.top === target.bottom && target.left === target.right) continue;
    const existing = mergesOf(sheet);
    for (const m of existing) {
      if (intersects(m, target) && !contains(target, m))
        throw officeError("InvalidOperation", "Cannot merge over part of a merged cell.");
    }
    sheet.merges = existing.filter((m) => !contains(target, m)).map((m) => rangeKey(m));
    for (let r = target.top; r <= target.bottom; r++) {
      for (let c = target.left; c <= target.right; c++) {
        if (r === target.top && c === target.left) continue;
        const cell = cellGet(sheet, r, c);
        if (cell) {
          delete cell.value;
          delete cell.formula;
          delete cell.text;
          tidyCell(sheet, r, c);
        }
      }
    }
    sheet.merges.push(rangeKey(target));
  }
}

export function unmergeArea(sheet: FakeSheet, area: CellRange): void {
  assertCanEditCells(sheet);
  sheet.merges = mergesOf(sheet)
    .filter((m) => !intersects(m, area))
    .map((m) => rangeKey(m));
}

export function rangeKey(range: CellRange): string {
  const a = cellKey(range.top, range.left);
  const b = cellKey(range.bottom, range.right);
  return a === b ? a : `${a}:${b}`;
}

/** Range.clear: "Contents", "Formats" or "All". */
export function clearArea(sheet: FakeSheet, area: CellRange, applyTo: string): void {
  if (applyTo === "Formats") assertCanFormat(sheet);
  else assertCanEditCells(sheet);
  const inArea: [number, number, FakeCell][] = [];
  eachCell(sheet, (row, col, cell) => {
    if (row >= area.top && row <= area.bottom && col >= area.left && col <= area.right) inArea.push([row, col, cell]);
  });
  for (const [row, col, cell] of inArea) {
    if (applyTo === "Contents" || applyTo === "All") {
      delete cell.value;
      delete cell.formula;
      delete cell.text;
    }
    if (applyTo === "Formats" || applyTo === "All") {
      delete cell.fill;
      delete cell.font;
      delete cell.numberFormat;
      delete cell.horizontalAlignment;
      delete cell.verticalAlignment;
      delete cell.wrapText;
      delete cell.borders;
    }
    tidyCell(sheet, row, col);
  }
}

export function columnLetters(area: CellRange): string[] {
  const out: string[] = [];
  for (let c = area.left; c <= area.right; c++) out.push(cellKey(0, c).replace(/\d+$/, ""));
  return out;
}
