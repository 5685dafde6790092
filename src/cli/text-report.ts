/**
 * The readable report `target-table check` prints: per file, per table, every finding with its
 * cell, severity, rule and message, then a summary line. Chinese by default, English on request.
 */
import type { FileReport, Issue, Severity, Summary, TableSummary } from "../core/report";

export type Language = "zh" | "en";

const SEVERITY: Record<Language, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

/** A sheet-qualified address as Excel writes it: quoted when the sheet name needs it ('My sheet'!B7). */
function sheetCell(sheet: string, cell: string): string {
  let prefix = SHEET_PREFIXES.get(sheet);
  if (prefix === undefined) {
    const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
    prefix = plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
    if (SHEET_PREFIXES.size >= 1024) SHEET_PREFIXES.clear();
    SHEET_PREFIXES.set(sheet, prefix);
  }
  return prefix + cell;
}

/** Each sheet's prefix, worked out once: a report names the same few sheets thousands of times. */
const SHEET_PREFIXES = new Map<string, string>();

function describeTable(table: TableSummary, index: number, language: Language): string {
  const where = sheetCell(table.sheet, table.range);
  if (language === "en") {
    const kind = {
      project: "project table",
      department: "department table",
      "self-evaluation": "self-evaluation table",
      unknown: "table",
    }[table.kind];
    const name = table.projectName ? ` "${table.projectName}"` : "";
    const code = table.projectCode ? ` (code ${table.projectCode})` : "";
    return `Table ${index + 1}: ${where}, ${kind}${name}${code}, framework ${table.framework}`;
  }
  const kind = { project: "项目表", department: "部门表", "self-evaluation": "自评表", unknown: "表格" }[table.kind];
  const name = table.projectName ? `“${table.projectName}”` : "";
  const code = table.projectCode ? `（编码 ${table.projectCode}）` : "";
  const framework = table.framework === "legacy" ? "原体系（legacy）" : "2021 体系（2021）";
  return `表 ${index + 1}：${where}，${kind}${name}${code}，指标体系：${framework}`;
}

/** Width on a terminal: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function padDisplay(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Column widths that line findings up within one file's report. */
interface Columns {
  cell: number;
  severity: number;
  rule: number;
}

function columnsFor(issues: readonly Issue[], language: Language): Columns {
  const columns: Columns = { cell: 0, severity: 0, rule: 0 };
  for (const issue of issues) {
    columns.cell = Math.max(columns.cell, displayWidth(sheetCell(issue.sheet, issue.cell)));
    columns.severity = Math.max(columns.severity, displayWidth(SEVERITY[language][issue.severity]));
    columns.rule = Math.max(columns.rule, issue.rule.length);
  }
  return columns;
}

function describeIssue(issue: Issue, language: Language, indent: string, columns: Columns): string[] {
  const message = language === "en" ? issue.messageEn : issue.message;
  const cell = padDisplay(sheetCell(issue.sheet, issue.cell), columns.cell);
  const severity = padDisplay(SEVERITY[language][issue.severity], columns.severity);
  const rule = issue.rule.padEnd(columns.rule);
  const lines = [`${indent}${cell}  ${severity}  ${rule}  ${message}`];
  if (issue.fix) {
    const fixAt = sheetCell(issue.sheet, issue.fix.cell);
    lines.push(
      language === "en"
        ? `${indent}    suggested: ${fixAt} → ${issue.fix.value}`
        : `${indent}    建议：${fixAt} 改为“${issue.fix.value}”`,
    );
  }
  return lines;
}

function countsText(counts: { errors: number; warnings: number; infos: number }, language: Language): string {
  if (language === "en") {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    return `${plural(counts.errors, "error")}, ${plural(counts.warnings, "warning")}, ${plural(counts.infos, "info")}`;
  }
  return `${counts.errors} 个错误，${counts.warnings} 个警告，${counts.infos} 个提示`;
}

/** The report of one file: its name, each table with its findings, then findings outside any table. */
function fileReportText(report: FileReport, language: Language): string[] {
  const lines: string[] = [language === "en" ? `File ${report.file}` : `文件 ${report.file}`];
  if (report.error) {
    lines.push(`  ${language === "en" ? report.error.messageEn : report.error.message}`);
    return lines;
  }
  const columns = columnsFor(report.issues, language);
  if (report.tables.length === 0) {
    lines.push(language === "en" ? "  No performance target table found." : "  未找到绩效目标表。");
  }
  // Grouped in one pass: filtering all findings once per table is quadratic on a workbook of thousands.
  const byTable = new Map<number, Issue[]>();
  for (const issue of report.issues) {
    if (issue.table === null) continue;
    let group = byTable.get(issue.table);
    if (!group) byTable.set(issue.table, (group = []));
    group.push(issue);
  }
  report.tables.forEach((table, index) => {
    lines.push(`  ${describeTable(table, index, language)}`);
    const issues = byTable.get(index) ?? [];
    if (issues.length === 0) lines.push(language === "en" ? "    No findings." : "    未发现问题。");
    for (const issue of issues) lines.push(...describeIssue(issue, language, "    ", columns));
  });
  const outside = report.issues.filter((issue) => issue.table === null || issue.table >= report.tables.length);
  if (outside.length > 0) {
    lines.push(language === "en" ? "  Outside any table:" : "  表格以外：");
    for (const issue of outside) lines.push(...describeIssue(issue, language, "    ", columns));
  }
  return lines;
}

