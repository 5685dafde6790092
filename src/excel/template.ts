/**
 * Writes the template plan (src/host/plans/template.ts) into the workbook through Office.js: on a
 * new worksheet with a unique name, or at the selected cell when every cell it would cover is
 * empty. It never writes over a cell that holds anything; if a write fails part-way, what was
 * written is taken away again.
 *
 * Round trips: one finds the target and the workbook's names, one its merged areas and the list
 * sheet's extent, one writes everything but the merges, and one the merges.
 */
import { offsetRange, rangesOverlap, rangeToA1, toA1, type CellRange, type CellRef } from "../core/address";
import type { InputPrompt, PatchStyle, SheetPatch } from "../core/patch";
import { LIST_SHEET_NAME } from "../core/template/lists";
import {
  TEMPLATE_FONT_NAME,
  TEMPLATE_FONT_SIZE,
  firstFilledCell,
  listColumns,
  planTemplate,
  planValidations,
  templateArea,
  emptyTemplateError,
  filledTargetError,
  lockedStructureError,
  mergedTargetError,
  numberFormatRuns,
  protectedTargetError,
  styleGrid,
  type TemplatePlan,
  type ValidationWrite,
} from "../host/plans/template";
import { HostError, type TemplatePlacement } from "../host/types";
import { uniqueSheetName } from "../core/template/sheet-name";
import { parseExcelRange } from "./address";
import { toHostError } from "./errors";
import { mergeTiles } from "../host/plans/read";
import { WORKSHEET_INFO_PROPERTIES } from "./read";
import type { ExcelFeatures } from "./requirements";

/** Column width in characters → points, as Excel converts for its default font (7-pixel digits). */
export function widthPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(pixels * 0.75 * 100) / 100;
}

function cellFormat(style: PatchStyle): Excel.CellPropertiesFormat {
  const format: Excel.CellPropertiesFormat = {
    font: {
      name: TEMPLATE_FONT_NAME,
      size: style.fontSize ?? TEMPLATE_FONT_SIZE,
      bold: style.bold ?? false,
      ...(style.fontColor ? { color: style.fontColor } : {}),
    },
    wrapText: style.wrap ?? false,
  };
  if (style.fill) format.fill = { color: style.fill, pattern: "Solid" };
  if (style.horizontal)
    format.horizontalAlignment =
      style.horizontal === "left" ? "Left" : style.horizontal === "center" ? "Center" : "Right";
  if (style.vertical)
    format.verticalAlignment = style.vertical === "top" ? "Top" : style.vertical === "middle" ? "Center" : "Bottom";
  if (style.border) {
    const thin = { style: "Continuous" as const, weight: "Thin" as const, color: "#000000" };
    format.borders = { top: { ...thin }, bottom: { ...thin }, left: { ...thin }, right: { ...thin } };
  }
  return format;
}

const OPERATORS: Record<"between" | "atLeast" | "atMost", Excel.BasicDataValidation["operator"]> = {
  between: "Between",
  atLeast: "GreaterThanOrEqualTo",
  atMost: "LessThanOrEqualTo",
};

function setPrompt(dv: Excel.DataValidation, prompt: InputPrompt | undefined): void {
  if (prompt) dv.prompt = { showPrompt: true, title: prompt.title, message: prompt.message };
}

function writeValidation(worksheet: Excel.Worksheet, write: ValidationWrite): void {
  const dv = worksheet.getRange(rangeToA1(write.area)).dataValidation;
  if (write.kind === "list") dv.rule = { list: { inCellDropDown: true, source: write.source } };
  else if (write.kind === "decimal") {
    const bounds = write.formula2 === undefined ? {} : { formula2: write.formula2 };
    dv.rule = { decimal: { formula1: write.formula1, ...bounds, operator: OPERATORS[write.operator] } };
    dv.errorAlert = { showAlert: true, style: "Stop", title: write.error.title, message: write.error.message };
  }
  setPrompt(dv, write.prompt);
}

interface Created {
  sheetName: string | null;
  listSheetCreated: boolean;
  names: string[];
  selectionArea: { sheetId: string; range: CellRange; merges: CellRange[]; validated: CellRange[] } | null;
  /** The merges were being written when the failure came. */
  merging: boolean;
}

/** Refuses a target area on a protected sheet, or with any cell holding a value or a formula. */
function refuseFilledTarget(target: Excel.Range, sheet: Excel.Worksheet, area: CellRange, patch: SheetPatch): void {
  if (sheet.protection.protected) throw protectedTargetError(sheet.name);
  const formulas = target.formulas;
  const filled = firstFilledCell(area, target.values, (r, c) => formulas[r]?.[c] !== "");
  if (filled) throw filledTargetError(area, filled, patch);
}

