/**
 * What a rule is: an id, a default severity, a description, its messages, examples for its
 * documentation page, and a check that reports findings through a callback by message id.
 * Rules know nothing of output formats.
 */
import type { CheckOptions } from "../check";
import type { ParsedTable } from "../model";
import type { SheetParse } from "../parse";
import type { Severity } from "../report";
import type { SheetView } from "../sheet";
import type { Message, MessageData } from "./messages";

/** A cell or two as a user would fill them, for the rule's documentation page. */
export interface RuleExample {
  /** The cells, as "label: content" lines (e.g. "数量指标 › 培训人数 › 指标值: 50"). */
  cells: string[];
  /** Why it is bad, or why it passes, in English. */
  note: string;
}

export interface RuleMeta<M extends string = string> {
  /** Stable kebab-case name used by reports and tests. */
  id: string;
  severity: Severity;
  /** What the rule looks for, in English, for documentation. */
  description: string;
  /** Every message the rule reports, by id. */
  messages: Record<M, Message>;
  /** A table that gives the finding, and the same table put right: for docs/rules/<id>.md. */
  examples: { bad: RuleExample; good: RuleExample };
  /** Also runs on a table whose grid lacks a level-3 or value column (the others would only misfire there). */
  incompleteTables?: boolean;
}

export interface FindingInput<M extends string = string> {
  row: number;
  col: number;
  /** Which of the rule's messages, and its placeholders' values. */
  messageId: M;
  data?: MessageData;
  /** Overrides the rule's default severity (e.g. level1-missing is a warning for 满意度). */
  severity?: Severity;
  /** A replacement value for the anchored cell. */
  fix?: string;
  /** Replacement values for several cells, applied together (reported as the issue's `fixes`). */
  fixes?: readonly { row: number; col: number; value: string }[];
}

export interface TableContext<M extends string = string> {
  table: ParsedTable;
  sheet: SheetView;
  options: CheckOptions;
  /** The budget year from the user's setting, the title or the sheet name; null when unknown. */
  year: number | null;
  report(finding: FindingInput<M>): void;
}

export interface SheetContext<M extends string = string> {
  sheet: SheetView;
  parse: SheetParse;
  report(finding: FindingInput<M>): void;
}

export type Rule =
  | { meta: RuleMeta; scope: "table"; check(context: TableContext): void }
  | { meta: RuleMeta; scope: "sheet"; check(context: SheetContext): void };

/** A rule run once per table; its message ids are checked by the compiler. */
export function tableRule<M extends string>(rule: { meta: RuleMeta<M>; check(context: TableContext<M>): void }): Rule {
  return { meta: rule.meta, scope: "table", check: rule.check as (context: TableContext) => void };
}

/** A rule run once per sheet; its message ids are checked by the compiler. */
export function sheetRule<M extends string>(rule: { meta: RuleMeta<M>; check(context: SheetContext<M>): void }): Rule {
  return { meta: rule.meta, scope: "sheet", check: rule.check as (context: SheetContext) => void };
}
