/** Where a project-header finding anchors: the label's input cell, or the grid header's first cell without a label. */
import type { Labeled, ParsedTable } from "../model";
import type { SheetView } from "../sheet";
import { tableAnchor } from "./shared";

export function appliesToProject(table: ParsedTable): boolean {
  return table.header.present && table.kind === "project";
}

/**
 * The cell a user types a header label's value into, for a finding about that value: the value when
 * there is one; else the empty cell right of the label (past its merged area), or below it when the
 * label has no empty neighbour on its right; the label itself when neither is an empty cell of the table.
 */
export function inputAnchor(
  table: ParsedTable,
  sheet: SheetView,
  labeled: Labeled | null,
): { row: number; col: number } {
  if (!labeled) return labelAnchor(table, null);
  if (labeled.value) return { row: labeled.value.row, col: labeled.value.col };
  const { row, col } = labeled.label;
  // A flat list's project columns: the "label" is the empty input cell itself.
  if (labeled.label.text.trim() === "") return { row, col };
  const merge = sheet.mergeAt(row, col);
  const right = (merge ? merge.right : col) + 1;
  if (right <= table.right && sheet.isEmpty(row, right)) return sheet.anchorOf(row, right);
  const below = (merge ? merge.bottom : row) + 1;
  if (below < table.headerRow && sheet.isEmpty(below, col)) return sheet.anchorOf(below, merge ? merge.left : col);
  return { row, col };
}

export function labelAnchor(table: ParsedTable, labeled: Labeled | null): { row: number; col: number } {
  if (labeled) return { row: labeled.label.row, col: labeled.label.col };
  return tableAnchor(table, Math.min(table.columns.level1, table.columns.level2));
}

/** The project code as written, white space removed and full-width letters folded. */
export function projectCodeText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toUpperCase();
}

export const PROJECT_CODE = /^\d{6}\d{2}[A-Z][0-9A-Z]{12}$/;
