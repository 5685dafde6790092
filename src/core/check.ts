/**
 * The checking core's entry point: snapshots in, tables and findings out.
 */
import type { SheetSnapshot } from "./snapshot";
import type { Issue, Summary, TableSummary } from "./report";

export type FrameworkChoice = "auto" | "legacy" | "2021";

export interface CheckOptions {
  /** Pin the indicator framework instead of detecting it per table. */
  framework?: FrameworkChoice;
  /** The budget year, when the user knows it (otherwise taken from titles or sheet names). */
  year?: number | null;
}

export interface WorkbookCheck {
  tables: TableSummary[];
  /** Sorted by sheet order, then row, then column. */
  issues: Issue[];
  summary: Summary;
}

export function checkWorkbook(_sheets: readonly SheetSnapshot[], _options: CheckOptions = {}): WorkbookCheck {
  throw new Error("checkWorkbook: being implemented");
}
