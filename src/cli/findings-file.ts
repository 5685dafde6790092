/**
 * `--report findings.xlsx|csv`: the findings as a file a reviewer can sort, filter and send back.
 * The workbook has a summary sheet (one row per input) and a findings sheet (file, sheet, cell as a
 * link into the checked workbook, severity, rule, message, suggested fix), both with a filter, a
 * frozen header and set widths; exceljs is loaded only here. The CSV is the findings sheet, in UTF-8
 * with a byte order mark so Excel opens the Chinese text correctly.
 */
import path from "node:path";
import type { FileReport, Severity } from "../core/report";
import { writeBytesExclusive } from "./output-file";
import { fileRow, fileStatus, STATUS_TEXT, type Language } from "./text-report";

export type FindingsFormat = "xlsx" | "csv";

export function findingsFormat(file: string): FindingsFormat | null {
  const extension = path.extname(file).toLowerCase();
  return extension === ".xlsx" ? "xlsx" : extension === ".csv" ? "csv" : null;
}

const SEVERITY: Record<Language, Record<Severity, string>> = {
  zh: { error: "错误", warning: "警告", info: "提示" },
  en: { error: "error", warning: "warning", info: "info" },
};

const FINDING_HEAD: Record<Language, string[]> = {
  zh: ["文件", "工作表", "单元格", "级别", "规则", "说明", "建议修改"],
  en: ["file", "sheet", "cell", "severity", "rule", "message", "suggested fix"],
};

const SUMMARY_HEAD: Record<Language, string[]> = {
  zh: ["文件", "表格", "错误", "警告", "提示", "结论", "原因"],
  en: ["file", "tables", "errors", "warnings", "infos", "status", "reason"],
};

/** One findings row: the columns of FINDING_HEAD, plus what a link needs. */
interface FindingRow {
  file: string;
  sheet: string;
  cell: string;
  severity: string;
  rule: string;
  message: string;
  fix: string;
}

/** Every finding, file by file in input order; an unreadable file is a row of its own (no sheet, no rule). */
function findingRows(files: readonly FileReport[], language: Language): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const report of files) {
    if (report.error) {
      rows.push({
        file: report.file,
        sheet: "",
        cell: "",
        severity: SEVERITY[language].error,
        rule: "",
        message: language === "en" ? report.error.messageEn : report.error.message,
        fix: "",
      });
      continue;
    }
    for (const issue of report.issues) {
      rows.push({
        file: report.file,
        sheet: issue.sheet,
        cell: issue.cell,
        severity: SEVERITY[language][issue.severity],
        rule: issue.rule,
        message: language === "en" ? issue.messageEn : issue.message,
        fix: issue.fix?.value ?? "",
      });
    }
  }
  return rows;
}

/** A CSV field: quoted when needed; text Excel would run as a formula is kept as text. */
function csvField(value: string): string {
  const safe = /^[=@]|^[+-][^\d.]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The findings as CSV: UTF-8 with a byte order mark, CRLF line ends (RFC 4180). */
export function findingsCsv(files: readonly FileReport[], language: Language): string {
  const lines = [FINDING_HEAD[language].map(csvField).join(",")];
  for (const row of findingRows(files, language)) {
    lines.push([row.file, row.sheet, row.cell, row.severity, row.rule, row.message, row.fix].map(csvField).join(","));
  }
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** How the report reaches a checked file: relative to the report's folder when they share a root. */
function linkPath(file: string, reportFolder: string): string {
  const resolved = path.resolve(file);
  const relative = path.relative(reportFolder, resolved);
  return path.isAbsolute(relative) || relative === "" ? resolved : relative;
}

/** A sheet-qualified reference as HYPERLINK wants it inside a workbook link: [book.xlsx]'My sheet'!B7. */
function quotedSheet(sheet: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)
    ? sheet
    : `'${sheet.replace(/'/g, "''")}'`;
}

function formulaText(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** The findings workbook's bytes. */
export async function findingsWorkbook(
  files: readonly FileReport[],
  language: Language,
  reportFolder: string,
): Promise<Uint8Array> {
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "target-table";
  const bold = { bold: true };

  const summary = workbook.addWorksheet(language === "en" ? "Summary" : "汇总", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  summary.columns = SUMMARY_HEAD[language].map((header, i) => ({
    header,
    width: [48, 8, 8, 8, 8, 12, 80][i],
  }));
  summary.getRow(1).font = bold;
  for (const report of files) {
    const row = fileRow(report);
    const target = linkPath(report.file, reportFolder);
    const added = summary.addRow([
      { text: report.file, hyperlink: target },
      ...(row.unreadable
        ? [null, null, null, null]
        : [row.tables, row.summary.errors, row.summary.warnings, row.summary.infos]),
      STATUS_TEXT[language][fileStatus(row)],
      report.error ? (language === "en" ? report.error.messageEn : report.error.message) : null,
    ]);
    added.getCell(1).font = { color: { argb: "FF0563C1" }, underline: true };
  }
  summary.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, files.length + 1), column: 7 } };

  const findings = workbook.addWorksheet(language === "en" ? "Findings" : "问题清单", {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  findings.columns = FINDING_HEAD[language].map((header, i) => ({ header, width: [40, 14, 10, 8, 26, 90, 24][i] }));
  findings.getRow(1).font = bold;
  const rows = findingRows(files, language);
  for (const row of rows) {
    const added = findings.addRow([row.file, row.sheet, null, row.severity, row.rule, row.message, row.fix]);
    if (row.cell !== "") {
      // HYPERLINK with [book]sheet!cell opens the checked workbook on the cell (Excel's documented form).
      const location = `[${linkPath(row.file, reportFolder)}]${quotedSheet(row.sheet)}!${row.cell}`;
      added.getCell(3).value = {
        formula: `HYPERLINK(${formulaText(location)},${formulaText(row.cell)})`,
        result: row.cell,
      };
      added.getCell(3).font = { color: { argb: "FF0563C1" }, underline: true };
    }
    added.getCell(6).alignment = { wrapText: true, vertical: "top" };
  }
  findings.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: 7 } };

  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Writes the findings report; never replaces an existing file unless `force`. Throws OutputError. */
export async function writeFindingsFile(
  target: string,
  force: boolean,
  files: readonly FileReport[],
  language: Language,
): Promise<void> {
  const format = findingsFormat(target);
  const bytes =
    format === "csv"
      ? new TextEncoder().encode(findingsCsv(files, language))
      : await findingsWorkbook(files, language, path.dirname(path.resolve(target)));
  await writeBytesExclusive(target, force, bytes);
}
