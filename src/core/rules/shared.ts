/** Small helpers the rules share: row selection, category tests and message quoting. */
import type { Cell, IndicatorRow, ParsedTable } from "../model";
import { normalizeText } from "../text";
import type { Message } from "./messages";

// Most rules walk the same rows of the same table: select them once per table.
const filled = new WeakMap<ParsedTable, IndicatorRow[]>();
const named = new WeakMap<ParsedTable, IndicatorRow[]>();

/**
 * The cell a finding about the whole table anchors on: the grid header's cell in column `col`; for a
 * project of a flat list, whose grid header is shared by all projects and lies above them, the
 * project's name cell (else its first row in `col`), so that each project's finding is its own.
 */
export function tableAnchor(table: ParsedTable, col: number): { row: number; col: number } {
  if (table.headerRow >= table.top) return { row: table.headerRow, col };
  const name = table.header.projectName?.label;
  return name ? { row: name.row, col: name.col } : { row: table.top, col };
}

/** Rows the unit filled in (placeholder rows are skipped silently). */
export function filledRows(table: ParsedTable): readonly IndicatorRow[] {
  let rows = filled.get(table);
  if (rows === undefined) {
    rows = table.rows.filter((row) => !row.placeholder);
    filled.set(table, rows);
  }
  return rows;
}

/** Rows with a level-3 name. */
export function namedRows(table: ParsedTable): readonly IndicatorRow[] {
  let rows = named.get(table);
  if (rows === undefined) {
    rows = table.rows.filter((row) => !row.placeholder && hasText(row.level3));
    named.set(table, rows);
  }
  return rows;
}

export function hasText(cell: Cell | null): boolean {
  return cell !== null && cell.text !== "";
}

/** A value the value rules may read: present and not template text, grade options or a date serial. */
export function readableValue(row: IndicatorRow): row is IndicatorRow & { value: Cell } {
  return row.value !== null && row.valueText !== "" && row.unusable === null;
}

/** Cost indicators: legacy 成本指标 under 产出指标; 2021 everything under the level-1 成本指标. */
export function isCostRow(row: IndicatorRow, table: ParsedTable): boolean {
  if (table.framework === "2021") return row.level1?.name === "成本指标";
  return row.level2?.name === "成本指标";
}

export function isSatisfactionRow(row: IndicatorRow): boolean {
  return row.level1?.name === "满意度指标" || row.level2?.name === "服务对象满意度指标";
}

export function indicatorName(row: IndicatorRow): string {
  return row.level3 ? normalizeText(row.level3.text) : "";
}

/** Quotes cell text for a message, shortened when long. */
function quote(text: string, english = false): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  const short = oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
  return english ? `"${short}"` : `“${short}”`;
}

/** Cell text quoted for both languages, as a message placeholder's value. */
export function quoted(text: string): Message {
  return { zh: quote(text), en: quote(text, true) };
}
