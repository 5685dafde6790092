/**
 * The pane's state and its transitions, as a plain reducer so it can be tested without React or Excel.
 */
import type { Issue, Summary, TableSummary } from "../core/report";
import type { CellSelection, SheetScope, TemplatePlacement } from "../host/types";

export interface CheckResult {
  tables: TableSummary[];
  issues: Issue[];
  summary: Summary;
  scope: SheetScope;
  sheetCount: number;
  /** Where the result came from: the pane's own 校验 or the ribbon's. */
  source: "pane" | "ribbon";
  /** ISO time of the check. */
  checkedAt: string;
}

export type Operation = "check" | "insert" | "clear" | "fix" | "export";

/** What the message bar says; kept as data so a language switch re-renders it in the new language. */
export type Notice =
  | { kind: "failure"; error: unknown }
  | { kind: "cleared"; count: number }
  | { kind: "inserted"; placement: TemplatePlacement }
  | { kind: "exported"; sheet: string };

export interface PaneState {
  busy: Operation | null;
  result: CheckResult | null;
  notice: Notice | null;
  selection: CellSelection | null;
}

type PaneAction =
  | { type: "started"; operation: Operation }
  | { type: "checked"; result: CheckResult }
  | { type: "failed"; error: unknown }
  | { type: "cleared"; count: number }
  | { type: "inserted"; placement: TemplatePlacement }
  | { type: "exported"; sheet: string }
  | { type: "done" }
  | { type: "selectionChanged"; selection: CellSelection }
  | { type: "dismissed" };

export const initialPaneState: PaneState = { busy: null, result: null, notice: null, selection: null };

export function paneReducer(state: PaneState, action: PaneAction): PaneState {
  switch (action.type) {
    case "started":
      return { ...state, busy: action.operation, notice: null };
    case "checked":
      // A ribbon result arriving while the pane works on its own is older news: keep the pane's.
      if (action.result.source === "ribbon" && state.busy === "check") return state;
      return { ...state, busy: null, result: action.result, notice: null };
    case "failed":
      return { ...state, busy: null, notice: { kind: "failure", error: action.error } };
    case "cleared":
      // The highlights are gone, so the list of what they marked goes too.
      return { ...state, busy: null, result: null, notice: { kind: "cleared", count: action.count } };
    case "inserted":
      return { ...state, busy: null, notice: { kind: "inserted", placement: action.placement } };
    case "exported":
      return { ...state, busy: null, notice: { kind: "exported", sheet: action.sheet } };
    case "done":
      return { ...state, busy: null };
    case "selectionChanged":
      return { ...state, selection: action.selection };
    case "dismissed":
      return { ...state, notice: null };
  }
}
