/**
 * The WPS fake's workbook state: plain, JSON-able data in WPS's own terms (the VBA-shaped object
 * model of WPS 表格): colours as BGR integers (0xBBGGRR, what Interior.Color and Font.Color hold),
 * fill patterns as XlPattern numbers, comments rather than notes, sheet visibility as
 * XlSheetVisibility. Built from the WPS JS API typings (npm et-jsapi-declare 2.5.0) and the VBA
 * documentation of the same object model, never from a running WPS: see README, "WPS 表格".
 */
import { columnName, parseA1 } from "../../../src/core/address";

/** XlPattern values (et-jsapi-declare lib.et.d.ts, enum XlPattern). */
export const XL_PATTERN = {
  automatic: -4105,
  none: -4142,
  solid: 1,
  gray50: -4125,
  gray75: -4126,
  gray25: -4124,
  horizontal: -4128,
  vertical: -4166,
  down: -4121,
  up: -4162,
  checker: 9,
  semiGray75: 10,
  lightHorizontal: 11,
  lightVertical: 12,
  lightDown: 13,
  lightUp: 14,
  grid: 15,
  crissCross: 16,
  gray16: 17,
  gray8: 18,
  linearGradient: 4000,
  rectangularGradient: 4001,
} as const;

/** XlColorIndex: automatic and none. */
export const XL_COLOR_INDEX_AUTOMATIC = -4105;
export const XL_COLOR_INDEX_NONE = -4142;

/** A cell's own fill. Absent means No Fill (Pattern xlPatternNone), which is not white. */
export interface WpsInterior {
  /** XlPattern; never xlPatternNone here (no fill is an absent interior). */
  pattern: number;
  /** BGR. */
  color: number;
  /** BGR; absent is the automatic pattern colour (PatternColorIndex xlAutomatic, read as 0). */
  patternColor?: number;
  tint?: number;
  patternTint?: number;
}

export interface WpsFontState {
  /** BGR; absent is the automatic colour (ColorIndex xlAutomatic, Color reads 0). */
  color?: number;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  name?: string;
}

export interface WpsCommentState {
  text: string;
  author?: string;
}

export interface WpsBorderState {
  /** XlLineStyle: 1 is xlContinuous. */
  lineStyle: number;
  /** XlBorderWeight: 2 is xlThin. */
  weight?: number;
  color?: number;
}

export interface WpsCellState {
  /** A number (dates are serials), text, a boolean, or an error as its text ("#DIV/0!"). */
  value?: string | number | boolean | null;
  /** "=SUM(A1:A3)"; value holds its last result. */
  formula?: string;
  /** Absent is General. */
  numberFormat?: string;
  interior?: WpsInterior;
  font?: WpsFontState;
  comment?: WpsCommentState;
  /** XlHAlign / XlVAlign numbers. */
  horizontalAlignment?: number;
  verticalAlignment?: number;
  wrapText?: boolean;
  /** By XlBordersIndex: 7 left, 8 top, 9 bottom, 10 right. */
  borders?: Record<string, WpsBorderState>;
}

/** A data validation as Validation.Add and its properties left it, over the A1 range Add was called on. */
export interface WpsValidationState {
  range: string;
  /** XlDVType: 0 input only, 2 decimal, 3 list. */
  type: number;
  alertStyle: number;
  operator: number;
  formula1: string;
  formula2: string;
  inCellDropdown: boolean;
  ignoreBlank: boolean;
  showInput: boolean;
  inputTitle: string;
  inputMessage: string;
  showError: boolean;
  errorTitle: string;
  errorMessage: string;
}

export interface WpsSheetState {
  name: string;
  /** XlSheetVisibility: -1 visible, 0 hidden, 2 very hidden. */
  visible: -1 | 0 | 2;
  /** By A1 address; absent cells are empty and unformatted. */
  cells: Record<string, WpsCellState>;
  /** Merged areas, "A1:C1". */
  merges: string[];
  /** Worksheet.ProtectContents: every cell is locked, so nothing on it can be written. */
  protectContents?: boolean;
  /** ColumnWidth in characters, by column letter. */
  columnWidths?: Record<string, number>;
  /** RowHeight in points, by one-based row number. */
  rowHeights?: Record<string, number>;
  validations?: WpsValidationState[];
  /** The selection on this sheet, "B3" or "B3:D7" (or "B3,F1"). */
  selection?: string;
}

export interface WpsNameState {
  name: string;
  /** "=下拉选项!$A$2:$A$5" */
  refersTo: string;
  visible?: boolean;
}

export interface WpsWorkbookState {
  sheets: WpsSheetState[];
  /** Name of the active sheet. */
  activeSheet: string;
  names: WpsNameState[];
  /** Workbook.ProtectStructure: no sheet can be added, deleted, hidden or unhidden. */
  protectStructure?: boolean;
}

/** "#RRGGBB" → BGR integer, as Interior.Color holds it. */
export function bgrFromHex(hex: string): number {
  const rgb = parseInt(hex.replace(/^#/, ""), 16);
  const r = (rgb >> 16) & 0xff;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  return (b << 16) | (g << 8) | r;
}

/** BGR integer → "#RRGGBB". */
export function hexFromBgr(bgr: number): string {
  const r = bgr & 0xff;
  const g = (bgr >> 8) & 0xff;
  const b = (bgr >> 16) & 0xff;
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("")}`.toUpperCase();
}

export function emptyWpsState(sheetNames: string[] = ["Sheet1"]): WpsWorkbookState {
  return {
    sheets: sheetNames.map((name) => ({ name, visible: -1, cells: {}, merges: [] })),
    activeSheet: sheetNames[0] ?? "Sheet1",
    names: [],
  };
}

export function cloneWpsState(state: WpsWorkbookState): WpsWorkbookState {
  return JSON.parse(JSON.stringify(state)) as WpsWorkbookState;
}

export function findWpsSheet(state: WpsWorkbookState, name: string): WpsSheetState | undefined {
  const lower = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === lower);
}

export function wpsCellAt(sheet: WpsSheetState, address: string): WpsCellState | undefined {
  const ref = parseA1(address);
  if (!ref) throw new Error(`"${address}" is not a cell address.`);
  return sheet.cells[`${columnName(ref.col)}${ref.row + 1}`];
}
