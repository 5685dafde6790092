/**
 * The same workbook in both fakes: turns the Excel fake's state (colours "#RRGGBB", pattern names,
 * notes) into the WPS fake's (BGR integers, XlPattern numbers, comments), and reads either back as
 * one neutral look, so the host contract suite can give both hosts one fixture and compare them.
 */
import type { FakeCell, FakeFillPattern, FakeWorkbookState } from "../excel/state";
import {
  XL_PATTERN,
  bgrFromHex,
  hexFromBgr,
  type WpsCellState,
  type WpsSheetState,
  type WpsWorkbookState,
} from "./state";

const PATTERN_NUMBERS: Record<Exclude<FakeFillPattern, "None">, number> = {
  Solid: XL_PATTERN.solid,
  Gray50: XL_PATTERN.gray50,
  Gray75: XL_PATTERN.gray75,
  Gray25: XL_PATTERN.gray25,
  Horizontal: XL_PATTERN.horizontal,
  Vertical: XL_PATTERN.vertical,
  Down: XL_PATTERN.down,
  Up: XL_PATTERN.up,
  Checker: XL_PATTERN.checker,
  SemiGray75: XL_PATTERN.semiGray75,
  LightHorizontal: XL_PATTERN.lightHorizontal,
  LightVertical: XL_PATTERN.lightVertical,
  LightDown: XL_PATTERN.lightDown,
  LightUp: XL_PATTERN.lightUp,
  Grid: XL_PATTERN.grid,
  CrissCross: XL_PATTERN.crissCross,
  Gray16: XL_PATTERN.gray16,
  Gray8: XL_PATTERN.gray8,
  LinearGradient: XL_PATTERN.linearGradient,
  RectangularGradient: XL_PATTERN.rectangularGradient,
};

const PATTERN_NAMES = new Map(Object.entries(PATTERN_NUMBERS).map(([name, n]) => [n, name]));

function wpsCell(cell: FakeCell): WpsCellState {
  const out: WpsCellState = {};
  if (cell.value !== undefined && cell.value !== null) out.value = cell.value;
  if (cell.formula) out.formula = cell.formula;
  if (cell.numberFormat && cell.numberFormat !== "General") out.numberFormat = cell.numberFormat;
  if (cell.fill) {
    out.interior = { pattern: PATTERN_NUMBERS[cell.fill.pattern], color: bgrFromHex(cell.fill.color) };
    if (cell.fill.patternColor) out.interior.patternColor = bgrFromHex(cell.fill.patternColor);
    if (cell.fill.tint) out.interior.tint = cell.fill.tint;
    if (cell.fill.patternTint) out.interior.patternTint = cell.fill.patternTint;
  }
  if (cell.font) {
    const { color, ...rest } = cell.font;
    out.font = { ...rest, ...(color ? { color: bgrFromHex(color) } : {}) };
  }
  if (cell.note) out.comment = { text: cell.note.content, ...(cell.note.author ? { author: cell.note.author } : {}) };
  if (cell.wrapText) out.wrapText = true;
  return out;
}

/** The Excel fake's workbook as WPS would hold it. Custom XML parts and worksheet ids have no WPS counterpart here. */
export function wpsStateFromExcel(state: FakeWorkbookState): WpsWorkbookState {
  return {
    sheets: state.sheets.map((sheet): WpsSheetState => ({
      name: sheet.name,
      visible: sheet.visibility === "VeryHidden" ? 2 : sheet.visibility === "Hidden" ? 0 : -1,
      cells: Object.fromEntries(Object.entries(sheet.cells).map(([address, cell]) => [address, wpsCell(cell)])),
      merges: [...sheet.merges],
      ...(sheet.protection?.protected ? { protectContents: true } : {}),
      ...(sheet.selection ? { selection: sheet.selection } : {}),
    })),
    activeSheet: state.activeSheet,
    names: state.names.map((n) => ({ name: n.name, refersTo: n.formula })),
    ...(state.structureProtected ? { protectStructure: true } : {}),
  };
}

/** What a person sees of a cell's highlight-relevant look, in one form for both fakes. */
export interface CellLook {
  fill: { color: string; pattern: string } | null;
  /** "#RRGGBB", or null for the automatic colour. */
  font: string | null;
  note: string | null;
}

export function excelLook(cell: FakeCell | undefined): CellLook {
  return {
    fill: cell?.fill ? { color: cell.fill.color.toUpperCase(), pattern: cell.fill.pattern } : null,
    font: cell?.font?.color ? cell.font.color.toUpperCase() : null,
    note: cell?.note?.content ?? null,
  };
}

export function wpsLook(cell: WpsCellState | undefined): CellLook {
  return {
    fill: cell?.interior
      ? {
          color: hexFromBgr(cell.interior.color),
          pattern: PATTERN_NAMES.get(cell.interior.pattern) ?? String(cell.interior.pattern),
        }
      : null,
    font: cell?.font?.color !== undefined ? hexFromBgr(cell.font.color) : null,
    note: cell?.comment?.text ?? null,
  };
}
