/** Where a project-header finding anchors when its label is absent: the grid header's first cell. */
import type { Labeled, ParsedTable } from "../model";

export function appliesToProject(table: ParsedTable): boolean {
  return table.header.present && table.kind === "project";
}

export function labelAnchor(table: ParsedTable, labeled: Labeled | null): { row: number; col: number } {
  if (labeled) return { row: labeled.label.row, col: labeled.label.col };
  return { row: table.headerRow, col: Math.min(table.columns.level1, table.columns.level2) };
}

/** The project code as written, white space removed and full-width letters folded. */
export function projectCodeText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, "")
    .toUpperCase();
}

export const PROJECT_CODE = /^\d{6}\d{2}[A-Z][0-9A-Z]{12}$/;
