/** The Office.js host of SpreadsheetHost. */
export { ExcelHost, createExcelHost } from "./host";
export { HIGHLIGHT_COLORS, noteText } from "../core/highlight";
export {
  MINIMUM_EXCEL_API,
  REQUIREMENT_NOTES,
  detectFeatures,
  type ExcelFeatures,
  type RequirementNote,
} from "./requirements";
