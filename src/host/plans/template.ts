/**
 * The template plan: what inserting a SheetPatch (the project template) writes, in sheet
 * coordinates, as plain data. Both hosts write the same plan, each in its own calls (Excel batches
 * it into round trips, WPS writes it call by call); neither decides anything the plan decides.
 *
 * Drop-down lists are named and built as in the .xlsx writer (src/core/template/lists.ts): inline
 * where they fit, otherwise named ranges on the very hidden sheet 下拉选项, level 2 through
 * INDIRECT; so a workbook made by the command line, in Excel or in WPS looks the same.
 */
import { columnName, offsetRange, rangeToA1, toA1, type CellRange, type CellRef } from "../../core/address";
import type { InputPrompt, PatchStyle, SheetPatch } from "../../core/patch";
import {
  INLINE_LIST_LIMIT,
  dependentListFormula,
  dependentListNames,
  inlineList,
  level1ListName,
  parentRuns,
  type DependentList,
  type NamedList,
} from "../../core/template/lists";
import { HostError } from "../types";

/** The template's font, and its size where a style names none. */
export const TEMPLATE_FONT_NAME = "宋体";
export const TEMPLATE_FONT_SIZE = 11;
/** Excel's (and WPS's) limits for an input prompt's or an error alert's title and message. */
const PROMPT_TITLE_LIMIT = 32;
const PROMPT_MESSAGE_LIMIT = 255;
/** The alert of a number rule whose patch gives none. */
export const DEFAULT_ERROR_ALERT: InputPrompt = {
  title: "数值无效",
  message: "请输入符合要求的数值。Enter a number within the allowed range.",
};

/**
 * Text the spreadsheet would read as something else (a number, a date, a formula, TRUE), or whose
 * leading apostrophe it would take as the text prefix, is written with a leading '.
 */
