/**
 * Writes a SheetPatch (the project template) into the workbook: on a new worksheet with a unique
 * name, or at the selected cell when every cell it would cover is empty. It never writes over a
 * cell that holds anything; if a write fails part-way, what was written is taken away again.
 *
 * Drop-down lists are named and built as in the .xlsx writer (src/core/template/lists.ts), so a
 * workbook made by the command line and one made in Excel look the same.
 */
import { columnName, offsetRange, rangesOverlap, rangeToA1, toA1, type CellRange, type CellRef } from "../core/address";
import type { InputPrompt, PatchStyle, PatchValidation, SheetPatch } from "../core/patch";
import {
  INLINE_LIST_LIMIT,
  LIST_SHEET_NAME,
  dependentListFormula,
  dependentListNames,
  inlineList,
  level1ListName,
  parentRuns,
  type DependentList,
  type NamedList,
} from "../core/template/lists";
import { HostError, type TemplatePlacement } from "../host/types";
import { sanitizeSheetName, uniqueSheetName } from "../core/template/sheet-name";
import { parseExcelRange } from "./address";
import { toHostError } from "./errors";
import { WORKSHEET_INFO_PROPERTIES, mergeTiles } from "./read";
import type { ExcelFeatures } from "./requirements";

const FONT_NAME = "宋体";
const DEFAULT_FONT_SIZE = 11;
/** Excel's limits for an input prompt or error alert. */
const PROMPT_TITLE_LIMIT = 32;
const PROMPT_MESSAGE_LIMIT = 255;
const DEFAULT_ERROR_ALERT: InputPrompt = {
  title: "数值无效",
  message: "请输入符合要求的数值。Enter a number within the allowed range.",
};

/** Text Excel would read as something else (a number, a date, a formula, TRUE) is written with a leading '. */
export function literal(value: string | number): string | number {
  if (typeof value === "number") return value;
  const looksTyped =
    /^[=+\-@]/.test(value) ||
    /^\s*[-+]?[\d,]*\.?\d+\s*%?\s*$/.test(value) ||
    /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/.test(value) ||
    /^\s*(true|false)\s*$/i.test(value);
  return looksTyped ? `'${value}` : value;
}

/** Column width in characters → points, as Excel converts for its default font (7-pixel digits). */
export function widthPoints(characters: number): number {
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(pixels * 0.75 * 100) / 100;
}

