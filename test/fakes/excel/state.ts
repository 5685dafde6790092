/**
 * The fake workbook's state: plain, JSON-able data, so a test (or the browser harness) can build
 * one by hand, load one from an .xlsx, compare two, or send one over postMessage.
 * No Node built-ins and no exceljs here: this file is bundled into the task pane's e2e page.
 */
import { columnName, parseA1 } from "../../../src/core/address";

/** Excel's fill patterns, as Office.js names them. */
export const FAKE_FILL_PATTERNS = [
  "None",
  "Solid",
  "Gray50",
  "Gray75",
  "Gray25",
  "Horizontal",
  "Vertical",
  "Down",
  "Up",
  "Checker",
  "SemiGray75",
  "LightHorizontal",
  "LightVertical",
  "LightDown",
  "LightUp",
  "Grid",
  "CrissCross",
  "Gray16",
  "Gray8",
  "LinearGradient",
  "RectangularGradient",
] as const;

export type FakeFillPattern = (typeof FAKE_FILL_PATTERNS)[number];

/** A cell's own fill. An absent fill is Excel's No Fill, which is not the same as a white one. */
export interface FakeFill {
  /** "#RRGGBB": the cell's background colour. */
  color: string;
  pattern: Exclude<FakeFillPattern, "None">;
  /** "#RRGGBB": the colour of the pattern's lines or dots. */
  patternColor?: string;
  /** Tint (positive) or shade (negative) of color, -1..1. */
  tint?: number;
  /** Tint or shade of patternColor, -1..1. */
  patternTint?: number;
}

export interface FakeFont {
  /** "#RRGGBB"; absent is the automatic colour, which Office.js reports as black. */
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  name?: string;
}

export interface FakeBorder {
  style: string;
  color?: string;
  weight?: string;
}

export interface FakeNote {
  content: string;
  author?: string;
}

export interface FakeHyperlink {
  documentReference?: string;
  address?: string;
  textToDisplay?: string;
  screenTip?: string;
}

export interface FakeCell {
  /** What Range.values reports: a number (dates are serials), text, a boolean; an error as its text. */
  value?: string | number | boolean | null;
  /** "=SUM(A1:A3)"; value then holds the last computed result. */
  formula?: string;
  /** Absent means "General". */
  numberFormat?: string;
  /** What Range.text reports; absent means the value formatted by its number format. */
  text?: string;
  fill?: FakeFill;
  font?: FakeFont;
  note?: FakeNote;
  /** Range.hyperlink (ExcelApi 1.7): a link within the workbook ("'Sheet1'!B7") or to an address. */
  hyperlink?: FakeHyperlink;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<"EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight", FakeBorder>>;
}

export interface FakeDataValidation {
  /** A1 range without the sheet name. */
  range: string;
  /** The rule as Office.js takes it: { list: { source, inCellDropDown } }, { decimal: {...} }, … */
  rule: Record<string, unknown>;
  prompt?: { showPrompt: boolean; title?: string; message?: string };
  errorAlert?: { showAlert: boolean; style?: string; title?: string; message?: string };
}

export interface FakeSheetProtection {
  protected: boolean;
  /** What stays allowed on a protected sheet (Excel's WorksheetProtectionOptions); all false when absent. */
  allowFormatCells?: boolean;
  allowEditObjects?: boolean;
}

export type FakeVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface FakeSheet {
  name: string;
  /** Stable across renames, like Excel's worksheet id. */
  id: string;
  visibility?: FakeVisibility;
  /** Cells by A1 address ("B7"); absent cells are empty and unformatted. */
  cells: Record<string, FakeCell>;
  /** Merged areas, "A1:C1". */
  merges: string[];
  protection?: FakeSheetProtection;
  /** Column widths in points, by column letter. */
  columnWidths?: Record<string, number>;
  /** Row heights in points, by one-based row number. */
  rowHeights?: Record<string, number>;
  dataValidations?: FakeDataValidation[];
  /** The selected range on this sheet, "B3" or "B3:D7". */
  selection?: string;
}

export interface FakeCustomXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface FakeNamedItem {
  name: string;
  /** "='下拉选项'!$A$2:$A$5" */
  formula: string;
  comment?: string;
  visible?: boolean;
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  /** Name of the active worksheet. */
  activeSheet: string;
  customXmlParts: FakeCustomXmlPart[];
  names: FakeNamedItem[];
  /** Workbook structure protection: no sheets can be added, deleted or unhidden. */
  structureProtected?: boolean;
}

/** A workbook with empty sheets of these names (the first one active). */
export function emptyWorkbookState(sheetNames: string[] = ["Sheet1"]): FakeWorkbookState {
  return {
    sheets: sheetNames.map((name, i) => ({ name, id: sheetId(i), cells: {}, merges: [] })),
    activeSheet: sheetNames[0] ?? "Sheet1",
    customXmlParts: [],
    names: [],
  };
}

/** Worksheet ids in Excel's brace-GUID form, deterministic for tests. */
export function sheetId(index: number): string {
  return `{00000000-0001-0000-${String(index).padStart(4, "0")}-000000000000}`;
}

/**
 * Builds a sheet from rows of values (null for empty cells), row 0 at A1: the shortest way to
 * write a test fixture. Pass `formats` alongside for number formats.
 */
export function sheetFromRows(
  name: string,
  id: string,
  rows: (string | number | boolean | null)[][],
  formats?: (string | null | undefined)[][],
): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      const numberFormat = formats?.[r]?.[c] ?? undefined;
      if (value === null && !numberFormat) return;
      cells[`${columnName(c)}${r + 1}`] = numberFormat ? { value, numberFormat } : { value };
    }),
  );
  return { name, id, cells, merges: [] };
}

/** A deep copy through JSON: what the state looks like once saved and reopened. */
export function cloneState(state: FakeWorkbookState): FakeWorkbookState {
  return JSON.parse(JSON.stringify(state)) as FakeWorkbookState;
}

export function findSheet(state: FakeWorkbookState, name: string): FakeSheet | undefined {
  const lower = name.toLowerCase();
  return state.sheets.find((s) => s.name.toLowerCase() === lower);
}

/** The cell at an A1 address, or undefined when it was never written. */
export function cellAt(sheet: FakeSheet, address: string): FakeCell | undefined {
  const ref = parseA1(address);
  if (!ref) throw new Error(`"${address}" is not a cell address.`);
  return sheet.cells[`${columnName(ref.col)}${ref.row + 1}`];
}