export function literal(value: string | number): string | number {
  if (typeof value === "number") return value;
  const looksTyped =
    /^[=+\-@']/.test(value) ||
    /^\s*[-+]?[\d,]*\.?\d+\s*%?\s*$/.test(value) ||
    /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/.test(value) ||
    /^\s*(true|false)\s*$/i.test(value);
  return looksTyped ? `'${value}` : value;
}

/** A prompt or alert cut to what the spreadsheet accepts. */
export function clampPrompt(prompt: InputPrompt): InputPrompt {
  return { title: prompt.title.slice(0, PROMPT_TITLE_LIMIT), message: prompt.message.slice(0, PROMPT_MESSAGE_LIMIT) };
}

/** How a number rule bounds its cells. */
export type DecimalOperator = "between" | "atLeast" | "atMost";

/** One validation to write, in sheet coordinates; prompts and alerts already clamped. */
export type ValidationWrite =
  | { kind: "list"; area: CellRange; source: string; prompt?: InputPrompt }
  | {
      kind: "decimal";
      area: CellRange;
      operator: DecimalOperator;
      formula1: number;
      formula2?: number;
      error: InputPrompt;
      prompt?: InputPrompt;
    }
  /** No rule, only the prompt shown when a cell is selected. */
  | { kind: "input"; area: CellRange; prompt: InputPrompt };

/**
 * The patch's validations and the named lists they need. `existingNames` are lower-case; a list
 * already named in the workbook is not written again. `namesPossible` is false where no list
 * sheet exists and none can be added (the workbook's structure is protected): lists then go
 * inline, cut to what fits.
 */
export function planValidations(
  patch: SheetPatch,
  origin: CellRef,
  existingNames: ReadonlySet<string>,
  namesPossible: boolean,
): { namedLists: NamedList[]; writes: ValidationWrite[] } {
  const taken = new Set(existingNames);
  const namedLists: NamedList[] = [];
  const ensure = (list: NamedList) => {
    if (taken.has(list.name.toLowerCase())) return;
    taken.add(list.name.toLowerCase());
    namedLists.push(list);
  };
  const writes: ValidationWrite[] = [];
  const at = (area: CellRange) => offsetRange(area, origin);
  const prompted = (prompt: InputPrompt | undefined) => (prompt ? { prompt: clampPrompt(prompt) } : {});
  for (const v of patch.validations) {
    switch (v.kind) {
      case "text":
        writes.push({ kind: "input", area: at(v.range), prompt: clampPrompt(v.prompt) });
        break;
      case "decimal": {
        const { min, max } = v;
        if (min === undefined && max === undefined) {
          if (v.prompt) writes.push({ kind: "input", area: at(v.range), prompt: clampPrompt(v.prompt) });
          break;
        }
        const rule: { operator: DecimalOperator; formula1: number; formula2?: number } =
          min !== undefined && max !== undefined
            ? { operator: "between", formula1: min, formula2: max }
            : min !== undefined
              ? { operator: "atLeast", formula1: min }
              : { operator: "atMost", formula1: max! };
        writes.push({
          kind: "decimal",
          area: at(v.range),
          ...rule,
          error: clampPrompt(v.error ?? DEFAULT_ERROR_ALERT),
          ...prompted(v.prompt),
        });
        break;
      }
      case "list": {
        let source = inlineList(v.items);
        if (source === null) {
          if (!namesPossible) source = inlineOrCut(v.items);
          else {
            const name = level1ListName(v.items);
            ensure({ name, items: [...v.items] });
            source = `=${name}`;
          }
        }
        writes.push({ kind: "list", area: at(v.range), source, ...prompted(v.prompt) });
        break;
      }
      case "dependentList":
        for (const write of dependentWrites(v, patch, origin, namesPossible, ensure)) {
          writes.push({ ...write, ...prompted(v.prompt) });
        }
        break;
      default: {
        const unknown: never = v;
        throw new Error(`Unknown validation kind in the patch: ${JSON.stringify(unknown)}`);
      }
    }
  }
  return { namedLists, writes };
}

/** Without named lists, as much of the list as fits inline. */
function inlineOrCut(items: readonly string[]): string {
  return inlineList(items) ?? items.join(",").slice(0, INLINE_LIST_LIMIT);
}

/** One rule per run of rows under one parent cell; without named lists, the whole list inline. */
function dependentWrites(
  v: DependentList,
  patch: SheetPatch,
  origin: CellRef,
  namesPossible: boolean,
  ensure: (list: NamedList) => void,
): { kind: "list"; area: CellRange; source: string }[] {
  if (!namesPossible) return [{ kind: "list", area: offsetRange(v.range, origin), source: inlineOrCut(v.fallback) }];
  const names = dependentListNames(v);
  for (const list of [...names.lists, names.fallback]) ensure(list);
  return parentRuns(v, patch.merges).map((run) => ({
    kind: "list",
    area: offsetRange({ top: run.top, left: v.range.left, bottom: run.bottom, right: v.range.right }, origin),
    source: `=${dependentListFormula(names, origin.row + run.parentRow, origin.col + run.parentCol)}`,
  }));
}

/** A named list as written on the list sheet: its name above its items in one column, the name over the items. */
export interface ListColumn {
  name: string;
  /** The column's cells, name first (A1 range, and values already literal). */
  range: string;
  values: (string | number)[][];
  /** The items alone, which the name refers to. */
  itemsRange: string;
}

/** The named lists laid out column by column from `firstColumn` (zero-based) of the list sheet. */
export function listColumns(lists: readonly NamedList[], firstColumn: number): ListColumn[] {
  return lists.map((list, i) => {
    const column = columnName(firstColumn + i);
    const values = [[literal(list.name)], ...list.items.map((item) => [literal(item)])];
    return {
      name: list.name,
      range: `${column}1:${column}${values.length}`,
      values,
      itemsRange: `${column}2:${column}${list.items.length + 1}`,
    };
  });
}

/** Consecutive cells of one row, from (row, col) rightwards, in sheet coordinates. */
export interface RowRun<T> {
  row: number;
  col: number;
  items: T[];
}

/**
 * What the patch writes at an origin, in sheet coordinates; merges come last, after everything else.
 * How cells are styled depends on how a host writes them best: all at once over the area
 * (`styleGrid`, `numberFormatRuns`), or through address lists of cells styled alike (`styleGroups`).
 */
export interface TemplatePlan {
  /** The area the template covers. */
  area: CellRange;
  /** Row runs of cells holding a value, each written at once (values already literal). */
  values: RowRun<string | number>[];
  /** Widths in characters and heights in points, where the patch sets them. */
  columnWidths: { col: number; characters: number }[];
  rowHeights: { row: number; points: number }[];
  merges: CellRange[];
}

export function planTemplate(patch: SheetPatch, origin: CellRef): TemplatePlan {
  const cellAt = cellsOf(patch);
  const values = rowRuns<string | number>(
    patch,
    (v) => v !== undefined && v !== null && v !== "",
    (r, c) => cellAt.get(`${r},${c}`)?.value ?? undefined,
  );
  const columnWidths: { col: number; characters: number }[] = [];
  patch.columnWidths.forEach((width, c) => {
    if (width !== null) columnWidths.push({ col: origin.col + c, characters: width });
  });
  const rowHeights: { row: number; points: number }[] = [];
  patch.rowHeights.forEach((height, r) => {
    if (height !== null) rowHeights.push({ row: origin.row + r, points: height });
  });
  return {
    area: templateArea(patch, origin),
    values: values.map((run) => ({
      row: origin.row + run.row,
      col: origin.col + run.col,
      items: run.items.map(literal),
    })),
    columnWidths,
    rowHeights,
    merges: patch.merges.map((m) => offsetRange(m, origin)),
  };
}

function cellsOf(patch: SheetPatch): Map<string, SheetPatch["cells"][number]> {
  return new Map(patch.cells.map((cell) => [`${cell.row},${cell.col}`, cell]));
}

/** The style of the patch cell at (row, col), if any; a style the patch does not hold is a broken patch. */
function styleAt(
  patch: SheetPatch,
  cellAt: ReturnType<typeof cellsOf>,
  row: number,
  col: number,
): PatchStyle | undefined {
  const cell = cellAt.get(`${row},${col}`);
  if (!cell?.style) return undefined;
  const style = patch.styles[cell.style];
  if (!style) throw new Error(`The patch names an unknown style "${cell.style}".`);
  return style;
}

/** Every cell's style over the area, row by row (null: none). */
export function styleGrid(patch: SheetPatch): (PatchStyle | null)[][] {
  const cellAt = cellsOf(patch);
  const grid: (PatchStyle | null)[][] = [];
  for (let r = 0; r < patch.rowCount; r++) {
    const row: (PatchStyle | null)[] = [];
    for (let c = 0; c < patch.colCount; c++) row.push(styleAt(patch, cellAt, r, c) ?? null);
    grid.push(row);
  }
  return grid;
}

/** Row runs of cells with a number format, in sheet coordinates. */
export function numberFormatRuns(patch: SheetPatch, origin: CellRef): RowRun<string>[] {
  const cellAt = cellsOf(patch);
  return rowRuns<string>(
    patch,
    (v) => v !== undefined,
    (r, c) => styleAt(patch, cellAt, r, c)?.numberFormat,
  ).map((run) => ({ ...run, row: origin.row + run.row, col: origin.col + run.col }));
}

/** The styled cells (A1, sheet coordinates) grouped by style, and the formatted ones by number format. */
export function styleGroups(
  patch: SheetPatch,
  origin: CellRef,
): { styles: { style: PatchStyle; cells: string[] }[]; formats: { format: string; cells: string[] }[] } {
  const cellAt = cellsOf(patch);
  const byStyle = new Map<string, { style: PatchStyle; cells: string[] }>();
  const byFormat = new Map<string, { format: string; cells: string[] }>();
  for (const cell of patch.cells) {
    const style = styleAt(patch, cellAt, cell.row, cell.col);
    if (!style || !cell.style) continue;
    const address = toA1(origin.row + cell.row, origin.col + cell.col);
    const group = byStyle.get(cell.style) ?? { style, cells: [] };
    group.cells.push(address);
    byStyle.set(cell.style, group);
    if (style.numberFormat) {
      const formatted = byFormat.get(style.numberFormat) ?? { format: style.numberFormat, cells: [] };
      formatted.cells.push(address);
      byFormat.set(style.numberFormat, formatted);
    }
  }
  return { styles: [...byStyle.values()], formats: [...byFormat.values()] };
}

/** The area a patch covers with its top-left cell at origin. */
export function templateArea(patch: SheetPatch, origin: CellRef): CellRange {
  return {
    top: origin.row,
    left: origin.col,
    bottom: origin.row + patch.rowCount - 1,
    right: origin.col + patch.colCount - 1,
  };
}

/** Runs of consecutive patch cells on one row whose value passes `pick`. */
function rowRuns<T>(
  patch: SheetPatch,
  pick: (value: T | undefined) => boolean,
  valueOf: (row: number, col: number) => T | undefined,
): RowRun<T>[] {
  const runs: RowRun<T>[] = [];
  for (let r = 0; r < patch.rowCount; r++) {
    let current: RowRun<T> | null = null;
    for (let c = 0; c <= patch.colCount; c++) {
      const value = c < patch.colCount ? valueOf(r, c) : undefined;
      if (pick(value)) {
        if (!current) {
          current = { row: r, col: c, items: [] };
          runs.push(current);
        }
        current.items.push(value as T);
      } else current = null;
    }
  }
  return runs;
}

/**
 * The first cell of the target area that holds something (a value, or a formula where `formulas`
 * says so), as an A1 address; null when the area is empty. `values` are the area's, row by row.
 */
export function firstFilledCell(
  area: CellRange,
  values: readonly (readonly unknown[])[],
  hasFormula: (row: number, col: number) => boolean,
): string | null {
  for (let r = 0; r <= area.bottom - area.top; r++) {
    for (let c = 0; c <= area.right - area.left; c++) {
      const value = values[r]?.[c];
      if ((value === undefined || value === null || value === "") && !hasFormula(r, c)) continue;
      return toA1(area.top + r, area.left + c);
    }
  }
  return null;
}

/* Why a template cannot be inserted: the user's sentence in Chinese and English. */

export function emptyTemplateError(): HostError {
  return new HostError("模板是空的，没有可插入的内容。", "The template is empty: there is nothing to insert.");
}

export function noSelectionError(): HostError {
  return new HostError("请先选中一个单元格，再插入模板。", "Select a cell first, then insert the template.");
}

export function protectedTargetError(sheet: string): HostError {
  return new HostError(
    `无法插入模板：工作表“${sheet}”受保护。请先撤销保护，或选择“插入到新工作表”。`,
    `Could not insert the template: worksheet "${sheet}" is protected. Unprotect it, or insert on a new worksheet.`,
  );
}

export function filledTargetError(area: CellRange, cell: string, patch: SheetPatch): HostError {
  return new HostError(
    `无法在所选位置插入模板：目标区域 ${rangeToA1(area)} 中的单元格 ${cell} 已有内容，模板不会覆盖已有内容。请选择一片空白区域（需 ${patch.rowCount} 行 × ${patch.colCount} 列），或插入到新工作表。`,
    `Cannot insert the template at the selection: cell ${cell} in the target area ${rangeToA1(area)} is not empty, and the template never overwrites content. Select an empty area (${patch.rowCount} rows × ${patch.colCount} columns), or insert on a new worksheet.`,
  );
}

export function mergedTargetError(area: CellRange, merged: CellRange): HostError {
  return new HostError(
    `无法在所选位置插入模板：目标区域 ${rangeToA1(area)} 含有合并单元格 ${rangeToA1(merged)}。请选择一片没有合并单元格的空白区域，或插入到新工作表。`,
    `Cannot insert the template at the selection: the target area ${rangeToA1(area)} holds the merged cells ${rangeToA1(merged)}. Select an empty area without merged cells, or insert on a new worksheet.`,
  );
}

export function lockedStructureError(): HostError {
  return new HostError(
    "无法插入模板：工作簿结构受保护，不能添加工作表。请先撤销工作簿保护，或在空白区域选中单元格后插入到所选位置。",
    "Could not insert the template: the workbook's structure is protected, so no worksheet can be added. Unprotect the workbook, or select a cell in an empty area and insert there.",
  );
}
