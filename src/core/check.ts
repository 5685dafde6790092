/**
 * The checking core's entry point: snapshots in, tables and findings out.
 */
import { toA1 } from "./address";
import type { ParsedTable } from "./model";
import { parseSheet } from "./parse";
import type { Issue, Summary, TableSummary } from "./report";
import { summarize } from "./summary";
import { RULES } from "./rules";
import { isUnfilled, tableUnfilled } from "./rules/table-unfilled";
import { renderMessage } from "./rules/messages";
import type { FindingInput } from "./rules/rule";
import { SheetView } from "./sheet";
import type { SheetSnapshot } from "./snapshot";
import { excelErrorOf } from "./values";
import { rangeToA1 } from "./address";

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

/** A finding with its position kept for sorting and painting. */
interface Located extends Issue {
  order: number;
  row: number;
  col: number;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** The budget year a sheet's name states ("2023", "2023年项目"), if any. */
function yearFromSheetName(name: string): number | null {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:年|$|[^\d])/.exec(name);
  return m ? Number(m[1]) : null;
}

function summarizeTable(table: ParsedTable): TableSummary {
  const name = table.header.projectName?.value?.text ?? null;
  const code = table.header.projectCode?.value?.text ?? null;
  return {
    sheet: table.sheet,
    range: rangeToA1({ top: table.top, left: table.left, bottom: table.bottom, right: table.right }),
    kind: table.kind,
    framework: table.framework,
    projectName: name === null ? null : name.replace(/\s+/g, " ").trim(),
    projectCode: code === null ? null : code.replace(/\s+/g, ""),
  };
}

/**
 * One string for each distinct message text of a workbook's check: findings repeat their messages
 * (at 10,000 indicator rows, 4,475 findings have 692 distinct texts), and all are kept to the end.
 */
class MessageTexts {
  private readonly known = new Map<string, string>();

  get(text: string): string {
    const known = this.known.get(text);
    if (known !== undefined) return known;
    this.known.set(text, text);
    return text;
  }
}

/** Checks one sheet; tableOffset numbers its tables after those of earlier sheets. */
function checkSheet(
  snapshot: SheetSnapshot,
  sheetIndex: number,
  tableOffset: number,
  options: CheckOptions,
  texts: MessageTexts,
): { tables: ParsedTable[]; findings: Located[] } {
  const sheet = new SheetView(snapshot);
  const parse = parseSheet(sheet, options.framework ?? "auto");
  const findings: Located[] = [];
  // Findings already reported, by rule and cell, with their messages: a rule may report a cell twice.
  const seen = new Map<number, string[]>();
  // One reporter per table, told which rule is running: no closure per rule and table.
  let ruleIndex = 0;
  const collect =
    (tableIndex: number | null) =>
    (input: FindingInput): void => {
      const rule = RULES[ruleIndex];
      const template = rule.meta.messages[input.messageId];
      if (template === undefined) throw new Error(`Rule ${rule.meta.id} has no message "${input.messageId}"`);
      const data = input.data ?? {};
      const message = texts.get(renderMessage(template, data, "zh"));
      const key = (ruleIndex * 1048576 + input.row) * 16384 + input.col; // Excel: 1,048,576 rows, 16,384 columns
      const messages = seen.get(key);
      if (messages === undefined) seen.set(key, [message]);
      else if (messages.includes(message)) return;
      else messages.push(message);
      const anchor = sheet.anchorOf(input.row, input.col);
      // A cell showing a formula's error value has that as its only finding, as template text does.
      if (rule.meta.id !== "formula-error" && excelErrorOf(sheet.rawValue(anchor.row, anchor.col)) !== null) return;
      findings.push({
        rule: rule.meta.id,
        severity: input.severity ?? rule.meta.severity,
        sheet: snapshot.name,
        cell: toA1(anchor.row, anchor.col),
        table: tableIndex,
        message,
        messageEn: texts.get(renderMessage(template, data, "en")),
        fix:
          input.fix === undefined
            ? null
            : { cell: toA1(anchor.row, anchor.col), value: input.fix, was: sheet.text(anchor.row, anchor.col) },
        ...(input.fixes && input.fixes.length > 0
          ? {
              fixes: input.fixes.map((fix) => {
                const at = sheet.anchorOf(fix.row, fix.col);
                return { cell: toA1(at.row, at.col), value: fix.value, was: sheet.text(at.row, at.col) };
              }),
            }
          : {}),
        order: sheetIndex * 1000 + ruleIndex,
        row: anchor.row,
        col: anchor.col,
      });
    };
  const sheetYear = yearFromSheetName(snapshot.name);
  const sheetContext = { sheet, parse, report: collect(null) };
  for (ruleIndex = 0; ruleIndex < RULES.length; ruleIndex++) {
    const rule = RULES[ruleIndex];
    if (rule.scope === "sheet") rule.check(sheetContext);
  }
  // Every rule on one table before the next: the table's rows stay in the processor's cache. Findings
  // are the same as rule by rule: duplicates are told apart by rule and cell, and the order is sorted out later.
  parse.tables.forEach((table, i) => {
    const context = {
      table,
      sheet,
      options,
      year: options.year ?? table.header.titleYear ?? sheetYear,
      report: collect(tableOffset + i),
    };
    // A form nobody has filled in yet gets one hint (table-unfilled), not a finding per empty input.
    const unfilled = isUnfilled(table);
    for (ruleIndex = 0; ruleIndex < RULES.length; ruleIndex++) {
      const rule = RULES[ruleIndex];
      if (rule.scope === "sheet") continue;
      if (unfilled !== (rule === tableUnfilled)) continue;
      if (!table.complete && !rule.meta.incompleteTables) continue;
      rule.check(context);
    }
  });
  return { tables: parse.tables, findings };
}

export function checkWorkbook(sheets: Iterable<SheetSnapshot>, options: CheckOptions = {}): WorkbookCheck {
  const tables: TableSummary[] = [];
  const located: Located[] = [];
  // Any iterable: a host may do its own work between sheets (the command line collects garbage).
  const texts = new MessageTexts();
  let sheetIndex = 0;
  for (const snapshot of sheets) {
    const result = checkSheet(snapshot, sheetIndex++, tables.length, options, texts);
    // Loops, not push(...spread): a sheet with 100,000 findings would overflow the call stack.
    for (const table of result.tables) tables.push(summarizeTable(table));
    for (const finding of result.findings) located.push(finding);
  }
  located.sort(
    (a, b) =>
      Math.floor(a.order / 1000) - Math.floor(b.order / 1000) ||
      a.row - b.row ||
      a.col - b.col ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      a.order - b.order,
  );
  const issues: Issue[] = located.map(({ rule, severity, sheet, cell, table, message, messageEn, fix, fixes }) =>
    fixes
      ? { rule, severity, sheet, cell, table, message, messageEn, fix, fixes }
      : { rule, severity, sheet, cell, table, message, messageEn, fix },
  );
  return { tables, issues, summary: summarize(issues) };
}
