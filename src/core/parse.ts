/**
 * Parsing a sheet into target tables: grid headers located, header blocks read,
 * indicator rows resolved through merged and blank-continuation level cells.
 */
import type { FrameworkChoice } from "./check";
import { COST_LEVEL2_2021, toLevel1, toLevel2 } from "./framework";
import { findGridHeaders, type GridHeader } from "./locate";
import { emptyHeaderBlock, matchNormalizedLabel, parseHeaderBlock, TITLE_PATTERN, UNIT_LINE_PATTERN } from "./header";
import type { Cell, IndicatorRow, LevelRef, ParsedTable } from "./model";
import type { Framework, TableKind } from "./report";
import type { SheetView } from "./sheet";
import { normalizeText, tidyText } from "./text";
import { excelErrorOf, isOptionList, isPlaceholderText, parseValue, type ParsedValue } from "./values";

export interface SheetParse {
  /** Every table of the sheet, top to bottom; incomplete grids included (complete: false). */
  tables: ParsedTable[];
}

const FOOTER =
  /^(?:注|备注|说明|填表人|填报人|审核人|联系人|联系电话|负责人|单位负责人|财务负责人|制表|填报日期|审核意见)/;

/** True when a row opens something that is not part of the grid: the next table's header block or a footer. */
function endsGrid(sheet: SheetView, row: number, header: GridHeader): boolean {
  let first = -1;
  for (let c = 0; c < sheet.colCount; c++) {
    if (sheet.anchorCol(row, c) !== c) continue;
    const text = sheet.text(row, c);
    if (text === "") continue;
    // Past the first cell only the unit line (单位：万元) ends a grid, and it needs 位: skip the rest unread.
    if (first !== -1 && !text.includes("位")) continue;
    const norm = normalizeText(text);
    if (UNIT_LINE_PATTERN.test(norm)) return true;
    if (first === -1) {
      first = c;
      if (c > header.columns.level1) return false;
      if (TITLE_PATTERN.test(norm) || FOOTER.test(norm) || matchNormalizedLabel(norm)) return true;
      // A line merged across the grid's width (a section heading or a note) is not an indicator row.
      const merge = sheet.mergeAt(row, c);
      if (merge && merge.top === row && merge.right >= header.columns.level2 && merge.right > merge.left) {
        return toLevel1(norm) === null;
      }
    }
  }
  return false;
}

function isRowEmpty(sheet: SheetView, row: number, header: GridHeader): boolean {
  return sheet.rowIsEmpty(row, header.left, header.right);
}

/** Last row of a grid: before the next header block, footer or grid header, trailing empty rows dropped. */
function gridEnd(sheet: SheetView, header: GridHeader, limit: number): { last: number; contentRows: number[] } {
  let last = header.lastRow;
  // The rows with content, found on the way: the row parser reads these and skips the test.
  const contentRows: number[] = [];
  for (let r = header.lastRow + 1; r < limit; r++) {
    if (endsGrid(sheet, r, header)) break;
    if (!isRowEmpty(sheet, r, header)) {
      last = r;
      contentRows.push(r);
    }
  }
  return { last, contentRows };
}

function cellOrNull(sheet: SheetView, row: number, col: number | null): Cell | null {
  return col === null ? null : sheet.cell(row, col);
}

function filled(cell: Cell | null): boolean {
  return cell !== null && cell.text !== "";
}

const OPERATOR_TEXT = /^(?:>=|<=|≥|≤|>|<|=|＞|＜|＝|≧|≦)$/;