function cellFormat(style: PatchStyle): Excel.CellPropertiesFormat {
  const format: Excel.CellPropertiesFormat = {
    font: {
      name: FONT_NAME,
      size: style.fontSize ?? DEFAULT_FONT_SIZE,
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

function clampPrompt(prompt: InputPrompt): InputPrompt {
  return { title: prompt.title.slice(0, PROMPT_TITLE_LIMIT), message: prompt.message.slice(0, PROMPT_MESSAGE_LIMIT) };
}

type Action = (worksheet: Excel.Worksheet, origin: CellRef) => void;

/** The named lists the drop-downs need, each once, leaving out names the workbook already has. */
class NamedLists {
  readonly wanted: NamedList[] = [];
  private readonly taken: Set<string>;

  /** `possible` is false when no list sheet exists and none can be added (the workbook's structure is protected). */
  constructor(
    existingNames: Set<string>,
    readonly possible: boolean,
  ) {
    this.taken = new Set(existingNames);
  }

  ensure(list: NamedList): void {
    const key = list.name.toLowerCase();
    if (this.taken.has(key)) return;
    this.taken.add(key);
    this.wanted.push(list);
  }
}

/** What the patch's drop-downs need: inline lists where they fit, named lists otherwise. */
interface ValidationPlan {
  namedLists: NamedList[];
  apply: Action;
}

function planValidations(patch: SheetPatch, existingNames: Set<string>, namesPossible: boolean): ValidationPlan {
  const lists = new NamedLists(existingNames, namesPossible);
  const actions = patch.validations.flatMap((validation) => validationActions(validation, patch, lists));
  return {
    namedLists: lists.wanted,
    apply: (worksheet, origin) => actions.forEach((act) => act(worksheet, origin)),
  };
}

function validationAt(worksheet: Excel.Worksheet, origin: CellRef, area: CellRange): Excel.DataValidation {
  return worksheet.getRange(rangeToA1(offsetRange(area, origin))).dataValidation;
}

function setPrompt(dv: Excel.DataValidation, prompt: InputPrompt | undefined): void {
  if (!prompt) return;
  const p = clampPrompt(prompt);
  dv.prompt = { showPrompt: true, title: p.title, message: p.message };
}

/** A drop-down over the patch's area; its source may depend on where the patch lands. */
function listAction(area: CellRange, source: (origin: CellRef) => string, prompt: InputPrompt | undefined): Action {
  return (ws, origin) => {
    const dv = validationAt(ws, origin, area);
    dv.rule = { list: { inCellDropDown: true, source: source(origin) } };
    setPrompt(dv, prompt);
  };
}

/** Without named lists, as much of the list as Excel takes inline. */
function inlineOrCut(items: readonly string[]): string {
  return inlineList(items) ?? items.join(",").slice(0, INLINE_LIST_LIMIT);
}

function validationActions(validation: PatchValidation, patch: SheetPatch, lists: NamedLists): Action[] {
  switch (validation.kind) {
    case "text":
      return [(ws, origin) => setPrompt(validationAt(ws, origin, validation.range), validation.prompt)];
    case "decimal": {
      const { min, max } = validation;
      const rule: Excel.BasicDataValidation | null =
        min !== undefined && max !== undefined
          ? { formula1: min, formula2: max, operator: "Between" }
          : min !== undefined
            ? { formula1: min, operator: "GreaterThanOrEqualTo" }
            : max !== undefined
              ? { formula1: max, operator: "LessThanOrEqualTo" }
              : null;
      return [
        (ws, origin) => {
          const dv = validationAt(ws, origin, validation.range);
          if (rule) {
            dv.rule = { decimal: rule };
            const error = clampPrompt(validation.error ?? DEFAULT_ERROR_ALERT);
            dv.errorAlert = { showAlert: true, style: "Stop", title: error.title, message: error.message };
          }
          setPrompt(dv, validation.prompt);
        },
      ];
    }
    case "list": {
      let source = inlineList(validation.items);
      if (source === null) {
        if (!lists.possible) source = inlineOrCut(validation.items);
        else {
          const name = level1ListName(validation.items);
          lists.ensure({ name, items: [...validation.items] });
          source = `=${name}`;
        }
      }
      const listSource = source;
      return [listAction(validation.range, () => listSource, validation.prompt)];
    }
    case "dependentList":
      return dependentListActions(validation, patch, lists);
    default: {
      const unknown: never = validation;
      throw new Error(`Unknown validation kind in the patch: ${JSON.stringify(unknown)}`);
    }
  }
}

/** One rule per run of rows under one parent cell; without named lists, the whole list. */
function dependentListActions(validation: DependentList, patch: SheetPatch, lists: NamedLists): Action[] {
  if (!lists.possible) {
    const source = inlineOrCut(validation.fallback);
    return [listAction(validation.range, () => source, validation.prompt)];
  }
  const names = dependentListNames(validation);
  for (const list of [...names.lists, names.fallback]) lists.ensure(list);
  return parentRuns(validation, patch.merges).map((run) =>
    listAction(
      { top: run.top, left: validation.range.left, bottom: run.bottom, right: validation.range.right },
      (origin) => `=${dependentListFormula(names, origin.row + run.parentRow, origin.col + run.parentCol)}`,
      validation.prompt,
    ),
  );
}

/** Runs of consecutive patch cells on one row that carry a value (or a number format). */
function rowRuns<T>(
  patch: SheetPatch,
  pick: (value: T | undefined) => boolean,
  valueOf: (row: number, col: number) => T | undefined,
) {
  const runs: { row: number; col: number; items: T[] }[] = [];
  for (let r = 0; r < patch.rowCount; r++) {
    let current: { row: number; col: number; items: T[] } | null = null;
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

function refuse(zh: string, en: string): never {
  throw new HostError(zh, en);
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
  if (sheet.protection.protected) {
    refuse(
      `无法插入模板：工作表“${sheet.name}”受保护。请先撤销保护，或选择“插入到新工作表”。`,
      `Could not insert the template: worksheet "${sheet.name}" is protected. Unprotect it, or insert on a new worksheet.`,
    );
  }
  const values = target.values;
  const formulas = target.formulas;
  for (let r = 0; r < patch.rowCount; r++) {
    for (let c = 0; c < patch.colCount; c++) {
      if (values[r]?.[c] === "" && formulas[r]?.[c] === "") continue;
      const cell = toA1(area.top + r, area.left + c);
      refuse(
        `无法在所选位置插入模板：目标区域 ${rangeToA1(area)} 中的单元格 ${cell} 已有内容，模板不会覆盖已有内容。请选择一片空白区域（需 ${patch.rowCount} 行 × ${patch.colCount} 列），或插入到新工作表。`,
        `Cannot insert the template at the selection: cell ${cell} in the target area ${rangeToA1(area)} is not empty, and the template never overwrites content. Select an empty area (${patch.rowCount} rows × ${patch.colCount} columns), or insert on a new worksheet.`,
      );
    }
  }
}

/** Refuses a target area that a merged area (found by the probes) reaches into. */
function refuseMergedTarget(area: CellRange, probes: readonly Excel.RangeAreas[]): void {
  for (const probe of probes) {
    if (probe.isNullObject) continue;
    for (const found of probe.areas.items) {
      const merged = parseExcelRange(found.address);
      if (!merged || !rangesOverlap(merged, area)) continue;
      refuse(
        `无法在所选位置插入模板：目标区域 ${rangeToA1(area)} 含有合并单元格 ${rangeToA1(merged)}。请选择一片没有合并单元格的空白区域，或插入到新工作表。`,
        `Cannot insert the template at the selection: the target area ${rangeToA1(area)} holds the merged cells ${rangeToA1(merged)}. Select an empty area without merged cells, or insert on a new worksheet.`,
      );
    }
  }
}

export async function insertTemplate(
  patch: SheetPatch,
  where: "new-sheet" | "selection",
  sheetName: string,
  features: ExcelFeatures,
): Promise<TemplatePlacement> {
  if (patch.rowCount < 1 || patch.colCount < 1) {
    refuse("模板是空的，没有可插入的内容。", "The template is empty: there is nothing to insert.");
  }
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
      await context.sync();

      if (targetRange) refuseMergedTarget(targetRange, mergeProbes);

      const structureLocked = structure.protected;
      if (where === "new-sheet" && structureLocked) {
        refuse(
          "无法插入模板：工作簿结构受保护，不能添加工作表。请先撤销工作簿保护，或在空白区域选中单元格后插入到所选位置。",
          "Could not insert the template: the workbook's structure is protected, so no worksheet can be added. Unprotect the workbook, or select a cell in an empty area and insert there.",
        );
      }
      const existingNames = new Set(names.items.map((n) => n.name.toLowerCase()));
      const plan = planValidations(patch, existingNames, !structureLocked || existing !== null);
      let listColumn = 0;
      if (listSheetUsed && !listSheetUsed.isNullObject)
        listColumn = listSheetUsed.columnIndex + listSheetUsed.columnCount;

      // Everything below is written in one batch; a failure part-way is undone by the caller.
      writing = true;
      let sheet: Excel.Worksheet;
      let origin: CellRef;
      let placedName: string;
      if (where === "new-sheet") {
        placedName = uniqueSheetName(
          sheetName,
          worksheets.items.map((w) => w.name),
        );
        sheet = worksheets.add(placedName);
        created.sheetName = placedName;
        origin = { row: 0, col: 0 };
      } else {
        sheet = targetSheet!;
        placedName = targetSheet!.name;
        origin = { row: targetRange!.top, col: targetRange!.left };
        created.selectionArea = {
          sheetId: targetSheet!.id,
          range: targetRange!,
          merges: patch.merges.map((m) => offsetRange(m, origin)),
          validated: patch.validations.map((v) => offsetRange(v.range, origin)),
        };
      }

      if (plan.namedLists.length > 0) {
        let listSheet: Excel.Worksheet;
        if (existing) listSheet = existing;
        else {
          listSheet = worksheets.add(LIST_SHEET_NAME);
          listSheet.visibility = "VeryHidden";
          created.listSheetCreated = true;
        }
        for (const list of plan.namedLists) {
          const column = columnName(listColumn++);
          const cells = [[literal(list.name)], ...list.items.map((item) => [literal(item)])];
          listSheet.getRange(`${column}1:${column}${cells.length}`).values = cells;
          names.add(list.name, listSheet.getRange(`${column}2:${column}${list.items.length + 1}`));
          created.names.push(list.name);
        }
      }

      writePatch(sheet, patch, origin);
      plan.apply(sheet, origin);
      await context.sync();
      // Merges go last, in their own round trip: if one fails, the undo knows which step it was in.
      created.merging = true;
      for (const merge of patch.merges) sheet.getRange(rangeToA1(offsetRange(merge, origin))).merge(false);
      sheet.activate();
      sheet.getRange(toA1(origin.row, origin.col)).select();
      await context.sync();
      const area = {
        top: origin.row,
        left: origin.col,
        bottom: origin.row + patch.rowCount - 1,
        right: origin.col + patch.colCount - 1,
      };
      return { sheet: placedName, range: rangeToA1(area) };
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

/** Values, number formats, styles, widths and heights of the patch at origin (merges come after). */
function writePatch(sheet: Excel.Worksheet, patch: SheetPatch, origin: CellRef): void {
  const cellAt = new Map(patch.cells.map((cell) => [`${cell.row},${cell.col}`, cell]));
  const valueRuns = rowRuns<string | number>(
    patch,
    (v) => v !== undefined && v !== null && v !== "",
    (r, c) => cellAt.get(`${r},${c}`)?.value ?? undefined,
  );
  for (const run of valueRuns) {
    const range = sheet.getRangeByIndexes(origin.row + run.row, origin.col + run.col, 1, run.items.length);
    range.values = [run.items.map(literal)];
  }
  const styleOf = (r: number, c: number): PatchStyle | undefined => {
    const cell = cellAt.get(`${r},${c}`);
    if (!cell?.style) return undefined;
    const style = patch.styles[cell.style];
    if (!style) throw new Error(`The patch names an unknown style "${cell.style}".`);
    return style;
  };
  const formatRuns = rowRuns<string>(
    patch,
    (v) => v !== undefined,
    (r, c) => styleOf(r, c)?.numberFormat,
  );
  for (const run of formatRuns) {
    sheet.getRangeByIndexes(origin.row + run.row, origin.col + run.col, 1, run.items.length).numberFormat = [run.items];
  }
  const properties: Excel.SettableCellProperties[][] = [];
  for (let r = 0; r < patch.rowCount; r++) {
    const row: Excel.SettableCellProperties[] = [];
    for (let c = 0; c < patch.colCount; c++) {
      const style = styleOf(r, c);
      row.push(style ? { format: cellFormat(style) } : {});
    }
    properties.push(row);
  }
  sheet.getRangeByIndexes(origin.row, origin.col, patch.rowCount, patch.colCount).setCellProperties(properties);
  patch.columnWidths.forEach((width, c) => {
    if (width !== null) sheet.getRangeByIndexes(0, origin.col + c, 1, 1).format.columnWidth = widthPoints(width);
  });
  patch.rowHeights.forEach((height, r) => {
    if (height !== null) sheet.getRangeByIndexes(origin.row + r, 0, 1, 1).format.rowHeight = height;
  });
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

export { sanitizeSheetName, uniqueSheetName };
