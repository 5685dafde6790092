/**
 * The WPS 表格 JS API as this host uses it, typed with the published typings (npm et-jsapi-declare
 * 2.5.0, Kingsoft's declarations of the jsaddon API). WPS exposes a synchronous, VBA-shaped object
 * model as the global `Application` (alias `wps`) of every add-in page; nothing here uses Office.js.
 *
 * Enum values are written out as numbers: the typings declare WPS's enums, but no JavaScript object
 * holds them at run time.
 */
/// <reference types="et-jsapi-declare" />

export type WpsApplication = WPSMergedRoot;
export type WpsWorksheet = Et.Worksheet;
export type WpsRange = Et.Range;

/** The WPS application of this page, or null outside WPS. */
export function wpsApplication(): WpsApplication | null {
  const g = globalThis as { Application?: unknown; wps?: unknown };
  const candidate = (g.Application ?? g.wps) as Partial<WpsApplication> | undefined;
  // Office.js pages have no global Application; a WPS page's has the workbook model and the add-in API.
  return candidate && typeof candidate === "object" && "ActiveWorkbook" in candidate
    ? (candidate as WpsApplication)
    : null;
}

/** XlPattern (lib.et.d.ts). */
export const XL_PATTERN_NONE = -4142;
export const XL_PATTERN_SOLID = 1;
export const XL_PATTERN_LINEAR_GRADIENT = 4000;
export const XL_PATTERN_RECTANGULAR_GRADIENT = 4001;

/** Pattern numbers by the names Office.js gives them, so the highlight record reads the same in both hosts. */
export const PATTERN_BY_NAME: Readonly<Record<string, number>> = {
  None: XL_PATTERN_NONE,
  Solid: XL_PATTERN_SOLID,
  Gray50: -4125,
  Gray75: -4126,
  Gray25: -4124,
  Horizontal: -4128,
  Vertical: -4166,
  Down: -4121,
  Up: -4162,
  Checker: 9,
  SemiGray75: 10,
  LightHorizontal: 11,
  LightVertical: 12,
  LightDown: 13,
  LightUp: 14,
  Grid: 15,
  CrissCross: 16,
  Gray16: 17,
  Gray8: 18,
  LinearGradient: XL_PATTERN_LINEAR_GRADIENT,
  RectangularGradient: XL_PATTERN_RECTANGULAR_GRADIENT,
};

export const PATTERN_NAME = new Map(Object.entries(PATTERN_BY_NAME).map(([name, n]) => [n, name]));

/** XlColorIndex. */
export const XL_COLOR_AUTOMATIC = -4105;
/** XlSheetVisibility. */
export const XL_SHEET_VISIBLE = -1;
export const XL_SHEET_VERY_HIDDEN = 2;
/** XlCellType and XlSpecialCellsValue. */
export const XL_CELL_TYPE_CONSTANTS = 2;
export const XL_CELL_TYPE_FORMULAS = -4123;
export const XL_NUMBERS = 1;
export const XL_ERRORS = 16;
/** XlDVType, XlDVAlertStyle, XlFormatConditionOperator. */
export const XL_VALIDATE_INPUT_ONLY = 0;
export const XL_VALIDATE_DECIMAL = 2;
export const XL_VALIDATE_LIST = 3;
export const XL_VALID_ALERT_STOP = 1;
export const XL_BETWEEN = 1;
export const XL_GREATER_EQUAL = 7;
export const XL_LESS_EQUAL = 8;
/** XlHAlign, XlVAlign. */
export const XL_LEFT = -4131;
export const XL_CENTER = -4108;
export const XL_RIGHT = -4152;
export const XL_TOP = -4160;
export const XL_BOTTOM = -4107;
/** XlBordersIndex (edges), XlLineStyle, XlBorderWeight. */
export const XL_EDGES = [7, 8, 9, 10] as const;
export const XL_CONTINUOUS = 1;
export const XL_THIN = 2;

/** A comma-separated address WPS takes in one Range call: VBA's limit is 255 characters. */
export const MAX_ADDRESS_CHARS = 255;

/** "#RRGGBB" → the BGR integer Interior.Color and Font.Color hold. */
export function bgr(hex: string): number {
  const rgb = parseInt(hex.replace(/^#/, ""), 16);
  return ((rgb & 0xff) << 16) | (rgb & 0xff00) | ((rgb >> 16) & 0xff);
}

/** A BGR integer → "#RRGGBB". */
export function hex(value: number): string {
  const n = Number(value) & 0xffffff;
  const rgb = ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
  return `#${rgb.toString(16).padStart(6, "0").toUpperCase()}`;
}

/** Every worksheet of the active workbook, in tab order. */
export function worksheets(app: WpsApplication): WpsWorksheet[] {
  const sheets = app.ActiveWorkbook.Worksheets;
  const out: WpsWorksheet[] = [];
  for (let i = 1; i <= sheets.Count; i++) out.push(sheets.Item(i) as WpsWorksheet);
  return out;
}

export function findWorksheet(app: WpsApplication, name: string): WpsWorksheet | null {
  const lower = name.toLowerCase();
  return worksheets(app).find((ws) => ws.Name.toLowerCase() === lower) ?? null;
}

/** Runs with WPS's prompts and screen updates off (a deleted sheet or a merge would otherwise ask the user). */
export function quietly<T>(app: WpsApplication, work: () => T): T {
  const alerts = app.DisplayAlerts;
  const screen = app.ScreenUpdating;
  app.DisplayAlerts = false;
  app.ScreenUpdating = false;
  try {
    return work();
  } finally {
    app.DisplayAlerts = alerts;
    app.ScreenUpdating = screen;
  }
}
