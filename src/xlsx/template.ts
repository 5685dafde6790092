/**
 * Applies a sheet patch (the project template) to an exceljs worksheet: values, styles, merges,
 * column widths, row heights and data validations. Dependent drop-downs (level 2 under level 1)
 * use the usual Excel construction: one named range per parent value on a hidden list sheet, and
 * INDIRECT over the parent cell.
 */
import ExcelJS from "exceljs";
import { columnName, type CellRange } from "../core/address";
import type { InputPrompt, PatchStyle, PatchValidation, SheetPatch } from "../core/patch";
import { argb } from "./colour";

/** The hidden sheet holding drop-down items that do not fit an inline list. */
export const LIST_SHEET_NAME = "下拉选项";

/** The font of every cell the template writes: the usual one on Chinese government forms. */
const FONT_NAME = "宋体";
const DEFAULT_FONT_SIZE = 11;
/** Excel's limit for an inline list ("a,b,c") in a validation formula. */
const INLINE_LIST_LIMIT = 255;

export interface PatchOrigin {
  /** Zero-based sheet row and column of the patch's top-left cell. */
  row: number;
  col: number;
}

export class PatchTargetNotEmptyError extends Error {
  constructor(readonly cell: string) {
    super(
      `目标区域不为空（${cell} 已有内容），模板不会覆盖已有内容。 (The target area is not empty: ${cell} has content.)`,
    );
    this.name = "PatchTargetNotEmptyError";
  }
}

/** Writes the patch with its top-left cell at origin; refuses when any target cell already holds a value. */
export function applySheetPatch(
  worksheet: ExcelJS.Worksheet,
  patch: SheetPatch,
  origin: PatchOrigin = { row: 0, col: 0 },
): void {
  assertTargetEmpty(worksheet, patch, origin);
  const at = (row: number, col: number) => worksheet.getCell(origin.row + row + 1, origin.col + col + 1);

  for (const cell of patch.cells) {
    const target = at(cell.row, cell.col);
    if (cell.value !== null) target.value = cell.value;
    const style = cell.style === undefined ? undefined : patch.styles[cell.style];
    if (cell.style !== undefined && !style) throw new Error(`The patch names an unknown style "${cell.style}".`);
    if (style) target.style = toExcelStyle(style);
  }
  for (const merge of patch.merges) {
    const area = shift(merge, origin);
    worksheet.mergeCellsWithoutStyle(area.top + 1, area.left + 1, area.bottom + 1, area.right + 1);
  }
  patch.columnWidths.forEach((width, col) => {
    if (width !== null) worksheet.getColumn(origin.col + col + 1).width = width;
  });
  patch.rowHeights.forEach((height, row) => {
    if (height !== null) worksheet.getRow(origin.row + row + 1).height = height;
  });
  for (const validation of patch.validations) addValidation(worksheet, patch, validation, origin);
}

/** A new workbook holding the patch on one sheet (plus the hidden list sheet when drop-downs need it). */
export function templateWorkbook(patch: SheetPatch, sheetName: string): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "target-table";
  const worksheet = workbook.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  applySheetPatch(worksheet, patch);
  return workbook;
}

function assertTargetEmpty(worksheet: ExcelJS.Worksheet, patch: SheetPatch, origin: PatchOrigin): void {
  for (let r = 0; r < patch.rowCount; r++) {
    const row = worksheet.findRow(origin.row + r + 1);
    if (!row) continue;
    for (let c = 0; c < patch.colCount; c++) {
      const cell = row.findCell(origin.col + c + 1);
      if (!cell) continue;
      const merged = cell.isMerged && cell.master !== cell;
      const value = merged ? cell.master.value : cell.value;
      if (merged || (value !== null && value !== undefined && value !== ""))
        throw new PatchTargetNotEmptyError(cell.address);
    }
  }
}

function shift(area: CellRange, origin: PatchOrigin): CellRange {
  return {
    top: area.top + origin.row,
    left: area.left + origin.col,
    bottom: area.bottom + origin.row,
    right: area.right + origin.col,
  };
}

