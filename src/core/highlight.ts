/**
 * What a highlighted cell shows, the same in every host (the add-in and the annotated copy):
 * Excel's own "Bad" and "Neutral" colours, one cell per address, errors winning over warnings,
 * and a note explaining each of its findings. Infos are listed by the report and the pane, never painted.
 */
import { parseA1, toA1 } from "./address";
import type { Issue, Severity } from "./report";

/** Excel's own "Bad" and "Neutral" cell styles (interfaces.md), as #RRGGBB. */
export const HIGHLIGHT_COLORS = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
} as const;

export type PaintedSeverity = keyof typeof HIGHLIGHT_COLORS;

/** One cell to paint and the findings its note explains. */
export interface CellHighlight {
  sheet: string;
  /** The cell's A1 address, without dollar signs. */
  cell: string;
  row: number;
  col: number;
  severity: PaintedSeverity;
  /** The cell's error and warning findings, errors first, otherwise in report order. */
  issues: Issue[];
}

/** The cells to paint, in the order of their first finding; an unreadable address is skipped. */
export function cellHighlights(issues: readonly Issue[]): CellHighlight[] {
  const byCell = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.severity === "info") continue;
    const key = `${issue.sheet}\u0000${issue.cell}`;
    const list = byCell.get(key);
    if (list) list.push(issue);
    else byCell.set(key, [issue]);
  }
  const highlights: CellHighlight[] = [];
  for (const list of byCell.values()) {
    const ref = parseA1(list[0]!.cell);
    if (!ref) continue;
    const ordered = [...list].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
    highlights.push({
      sheet: list[0]!.sheet,
      cell: toA1(ref.row, ref.col),
      row: ref.row,
      col: ref.col,
      severity: ordered[0]!.severity === "error" ? "error" : "warning",
      issues: ordered,
    });
  }
  return highlights;
}

const SEVERITY_LABEL: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "Error" },
  warning: { zh: "警告", en: "Warning" },
  info: { zh: "提示", en: "Info" },
};

/** The note text for one cell's findings: Chinese line, then English line, then any suggested fix, per finding. */
export function noteText(issues: readonly Issue[]): string {
  return issues
    .map((issue) => {
      const label = SEVERITY_LABEL[issue.severity];
      const zh = `${label.zh} · ${issue.rule}：${issue.message}`;
      const en = `${label.en} · ${issue.rule}: ${issue.messageEn}`;
      const fix = issue.fix ? `\n建议改为 (suggested)：${issue.fix.value}` : "";
      return `${zh}\n${en}${fix}`;
    })
    .join("\n\n");
}
