/**
 * Writes a SheetPatch (the project template) into a WPS workbook, as the Excel host does
 * (src/excel/template.ts): on a new worksheet with a unique name, or at the selection when every
 * cell it would cover is empty and unmerged; never over a cell that holds anything. Drop-down lists
 * are named and built as in the .xlsx writer and the Excel host (src/core/template/lists.ts): inline
 * where they fit, otherwise named ranges on the very hidden sheet 下拉选项, level 2 through INDIRECT.
 * If a write fails part-way, what was written is taken away again.
 */
import { columnName, offsetRange, rangeToA1, toA1, type CellRange, type CellRef } from "../core/address";
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
import {
  XL_BETWEEN,
  XL_BOTTOM,
  XL_CENTER,
  XL_CONTINUOUS,
  XL_EDGES,
  XL_GREATER_EQUAL,
  XL_LEFT,
  XL_LESS_EQUAL,
  XL_PATTERN_SOLID,
  XL_RIGHT,
  XL_SHEET_VERY_HIDDEN,
  XL_THIN,
  XL_TOP,
  XL_VALIDATE_DECIMAL,
  XL_VALIDATE_INPUT_ONLY,
  XL_VALIDATE_LIST,
  XL_VALID_ALERT_STOP,
  addressLists,
  bgr,
  findWorksheet,
  quietly,
  worksheets,
  type WpsApplication,
  type WpsRange,
  type WpsWorksheet,
} from "./api";
import { uniqueSheetName } from "../core/template/sheet-name";
import { toWpsHostError } from "./errors";
import { areaOf, mergedAreas } from "./read";

const FONT_NAME = "宋体";
const DEFAULT_FONT_SIZE = 11;
const PROMPT_TITLE_LIMIT = 32;
const PROMPT_MESSAGE_LIMIT = 255;
const DEFAULT_ERROR_ALERT: InputPrompt = {
  title: "数值无效",
  message: "请输入符合要求的数值。Enter a number within the allowed range.",
};

