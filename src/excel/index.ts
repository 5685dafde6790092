/** The Office.js host of SpreadsheetHost. */
export { ExcelHost, createExcelHost } from "./host";
export { HIGHLIGHT_COLORS, noteText } from "../core/highlight";
