/**
 * Severity colours: the pane uses the same fills as the highlighted cells (Excel's "Bad" and
 * "Neutral" cell styles), so a finding in the list looks like its cell in the sheet.
 */
import type { Severity } from "../../core/report";

export const severityColours: Record<Severity, { fill: string; text: string }> = {
  error: { fill: "#FFC7CE", text: "#9C0006" },
  warning: { fill: "#FFEB9C", text: "#9C5700" },
  // Infos are listed, not painted: a quiet blue that reads as a hint.
  info: { fill: "#DDEBF7", text: "#1F4E78" },
};
