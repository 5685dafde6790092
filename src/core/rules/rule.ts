/**
 * What a rule is: an id, a default severity, a one-line description, and a check that
 * reports findings through a callback. Rules know nothing of output formats.
 */
import type { CheckOptions } from "../check";
import type { ParsedTable } from "../model";
import type { SheetParse } from "../parse";
import type { Severity } from "../report";
import type { SheetView } from "../sheet";

export interface RuleMeta {
  /** Stable kebab-case name used by reports and tests. */
  id: string;
  severity: Severity;
  /** What the rule looks for, in English, for documentation. */
  description: string;
  /** Also runs on a table whose grid lacks a level-3 or value column (the others would only misfire there). */
  incompleteTables?: boolean;
}

export interface FindingInput {
  row: number;
  col: number;
  /** Chinese message (shown first). */
  message: string;
  messageEn: string;
  /** Overrides the rule's default severity (e.g. level1-missing is a warning for 满意度). */
  severity?: Severity;
  /** A replacement value for the anchored cell. */
  fix?: string;
}

export interface TableContext {
  table: ParsedTable;
  sheet: SheetView;
  options: CheckOptions;
  /** The budget year from the user's setting, the title or the sheet name; null when unknown. */
  year: number | null;
  report(finding: FindingInput): void;
}

export interface SheetContext {
  sheet: SheetView;
  parse: SheetParse;
  report(finding: FindingInput): void;
}

export type Rule =
  | { meta: RuleMeta; scope: "table"; check(context: TableContext): void }
  | { meta: RuleMeta; scope: "sheet"; check(context: SheetContext): void };
