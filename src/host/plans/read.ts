/**
 * The read plan: which cells a host fetches in each round trip, and how what arrives becomes the
 * rows of a SheetSnapshot. Plain data in, plain data out. The Excel host needs most of it (its
 * reads are cut into round trips under a payload budget and retried smaller when Excel refuses
 * one); the WPS host, synchronous and uncapped, shares the limits and the cell values.
 *
 * A round is planned from what is known of each sheet: its used range (or not yet), the next row
 * to fetch and the merged-area tiles left to probe. A sheet of unknown size is either measured (its
 * used range asked for) or, when a guess of its size fits the budget, read whole in the same round.
 */
import type { CellRange } from "../../core/address";
import { formatCellText } from "../../core/format";
import type { CellValue } from "../../core/snapshot";
import { HostError } from "../types";

/** A table's cell costs about 8 characters of JSON in values (Chinese text); start cautiously above that. */
const INITIAL_CHARS_PER_CELL = 16;
/** One Range read; far below Excel's five-million-cell limit for a single range. */
const MAX_CHUNK_CELLS = 200_000;
/** A tile of at most 512 cells cannot hold more than 512 merged areas, Excel's limit per call. */
const MERGE_TILE_CELLS = 512;
/** What one queued call (locating a range, calling a method, loading) adds to a request, in characters. */
export const CHARS_PER_CALL = 600;
/** A used range beyond this is stray content far away, not a table: refuse rather than stall the spreadsheet. */
const MAX_SHEET_CELLS = 20_000_000;
/** Retries of a round trip that was refused, each asking for less. */
const READ_RETRIES = 4;

/** The user's sentence when a used range is too large to be a table. */
function sheetTooLarge(name: string, cells: number): HostError {
  return new HostError(
    `工作表“${name}”的已用区域过大（${cells} 个单元格），多半有远处的零散内容。请删除表格以外的内容后重试。`,
    `The used range of worksheet "${name}" is too large (${cells} cells), probably because of stray content far away. Delete what lies outside the table and try again.`,
  );
}

/** Refuses a used range too large to be a table. */
export function checkSheetSize(name: string, used: CellRange): void {
  const cells = (used.bottom - used.top + 1) * (used.right - used.left + 1);
  if (cells > MAX_SHEET_CELLS) throw sheetTooLarge(name, cells);
}

/** Tiles covering rows 0..rows-1 and columns 0..cols-1, each of at most 512 cells (Excel's merged-area limit per call). */
export function mergeTiles(rows: number, cols: number): CellRange[] {
  const tileCols = Math.min(cols, MERGE_TILE_CELLS);
  const tileRows = Math.max(1, Math.floor(MERGE_TILE_CELLS / tileCols));
  const tiles: CellRange[] = [];
  for (let top = 0; top < rows; top += tileRows) {
    for (let left = 0; left < cols; left += tileCols) {
      tiles.push({ top, left, bottom: Math.min(rows, top + tileRows) - 1, right: Math.min(cols, left + tileCols) - 1 });
    }
  }
  return tiles;
}

/** Rows and columns from A1 of the largest used range known, with room to spare; null when none is known. */
export function sizeGuess(used: readonly (CellRange | null | undefined)[]): { rows: number; cols: number } | null {
  let rows = 0;
  let cols = 0;
  for (const range of used) {
    if (!range) continue;
    rows = Math.max(rows, range.bottom + 1);
    cols = Math.max(cols, range.right + 1);
  }
  if (rows === 0) return null;
  return { rows: Math.ceil(rows * 1.25) + 20, cols: cols + 2 };
}

/** What the rounds of one read have learnt so far. */
export interface ReadState {
  /**
   * The size (rows and columns from A1) to assume for a sheet whose used range is not known yet:
   * its data and merged areas are then asked for in the same round trip as its used range. Null
   * once a guess turned out wrong or a round trip was refused, and when no sheet's size is known.
   */
  guess: { rows: number; cols: number } | null;
  /** Load every cell's number format with the values (after a failed attempt to ask for number cells). */
  wholeFormats: boolean;
  charsPerCell: number;
  /** Characters one request or response may carry. */
  budget: number;
  retries: number;
}

export function initialReadState(guess: ReadState["guess"], budget: number): ReadState {
  return { guess, wholeFormats: false, charsPerCell: INITIAL_CHARS_PER_CELL, budget, retries: 0 };
}

/** A sheet as the rounds see it. */
export interface SheetProgress {
  /** undefined until known; null when the sheet holds no values. */
  used: CellRange | null | undefined;
  /** The first row not fetched yet. */
  nextRow: number;
  /** How many merged-area tiles are left to probe. */
  tilesLeft: number;
}

/** What one round asks of a sheet. */
export type SheetRound =
  | { kind: "none" }
  /** Ask for the used range only. */
  | { kind: "measure" }
  /** Ask for the used range and read the guessed area whole, with its merged areas tile by tile. */
  | { kind: "whole"; guess: { rows: number; cols: number }; tiles: CellRange[] }
  /** Fetch these row chunks (sheet rows, the used range's columns) and probe this many more merge tiles. */
  | { kind: "rows"; chunks: { top: number; rows: number }[]; mergeProbes: number };

export function pending(sheet: SheetProgress): boolean {
  if (sheet.used === undefined) return true;
  if (sheet.used === null) return false;
  return sheet.nextRow <= sheet.used.bottom || sheet.tilesLeft > 0;
}

