/**
 * Applies a sheet patch (the project template) to an exceljs worksheet: values, styles, merges,
 * column widths, row heights and data validations. Drop-down lists are named and built as in
 * every host (src/core/template/lists.ts).
 */
import ExcelJS from "exceljs";
import { columnName, offsetRange, type CellRange } from "../core/address";
import type { InputPrompt, PatchStyle, PatchValidation, SheetPatch } from "../core/patch";
import {
  LIST_SHEET_NAME,
  dependentListFormula,
  dependentListNames,
  inlineList,
  isDefinedName,
  level1ListName,
  parentRuns,
  type DependentList,
} from "../core/template/lists";
import { argb } from "./colour";

/** The font of every cell the template writes: the usual one on Chinese government forms. */
const FONT_NAME = "宋体";
const DEFAULT_FONT_SIZE = 11;

interface PatchOrigin {
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
    const area = offsetRange(merge, origin);
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
  const area = offsetRange(validation.range, origin);
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
        formulae: [listSource(worksheet.workbook, validation.items)],
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

/** One validation per run of rows under one parent cell. */
function addDependentList(
  worksheet: ExcelJS.Worksheet,
  patch: SheetPatch,
  validation: DependentList,
  origin: PatchOrigin,
): void {
  const names = dependentListNames(validation);
  // Inside a formula an inline "a,b" is one string, not a list: the fallback is always a named range.
  for (const list of [...names.lists, names.fallback]) ensureNamedList(worksheet.workbook, list.name, list.items);
  for (const run of parentRuns(validation, patch.merges)) {
    const formula = dependentListFormula(names, origin.row + run.parentRow, origin.col + run.parentCol);
    const area = { top: run.top, left: validation.range.left, bottom: run.bottom, right: validation.range.right };
    validate(worksheet, offsetRange(area, origin), {
      type: "list",
      allowBlank: true,
      formulae: [formula],
      ...promptFields(validation.prompt),
      ...errorFields(undefined),
    });
  }
}

/** An inline list when it fits Excel's limit, otherwise a named range on the list sheet. */
function listSource(workbook: ExcelJS.Workbook, items: readonly string[]): string {
  const inline = inlineList(items);
  if (inline !== null) return `"${inline}"`;
  const name = level1ListName(items);
  ensureNamedList(workbook, name, items);
  return name;
}

/** Writes items into a column of the hidden list sheet and names the range, once per workbook. */
function ensureNamedList(workbook: ExcelJS.Workbook, name: string, items: readonly string[]): void {
  if (!isDefinedName(name)) throw new Error(`"${name}" is not a valid Excel name.`);
  const sheet =
    workbook.getWorksheet(LIST_SHEET_NAME) ?? workbook.addWorksheet(LIST_SHEET_NAME, { state: "veryHidden" });
  if (workbook.definedNames.model.some((definedName) => definedName.name === name)) return;
  const col = sheet.actualColumnCount + 1;
  sheet.getCell(1, col).value = name;
  items.forEach((item, i) => (sheet.getCell(i + 2, col).value = item));
  const letter = columnName(col - 1);
  workbook.definedNames.add(`'${LIST_SHEET_NAME}'!$${letter}$2:$${letter}$${items.length + 1}`, name);
}
