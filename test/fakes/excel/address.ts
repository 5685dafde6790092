/**
 * Addresses as Excel writes and reads them: "B7", "$B$7:$D$9", "A:C", "3:5", "Sheet1!A1",
 * "'Sheet (2)'!A1:B2". The fake keeps its own parser so that it does not share bugs with the host.
 */
import { columnIndex, columnName, type CellRange } from "../../../src/core/address";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

interface SheetAddress {
  /** The sheet named in the address, or null when it names none. */
  sheet: string | null;
  range: CellRange;
}

/** Splits off a sheet name ("'It''s'!A1" → It's) and parses the rest; null when malformed. */
export function parseSheetAddress(address: string): SheetAddress | null {
  const text = address.trim();
  let sheet: string | null = null;
  let rest = text;
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") {
        name += "'";
        i += 2;
      } else if (text[i] === "'") break;
      else name += text[i++];
    }
    if (text[i + 1] !== "!") return null;
    sheet = name;
    rest = text.slice(i + 2);
  } else {
    const bang = text.lastIndexOf("!");
    if (bang >= 0) {
      sheet = text.slice(0, bang);
      rest = text.slice(bang + 1);
    }
  }
  const range = parseRange(rest);
  return range ? { sheet, range } : null;
}

function parseRange(text: string): CellRange | null {
  const parts = text.split(":");
  if (parts.length > 2 || parts.some((p) => p === "")) return null;
  const a = parts[0]!;
  const b = parts[1] ?? a;
  const whole = (p: string) => /^\$?[A-Za-z]{1,3}$/.test(p);
  const rows = (p: string) => /^\$?\d{1,7}$/.test(p);
  if (parts.length === 2 && whole(a) && whole(b)) {
    const l = columnIndex(a.replace("$", ""));
    const r = columnIndex(b.replace("$", ""));
    return normalise({ top: 0, left: l, bottom: MAX_ROWS - 1, right: r });
  }
  if (parts.length === 2 && rows(a) && rows(b)) {
    const t = Number(a.replace("$", "")) - 1;
    const u = Number(b.replace("$", "")) - 1;
    return normalise({ top: t, left: 0, bottom: u, right: MAX_COLUMNS - 1 });
  }
  const first = parseCell(a);
  const second = parseCell(b);
  if (!first || !second) return null;
  return normalise({ top: first.row, left: first.col, bottom: second.row, right: second.col });
}

function parseCell(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text);
  if (!m) return null;
  const row = Number(m[2]) - 1;
  const col = columnIndex(m[1]!);
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLUMNS) return null;
  return { row, col };
}

function normalise(r: CellRange): CellRange | null {
  const range = {
    top: Math.min(r.top, r.bottom),
    left: Math.min(r.left, r.right),
    bottom: Math.max(r.top, r.bottom),
    right: Math.max(r.left, r.right),
  };
  if (range.top < 0 || range.left < 0 || range.bottom >= MAX_ROWS || range.right >= MAX_COLUMNS) return null;
  return range;
}

export function cellKey(row: number, col: number): string {
  return `${columnName(col)}${row + 1}`;
}

/** "B3", or "B3:D7": Excel's own form, without dollar signs. */
export function formatRange(range: CellRange): string {
  const start = cellKey(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return start;
  if (range.top === 0 && range.bottom === MAX_ROWS - 1) return `${columnName(range.left)}:${columnName(range.right)}`;
  if (range.left === 0 && range.right === MAX_COLUMNS - 1) return `${range.top + 1}:${range.bottom + 1}`;
  return `${start}:${cellKey(range.bottom, range.right)}`;
}

/** A sheet name as Excel writes it in an address: quoted when it holds anything but letters, digits, _ and . */
function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, range: CellRange): string {
  return `${quoteSheetName(sheetName)}!${formatRange(range)}`;
}

export function intersects(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: CellRange, inner: CellRange): boolean {
  return (
    inner.top >= outer.top && inner.bottom <= outer.bottom && inner.left >= outer.left && inner.right <= outer.right
  );
}

/** Parses a stored cell key ("B7") back to coordinates. */
export function parseCellKey(key: string): { row: number; col: number } {
  const cell = parseCell(key);
  if (!cell) throw new Error(`Bad cell key "${key}" in the fake's state.`);
  return cell;
}
