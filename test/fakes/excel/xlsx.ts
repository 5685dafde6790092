/**
 * Node only: builds a FakeWorkbookState from an .xlsx file with exceljs, so tests can run the
 * Excel host over real fixtures. Kept apart from the fake's core, which runs in a browser too.
 *
 * Theme and indexed colours are resolved with Office's default palette; that is enough for a
 * fake (the host only compares colours it wrote itself and copies back those it read).
 */
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { cellKey } from "./address";
import {
  sheetId,
  type FakeCell,
  type FakeFill,
  type FakeFillPattern,
  type FakeSheet,
  type FakeWorkbookState,
} from "./state";

/** Office's default theme: lt1, dk1, lt2, dk2, accent1–6 (the order exceljs's theme indexes use). */
const THEME = [
  "#FFFFFF",
  "#000000",
  "#E7E6E6",
  "#44546A",
  "#4472C4",
  "#ED7D31",
  "#A5A5A5",
  "#FFC000",
  "#5B9BD5",
  "#70AD47",
];
const INDEXED = ["#000000", "#FFFFFF", "#FF0000", "#00FF00", "#0000FF", "#FFFF00", "#FF00FF", "#00FFFF"];

const PATTERNS: Record<string, Exclude<FakeFillPattern, "None">> = {
  solid: "Solid",
  mediumGray: "Gray50",
  darkGray: "Gray75",
  lightGray: "Gray25",
  darkHorizontal: "Horizontal",
  darkVertical: "Vertical",
  darkDown: "Down",
  darkUp: "Up",
  darkGrid: "Checker",
  darkTrellis: "SemiGray75",
  lightHorizontal: "LightHorizontal",
  lightVertical: "LightVertical",
  lightDown: "LightDown",
  lightUp: "LightUp",
  lightGrid: "Grid",
  lightTrellis: "CrissCross",
  gray125: "Gray16",
  gray0625: "Gray8",
};

interface ColorSpec {
  argb?: string;
  theme?: number;
  indexed?: number;
  tint?: number;
}

function color(spec: Partial<ColorSpec> | undefined): { color: string; tint: number } | null {
  if (!spec) return null;
  const tint = typeof spec.tint === "number" ? spec.tint : 0;
  if (typeof spec.argb === "string" && /^[0-9A-Fa-f]{8}$/.test(spec.argb))
    return { color: `#${spec.argb.slice(2).toUpperCase()}`, tint };
  if (typeof spec.theme === "number" && THEME[spec.theme]) return { color: THEME[spec.theme]!, tint };
  if (typeof spec.indexed === "number" && INDEXED[spec.indexed % 8] && spec.indexed < 64)
    return { color: INDEXED[spec.indexed % 8]!, tint };
  return null;
}

function fillOf(fill: ExcelJS.Fill | undefined): FakeFill | undefined {
  if (!fill) return undefined;
  if (fill.type === "gradient") {
    const first = color(fill.stops?.[0]?.color as Partial<ColorSpec>);
    return {
      color: first?.color ?? "#FFFFFF",
      pattern: fill.gradient === "path" ? "RectangularGradient" : "LinearGradient",
    };
  }
  if (fill.type !== "pattern" || fill.pattern === "none") return undefined;
  const pattern = PATTERNS[fill.pattern];
  if (!pattern) return undefined;
  const fg = color(fill.fgColor as Partial<ColorSpec>);
  const bg = color(fill.bgColor as Partial<ColorSpec>);
  // OOXML: a solid fill's colour is its foreground; a pattern draws fgColor over bgColor.
  const out: FakeFill =
    pattern === "Solid"
      ? { color: fg?.color ?? "#000000", pattern }
      : { color: bg?.color ?? "#FFFFFF", pattern, patternColor: fg?.color ?? "#000000" };
  const tint = pattern === "Solid" ? fg?.tint : bg?.tint;
  if (tint) out.tint = tint;
  if (pattern !== "Solid" && fg?.tint) out.patternTint = fg.tint;
  if (out.patternColor === "#000000") delete out.patternColor;
  return out;
}

/** 1900 date system serial of an exceljs date (exceljs decodes serial n as 1899-12-30 + n days, UTC). */
function serial(date: Date): number {
  return Math.round((date.getTime() / 86400000 + 25569) * 1e9) / 1e9;
}