/** One round trip's work, sheet by sheet, as much as the budget allows each way. */
export function planRound(sheets: readonly SheetProgress[], state: ReadState, mergedAreas: boolean): SheetRound[] {
  let response = 0;
  let request = 0;
  return sheets.map((sheet): SheetRound => {
    if (sheet.used === undefined) {
      const guess = state.guess;
      const guessChars = guess ? guess.rows * guess.cols * state.charsPerCell : Infinity;
      if (guess && response + guessChars <= state.budget) {
        // Read it whole on the assumption that it is no larger than the sheets already known.
        const tiles = mergedAreas ? mergeTiles(guess.rows, guess.cols) : [];
        response += guessChars;
        request += (3 + tiles.length) * CHARS_PER_CALL;
        return { kind: "whole", guess, tiles };
      }
      request += CHARS_PER_CALL;
      return { kind: "measure" };
    }
    if (sheet.used === null) return { kind: "none" };
    const used = sheet.used;
    const cols = used.right - used.left + 1;
    const rowChars = cols * state.charsPerCell;
    const maxRows = Math.max(1, Math.floor(MAX_CHUNK_CELLS / cols));
    const chunks: { top: number; rows: number }[] = [];
    let row = sheet.nextRow;
    while (row <= used.bottom) {
      const fit = Math.floor((state.budget - response) / rowChars);
      // The first chunk of a round trip takes at least one row, so that a very wide row still gets read.
      const rows = Math.min(used.bottom - row + 1, response === 0 ? Math.max(fit, 1) : fit, maxRows);
      if (rows <= 0) break;
      chunks.push({ top: row, rows });
      response += rows * rowChars;
      request += 3 * CHARS_PER_CALL;
      row += rows;
    }
    let mergeProbes = 0;
    while (sheet.tilesLeft > mergeProbes && request + CHARS_PER_CALL <= state.budget) {
      mergeProbes++;
      request += CHARS_PER_CALL;
    }
    return { kind: "rows", chunks, mergeProbes };
  });
}

/**
 * The state to retry a failed round with, or null to give up. A refused round ran nothing, so it can
 * be asked again smaller; any other failure (but a sheet gone) is retried once without what this
 * reader asks beyond plain cell data (a sheet read whole, the number cells looked up).
 */
export function retryState(state: ReadState, code: string | null | undefined, readWhole: boolean): ReadState | null {
  const refused = code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
  if (state.retries >= READ_RETRIES) return null;
  if (!refused) {
    if (code === "ItemNotFound" || (state.wholeFormats && !state.guess)) return null;
    return { ...state, retries: state.retries + 1, guess: null, wholeFormats: true };
  }
  // Sheets of unknown size read whole were too much: they are measured first from now on, which is
  // all the retry needs; otherwise the next round trips ask for less.
  const whole = state.guess !== null && readWhole;
  return {
    ...state,
    retries: state.retries + 1,
    guess: null,
    charsPerCell: code === "ResponsePayloadSizeLimitExceeded" ? state.charsPerCell * 2 : state.charsPerCell,
    budget: code === "RequestPayloadSizeLimitExceeded" && !whole ? Math.floor(state.budget / 2) : state.budget,
  };
}

/** Characters per cell for the next rounds, from what this one carried. */
export function measuredCharsPerCell(chars: number, cells: number, current: number): number {
  return cells > 0 ? Math.max(8, Math.ceil((chars / cells) * 1.15)) : current;
}

/** A used range read whole from A1: a single empty cell means a blank sheet. */
export function usedOfWhole(used: CellRange, firstValue: unknown): CellRange | null {
  const single = used.top === used.bottom && used.left === used.right;
  return single && (firstValue === "" || firstValue === null || firstValue === undefined) ? null : used;
}

/** The spreadsheet reports an empty cell as ""; the snapshot says null. Dates are serials, errors their text. */
export function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/** Snapshot rows: values, displayed texts and number formats, each row padded from column A. */
export interface SnapshotRows {
  values: CellValue[][];
  texts: string[][];
  formats: string[][];
}

/**
 * Rows of fetched values starting at sheet row `top` and column `left`, as snapshot rows. Only a
 * number shows its format (`formatAt`, by sheet row and column); the displayed text is worked out as
 * the .xlsx reader does, so every host gives one snapshot of a workbook.
 */
export function snapshotRows(
  top: number,
  left: number,
  values: readonly (readonly unknown[])[],
  formatAt: (row: number, col: number) => string | undefined,
): SnapshotRows {
  const out: SnapshotRows = { values: [], texts: [], formats: [] };
  values.forEach((row, i) => {
    const valueRow: CellValue[] = new Array(left).fill(null);
    const textRow: string[] = new Array(left).fill("");
    const formatRow: string[] = new Array(left).fill("General");
    row.forEach((value, c) => {
      const cellValue = toCellValue(value);
      const format = typeof cellValue === "number" ? (formatAt(top + i, left + c) ?? "General") : "General";
      valueRow.push(cellValue);
      textRow.push(formatCellText(cellValue, format));
      formatRow.push(format);
    });
    out.values.push(valueRow);
    out.texts.push(textRow);
    out.formats.push(formatRow);
  });
  return out;
}

/** Each range once, in first-seen order. */
export function dedupeRanges(ranges: readonly CellRange[]): CellRange[] {
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const key = `${r.top},${r.left},${r.bottom},${r.right}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
