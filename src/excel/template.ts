/**
 * Writes a SheetPatch (the project template) into the workbook: on a new worksheet with a unique
 * name, or at the selected cell when every cell it would cover is empty. It never writes over a
 * cell that holds anything; if a write fails part-way, what was written is taken away again.
 *
 * Dependent drop-downs (level 2 under level 1) use the construction of the .xlsx writer
 * (src/xlsx/template.ts): one named range per parent value on a very hidden list sheet, and
 * INDIRECT over the parent cell; the names and the sheet are shared, so a workbook made by the
 * command line and one made in Excel look the same.
 */
import { columnName, toA1, type CellRange } from "../core/address";
import type { InputPrompt, PatchStyle, PatchValidation, SheetPatch } from "../core/patch";
import { HostError, type TemplatePlacement } from "../host/types";
import { parseExcelRange } from "./address";
import { toHostError } from "./errors";
import type { ExcelFeatures } from "./requirements";

/** The very hidden sheet holding drop-down items (the same name as the .xlsx writer uses). */
export const LIST_SHEET_NAME = "下拉选项";
const DEFAULT_SHEET_NAME = "项目绩效目标表";
const FONT_NAME = "宋体";
const DEFAULT_FONT_SIZE = 11;
/** Excel's limit for an inline list ("a,b,c") in a validation rule. */
const INLINE_LIST_LIMIT = 255;
/** Excel's limits for an input prompt or error alert. */
const PROMPT_TITLE_LIMIT = 32;
const PROMPT_MESSAGE_LIMIT = 255;
const DEFAULT_ERROR_ALERT: InputPrompt = {
  title: "数值无效",
  message: "请输入符合要求的数值。Enter a number within the allowed range.",
};

/** Excel's sheet-name rules: 1–31 characters, none of [ ] : * ? / \, no quote at either end. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === "" ? DEFAULT_SHEET_NAME : cleaned;
}

/** name, then "name (2)", "name (3)"… whichever is free (Excel compares names case-insensitively). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const base = sanitizeSheetName(wanted);
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Only the characters a defined name may hold: letters (any script), digits, underscore and period. */
function nameCharacters(text: string): string {
  return text.replace(/[^\p{L}\p{N}_.]/gu, "_");
}

/** A short stable tag for lists that come without a name (the same digest as the .xlsx writer). */
function listsDigest(lists: Record<string, string[]>): string {
  const text = JSON.stringify(lists);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return `L${hash.toString(36)}`;
}

const VALID_NAME = /^[\p{L}_][\p{L}\p{N}_.]*$/u;

/** Text Excel would read as something else (a number, a date, a formula, TRUE) is written with a leading '. */
function literal(value: string | number): string | number {
  if (typeof value === "number") return value;
  const looksTyped =
    /^[=+\-@]/.test(value) ||
    /^\s*[-+]?[\d,]*\.?\d+\s*%?\s*$/.test(value) ||
    /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/.test(value) ||
    /^\s*(true|false)\s*$/i.test(value);
  return looksTyped ? `'${value}` : value;
}

