/**
 * The sheet snapshot: plain data for one worksheet, the only thing the checking core reads.
 * Every host (Office.js, an .xlsx file) builds exactly this shape, then calls normalizeSnapshot.
 */
import type { CellRange } from "./address";

/**
 * A cell's value as Excel reports it: numbers (dates are serial numbers), text, booleans,
 * or null for an empty cell. A formula cell holds its last computed result; an error result
 * is its error text ("#REF!").
 */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  /** The worksheet's name. */
  name: string;
  /** Row-major values from A1: values[r][c] is the cell at zero-based row r, column c. */
  values: CellValue[][];
  /** The text Excel displays for each cell (number formats applied). */
  texts: string[][];
  /** Each number cell's format code; "General" where none is set and for every cell not holding a number. */
  numberFormats: string[][];
  /** Merged areas, zero-based and inclusive. */
  merges: CellRange[];
  /**
   * Content lying far beyond the rest of the sheet that the reader left out, so that one stray cell at
   * XFD1048576 does not make a grid of a billion cells: how many cells, and the first of them.
   */
  omitted?: { cells: number; first: string };
}

/** Canonical form both readers produce: rectangular, from A1, trailing empty rows and columns removed. */
export function normalizeSnapshot(snapshot: SheetSnapshot): SheetSnapshot {
  const { values, texts, numberFormats } = snapshot;
  let rowCount = 0;
  let colCount = 0;
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const textRow = texts[r] ?? [];
    for (let c = Math.max(row.length, textRow.length) - 1; c >= 0; c--) {
      if (!isBlankCell(row[c] ?? null, textRow[c] ?? "")) {
        rowCount = r + 1;
        if (c + 1 > colCount) colCount = c + 1;
        break;
      }
    }
  }
  for (const m of snapshot.merges) {
    // A merged area counts as content only where its top-left cell has content.
    if (m.top < rowCount && m.left < colCount) {
      if (m.bottom + 1 > rowCount) rowCount = m.bottom + 1;
      if (m.right + 1 > colCount) colCount = m.right + 1;
    }
  }
  const outValues: CellValue[][] = [];
  const outTexts: string[][] = [];
  const outFormats: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const vRow: CellValue[] = new Array(colCount);
    const tRow: string[] = new Array(colCount);
    const fRow: string[] = new Array(colCount);
    for (let c = 0; c < colCount; c++) {
      const value = values[r]?.[c] ?? null;
      vRow[c] = value;
      tRow[c] = texts[r]?.[c] ?? "";
      // A format shows only on a number; elsewhere it means nothing, and the Excel host does not read it.
      fRow[c] = typeof value === "number" ? numberFormats[r]?.[c] || "General" : "General";
    }
    outValues.push(vRow);
    outTexts.push(tRow);
    outFormats.push(fRow);
  }
  const merges = snapshot.merges
    .filter((m) => m.top < rowCount && m.left < colCount && (m.bottom > m.top || m.right > m.left))
    .map((m) => ({ top: m.top, left: m.left, bottom: m.bottom, right: m.right }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return { name: snapshot.name, values: outValues, texts: outTexts, numberFormats: outFormats, merges };
}

export function isBlankCell(value: CellValue, text: string): boolean {
  if (value === null || (typeof value === "string" && value.trim() === "")) return text.trim() === "";
  return false;
}

export function emptySnapshot(name: string): SheetSnapshot {
  return { name, values: [], texts: [], numberFormats: [], merges: [] };
}