/** Text WPS would read as something else (a number, a date, a formula, TRUE) is written with a leading '. */
function literal(value: string | number): string | number {
  if (typeof value === "number") return value;
  const looksTyped =
    /^[=+\-@']/.test(value) ||
    /^\s*[-+]?[\d,]*\.?\d+\s*%?\s*$/.test(value) ||
    /^\s*\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\s*$/.test(value) ||
    /^\s*(true|false)\s*$/i.test(value);
  return looksTyped ? `'${value}` : value;
}

function clamp(prompt: InputPrompt): InputPrompt {
  return { title: prompt.title.slice(0, PROMPT_TITLE_LIMIT), message: prompt.message.slice(0, PROMPT_MESSAGE_LIMIT) };
}

function refuse(zh: string, en: string): never {
  throw new HostError(zh, en);
}

/** One validation to write, in sheet coordinates once the origin is known: plain data. */
export type ValidationWrite =
  | { kind: "list"; area: CellRange; source: string; prompt?: InputPrompt }
  | {
      kind: "decimal";
      area: CellRange;
      operator: number;
      formula1: string;
      formula2?: string;
      error: InputPrompt;
      prompt?: InputPrompt;
    }
  | { kind: "input"; area: CellRange; prompt: InputPrompt };

/**
 * The template's validations and the named lists they need, as data: a pure plan (no WPS call),
 * the same decisions the Excel host makes. `existingNames` are lower-case; `namesPossible` is false
 * where no list sheet exists and none can be added.
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
  const inlineOrCut = (items: readonly string[]) => inlineList(items) ?? items.join(",").slice(0, INLINE_LIST_LIMIT);
  const writes: ValidationWrite[] = [];
  const at = (area: CellRange) => offsetRange(area, origin);
  const plan = (v: PatchValidation) => {
    switch (v.kind) {
      case "text":
        writes.push({ kind: "input", area: at(v.range), prompt: v.prompt });
        return;
      case "decimal": {
        const { min, max } = v;
        if (min === undefined && max === undefined) {
          if (v.prompt) writes.push({ kind: "input", area: at(v.range), prompt: v.prompt });
          return;
        }
        const rule =
          min !== undefined && max !== undefined
            ? { operator: XL_BETWEEN, formula1: String(min), formula2: String(max) }
            : min !== undefined
              ? { operator: XL_GREATER_EQUAL, formula1: String(min) }
              : { operator: XL_LESS_EQUAL, formula1: String(max) };
        writes.push({
          kind: "decimal",
          area: at(v.range),
          ...rule,
          error: v.error ?? DEFAULT_ERROR_ALERT,
          prompt: v.prompt,
        });
        return;
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
        writes.push({ kind: "list", area: at(v.range), source, prompt: v.prompt });
        return;
      }
      case "dependentList":
        planDependent(v, patch, origin, namesPossible, ensure, inlineOrCut, writes);
        return;
      default: {
        const unknown: never = v;
        throw new Error(`Unknown validation kind in the patch: ${JSON.stringify(unknown)}`);
      }
    }
  };
  patch.validations.forEach(plan);
  return { namedLists, writes };
}

function planDependent(
  v: DependentList,
  patch: SheetPatch,
  origin: CellRef,
  namesPossible: boolean,
  ensure: (list: NamedList) => void,
  inlineOrCut: (items: readonly string[]) => string,
  writes: ValidationWrite[],
): void {
  if (!namesPossible) {
    writes.push({
      kind: "list",
      area: offsetRange(v.range, origin),
      source: inlineOrCut(v.fallback),
      prompt: v.prompt,
    });
    return;
  }
  const names = dependentListNames(v);
  for (const list of [...names.lists, names.fallback]) ensure(list);
  for (const run of parentRuns(v, patch.merges)) {
    writes.push({
      kind: "list",
      area: offsetRange({ top: run.top, left: v.range.left, bottom: run.bottom, right: v.range.right }, origin),
      source: `=${dependentListFormula(names, origin.row + run.parentRow, origin.col + run.parentCol)}`,
      prompt: v.prompt,
    });
  }
}

function writeValidation(ws: WpsWorksheet, write: ValidationWrite): void {
  const validation = ws.Range(rangeToA1(write.area)).Validation;
  validation.Delete();
  if (write.kind === "list") {
    validation.Add(XL_VALIDATE_LIST as Et.XlDVType, XL_VALID_ALERT_STOP, XL_BETWEEN, write.source);
    validation.InCellDropdown = true;
  } else if (write.kind === "decimal") {
    validation.Add(
      XL_VALIDATE_DECIMAL as Et.XlDVType,
      XL_VALID_ALERT_STOP,
      write.operator,
      write.formula1,
      write.formula2,
    );
    const error = clamp(write.error);
    validation.ErrorTitle = error.title;
    validation.ErrorMessage = error.message;
    validation.ShowError = true;
  } else {
    validation.Add(XL_VALIDATE_INPUT_ONLY as Et.XlDVType, XL_VALID_ALERT_STOP, XL_BETWEEN);
  }
  if (write.prompt) {
    const prompt = clamp(write.prompt);
    validation.InputTitle = prompt.title;
    validation.InputMessage = prompt.message;
    validation.ShowInput = true;
  }
}

function applyStyle(range: WpsRange, style: PatchStyle): void {
  const font = range.Font;
  font.Name = FONT_NAME;
  font.Size = style.fontSize ?? DEFAULT_FONT_SIZE;
  font.Bold = style.bold ?? false;
  if (style.fontColor) font.Color = bgr(style.fontColor);
  range.WrapText = style.wrap ?? false;
  if (style.fill) {
    range.Interior.Pattern = XL_PATTERN_SOLID;
    range.Interior.Color = bgr(style.fill);
  }
  if (style.horizontal) {
    range.HorizontalAlignment =
      style.horizontal === "left" ? XL_LEFT : style.horizontal === "center" ? XL_CENTER : XL_RIGHT;
  }
  if (style.vertical) {
    range.VerticalAlignment = style.vertical === "top" ? XL_TOP : style.vertical === "middle" ? XL_CENTER : XL_BOTTOM;
  }
  if (style.border) {
    for (const edge of XL_EDGES) {
      const border = range.Borders.Item(edge as Et.XlBordersIndex);
      border.LineStyle = XL_CONTINUOUS;
      border.Weight = XL_THIN;
      border.Color = 0;
    }
  }
}

/** Values, number formats, styles, widths and heights at the origin (merges come after). */
function writePatch(ws: WpsWorksheet, patch: SheetPatch, origin: CellRef): void {
  const cellAt = new Map(patch.cells.map((cell) => [`${cell.row},${cell.col}`, cell]));
  for (let r = 0; r < patch.rowCount; r++) {
    // Runs of consecutive cells holding a value, each written at once.
    let start = -1;
    for (let c = 0; c <= patch.colCount; c++) {
      const value = c < patch.colCount ? cellAt.get(`${r},${c}`)?.value : undefined;
      const has = value !== undefined && value !== null && value !== "";
      if (has && start < 0) start = c;
      if (!has && start >= 0) {
        const items: (string | number)[] = [];
        for (let k = start; k < c; k++) items.push(literal(cellAt.get(`${r},${k}`)!.value as string | number));
        ws.Range(
          rangeToA1({
            top: origin.row + r,
            left: origin.col + start,
            bottom: origin.row + r,
            right: origin.col + c - 1,
          }),
        ).Value2 = [items];
        start = -1;
      }
    }
  }
  // Cells styled alike (and formatted alike) are written through one address list.
  const byStyle = new Map<string, string[]>();
  const byFormat = new Map<string, string[]>();
  for (const cell of patch.cells) {
    if (!cell.style) continue;
    const style = patch.styles[cell.style];
    if (!style) throw new Error(`The patch names an unknown style "${cell.style}".`);
    const address = toA1(origin.row + cell.row, origin.col + cell.col);
    byStyle.set(cell.style, [...(byStyle.get(cell.style) ?? []), address]);
    if (style.numberFormat) byFormat.set(style.numberFormat, [...(byFormat.get(style.numberFormat) ?? []), address]);
  }
  for (const [format, cells] of byFormat) for (const list of addressLists(cells)) ws.Range(list).NumberFormat = format;
  for (const [name, cells] of byStyle)
    for (const list of addressLists(cells)) applyStyle(ws.Range(list), patch.styles[name]!);
  // ColumnWidth is in characters, as the patch gives it; RowHeight in points.
  patch.columnWidths.forEach((width, c) => {
    if (width !== null) ws.Range(toA1(0, origin.col + c)).ColumnWidth = width;
  });
  patch.rowHeights.forEach((height, r) => {
    if (height !== null) ws.Range(toA1(origin.row + r, 0)).RowHeight = height;
  });
}

interface Created {
  sheet: WpsWorksheet | null;
  area: { ws: WpsWorksheet; range: CellRange; merges: CellRange[]; validated: CellRange[] } | null;
  listSheet: WpsWorksheet | null;
  names: string[];
}

/** Refuses a target area on a protected sheet, with any cell holding something, or reached by a merged area. */
function refuseTarget(ws: WpsWorksheet, area: CellRange, patch: SheetPatch): void {
  if (ws.ProtectContents) {
    refuse(
      `无法插入模板：工作表“${ws.Name}”受保护。请先撤销保护，或选择“插入到新工作表”。`,
      `Could not insert the template: worksheet "${ws.Name}" is protected. Unprotect it, or insert on a new worksheet.`,
    );
  }
  const range = ws.Range(rangeToA1(area));
  const raw = range.Value2 as unknown;
  const values = Array.isArray(raw) ? (raw as unknown[][]) : [[raw]];
  const formulas = range.HasFormula as unknown;
  for (let r = 0; r < patch.rowCount; r++) {
    for (let c = 0; c < patch.colCount; c++) {
      const value = values[r]?.[c];
      const formula = formulas !== false && ws.Cells.Item(area.top + r + 1, area.left + c + 1).HasFormula === true;
      if ((value === undefined || value === null || value === "") && !formula) continue;
      const cell = toA1(area.top + r, area.left + c);
      refuse(
        `无法在所选位置插入模板：目标区域 ${rangeToA1(area)} 中的单元格 ${cell} 已有内容，模板不会覆盖已有内容。请选择一片空白区域（需 ${patch.rowCount} 行 × ${patch.colCount} 列），或插入到新工作表。`,
        `Cannot insert the template at the selection: cell ${cell} in the target area ${rangeToA1(area)} is not empty, and the template never overwrites content. Select an empty area (${patch.rowCount} rows × ${patch.colCount} columns), or insert on a new worksheet.`,
      );
    }
  }
  const merged = mergedAreas(ws, area)[0];
  if (merged) {
    refuse(
      `无法在所选位置插入模板：目标区域 ${rangeToA1(area)} 含有合并单元格 ${rangeToA1(merged)}。请选择一片没有合并单元格的空白区域，或插入到新工作表。`,
      `Cannot insert the template at the selection: the target area ${rangeToA1(area)} holds the merged cells ${rangeToA1(merged)}. Select an empty area without merged cells, or insert on a new worksheet.`,
    );
  }
}

export function insertTemplate(
  app: WpsApplication,
  patch: SheetPatch,
  where: "new-sheet" | "selection",
  sheetName: string,
): TemplatePlacement {
  if (patch.rowCount < 1 || patch.colCount < 1)
    refuse("模板是空的，没有可插入的内容。", "The template is empty: there is nothing to insert.");
  const created: Created = { sheet: null, area: null, listSheet: null, names: [] };
  let writing = false;
  try {
    return quietly(app, () => {
      const book = app.ActiveWorkbook;
      const structureLocked = book.ProtectStructure;
      let ws: WpsWorksheet;
      let origin: CellRef;
      if (where === "selection") {
        const selection = app.Selection as Partial<WpsRange> | null;
        if (!selection || typeof selection.Address !== "function" || !selection.Worksheet) {
          refuse("请先选中一个单元格，再插入模板。", "Select a cell first, then insert the template.");
        }
        const start = selection as WpsRange;
        ws = start.Worksheet;
        const at = areaOf(start);
        origin = { row: at.top, col: at.left };
        refuseTarget(
          ws,
          { top: at.top, left: at.left, bottom: at.top + patch.rowCount - 1, right: at.left + patch.colCount - 1 },
          patch,
        );
      } else {
        if (structureLocked) {
          refuse(
            "无法插入模板：工作簿结构受保护，不能添加工作表。请先撤销工作簿保护，或在空白区域选中单元格后插入到所选位置。",
            "Could not insert the template: the workbook's structure is protected, so no worksheet can be added. Unprotect the workbook, or select a cell in an empty area and insert there.",
          );
        }
        ws = null as unknown as WpsWorksheet;
        origin = { row: 0, col: 0 };
      }
      const names = book.Names;
      const existingNames = new Set<string>();
      for (let i = 1; i <= names.Count; i++) existingNames.add(String(names.Item(i).Name).toLowerCase());
      const existingList = findWorksheet(app, LIST_SHEET_NAME);
      const plan = planValidations(patch, origin, existingNames, !structureLocked || existingList !== null);

      writing = true;
      const all = worksheets(app);
      if (where === "new-sheet") {
        const name = uniqueSheetName(
          sheetName,
          all.map((w) => w.Name),
        );
        ws = book.Worksheets.Add(undefined, all[all.length - 1]) as WpsWorksheet;
        created.sheet = ws;
        ws.Name = name;
      } else {
        created.area = {
          ws,
          range: {
            top: origin.row,
            left: origin.col,
            bottom: origin.row + patch.rowCount - 1,
            right: origin.col + patch.colCount - 1,
          },
          merges: patch.merges.map((m) => offsetRange(m, origin)),
          validated: plan.writes.map((w) => w.area),
        };
      }

      if (plan.namedLists.length > 0) {
        let listSheet = existingList;
        let column = 0;
        if (listSheet) {
          const used = listSheet.UsedRange;
          const blank = used.Count === 1 && (used.Value2 === undefined || used.Value2 === null || used.Value2 === "");
          column = blank ? 0 : used.Column + used.Columns.Count - 1;
        } else {
          listSheet = book.Worksheets.Add(undefined, worksheets(app).slice(-1)[0]) as WpsWorksheet;
          created.listSheet = listSheet;
          listSheet.Name = LIST_SHEET_NAME;
          listSheet.Visible = XL_SHEET_VERY_HIDDEN as Et.XlSheetVisibility;
        }
        for (const list of plan.namedLists) {
          const letter = columnName(column++);
          const cells = [[literal(list.name)], ...list.items.map((item) => [literal(item)])];
          listSheet.Range(`${letter}1:${letter}${cells.length}`).Value2 = cells;
          // A range, not a formula text: WPS writes the reference in its own canonical form.
          names.Add(list.name, listSheet.Range(`${letter}2:${letter}${list.items.length + 1}`));
          created.names.push(list.name);
        }
      }

      writePatch(ws, patch, origin);
      for (const write of plan.writes) writeValidation(ws, write);
      for (const merge of patch.merges) ws.Range(rangeToA1(offsetRange(merge, origin))).Merge();
      ws.Activate();
      ws.Range(toA1(origin.row, origin.col)).Select();
      const area = {
        top: origin.row,
        left: origin.col,
        bottom: origin.row + patch.rowCount - 1,
        right: origin.col + patch.colCount - 1,
      };
      return { sheet: ws.Name, range: rangeToA1(area) };
    });
  } catch (error) {
    if (error instanceof HostError && !writing) throw error;
    const failure = toWpsHostError(error, "template");
    if (!writing) throw failure;
    undo(app, created);
    throw new HostError(
      `${failure.messageZh} 已写入的部分已撤销。`,
      `${failure.messageEn} What had been written was taken away again.`,
      { cause: error },
    );
  }
}

/** Takes away what a failed insertion wrote: its sheet, or the (formerly empty) target area; its lists and names. */
function undo(app: WpsApplication, created: Created): void {
  const attempt = (work: () => void) => {
    try {
      work();
    } catch {
      // The original failure is what the user needs to read; a failed clean-up must not hide it.
    }
  };
  quietly(app, () => {
    if (created.sheet) attempt(() => created.sheet!.Delete());
    const area = created.area;
    if (area) {
      for (const merge of area.merges) attempt(() => area.ws.Range(rangeToA1(merge)).UnMerge());
      for (const validated of area.validated) attempt(() => area.ws.Range(rangeToA1(validated)).Validation.Delete());
      attempt(() => area.ws.Range(rangeToA1(area.range)).Clear());
    }
    for (const name of created.names) attempt(() => app.ActiveWorkbook.Names.Item(name).Delete());
    if (created.listSheet) attempt(() => created.listSheet!.Delete());
  });
}
