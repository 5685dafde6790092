/**
 * The pane's view of a check result, as plain functions: grouping findings by table, ordering them
 * (errors first), and picking the findings under the user's selection.
 */
import { parseRangeA1, parseA1, rangeContains } from "../core/address";
import type { Issue, Severity, Summary, TableSummary } from "../core/report";
import type { CellSelection, CellWrite } from "../host/types";

export interface FindingGroup {
  /** Stable React key: "table-3" or "sheet-Sheet2". */
  key: string;
  /** Index into the check's tables, or null for the sheet-level findings of `sheet`. */
  tableIndex: number | null;
  table: TableSummary | null;
  sheet: string;
  /** Errors first, then warnings, then infos; within one severity, in sheet position order. */
  issues: Issue[];
  summary: Summary;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors before warnings before infos; the sort is stable, so position order survives within a severity. */
export function bySeverity(issues: readonly Issue[]): Issue[] {
  return [...issues].sort((a, b) => severityRank[a.severity] - severityRank[b.severity]);
}

export function countBySeverity(issues: readonly Issue[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0 };
  for (const issue of issues) {
    if (issue.severity === "error") summary.errors++;
    else if (issue.severity === "warning") summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/**
 * One group per table (even a table without findings, so the user sees it was checked) and one per
 * sheet for sheet-level findings (no-table). Groups follow the workbook: sheet order, then tables
 * top to bottom, then the sheet's own findings.
 */
export function groupFindings(tables: readonly TableSummary[], issues: readonly Issue[]): FindingGroup[] {
  const sheetOrder: string[] = [];
  const noteSheet = (sheet: string) => {
    if (!sheetOrder.includes(sheet)) sheetOrder.push(sheet);
  };
  for (const table of tables) noteSheet(table.sheet);
  for (const issue of issues) noteSheet(issue.sheet);

  const tableIssues = new Map<number, Issue[]>();
  const sheetIssues = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.table !== null && issue.table < tables.length) {
      const list = tableIssues.get(issue.table) ?? [];
      list.push(issue);
      tableIssues.set(issue.table, list);
    } else {
      const list = sheetIssues.get(issue.sheet) ?? [];
      list.push(issue);
      sheetIssues.set(issue.sheet, list);
    }
  }

  const groups: FindingGroup[] = [];
  for (const sheet of sheetOrder) {
    tables.forEach((table, tableIndex) => {
      if (table.sheet !== sheet) return;
      const list = bySeverity(tableIssues.get(tableIndex) ?? []);
      groups.push({
        key: `table-${tableIndex}`,
        tableIndex,
        table,
        sheet,
        issues: list,
        summary: countBySeverity(list),
      });
    });
    const own = sheetIssues.get(sheet);
    if (own && own.length > 0) {
      const list = bySeverity(own);
      groups.push({
        key: `sheet-${sheet}`,
        tableIndex: null,
        table: null,
        sheet,
        issues: list,
        summary: countBySeverity(list),
      });
    }
  }
  return groups;
}

/** The findings anchored inside the selected range of the selected sheet, errors first. */
export function findingsAtSelection(issues: readonly Issue[], selection: CellSelection | null): Issue[] {
  if (!selection) return [];
  const range = parseRangeA1(selection.range) ?? parseRangeA1(selection.cell);
  if (!range) return [];
  return bySeverity(
    issues.filter((issue) => {
      if (issue.sheet !== selection.sheet) return false;
      const ref = parseA1(issue.cell);
      return ref !== null && rangeContains(range, ref.row, ref.col);
    }),
  );
}

/** "Sheet1!B7", quoting a sheet name the way Excel does when it holds spaces or punctuation. */
export function cellLabel(sheet: string, cell: string): string {
  const plain = /^[\p{L}\p{N}_.]+$/u.test(sheet) && !/^\d/.test(sheet);
  return `${plain ? sheet : `'${sheet.replace(/'/g, "''")}'`}!${cell}`;
}

/** True when the check found no table at all and said nothing above a hint: an empty or unrelated sheet. */
export function isEmptyResult(tables: readonly TableSummary[], issues: readonly Issue[]): boolean {
  return tables.length === 0 && issues.every((issue) => issue.severity === "info");
}

/** Findings of one group that say the same thing (same rule, same message): listed once, with their cells. */
export interface FindingCluster {
  key: string;
  issues: Issue[];
}

/** Clusters a group's findings by rule and message, keeping the first one's position. */
export function clusterIssues(issues: readonly Issue[]): FindingCluster[] {
  const byMessage = new Map<string, FindingCluster>();
  const clusters: FindingCluster[] = [];
  for (const issue of issues) {
    const key = `${issue.rule}\u0000${issue.severity}\u0000${issue.message}`;
    const cluster = byMessage.get(key);
    if (cluster) cluster.issues.push(issue);
    else {
      const created = { key: `${issue.rule}-${issue.sheet}-${issue.cell}`, issues: [issue] };
      byMessage.set(key, created);
      clusters.push(created);
    }
  }
  return clusters;
}

/** The groups with only the findings of the shown severities (a group keeps its place, even when emptied). */
export function filterGroups(groups: readonly FindingGroup[], shown: ReadonlySet<Severity>): FindingGroup[] {
  if (shown.size === 0) return [...groups];
  return groups.map((group) => ({ ...group, issues: group.issues.filter((issue) => shown.has(issue.severity)) }));
}

/** The cells a finding's fix writes: its one-cell fix, or its several cells (spending-plan-unit). */
export function fixWrites(issue: Issue): CellWrite[] {
  const fixes = issue.fixes ?? (issue.fix ? [issue.fix] : []);
  return fixes.map((fix) => ({ sheet: issue.sheet, cell: fix.cell, value: fix.value, was: fix.was }));
}

/** "25%" for one cell, "B7 25%、C7 50%" for several. */
export function fixSummary(issue: Issue, separator: string): string {
  const fixes = issue.fixes ?? (issue.fix ? [issue.fix] : []);
  if (fixes.length === 1) return fixes[0].value;
  return fixes.map((fix) => `${fix.cell} ${fix.value}`).join(separator);
}