/** Refuses a target area that a merged area (found by the probes) reaches into. */
function refuseMergedTarget(area: CellRange, probes: readonly Excel.RangeAreas[]): void {
  for (const probe of probes) {
    if (probe.isNullObject) continue;
    for (const found of probe.areas.items) {
      const merged = parseExcelRange(found.address);
      if (merged && rangesOverlap(merged, area)) throw mergedTargetError(area, merged);
    }
  }
}

export async function insertTemplate(
  patch: SheetPatch,
  where: "new-sheet" | "selection",
  sheetName: string,
  features: ExcelFeatures,
): Promise<TemplatePlacement> {
  if (patch.rowCount < 1 || patch.colCount < 1) throw emptyTemplateError();
  const created: Created = { sheetName: null, listSheetCreated: false, names: [], selectionArea: null, merging: false };
  let writing = false;
  try {
    return await Excel.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      worksheets.load(WORKSHEET_INFO_PROPERTIES);
      const structure = workbook.protection;
      structure.load("protected");
      const names = workbook.names;
      names.load("items/name");
      let target: Excel.Range | null = null;
      let targetSheet: Excel.Worksheet | null = null;
      if (where === "selection") {
        target = workbook
          .getSelectedRange()
          .getCell(0, 0)
          .getResizedRange(patch.rowCount - 1, patch.colCount - 1);
        target.load("address,values,formulas,worksheet/id,worksheet/name,worksheet/protection/protected");
      }
      await context.sync();
      if (target) targetSheet = target.worksheet;

      const existing = worksheets.items.find((w) => w.name.toLowerCase() === LIST_SHEET_NAME.toLowerCase()) ?? null;
      const listSheetUsed = existing ? existing.getUsedRangeOrNullObject() : null;
      listSheetUsed?.load("columnIndex,columnCount");
      let mergeProbes: Excel.RangeAreas[] = [];
      let targetRange: CellRange | null = null;
      if (target && targetSheet) {
        targetRange = parseExcelRange(target.address);
        if (!targetRange) throw new Error(`Unexpected address "${target.address}".`);
        refuseFilledTarget(target, targetSheet, targetRange, patch);
        if (features.mergedAreas) {
          // A merged area reaching into the target starts somewhere above or left of its far corner.
          mergeProbes = mergeTiles(targetRange.bottom + 1, targetRange.right + 1).map((tile) => {
            const probe = targetSheet!
              .getRangeByIndexes(tile.top, tile.left, tile.bottom - tile.top + 1, tile.right - tile.left + 1)
              .getMergedAreasOrNullObject();
            probe.load("areas/items/address");
            return probe;
          });
        }
      }
      // A round trip only for what there is to read: none for a new sheet in a workbook without lists.
      if (listSheetUsed !== null || mergeProbes.length > 0) await context.sync();

      if (targetRange) refuseMergedTarget(targetRange, mergeProbes);

      const structureLocked = structure.protected;
      if (where === "new-sheet" && structureLocked) throw lockedStructureError();
      const origin: CellRef = targetRange ? { row: targetRange.top, col: targetRange.left } : { row: 0, col: 0 };
      const existingNames = new Set(names.items.map((n) => n.name.toLowerCase()));
      const validations = planValidations(patch, origin, existingNames, !structureLocked || existing !== null);
      const plan = planTemplate(patch, origin);
      let listColumn = 0;
      if (listSheetUsed && !listSheetUsed.isNullObject)
        listColumn = listSheetUsed.columnIndex + listSheetUsed.columnCount;

      // Everything below is written in one batch; a failure part-way is undone by the caller.
      writing = true;
      let sheet: Excel.Worksheet;
      let placedName: string;
      if (where === "new-sheet") {
        placedName = uniqueSheetName(
          sheetName,
          worksheets.items.map((w) => w.name),
        );
        sheet = worksheets.add(placedName);
        created.sheetName = placedName;
      } else {
        sheet = targetSheet!;
        placedName = targetSheet!.name;
        created.selectionArea = {
          sheetId: targetSheet!.id,
          range: targetRange!,
          merges: plan.merges,
          validated: patch.validations.map((v) => offsetRange(v.range, origin)),
        };
      }

      if (validations.namedLists.length > 0) {
        let listSheet: Excel.Worksheet;
        if (existing) listSheet = existing;
        else {
          listSheet = worksheets.add(LIST_SHEET_NAME);
          listSheet.visibility = "VeryHidden";
          created.listSheetCreated = true;
        }
        for (const column of listColumns(validations.namedLists, listColumn)) {
          listSheet.getRange(column.range).values = column.values;
          names.add(column.name, listSheet.getRange(column.itemsRange));
          created.names.push(column.name);
        }
      }

      writePlan(sheet, plan, patch, origin);
      for (const write of validations.writes) writeValidation(sheet, write);
      await context.sync();
      // Merges go last, in their own round trip: if one fails, the undo knows which step it was in.
      created.merging = true;
      for (const merge of plan.merges) sheet.getRange(rangeToA1(merge)).merge(false);
      sheet.activate();
      sheet.getRange(toA1(origin.row, origin.col)).select();
      await context.sync();
      return { sheet: placedName, range: rangeToA1(templateArea(patch, origin)) };
    });
  } catch (error) {
    if (error instanceof HostError) throw error;
    const failure = toHostError(error, "template");
    if (!writing) throw failure;
    await undoTemplate(created, features);
    throw new HostError(
      `${failure.messageZh} 已写入的部分已撤销。`,
      `${failure.messageEn} What had been written was taken away again.`,
      { cause: error },
    );
  }
}

