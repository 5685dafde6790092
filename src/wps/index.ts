/** The WPS 表格 host of SpreadsheetHost (no Office.js). */
export { WpsHost, createWpsHost } from "./host";
export { wpsApplication } from "./api";
