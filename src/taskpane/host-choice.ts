/**
 * Which spreadsheet application the pane is running in, chosen at start-up: WPS 表格 when the page has
 * WPS's global `Application` (or `wps`) with a workbook model, else Office (Excel through Office.js).
 * WPS's own pane page (src/wps/addin/pane.tsx) needs no choice; this is for a page shared by both.
 */
import { wpsApplication } from "../wps/api";

export type PaneHostKind = "wps" | "office";

export function paneHostKind(): PaneHostKind {
  return wpsApplication() ? "wps" : "office";
}