/** The value with split columns (operator | number | unit) assembled. */
function readValue(
  sheet: SheetView,
  row: number,
  header: GridHeader,
): { cell: Cell | null; text: string; unit: string | null; parsed: ParsedValue } {
  const { value, operator, unit } = header.columns;
  const cell = cellOrNull(sheet, row, value);
  if (!cell) return { cell, text: "", unit: null, parsed: { kind: "empty" } };
  let parsed = parseValue(cell.value, cell.text, cell.numberFormat);
  const operatorText = operator === null ? "" : tidyText(sheet.text(row, operator));
  const unitText = unit === null ? "" : tidyText(sheet.text(row, unit));
  // Without operator or unit columns there is nothing to assemble.
  if (parsed.kind === "quantity" && (operator !== null || unit !== null)) {
    const op = OPERATOR_TEXT.test(operatorText) ? parseValue(`${operatorText}0`, "", "General") : null;
    const withOperator = op && op.kind === "quantity" && parsed.operator === null ? op.operator : parsed.operator;
    const withUnit = parsed.unit ?? (unitText !== "" ? unitText : null);
    parsed = { ...parsed, operator: withOperator, unit: withUnit, percent: parsed.percent || withUnit === "%" };
  }
  const unitSuffix = parsed.kind === "quantity" && !cell.text.endsWith(unitText) ? unitText : "";
  const text = operatorText === "" && unitSuffix === "" ? cell.text : (operatorText + cell.text + unitSuffix).trim();
  return { cell, text: cell.text === "" ? "" : text, unit: unitText === "" ? null : unitText, parsed };
}

const TIME_NAME = /时间|时限|日期|期限|完成时|进度/;

function isSerialAsTime(parsed: ParsedValue, cell: Cell | null, timeRow: boolean): boolean {
  if (!timeRow || !cell || parsed.kind !== "quantity") return false;
  if (parsed.unit !== null || parsed.operator !== null || parsed.percent) return false;
  return Number.isInteger(parsed.amount) && parsed.amount >= 36526 && parsed.amount <= 73050;
}

function levelRef(name: string | null, cell: Cell): LevelRef {
  return { name, text: cell.text, cell };
}

/** The indicator rows of a grid, from its rows with content (gridEnd's `contentRows`). */
function parseRows(sheet: SheetView, header: GridHeader, contentRows: readonly number[]): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const cols = header.columns;
  let level1: LevelRef | null = null;
  let level2: LevelRef | null = null;
  for (const r of contentRows) {
    // A header cell merged down over this row: the row is part of the header, not an indicator.
    const l1AnchorRow = sheet.anchorRow(r, cols.level1);
    if (l1AnchorRow <= header.row) continue;
    const l1Text = sheet.text(r, cols.level1);
    if (l1Text !== "" && (l1AnchorRow === r || level1 === null || level1.cell.row !== l1AnchorRow)) {
      const cell = sheet.cell(r, cols.level1);
      level1 = levelRef(toLevel1(cell.text), cell);
      level2 = null;
    }
    const l2AnchorRow = sheet.anchorRow(r, cols.level2);
    const l2Text = sheet.text(r, cols.level2);
    if (l2Text !== "" && (l2AnchorRow === r || level2 === null || level2.cell.row !== l2AnchorRow)) {
      const cell = sheet.cell(r, cols.level2);
      level2 = levelRef(toLevel2(cell.text), cell);
    }
    const level3 = cellOrNull(sheet, r, cols.level3);
    const description = cellOrNull(sheet, r, cols.description);
    const basis = cellOrNull(sheet, r, cols.basis);
    const value = readValue(sheet, r, header);
    const placeholder = !filled(level3) && !filled(description) && !filled(value.cell) && !filled(basis);
    const timeRow = level2?.name === "时效指标" || (level3 !== null && TIME_NAME.test(level3.text));
    let unusable: IndicatorRow["unusable"] = null;
    if (value.cell && value.cell.text !== "") {
      if (excelErrorOf(value.cell.value) !== null) unusable = "error";
      else if (isPlaceholderText(value.cell.text)) unusable = "placeholder";
      else if (isOptionList(value.cell.text)) unusable = "options";
      else if (isSerialAsTime(value.parsed, value.cell, timeRow)) unusable = "serial";
    }
    rows.push({
      row: r,
      level1,
      level2,
      level3,
      description,
      value: value.cell,
      valueText: value.text,
      unitColumnText: value.unit,
      basis,
      parsed: value.parsed,
      unusable,
      placeholder,
    });
  }
  return rows;
}