/** A fresh style object per cell: exceljs shares objects it is given. */
function toExcelStyle(style: PatchStyle): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {
    font: {
      name: FONT_NAME,
      size: style.fontSize ?? DEFAULT_FONT_SIZE,
      bold: style.bold ?? false,
      ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
    },
    alignment: {
      horizontal: style.horizontal,
      vertical: style.vertical,
      wrapText: style.wrap ?? false,
    },
  };
  if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.border) {
    const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF000000" } };
    out.border = { top: { ...thin }, left: { ...thin }, bottom: { ...thin }, right: { ...thin } };
  }
  if (style.numberFormat) out.numFmt = style.numberFormat;
  return out;
}

/** Sets the validation on every cell of the area; exceljs joins alike neighbours into ranges when it writes. */
function validate(worksheet: ExcelJS.Worksheet, area: CellRange, validation: ExcelJS.DataValidation): void {
  for (let r = area.top; r <= area.bottom; r++) {
    for (let c = area.left; c <= area.right; c++) {
      worksheet.getCell(r + 1, c + 1).dataValidation = { ...validation, formulae: [...(validation.formulae ?? [])] };
    }
  }
}

function absolute(row: number, col: number): string {
  return `$${columnName(col)}$${row + 1}`;
}

function promptFields(prompt: InputPrompt | undefined): Partial<ExcelJS.DataValidation> {
  return prompt ? { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.message } : {};
}

/** Excel's "any value" rule: it exists only to carry the input prompt. */
function promptOnly(prompt: InputPrompt): ExcelJS.DataValidation {
  return { type: "any", ...promptFields(prompt) } as ExcelJS.DataValidation;
}

function errorFields(error: InputPrompt | undefined): Partial<ExcelJS.DataValidation> {
  return {
    showErrorMessage: true,
    errorStyle: "stop",
    ...(error ? { errorTitle: error.title, error: error.message } : {}),
  };
}

function addValidation(
  worksheet: ExcelJS.Worksheet,
  patch: SheetPatch,
  validation: PatchValidation,
  origin: PatchOrigin,
): void {
  const area = shift(validation.range, origin);
  switch (validation.kind) {
    case "text":
      validate(worksheet, area, promptOnly(validation.prompt));
      return;
    case "decimal": {
      const { min, max } = validation;
      const bounds =
        min !== undefined && max !== undefined
          ? { operator: "between" as const, formulae: [min, max] }
          : min !== undefined
            ? { operator: "greaterThanOrEqual" as const, formulae: [min] }
            : max !== undefined
              ? { operator: "lessThanOrEqual" as const, formulae: [max] }
              : null;
      // Excel has no unbounded decimal rule: without bounds only the prompt remains.
      if (!bounds) {
        if (validation.prompt) validate(worksheet, area, promptOnly(validation.prompt));
        return;
      }
      validate(worksheet, area, {
        type: "decimal",
        allowBlank: true,
        ...bounds,
        ...promptFields(validation.prompt),
        ...errorFields(validation.error),
      });
      return;
    }
    case "list":
      validate(worksheet, area, {
        type: "list",
        allowBlank: true,
        formulae: [
          listSource(worksheet.workbook, validation.items, `一级_${listsDigest({ items: [...validation.items] })}`),
        ],
        ...promptFields(validation.prompt),
        ...errorFields(undefined),
      });
      return;
    case "dependentList":
      addDependentList(worksheet, patch, validation, origin);
      return;
    default: {
      const unknown: never = validation;
      throw new Error(`Unknown validation kind in the patch: ${JSON.stringify(unknown)}`);
    }
  }
}

type DependentList = Extract<PatchValidation, { kind: "dependentList" }>;

/**
 * One validation per parent cell: the parent of a row is the top-left cell of the merged area
 * holding (row, parentCol), so rows under one merged level 1 share it.
 */
