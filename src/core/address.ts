/** A1 addresses and zero-based cell coordinates. */

export interface CellRef {
  row: number;
  col: number;
}

/** Excel's own grid (Excel specifications and limits). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** An inclusive rectangle of cells, zero-based. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function columnName(col: number): string {
  let name = "";
  let n = col + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    name = String.fromCharCode(65 + rem) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

export function columnIndex(name: string): number {
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function toA1(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

export function rangeToA1(range: CellRange): string {
  const start = toA1(range.top, range.left);
  const end = toA1(range.bottom, range.right);
  return start === end ? start : `${start}:${end}`;
}

/** Parses "B7" or "$B$7"; returns null for anything else. */
export function parseA1(address: string): CellRef | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return null;
  const row = Number(match[2]) - 1;
  if (row < 0) return null;
  return { row, col: columnIndex(match[1]) };
}

/** Parses "A1:C4" (or a single cell) into a range; null when malformed. */
export function parseRangeA1(address: string): CellRange | null {
  const [first, second] = address.split(":");
  const a = parseA1(first ?? "");
  const b = second === undefined ? a : parseA1(second);
  if (!a || !b) return null;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** The range moved down by `by.row` rows and right by `by.col` columns. */
export function offsetRange(range: CellRange, by: CellRef): CellRange {
  return {
    top: range.top + by.row,
    left: range.left + by.col,
    bottom: range.bottom + by.row,
    right: range.right + by.col,
  };
}

export function rangesOverlap(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function rangeContains(range: CellRange, row: number, col: number): boolean {
  return row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;
}
