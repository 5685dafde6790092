/**
 * The parsed target table: the domain model rules read. Plain types: the check path loads no schema
 * library (the report's zod schemas, in report.ts, are for the command line's JSON and its schema).
 */
import type { Framework, TableKind } from "./report";
import type { CellValue } from "./snapshot";
import type { ParsedValue } from "./values";

/** A cell the parser picked up. */
export interface Cell {
  row: number;
  col: number;
  value: CellValue;
  text: string;
  numberFormat: string;
}

/** A header-block label and the value found for it (null when the value cell is empty). */
export interface Labeled {
  label: Cell;
  value: Cell | null;
}

export interface Checkpoint {
  label: Cell;
  /** The value cell under the checkpoint label (may be empty). */
  value: Cell;
}

export interface HeaderBlock {
  /** False for a bare grid: no title and no labels above it. */
  present: boolean;
  title: Cell | null;
  unitLine: Cell | null;
  amountUnit: "万元" | "元";
  projectCode: Labeled | null;
  projectName: Labeled | null;
  budget: Labeled | null;
  fiscalFunds: Labeled | null;
  otherFunds: Labeled | null;
  purpose: Cell | null;
  spendingPlan: {
    label: Cell;
    /** The label speaks of percentages: 资金支出计划（%）. */
    percentLabel: boolean;
    checkpoints: Checkpoint[];
  } | null;
  goals: Labeled | null;
  /** Labels or a title speaking of 部门 (department tables). */
  mentionsDepartment: boolean;
  /** Budget year stated in the title (e.g. 2023年…), if any. */
  titleYear: number | null;
}

export interface GridColumns {
  level1: number;
  level2: number;
  level3: number | null;
  description: number | null;
  value: number | null;
  basis: number | null;
  direction: number | null;
  operator: number | null;
  unit: number | null;
  valueType: number | null;
}

/** A level name as the row sees it: from its own cell, a merged area or the blank-continuation above. */
export interface LevelRef {
  /** Canonical name when known, else null. */
  name: string | null;
  /** The text as written. */
  text: string;
  /** The cell holding the text (a merged area's top-left cell). */
  cell: Cell;
  /** The name is not a standard one: `name` is the dimension a word in it shows (工程数量 → 数量指标). */
  assumed?: boolean;
}

export interface IndicatorRow {
  row: number;
  level1: LevelRef | null;
  level2: LevelRef | null;
  level3: Cell | null;
  description: Cell | null;
  /** The value cell (for split columns, the number cell). */
  value: Cell | null;
  /** The value text as assembled from split columns, else the cell's text. */
  valueText: string;
  /** A unit given by a unit column. */
  unitColumnText: string | null;
  basis: Cell | null;
  /** The value read by the value grammar (split columns assembled). */
  parsed: ParsedValue;
  /**
   * The value cell holds template text, grade options, a date serial or a formula's error value: that is its only finding,
   * so no rule that reads the value speaks about it.
   */
  unusable: "placeholder" | "options" | "serial" | "error" | null;
  /** Level-3, description, value and basis all empty: a row the form printed and the unit left unused. */
  placeholder: boolean;
}

export interface ParsedTable {
  sheet: string;
  /** Rows and columns the table spans, zero-based inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
  headerRow: number;
  /** False when the grid has no level-3 or no value column: only grid-column-missing and header rules apply. */
  complete: boolean;
  /** An incomplete grid whose targets stand in columns the reader does not know (one per recipient). */
  unsupported: boolean;
  columns: GridColumns;
  kind: TableKind;
  framework: Framework;
  header: HeaderBlock;
  rows: IndicatorRow[];
}
