/**
 * The readable report `target-table check` prints: per file, per table, every finding with its
 * cell, severity, rule and message, then a summary line. Chinese by default, English on request.
 */
import type { FileReport, Issue, Severity, TableSummary } from "../core/report";

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
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

function padDisplay(text: string, width: number): string {
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

/** The whole readable report, ending with one summary line over every file. */
export function textReport(files: readonly FileReport[], language: Language): string {
  const lines: string[] = [];
  const total = { errors: 0, warnings: 0, infos: 0 };
  let tables = 0;
  for (const file of files) {
    if (lines.length > 0) lines.push("");
    lines.push(...fileReportText(file, language));
    if (files.length > 1) {
      lines.push(
        language === "en"
          ? `  ${countsText(file.summary, language)}`
          : `  本文件：${countsText(file.summary, language)}`,
      );
    }
    total.errors += file.summary.errors;
    total.warnings += file.summary.warnings;
    total.infos += file.summary.infos;
    tables += file.tables.length;
  }
  if (lines.length > 0) lines.push("");
  lines.push(summaryLine(files.length, tables, total, language));
  return `${lines.join("\n")}\n`;
}

function summaryLine(
  fileCount: number,
  tableCount: number,
  counts: { errors: number; warnings: number; infos: number },
  language: Language,
): string {
  if (language === "en") {
    const files = `${fileCount} file${fileCount === 1 ? "" : "s"}`;
    const tables = `${tableCount} table${tableCount === 1 ? "" : "s"}`;
    return `Checked ${files}, ${tables}: ${countsText(counts, language)}.`;
  }
  return `共检查 ${fileCount} 个文件、${tableCount} 张表：${countsText(counts, language)}。`;
}