/** Column width in characters → points, as Excel converts for its default font (7-pixel digits). */
function widthPoints(characters: number): number {
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

function shift(area: CellRange, origin: { row: number; col: number }): CellRange {
  return {
    top: area.top + origin.row,
    left: area.left + origin.col,
    bottom: area.bottom + origin.row,
    right: area.right + origin.col,
  };
}

function a1(range: CellRange): string {
  const start = toA1(range.top, range.left);
  const end = toA1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

interface NamedList {
  name: string;
  items: string[];
}

/** What the patch's drop-downs need: inline lists where they fit, named lists otherwise. */
interface ValidationPlan {
  namedLists: NamedList[];
  apply(worksheet: Excel.Worksheet, origin: { row: number; col: number }): void;
}

function planValidations(patch: SheetPatch, existingNames: Set<string>, namesPossible: boolean): ValidationPlan {
  const namedLists: NamedList[] = [];
  const wanted = new Set<string>();
  const ensure = (name: string, items: string[]) => {
    if (existingNames.has(name.toLowerCase()) || wanted.has(name.toLowerCase())) return;
    wanted.add(name.toLowerCase());
    namedLists.push({ name, items });
  };
  const actions: ((worksheet: Excel.Worksheet, origin: { row: number; col: number }) => void)[] = [];

  const inline = (items: readonly string[]) => {
    const text = items.join(",");
    return text.length <= INLINE_LIST_LIMIT && !items.some((i) => /[,"]/.test(i)) ? text : null;
  };
  const withPrompt = (dv: Excel.DataValidation, prompt: InputPrompt | undefined) => {
    if (!prompt) return;
    const p = clampPrompt(prompt);
    dv.prompt = { showPrompt: true, title: p.title, message: p.message };
  };

  for (const validation of patch.validations) {
    actions.push(...validationActions(validation, patch, ensure, inline, withPrompt, namesPossible));
  }
  return {
    namedLists,
    apply: (worksheet, origin) => actions.forEach((act) => act(worksheet, origin)),
  };
}

type Action = (worksheet: Excel.Worksheet, origin: { row: number; col: number }) => void;

function validationActions(
  validation: PatchValidation,
  patch: SheetPatch,
  ensure: (name: string, items: string[]) => void,
  inline: (items: readonly string[]) => string | null,
  withPrompt: (dv: Excel.DataValidation, prompt: InputPrompt | undefined) => void,
  namesPossible: boolean,
): Action[] {
  const rangeOf = (worksheet: Excel.Worksheet, origin: { row: number; col: number }, area: CellRange) =>
    worksheet.getRange(a1(shift(area, origin))).dataValidation;
  switch (validation.kind) {
    case "text":
      return [(ws, origin) => withPrompt(rangeOf(ws, origin, validation.range), validation.prompt)];
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
          const dv = rangeOf(ws, origin, validation.range);
          if (rule) {
            dv.rule = { decimal: rule };
            const error = clampPrompt(validation.error ?? DEFAULT_ERROR_ALERT);
            dv.errorAlert = { showAlert: true, style: "Stop", title: error.title, message: error.message };
          }
          withPrompt(dv, validation.prompt);
        },
      ];
    }
    case "list": {
      let source = inline(validation.items);
      if (source === null) {
        if (!namesPossible) source = validation.items.join(",").slice(0, INLINE_LIST_LIMIT);
        else {
          const name = `一级_${listsDigest({ items: [...validation.items] })}`;
          ensure(name, [...validation.items]);
          source = `=${name}`;
        }
      }
      const listSource = source;
      return [
        (ws, origin) => {
          const dv = rangeOf(ws, origin, validation.range);
          dv.rule = { list: { inCellDropDown: true, source: listSource } };
          withPrompt(dv, validation.prompt);
        },
      ];
    }
    case "dependentList":
      return dependentListActions(validation, patch, ensure, inline, withPrompt, namesPossible);
    default: {
      const unknown: never = validation;
      throw new Error(`Unknown validation kind in the patch: ${JSON.stringify(unknown)}`);
    }
  }
}

type DependentList = Extract<PatchValidation, { kind: "dependentList" }>;

/**
 * One rule per parent cell: the parent of a row is the top-left cell of the merged area holding
 * (row, parentCol), so rows under one merged level 1 share it. Without names, the whole list.
 */
function dependentListActions(
  validation: DependentList,
  patch: SheetPatch,
  ensure: (name: string, items: string[]) => void,
  inline: (items: readonly string[]) => string | null,
  withPrompt: (dv: Excel.DataValidation, prompt: InputPrompt | undefined) => void,
  namesPossible: boolean,
): Action[] {
  const prefix = `二级_${nameCharacters(validation.listsName ?? listsDigest(validation.lists))}_`;
  const names = Object.keys(validation.lists).map((parent) => `${prefix}${nameCharacters(parent)}`);
  const fallbackName = `${prefix}全部`;
  const usable = namesPossible && [...names, fallbackName].every((n) => VALID_NAME.test(n));
  if (!usable) {
    const source = inline(validation.fallback) ?? validation.fallback.join(",").slice(0, INLINE_LIST_LIMIT);
    return [
      (ws, origin) => {
        const dv = ws.getRange(a1(shift(validation.range, origin))).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source } };
        withPrompt(dv, validation.prompt);
      },
    ];
  }
  for (const [parent, items] of Object.entries(validation.lists)) {
    if (items.length > 0) ensure(`${prefix}${nameCharacters(parent)}`, items);
  }
  ensure(fallbackName, validation.fallback);
  const groups = new Map<string, { parentRow: number; parentCol: number; rows: number[] }>();
  for (let r = validation.range.top; r <= validation.range.bottom; r++) {
    const merge = patch.merges.find(
      (m) => r >= m.top && r <= m.bottom && validation.parentCol >= m.left && validation.parentCol <= m.right,
    );
    const parentRow = merge ? merge.top : r;
    const parentCol = merge ? merge.left : validation.parentCol;
    const key = `${parentRow}:${parentCol}`;
    const group = groups.get(key) ?? { parentRow, parentCol, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  const actions: Action[] = [];
  for (const group of groups.values()) {
    for (const run of consecutiveRuns(group.rows)) {
      actions.push((ws, origin) => {
        const parentRef = `$${columnName(origin.col + group.parentCol)}$${origin.row + group.parentRow + 1}`;
        // A parent value without a list of its own (empty, or typed by hand) offers the whole list.
        const formula = `=IF(ISREF(INDIRECT("${prefix}"&${parentRef})),INDIRECT("${prefix}"&${parentRef}),${fallbackName})`;
        const area = {
          top: run[0]!,
          left: validation.range.left,
          bottom: run[run.length - 1]!,
          right: validation.range.right,
        };
        const dv = ws.getRange(a1(shift(area, origin))).dataValidation;
        dv.rule = { list: { inCellDropDown: true, source: formula } };
        withPrompt(dv, validation.prompt);
      });
    }
  }
  return actions;
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
      worksheets.load("items/id,items/name,items/visibility");
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
        if (targetSheet.protection.protected) {
          refuse(
            `无法插入模板：工作表“${targetSheet.name}”受保护。请先撤销保护，或选择“插入到新工作表”。`,
            `Could not insert the template: worksheet "${targetSheet.name}" is protected. Unprotect it, or insert on a new worksheet.`,
          );
        }
        const values = target.values;
        const formulas = target.formulas;
        for (let r = 0; r < patch.rowCount; r++) {
          for (let c = 0; c < patch.colCount; c++) {
            if (values[r]?.[c] !== "" || formulas[r]?.[c] !== "") {
              const cell = toA1(targetRange.top + r, targetRange.left + c);
              refuse(
                `无法在所选位置插入模板：目标区域 ${a1(targetRange)} 中的单元格 ${cell} 已有内容，模板不会覆盖已有内容。请选择一片空白区域（需 ${patch.rowCount} 行 × ${patch.colCount} 列），或插入到新工作表。`,
                `Cannot insert the template at the selection: cell ${cell} in the target area ${a1(targetRange)} is not empty, and the template never overwrites content. Select an empty area (${patch.rowCount} rows × ${patch.colCount} columns), or insert on a new worksheet.`,
              );
            }
          }
        }
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

      if (targetRange) {
        for (const probe of mergeProbes) {
          if (probe.isNullObject) continue;
          for (const area of probe.areas.items) {
            const merged = parseExcelRange(area.address);
            if (
              merged &&
              merged.top <= targetRange.bottom &&
              targetRange.top <= merged.bottom &&
              merged.left <= targetRange.right &&
              targetRange.left <= merged.right
            ) {
              refuse(
                `无法在所选位置插入模板：目标区域 ${a1(targetRange)} 含有合并单元格 ${a1(merged)}。请选择一片没有合并单元格的空白区域，或插入到新工作表。`,
                `Cannot insert the template at the selection: the target area ${a1(targetRange)} holds the merged cells ${a1(merged)}. Select an empty area without merged cells, or insert on a new worksheet.`,
              );
            }
          }
        }
      }

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
      let origin: { row: number; col: number };
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
          merges: patch.merges.map((m) => shift(m, origin)),
          validated: patch.validations.map((v) => shift(v.range, origin)),
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
      for (const merge of patch.merges) sheet.getRange(a1(shift(merge, origin))).merge(false);
      sheet.activate();
      sheet.getRange(toA1(origin.row, origin.col)).select();
      await context.sync();
      const area = {
        top: origin.row,
        left: origin.col,
        bottom: origin.row + patch.rowCount - 1,
        right: origin.col + patch.colCount - 1,
      };
      return { sheet: placedName, range: a1(area) };
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
function writePatch(sheet: Excel.Worksheet, patch: SheetPatch, origin: { row: number; col: number }): void {
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

/** Tiles of at most 512 cells over rows 0..rows-1 and columns 0..cols-1 (Excel's merged-area limit per call). */
function mergeTiles(rows: number, cols: number): CellRange[] {
  const tileCols = Math.min(cols, 512);
  const tileRows = Math.max(1, Math.floor(512 / tileCols));
  const tiles: CellRange[] = [];
  for (let top = 0; top < rows; top += tileRows) {
    for (let left = 0; left < cols; left += tileCols) {
      tiles.push({ top, left, bottom: Math.min(rows, top + tileRows) - 1, right: Math.min(cols, left + tileCols) - 1 });
    }
  }
  return tiles;
}

/** Takes away what a failed insertion wrote: its sheet, or the (formerly empty) target area; its lists and names. */
async function undoTemplate(created: Created, features: ExcelFeatures): Promise<void> {
  try {
    await Excel.run(async (context) => {
      const workbook = context.workbook;
      const worksheets = workbook.worksheets;
      if (created.sheetName) {
        const sheet = worksheets.getItemOrNullObject(created.sheetName);
        sheet.load("name");
        await context.sync();
        if (!sheet.isNullObject) sheet.delete();
      }
      if (created.selectionArea) {
        // The area was empty: its values and formats go; only our own merges and validations are undone.
        const { sheetId, range, merges, validated } = created.selectionArea;
        const sheet = worksheets.getItem(sheetId);
        if (created.merging && features.mergedAreas) {
          // Unmerging a range also splits any merged area it touches: undo exactly the areas we merged.
          const found = sheet.getRange(a1(range)).getMergedAreasOrNullObject();
          found.load("areas/items/address");
          await context.sync();
          const ours = new Set(merges.map(a1));
          if (!found.isNullObject) {
            for (const area of found.areas.items) {
              const merged = parseExcelRange(area.address);
              if (merged && ours.has(a1(merged))) sheet.getRange(a1(merged)).unmerge();
            }
          }
        }
        validated.forEach((v) => sheet.getRange(a1(v)).dataValidation.clear());
        sheet.getRange(a1(range)).clear("All");
      }
      if (created.names.length > 0) {
        const names = workbook.names;
        names.load("items/name");
        await context.sync();
        const ours = new Set(created.names.map((n) => n.toLowerCase()));
        names.items.filter((item) => ours.has(item.name.toLowerCase())).forEach((item) => item.delete());
      }
      if (created.listSheetCreated) {
        const list = worksheets.getItemOrNullObject(LIST_SHEET_NAME);
        list.load("name");
        await context.sync();
        if (!list.isNullObject) {
          list.visibility = "Visible";
          list.delete();
        }
      }
      await context.sync();
    });
  } catch {
    // The original failure is what the user needs to read; a failed clean-up must not hide it.
  }
}