function addDependentList(
  worksheet: ExcelJS.Worksheet,
  patch: SheetPatch,
  validation: DependentList,
  origin: PatchOrigin,
): void {
  const workbook = worksheet.workbook;
  // 二级_legacy_产出指标: the framework in the name, since legacy and 2021 list different children.
  const prefix = `二级_${nameCharacters(validation.listsName ?? listsDigest(validation.lists))}_`;
  for (const [parent, items] of Object.entries(validation.lists)) {
    if (items.length > 0) ensureNamedList(workbook, `${prefix}${nameCharacters(parent)}`, items);
  }
  // Inside a formula an inline "a,b" is one string, not a list: the fallback is always a named range.
  const fallback = `${prefix}全部`;
  ensureNamedList(workbook, fallback, validation.fallback);
  const groups = new Map<string, { parentRow: number; rows: number[] }>();
  for (let r = validation.range.top; r <= validation.range.bottom; r++) {
    const merge = patch.merges.find(
      (m) => r >= m.top && r <= m.bottom && validation.parentCol >= m.left && validation.parentCol <= m.right,
    );
    const parentRow = merge ? merge.top : r;
    const parentCol = merge ? merge.left : validation.parentCol;
    const key = `${parentRow}:${parentCol}`;
    const group = groups.get(key) ?? { parentRow, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  for (const [key, group] of groups) {
    const parentCol = Number(key.split(":")[1]);
    const parentRef = absolute(origin.row + group.parentRow, origin.col + parentCol);
    // Names cannot hold every text a user may type: an empty or unknown parent offers the whole list.
    const formula = `IF(ISREF(INDIRECT("${prefix}"&${parentRef})),INDIRECT("${prefix}"&${parentRef}),${fallback})`;
    for (const run of consecutiveRuns(group.rows)) {
      const area = shift(
        { top: run[0], left: validation.range.left, bottom: run[run.length - 1], right: validation.range.right },
        origin,
      );
      validate(worksheet, area, {
        type: "list",
        allowBlank: true,
        formulae: [formula],
        ...promptFields(validation.prompt),
        ...errorFields(undefined),
      });
    }
  }
}

function consecutiveRuns(rows: number[]): number[][] {
  const runs: number[][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else runs.push([r]);
  }
  return runs;
}

/** An inline list when it fits Excel's limit, otherwise a named range on the list sheet. */
function listSource(workbook: ExcelJS.Workbook, items: readonly string[], nameForLongList: string): string {
  const inline = items.join(",");
  if (inline.length <= INLINE_LIST_LIMIT && !items.some((item) => /[,"]/.test(item))) return `"${inline}"`;
  ensureNamedList(workbook, nameForLongList, items);
  return nameForLongList;
}

/** Writes items into a column of the hidden list sheet and names the range, once per workbook. */
function ensureNamedList(workbook: ExcelJS.Workbook, name: string, items: readonly string[]): void {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) throw new Error(`"${name}" is not a valid Excel name.`);
  const sheet =
    workbook.getWorksheet(LIST_SHEET_NAME) ?? workbook.addWorksheet(LIST_SHEET_NAME, { state: "veryHidden" });
  if (workbook.definedNames.model.some((definedName) => definedName.name === name)) return;
  const col = sheet.actualColumnCount + 1;
  sheet.getCell(1, col).value = name;
  items.forEach((item, i) => (sheet.getCell(i + 2, col).value = item));
  const letter = columnName(col - 1);
  workbook.definedNames.add(`'${LIST_SHEET_NAME}'!$${letter}$2:$${letter}$${items.length + 1}`, name);
}

/** Only the characters a defined name may hold: letters (any script), digits, underscore and period. */
function nameCharacters(text: string): string {
  return text.replace(/[^\p{L}\p{N}_.]/gu, "_");
}

/** A short stable tag for lists that come without a name. */
function listsDigest(lists: Record<string, string[]>): string {
  const text = JSON.stringify(lists);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return `L${hash.toString(36)}`;
}
