/**
 * The highlight record: for every cell the add-in painted, its own fill and font colour from
 * before, and a fingerprint of the note the add-in put there. Both hosts keep it in the workbook
 * in this one serialized form, so a workbook saved, closed and reopened can still be cleared.
 *
 * Where it lives is each host's choice. Excel: a custom XML part, invisible to the user and to
 * every reader of the sheets (the checker, the command line, Excel's Unhide dialog), not blocked
 * by workbook structure protection (adding a sheet is), of any size, and written in the same
 * batch as the paint, so the record and the highlights cannot drift apart. WPS: a very hidden
 * worksheet (see src/wps/record.ts).
 */

import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, parseA1, toA1 } from "../core/address";

/** The namespace of our part; a part in any other namespace is someone else's. */
export const RECORD_NAMESPACE = "urn:target-table:highlight-record";

/** A cell's own fill: No Fill is its own kind, not white. */
export type OwnFill =
  | { kind: "none" }
  | { kind: "fill"; color: string; pattern: string; patternColor: string; tint: number; patternTint: number };

export interface RecordedCell {
  /** Worksheet id: it survives renaming the sheet. */
  sheetId: string;
  cell: string;
  severity: "error" | "warning";
  /** The fill before painting; null when the fill was left alone (a gradient cannot be restored). */
  fill: OwnFill | null;
  fontColor: string;
  /** Fingerprint of the note the add-in added on this cell, or null when it added none. */
  noteHash: string | null;
}

export interface HighlightRecord {
  cells: RecordedCell[];
}

export function emptyRecord(): HighlightRecord {
  return { cells: [] };
}

export function cellKey(sheetId: string, cell: string): string {
  return `${sheetId}!${cell}`;
}

/** FNV-1a, 32 bits: enough to tell our note from one the user wrote or edited. */
export function noteFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

type FormatEntry = [fill: OwnFill | null, fontColor: string];

/**
 * Compact on purpose (a record of 20,000 cells must fit in one request beside the paint):
 * distinct own formats are listed once, and each cell is "B7,formatIndex,e|w[,noteHash]".
 */
export function serializeRecord(record: HighlightRecord): string {
  const formats: FormatEntry[] = [];
  const formatIndex = new Map<string, number>();
  const bySheet = new Map<string, string[]>();
  for (const cell of record.cells) {
    const entry: FormatEntry = [cell.fill, cell.fontColor];
    const key = JSON.stringify(entry);
    let index = formatIndex.get(key);
    if (index === undefined) {
      index = formats.length;
      formats.push(entry);
      formatIndex.set(key, index);
    }
    const items = bySheet.get(cell.sheetId) ?? [];
    items.push(
      [cell.cell, index, cell.severity === "error" ? "e" : "w", ...(cell.noteHash ? [cell.noteHash] : [])].join(","),
    );
    bySheet.set(cell.sheetId, items);
  }
  const sheets = [...bySheet]
    .map(([sheetId, items]) => `<sheet id="${escapeXml(sheetId)}">${items.join(";")}</sheet>`)
    .join("");
  return `<highlights xmlns="${RECORD_NAMESPACE}" version="1"><formats>${escapeXml(JSON.stringify(formats))}</formats>${sheets}</highlights>`;
}

/** Reads a record back; a part that cannot be read counts as empty rather than blocking the user. */
export function parseRecord(xml: string): HighlightRecord {
  const formatsMatch = /<formats>([\s\S]*?)<\/formats>/.exec(xml);
  if (!formatsMatch) return emptyRecord();
  let formats: FormatEntry[];
  try {
    formats = JSON.parse(unescapeXml(formatsMatch[1] ?? "[]")) as FormatEntry[];
  } catch {
    return emptyRecord();
  }
  const cells: RecordedCell[] = [];
  for (const sheet of xml.matchAll(/<sheet id="([^"]*)">([\s\S]*?)<\/sheet>/g)) {
    const sheetId = unescapeXml(sheet[1] ?? "");
    for (const item of (sheet[2] ?? "").split(";")) {
      const [written, index, severity, noteHash] = item.split(",");
      const format = formats[Number(index)];
      const cell = written === undefined ? null : cellAddress(written);
      if (!cell || !format) continue;
      cells.push({
        sheetId,
        cell,
        severity: severity === "e" ? "error" : "warning",
        fill: format[0],
        fontColor: format[1],
        noteHash: noteHash ?? null,
      });
    }
  }
  return { cells };
}

/**
 * A recorded cell's address in the one form the hosts look cells up by ("B2"), or null when it names
 * no cell of a sheet. The add-in writes only such addresses; a hand-edited record may hold "$B$2",
 * "b2" or "XFE1", which would otherwise stop a check or be taken for another cell.
 */
function cellAddress(written: string): string | null {
  const ref = parseA1(written);
  if (!ref || ref.row >= EXCEL_MAX_ROWS || ref.col >= EXCEL_MAX_COLUMNS) return null;
  return toA1(ref.row, ref.col);
}

/** Several parts (left by an interrupted write) read as one record; the later entry for a cell wins. */
export function mergeRecords(records: HighlightRecord[]): HighlightRecord {
  const byCell = new Map<string, RecordedCell>();
  for (const record of records) for (const cell of record.cells) byCell.set(cellKey(cell.sheetId, cell.cell), cell);
  return { cells: [...byCell.values()] };
}