/**
 * One file's part of the report, written as soon as the file is checked: its tables and findings,
 * and, when several files are checked, its own subtotal. Ends with a blank line.
 */
export function fileBlock(report: FileReport, language: Language, several: boolean): string {
  const lines = fileReportText(report, language);
  if (several && !report.error) {
    lines.push(
      language === "en"
        ? `  ${countsText(report.summary, language)}`
        : `  本文件：${countsText(report.summary, language)}`,
    );
  }
  return `${lines.join("\n")}\n\n`;
}

/** What the summary table keeps of each file (the findings themselves may be long gone). */
export interface FileRow {
  file: string;
  tables: number;
  summary: Summary;
  unreadable: boolean;
}

export function fileRow(report: FileReport): FileRow {
  return { file: report.file, tables: report.tables.length, summary: report.summary, unreadable: !!report.error };
}

export type FileStatus = "unreadable" | "errors" | "warnings" | "no-table" | "passed";

export function fileStatus(row: FileRow): FileStatus {
  if (row.unreadable) return "unreadable";
  if (row.summary.errors > 0) return "errors";
  if (row.summary.warnings > 0) return "warnings";
  if (row.tables === 0) return "no-table";
  return "passed";
}

export const STATUS_TEXT: Record<Language, Record<FileStatus, string>> = {
  zh: { unreadable: "无法读取", errors: "有错误", warnings: "有警告", "no-table": "未找到表", passed: "通过" },
  en: { unreadable: "unreadable", errors: "errors", warnings: "warnings", "no-table": "no table", passed: "passed" },
};

/** The per-file summary: file, tables, errors, warnings, infos, status; one line per input. */
export function summaryTable(rows: readonly FileRow[], language: Language): string {
  const head =
    language === "en"
      ? ["file", "tables", "errors", "warnings", "infos", "status"]
      : ["文件", "表格", "错误", "警告", "提示", "结论"];
  const body = rows.map((row) => {
    const counts = row.unreadable
      ? ["-", "-", "-", "-"]
      : [row.tables, row.summary.errors, row.summary.warnings, row.summary.infos].map(String);
    return [row.file, ...counts, STATUS_TEXT[language][fileStatus(row)]];
  });
  const widths = head.map((cell, i) => Math.max(displayWidth(cell), ...body.map((r) => displayWidth(r[i]))));
  const format = (cells: string[]): string =>
    `  ${cells
      .map((cell, i) => {
        if (i === 0) return padDisplay(cell, widths[0]);
        if (i === cells.length - 1) return cell;
        return " ".repeat(Math.max(0, widths[i] - displayWidth(cell))) + cell;
      })
      .join("  ")}`;
  const lines = [language === "en" ? "Summary by file:" : "逐个文件汇总：", format(head), ...body.map(format)];
  return `${lines.join("\n")}\n\n`;
}

/** The last line: how many files and tables, and every finding counted. */
export function totalLine(rows: readonly FileRow[], language: Language): string {
  const total = { errors: 0, warnings: 0, infos: 0 };
  let tables = 0;
  let unreadable = 0;
  for (const row of rows) {
    total.errors += row.summary.errors;
    total.warnings += row.summary.warnings;
    total.infos += row.summary.infos;
    tables += row.tables;
    if (row.unreadable) unreadable++;
  }
  return `${summaryLine(rows.length, unreadable, tables, total, language)}\n`;
}

/** The whole readable report at once: every file, the per-file summary when there are several, the totals. */
export function textReport(files: readonly FileReport[], language: Language): string {
  const several = files.length > 1;
  const rows = files.map(fileRow);
  return (
    files.map((file) => fileBlock(file, language, several)).join("") +
    (several ? summaryTable(rows, language) : "") +
    totalLine(rows, language)
  );
}

function summaryLine(
  fileCount: number,
  unreadable: number,
  tableCount: number,
  counts: { errors: number; warnings: number; infos: number },
  language: Language,
): string {
  if (language === "en") {
    const files = `${fileCount} file${fileCount === 1 ? "" : "s"}${unreadable > 0 ? ` (${unreadable} unreadable)` : ""}`;
    const tables = `${tableCount} table${tableCount === 1 ? "" : "s"}`;
    return `Checked ${files}, ${tables}: ${countsText(counts, language)}.`;
  }
  const files = `${fileCount} 个文件${unreadable > 0 ? `（其中 ${unreadable} 个无法读取）` : ""}`;
  return `共检查 ${files}、${tableCount} 张表：${countsText(counts, language)}。`;
}