function valueOf(raw: ExcelJS.CellValue): { value?: string | number | boolean; formula?: string; error?: string } {
  if (raw === null || raw === undefined) return {};
  if (typeof raw === "number" || typeof raw === "boolean" || typeof raw === "string") return { value: raw };
  if (raw instanceof Date) return { value: serial(raw) };
  const o = raw as unknown as Record<string, unknown>;
  if (typeof o.error === "string") return { value: o.error, error: o.error };
  if (Array.isArray(o.richText))
    return { value: (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("") };
  if ("hyperlink" in o) return valueOf((o.text ?? o.hyperlink) as ExcelJS.CellValue);
  if ("formula" in o || "sharedFormula" in o) {
    const formula = `=${String(o.formula ?? o.sharedFormula)}`;
    const result = o.result as ExcelJS.CellValue | undefined;
    if (result === undefined || result === null) return { formula };
    return { ...valueOf(result), formula };
  }
  return {};
}

function noteOf(note: ExcelJS.Comment | string | undefined): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === "string") return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  return texts ? texts.map((t) => t.text ?? "").join("") : undefined;
}

function sheetOf(worksheet: ExcelJS.Worksheet, index: number): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  worksheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const out: FakeCell = {};
      const isMaster = !cell.isMerged || cell.master === cell;
      if (isMaster) {
        // A formula's cached result as saved: exceljs's value leaves out a result of 0 or FALSE, Excel shows it.
        const raw =
          cell.type === ExcelJS.ValueType.Formula && cell.result !== undefined && cell.result !== null
            ? ({ ...(cell.value as object), result: cell.result } as ExcelJS.CellValue)
            : cell.value;
        const { value, formula, error } = valueOf(raw);
        if (value !== undefined && value !== "") out.value = value;
        if (formula) out.formula = formula;
        // An error result shows as its text whatever the number format.
        if (error) out.text = error;
      }
      if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
      const fill = fillOf(cell.fill);
      if (fill) out.fill = fill;
      const fontColor = color(cell.font?.color as Partial<ColorSpec>);
      if (fontColor && fontColor.color !== "#000000") out.font = { color: fontColor.color };
      const note = noteOf(cell.note as ExcelJS.Comment | string | undefined);
      if (note !== undefined) out.note = { content: note };
      if (Object.keys(out).length > 0) cells[cellKey(rowNumber - 1, colNumber - 1)] = out;
    });
  });
  const state = worksheet.state;
  const sheet: FakeSheet = {
    name: worksheet.name,
    id: sheetId(index),
    cells,
    merges: [...((worksheet.model as { merges?: string[] }).merges ?? [])],
  };
  if (state === "hidden") sheet.visibility = "Hidden";
  if (state === "veryHidden") sheet.visibility = "VeryHidden";
  const protection = (
    worksheet as unknown as { sheetProtection?: { sheet?: boolean; formatCells?: boolean; objects?: boolean } }
  ).sheetProtection;
  if (protection?.sheet)
    sheet.protection = {
      protected: true,
      allowFormatCells: !!protection.formatCells,
      allowEditObjects: !!protection.objects,
    };
  return sheet;
}

export function stateFromWorkbook(workbook: ExcelJS.Workbook): FakeWorkbookState {
  const sheets = workbook.worksheets.map(sheetOf);
  const activeTab = (workbook.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab ?? 0;
  const firstVisible = sheets.find((s) => (s.visibility ?? "Visible") === "Visible");
  const active =
    sheets[activeTab] && (sheets[activeTab]!.visibility ?? "Visible") === "Visible" ? sheets[activeTab] : firstVisible;
  const names = (workbook.definedNames.model as { name: string; ranges: string[] }[]).map((n) => ({
    name: n.name,
    formula: `=${n.ranges.join(",")}`,
  }));
  return { sheets, activeSheet: active?.name ?? sheets[0]?.name ?? "Sheet1", customXmlParts: [], names };
}

export async function stateFromXlsxFile(file: string): Promise<FakeWorkbookState> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(file)) as unknown as ExcelJS.Buffer);
  return stateFromWorkbook(workbook);
}

export async function stateFromXlsxBuffer(data: Uint8Array): Promise<FakeWorkbookState> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(data) as unknown as ExcelJS.Buffer);
  return stateFromWorkbook(workbook);
}
