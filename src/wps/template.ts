/**
 * Writes the template plan (src/host/plans/template.ts) into a WPS workbook, as the Excel host
 * does: on a new worksheet with a unique name, or at the selection when every cell it would cover
 * is empty and unmerged; never over a cell that holds anything. If a write fails part-way, what was
 * written is taken away again.
 */
import { rangeToA1, toA1, type CellRange, type CellRef } from "../core/address";
import type { PatchStyle, SheetPatch } from "../core/patch";
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
  noSelectionError,
  protectedTargetError,
  styleGroups,
  type TemplatePlan,
  type ValidationWrite,
} from "../host/plans/template";
import { addressLists } from "../host/plans/address-lists";
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
  MAX_ADDRESS_CHARS,
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

const OPERATORS = { between: XL_BETWEEN, atLeast: XL_GREATER_EQUAL, atMost: XL_LESS_EQUAL } as const;

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
      OPERATORS[write.operator],
      String(write.formula1),
      write.formula2 === undefined ? undefined : String(write.formula2),
    );
    validation.ErrorTitle = write.error.title;
    validation.ErrorMessage = write.error.message;
    validation.ShowError = true;
  } else {
    validation.Add(XL_VALIDATE_INPUT_ONLY as Et.XlDVType, XL_VALID_ALERT_STOP, XL_BETWEEN);
  }
  if (write.prompt) {
    validation.InputTitle = write.prompt.title;
    validation.InputMessage = write.prompt.message;
    validation.ShowInput = true;
  }
}

function applyStyle(range: WpsRange, style: PatchStyle): void {
  const font = range.Font;
  font.Name = TEMPLATE_FONT_NAME;
  font.Size = style.fontSize ?? TEMPLATE_FONT_SIZE;
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

/** Values, number formats, styles, widths and heights of the plan (merges come after). */
function writePlan(ws: WpsWorksheet, plan: TemplatePlan, patch: SheetPatch, origin: CellRef): void {
  for (const run of plan.values) {
    ws.Range(
      rangeToA1({ top: run.row, left: run.col, bottom: run.row, right: run.col + run.items.length - 1 }),
    ).Value2 = [run.items];
  }
  // Cells formatted alike (and styled alike) are written through one address list.
  const groups = styleGroups(patch, origin);
  for (const { format, cells } of groups.formats)
    for (const list of addressLists(cells, MAX_ADDRESS_CHARS)) ws.Range(list).NumberFormat = format;
  for (const { style, cells } of groups.styles)
    for (const list of addressLists(cells, MAX_ADDRESS_CHARS)) applyStyle(ws.Range(list), style);
  // ColumnWidth is in characters, as the plan gives it; RowHeight in points.
  for (const { col, characters } of plan.columnWidths) ws.Range(toA1(0, col)).ColumnWidth = characters;
  for (const { row, points } of plan.rowHeights) ws.Range(toA1(row, 0)).RowHeight = points;
}

interface Created {
  sheet: WpsWorksheet | null;
  area: { ws: WpsWorksheet; range: CellRange; merges: CellRange[]; validated: CellRange[] } | null;
  listSheet: WpsWorksheet | null;
  names: string[];
}

/** Refuses a target area on a protected sheet, with any cell holding something, or reached by a merged area. */
function refuseTarget(ws: WpsWorksheet, area: CellRange, patch: SheetPatch): void {
  if (ws.ProtectContents) throw protectedTargetError(ws.Name);
  const range = ws.Range(rangeToA1(area));
  const raw = range.Value2 as unknown;
  const values = Array.isArray(raw) ? (raw as unknown[][]) : [[raw]];
  // HasFormula is false when no cell holds one, true when all do, null when some do.
  const formulas = range.HasFormula as unknown;
  const filled = firstFilledCell(
    area,
    values,
    (r, c) => formulas !== false && ws.Cells.Item(area.top + r + 1, area.left + c + 1).HasFormula === true,
  );
  if (filled) throw filledTargetError(area, filled, patch);
  const merged = mergedAreas(ws, area)[0];
  if (merged) throw mergedTargetError(area, merged);
}

export function insertTemplate(
  app: WpsApplication,
  patch: SheetPatch,
  where: "new-sheet" | "selection",
  sheetName: string,
): TemplatePlacement {
  if (patch.rowCount < 1 || patch.colCount < 1) throw emptyTemplateError();
  const created: Created = { sheet: null, area: null, listSheet: null, names: [] };
  let writing = false;
  try {
    return quietly(app, () => {
      const book = app.ActiveWorkbook;
      const structureLocked = book.ProtectStructure;
      let target: WpsWorksheet | null = null;
      let origin: CellRef = { row: 0, col: 0 };
      if (where === "selection") {
        const selection = app.Selection as Partial<WpsRange> | null;
        if (!selection || typeof selection.Address !== "function" || !selection.Worksheet) {
          throw noSelectionError();
        }
        const start = selection as WpsRange;
        target = start.Worksheet;
        const at = areaOf(start);
        origin = { row: at.top, col: at.left };
        refuseTarget(target, templateArea(patch, origin), patch);
      } else if (structureLocked) throw lockedStructureError();
      const names = book.Names;
      const existingNames = new Set<string>();
      for (let i = 1; i <= names.Count; i++) existingNames.add(String(names.Item(i).Name).toLowerCase());
      const existingList = findWorksheet(app, LIST_SHEET_NAME);
      const validations = planValidations(patch, origin, existingNames, !structureLocked || existingList !== null);
      const plan = planTemplate(patch, origin);

      writing = true;
      let ws: WpsWorksheet;
      if (target) {
        ws = target;
        created.area = {
          ws,
          range: plan.area,
          merges: plan.merges,
          validated: validations.writes.map((w) => w.area),
        };
      } else {
        const all = worksheets(app);
        const name = uniqueSheetName(
          sheetName,
          all.map((w) => w.Name),
        );
        ws = book.Worksheets.Add(undefined, all[all.length - 1]) as WpsWorksheet;
        created.sheet = ws;
        ws.Name = name;
      }

      if (validations.namedLists.length > 0) {
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
        for (const list of listColumns(validations.namedLists, column)) {
          listSheet.Range(list.range).Value2 = list.values;
          // A range, not a formula text: WPS writes the reference in its own canonical form.
          names.Add(list.name, listSheet.Range(list.itemsRange));
          created.names.push(list.name);
        }
      }

      writePlan(ws, plan, patch, origin);
      for (const write of validations.writes) writeValidation(ws, write);
      for (const merge of plan.merges) ws.Range(rangeToA1(merge)).Merge();
      ws.Activate();
      ws.Range(toA1(origin.row, origin.col)).Select();
      return { sheet: ws.Name, range: rangeToA1(plan.area) };
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
