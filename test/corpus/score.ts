/**
 * A corpus table's findings against its expectations. Scored: errors, warnings and layout-unsupported
 * (the info §2b asks for); a finding matches an expectation with the same rule, severity, sheet and cell.
 */
import type { Issue } from "../../src/core/report";
import type { CorpusTable, ExpectedFinding } from "./format";

export interface Scored {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
}

export interface TableScore {
  id: string;
  matched: Scored[];
  /** Reported but not expected: false alarms. */
  unexpected: Scored[];
  /** Expected but not reported: misses. */
  missed: Scored[];
}

export function isScored(finding: { rule: string; severity: string }): boolean {
  return finding.severity !== "info" || finding.rule === "layout-unsupported";
}

export function findingKey(finding: Scored): string {
  return `${finding.sheet}!${finding.cell} ${finding.rule} (${finding.severity})`;
}

export function scoreTable(table: CorpusTable, issues: readonly Issue[]): TableScore {
  const firstSheet = table.sheets[0].name;
  const expected = table.expected.filter(isScored).map((e: ExpectedFinding): Scored => ({
    rule: e.rule,
    severity: e.severity,
    sheet: e.sheet ?? firstSheet,
    cell: e.cell,
  }));
  const reported = issues.filter(isScored).map(({ rule, severity, sheet, cell }) => ({ rule, severity, sheet, cell }));
  const open = new Map<string, Scored[]>();
  for (const e of expected) open.set(findingKey(e), [...(open.get(findingKey(e)) ?? []), e]);
  const matched: Scored[] = [];
  const unexpected: Scored[] = [];
  for (const r of reported) {
    const waiting = open.get(findingKey(r));
    if (waiting && waiting.length > 0) {
      waiting.pop();
      matched.push(r);
    } else unexpected.push(r);
  }
  const missed = [...open.values()].flat();
  return { id: table.id, matched, unexpected, missed };
}

export interface Totals {
  matched: number;
  unexpected: number;
  missed: number;
  precision: number;
  recall: number;
}

export function totals(scores: readonly TableScore[]): Totals {
  const matched = scores.reduce((n, s) => n + s.matched.length, 0);
  const unexpected = scores.reduce((n, s) => n + s.unexpected.length, 0);
  const missed = scores.reduce((n, s) => n + s.missed.length, 0);
  return {
    matched,
    unexpected,
    missed,
    precision: matched + unexpected === 0 ? 1 : matched / (matched + unexpected),
    recall: matched + missed === 0 ? 1 : matched / (matched + missed),
  };
}
