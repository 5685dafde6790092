/**
 * Severity colours: the pane uses the same fills as the highlighted cells (Excel's "Bad" and
 * "Neutral" cell styles, from the core), so a finding in the list looks like its cell in the sheet.
 */
import { HIGHLIGHT_COLORS } from "../../core/highlight";
import type { Severity } from "../../core/report";

export const severityColours: Record<Severity, { fill: string; text: string }> = {
  error: { fill: HIGHLIGHT_COLORS.error.fill, text: HIGHLIGHT_COLORS.error.font },
  warning: { fill: HIGHLIGHT_COLORS.warning.fill, text: HIGHLIGHT_COLORS.warning.font },
  // Infos are listed, not painted: a quiet blue that reads as a hint.
  info: { fill: "#DDEBF7", text: "#1F4E78" },
};