function detectFramework(rows: IndicatorRow[]): Framework {
  for (const row of rows) {
    if (row.level1?.name === "成本指标") return "2021";
    if (row.level2?.name && COST_LEVEL2_2021.includes(row.level2.name)) return "2021";
  }
  return "legacy";
}

function tableKind(header: ParsedTable["header"]): TableKind {
  if (header.projectName || header.projectCode) return "project";
  if (header.mentionsDepartment) return "department";
  return header.title && /项目/.test(header.title.text) ? "project" : "unknown";
}

export function parseSheet(sheet: SheetView, framework: FrameworkChoice = "auto"): SheetParse {
  const headers = findGridHeaders(sheet);
  const result: SheetParse = { tables: [] };
  let blockStart = 0;
  headers.forEach((header, i) => {
    const limit = i + 1 < headers.length ? headers[i + 1].row : sheet.rowCount;
    const { last: end, contentRows } = gridEnd(sheet, header, limit);
    const block =
      header.row > blockStart
        ? parseHeaderBlock(sheet, blockStart, header.row - 1, sheet.colCount - 1)
        : emptyHeaderBlock();
    const rows = header.incomplete ? [] : parseRows(sheet, header, contentRows);
    const top = block.present ? firstContentRow(sheet, blockStart, header.row) : header.row;
    const table: ParsedTable = {
      sheet: sheet.name,
      top,
      left: 0,
      bottom: end,
      right: Math.max(header.right, 0),
      headerRow: header.row,
      complete: !header.incomplete,
      columns: header.columns,
      kind: block.present ? tableKind(block) : "unknown",
      framework: framework === "auto" ? detectFramework(rows) : framework,
      header: block,
      rows,
    };
    table.left = Math.min(header.left, block.present ? firstContentCol(sheet, top, header.row - 1) : header.left);
    table.right = Math.max(header.right, block.present ? lastContentCol(sheet, top, header.row - 1) : header.right);
    coverMergedAnchors(sheet, table);
    result.tables.push(table);
    blockStart = end + 1;
  });
  return result;
}

/** Grows a table's range over the top-left cell of every merged area it cuts, since findings anchor there. */
function coverMergedAnchors(sheet: SheetView, table: ParsedTable): void {
  let grown = true;
  while (grown) {
    grown = false;
    // Only merges crossing the table's rows can cut it: looking them up by row keeps this linear in the sheet.
    const top = table.top;
    const bottom = table.bottom;
    for (let r = top; r <= bottom; r++) {
      for (let i = 0, n = sheet.mergeCountOnRow(r); i < n; i++) {
        const m = sheet.mergeOnRow(r, i);
        const cuts = m.left <= table.right && m.right >= table.left;
        if (cuts && (m.top < table.top || m.left < table.left)) {
          table.top = Math.min(table.top, m.top);
          table.left = Math.min(table.left, m.left);
          grown = true;
        }
      }
    }
  }
}

function firstContentRow(sheet: SheetView, from: number, to: number): number {
  for (let r = from; r < to; r++) if (!sheet.rowIsEmpty(r)) return r;
  return to;
}

function firstContentCol(sheet: SheetView, from: number, to: number): number {
  let left = sheet.colCount;
  for (let r = from; r <= to; r++) {
    for (let c = 0; c < left; c++) {
      if (!sheet.isEmpty(r, c)) {
        left = sheet.anchorOf(r, c).col;
        break;
      }
    }
  }
  return left;
}

function lastContentCol(sheet: SheetView, from: number, to: number): number {
  let right = 0;
  for (let r = from; r <= to; r++) {
    for (let c = sheet.colCount - 1; c > right; c--) {
      if (!sheet.isEmpty(r, c)) {
        const merge = sheet.mergeAt(r, c);
        right = merge ? merge.right : c;
        break;
      }
    }
  }
  return right;
}