/** Values, number formats, styles, widths and heights of the plan (merges come after). */
function writePlan(sheet: Excel.Worksheet, plan: TemplatePlan, patch: SheetPatch, origin: CellRef): void {
  for (const run of plan.values) sheet.getRangeByIndexes(run.row, run.col, 1, run.items.length).values = [run.items];
  for (const run of numberFormatRuns(patch, origin)) {
    sheet.getRangeByIndexes(run.row, run.col, 1, run.items.length).numberFormat = [run.items];
  }
  // Every cell's style in one call over the area.
  const properties = styleGrid(patch).map((row) =>
    row.map((style): Excel.SettableCellProperties => (style ? { format: cellFormat(style) } : {})),
  );
  const { area } = plan;
  sheet
    .getRangeByIndexes(area.top, area.left, area.bottom - area.top + 1, area.right - area.left + 1)
    .setCellProperties(properties);
  for (const { col, characters } of plan.columnWidths) {
    sheet.getRangeByIndexes(0, col, 1, 1).format.columnWidth = widthPoints(characters);
  }
  for (const { row, points } of plan.rowHeights) sheet.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
}

/** Takes away what a failed insertion wrote: its sheet, or the (formerly empty) target area; its lists and names. */
async function undoTemplate(created: Created, features: ExcelFeatures): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      // One round trip finds what is left of each thing the insertion made, the next takes it away.
      const newSheet = created.sheetName ? worksheets.getItemOrNullObject(created.sheetName) : null;
      newSheet?.load("name");
      const area = created.selectionArea;
      const areaSheet = area ? worksheets.getItem(area.sheetId) : null;
      // Unmerging a range also splits any merged area it touches: undo exactly the areas we merged.
      const merged =
        area && areaSheet && created.merging && features.mergedAreas
          ? areaSheet.getRange(rangeToA1(area.range)).getMergedAreasOrNullObject()
          : null;
      merged?.load("areas/items/address");
      const names = created.names.length > 0 ? workbook.names : null;
      names?.load("items/name");
      const listSheet = created.listSheetCreated ? worksheets.getItemOrNullObject(LIST_SHEET_NAME) : null;
      listSheet?.load("name");
      await context.sync();

      if (newSheet && !newSheet.isNullObject) newSheet.delete();
      if (area && areaSheet) {
        // The area was empty: its values and formats go; only our own merges and validations are undone.
        if (merged && !merged.isNullObject) {
          const ours = new Set(area.merges.map((m) => rangeToA1(m)));
          for (const found of merged.areas.items) {
            const range = parseExcelRange(found.address);
            if (range && ours.has(rangeToA1(range))) areaSheet.getRange(rangeToA1(range)).unmerge();
          }
        }
        area.validated.forEach((v) => areaSheet.getRange(rangeToA1(v)).dataValidation.clear());
        areaSheet.getRange(rangeToA1(area.range)).clear("All");
      }
      if (names) {
        const ours = new Set(created.names.map((n) => n.toLowerCase()));
        names.items.filter((item) => ours.has(item.name.toLowerCase())).forEach((item) => item.delete());
      }
      if (listSheet && !listSheet.isNullObject) {
        listSheet.visibility = "Visible";
        listSheet.delete();
      }
      await context.sync();
    });
  } catch {
    // The original failure is what the user needs to read; a failed clean-up must not hide it.
  }
}
