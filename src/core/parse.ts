/**
 * Parsing a sheet into target tables: grid headers located, header blocks read,
 * indicator rows resolved through merged and blank-continuation level cells.
 */
import type { FrameworkChoice } from "./check";
import { COST_LEVEL2_2021, dimensionOf, toLevel1, toLevel2 } from "./framework";
import { findGridHeaders, type GridHeader } from "./locate";
import { emptyHeaderBlock, matchNormalizedLabel, parseHeaderBlock, TITLE_PATTERN, UNIT_LINE_PATTERN } from "./header";
import type { Cell, HeaderBlock, IndicatorRow, Labeled, LevelRef, ParsedTable } from "./model";
import type { Framework, TableKind } from "./report";
import type { SheetView } from "./sheet";
import { normalizeText, tidyText } from "./text";
import { excelErrorOf, isOptionList, isPlaceholderText, parseValue, type Operator, type ParsedValue } from "./values";

export interface SheetParse {
  /** Every table of the sheet, top to bottom; incomplete grids included (complete: false). */
  tables: ParsedTable[];
  /** On a sheet without a grid: the first cell of each indicator list the checker does not read (no level columns). */
  unsupportedLists: { row: number; col: number }[];
}

const FOOTER =
  /^(?:注|备注|说明|填表人|填报人|审核人|联系人|联系电话|负责人|单位负责人|财务负责人|制表|填报日期|审核意见|总分|合计|总计)/;
/** Sign-off lines under a grid: 财政部门绩效评价股审核意见, （盖章）. */
const SIGN_OFF = /(?:意见|盖章|签章|签字)[)）]?$/;

/** True when a row opens something that is not part of the grid: the next table's header block or a footer. */
function endsGrid(sheet: SheetView, row: number, header: GridHeader): boolean {
  let first = -1;
  for (let c = 0; c < sheet.colCount; c++) {
    if (sheet.anchorCol(row, c) !== c) continue;
    // A cell merged down from above (a band such as 年度绩效目标 over the grid's left edge) opens nothing.
    if (sheet.anchorRow(row, c) !== row) continue;
    const text = sheet.text(row, c);
    if (text === "") continue;
    // Past the first cell only the unit line (单位：万元) ends a grid, and it needs 位: skip the rest unread.
    if (first !== -1 && !text.includes("位")) continue;
    const norm = normalizeText(text);
    if (UNIT_LINE_PATTERN.test(norm)) return true;
    if (first === -1) {
      first = c;
      if (c > header.columns.level1) return false;
      if (TITLE_PATTERN.test(norm) || FOOTER.test(norm) || SIGN_OFF.test(norm) || matchNormalizedLabel(norm))
        return true;
      // A line merged across the grid's width (a section heading or a note) is not an indicator row; a level
      // name merged over the level-1 and level-2 columns (社会效益 standing for both) is.
      const merge = sheet.mergeAt(row, c);
      const nameColumn = header.columns.level3 ?? header.columns.value ?? header.columns.level2 + 1;
      if (merge && merge.top === row && merge.right >= nameColumn && merge.right > merge.left) {
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

/** A unit cell saying there is no unit (spec §2b): -, —, －, /, 无. */
const NO_UNIT = /^(?:-|—|–|－|\/|无|\\)$/;

/** The operator a split column holds (≥, ≧, 大于等于 …), or null for anything else (正向, 反向, text). */
function operatorOf(text: string): Operator | null {
  if (text === "" || text.length > 6) return null;
  const parsed = parseValue(`${text}0`, "", "General");
  return parsed.kind === "quantity" && parsed.amount === 0 && parsed.unit === null ? parsed.operator : null;
}

/** The value with split columns (operator | number | unit) assembled. */
function readValue(
  sheet: SheetView,
  row: number,
  header: GridHeader,
): { cell: Cell | null; text: string; unit: string | null; parsed: ParsedValue; own: ParsedValue } {
  const { value, operator, direction, unit } = header.columns;
  const cell = cellOrNull(sheet, row, value);
  if (!cell) return { cell, text: "", unit: null, parsed: { kind: "empty" }, own: { kind: "empty" } };
  const own = parseValue(cell.value, cell.text, cell.numberFormat);
  let parsed = own;
  // The operator stands in 符号 or, on some forms, in 指标方向 / 指标性质 (which may instead say 正向).
  let operatorText = operator === null ? "" : tidyText(sheet.text(row, operator));
  if (operatorOf(operatorText) === null && direction !== null) {
    const directionText = tidyText(sheet.text(row, direction));
    if (operatorOf(directionText) !== null) operatorText = directionText;
  }
  let unitText = unit === null ? "" : tidyText(sheet.text(row, unit));
  // No unit: a dash or 无, or the value echoed (a date serial repeated in 计量单位).
  if (NO_UNIT.test(unitText) || (unitText !== "" && unitText === tidyText(cell.text))) unitText = "";
  // Without operator or unit columns there is nothing to assemble.
  if (parsed.kind === "quantity" && (operator !== null || direction !== null || unit !== null)) {
    const columnOperator = operatorOf(operatorText);
    const withOperator = parsed.operator ?? columnOperator;
    const withUnit = parsed.unit ?? (unitText !== "" ? unitText : null);
    parsed = { ...parsed, operator: withOperator, unit: withUnit, percent: parsed.percent || withUnit === "%" };
  }
  if (operatorOf(operatorText) === null) operatorText = "";
  const unitSuffix = parsed.kind === "quantity" && !cell.text.endsWith(unitText) ? unitText : "";
  const text = operatorText === "" && unitSuffix === "" ? cell.text : (operatorText + cell.text + unitSuffix).trim();
  return { cell, text: cell.text === "" ? "" : text, unit: unitText === "" ? null : unitText, parsed, own };
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

/** A level-2 cell: its standard name, else the dimension a word of it shows (spec §2b), marked assumed. */
function level2Ref(cell: Cell): LevelRef {
  const known = toLevel2(cell.text);
  if (known !== null) return levelRef(known, cell);
  const dimension = dimensionOf(cell.text);
  return dimension === null ? levelRef(null, cell) : { ...levelRef(dimension, cell), assumed: true };
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
      level2 = level2Ref(cell);
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
      // The value cell itself, whatever the operator and unit cells beside it say (spec §2b).
      else if (isSerialAsTime(value.own, value.cell, timeRow)) unusable = "serial";
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

/** Columns or labels only a self-evaluation (自评表) has: what was achieved, spent and scored. */
const SELF_EVALUATION_TEXT = /^(?:实际完成值|实际完成情况|全年执行数|执行数|得分|偏差原因)/;

/** A self-evaluation table (spec §2b): 自评 in the title, or its own columns in the grid header or the block. */
function isSelfEvaluation(sheet: SheetView, header: GridHeader, block: ParsedTable["header"], top: number): boolean {
  if (block.title && normalizeText(block.title.text).includes("自评")) return true;
  for (let r = top; r <= header.lastRow; r++) {
    for (let c = 0; c < sheet.colCount; c++) {
      if (sheet.isAnchor(r, c) && SELF_EVALUATION_TEXT.test(normalizeText(sheet.text(r, c)))) return true;
    }
  }
  return false;
}

/**
 * A table with project labels is a project table, one speaking of 部门 a department table (spec §2).
 * A title alone (…项目…绩效目标表) does not make a project table: on forms without project labels
 * (transfer payments, 专项 funds) the project-header rules would only report fields the form never had.
 */
function tableKind(header: ParsedTable["header"]): TableKind {
  if (header.projectName || header.projectCode) return "project";
  if (header.mentionsDepartment) return "department";
  return "unknown";
}

export function parseSheet(sheet: SheetView, framework: FrameworkChoice = "auto"): SheetParse {
  const headers = findGridHeaders(sheet);
  const result: SheetParse = { tables: [], unsupportedLists: headers.length === 0 ? findUnsupportedLists(sheet) : [] };
  let blockStart = 0;
  headers.forEach((header, i) => {
    const limit = i + 1 < headers.length ? headers[i + 1].row : sheet.rowCount;
    const { last: end, contentRows } = gridEnd(sheet, header, limit);
    const block =
      header.row > blockStart
        ? parseHeaderBlock(sheet, blockStart, header.row - 1, sheet.colCount - 1)
        : emptyHeaderBlock();
    const top = block.present ? firstContentRow(sheet, blockStart, header.row) : header.row;
    const projects = header.incomplete ? null : flatListColumns(sheet, header);
    const kind = isSelfEvaluation(sheet, header, block, blockStart)
      ? "self-evaluation"
      : block.present
        ? tableKind(block)
        : "unknown";
    const groups = projects ? projectGroups(sheet, projects.name, contentRows) : [{ start: top, rows: contentRows }];
    for (const group of groups) {
      const rows = header.incomplete ? [] : parseRows(sheet, header, group.rows);
      const table: ParsedTable = {
        sheet: sheet.name,
        top: group.start,
        left: 0,
        bottom: projects ? group.rows[group.rows.length - 1] : end,
        right: Math.max(header.right, 0),
        headerRow: header.row,
        complete: !header.incomplete,
        unsupported:
          header.incomplete && header.columns.value === null && hasUnreadValueColumns(sheet, header, contentRows),
        columns: header.columns,
        kind: projects ? "project" : kind,
        framework: framework === "auto" ? detectFramework(rows) : framework,
        header: projects ? projectHeader(sheet, block, projects, group.start) : block,
        rows,
      };
      if (projects) {
        // The project columns belong to each project's table, usually left of the grid, wherever they are.
        table.left = Math.min(header.left, projects.left);
        table.right = Math.max(table.right, projects.right);
      } else {
        table.left = Math.min(header.left, block.present ? firstContentCol(sheet, top, header.row - 1) : header.left);
        table.right = Math.max(header.right, block.present ? lastContentCol(sheet, top, header.row - 1) : header.right);
      }
      coverMergedAnchors(sheet, table);
      result.tables.push(table);
    }
    blockStart = end + 1;
  });
  return result;
}

/** A flat multi-project list's project columns: header-block labels standing in the grid header row itself. */
interface ProjectColumns {
  name: number;
  code: number | null;
  budget: number | null;
  goals: number | null;
  left: number;
  right: number;
}

/** The project columns of a flat list (spec §2b: 单位名称 | 项目名称 | 预算数 | 年度目标 | 一级指标 …), or null. */
function flatListColumns(sheet: SheetView, header: GridHeader): ProjectColumns | null {
  const gridColumns = new Set(Object.values(header.columns).filter((c): c is number => c !== null));
  const found: Partial<Record<"projectName" | "projectCode" | "budget" | "goals", number>> = {};
  for (let c = 0; c < sheet.colCount; c++) {
    if (gridColumns.has(c) || !sheet.isAnchor(header.row, c)) continue;
    const label = matchNormalizedLabel(normalizeText(sheet.text(header.row, c)));
    if (!label) continue;
    if (
      label.field === "projectName" ||
      label.field === "projectCode" ||
      label.field === "budget" ||
      label.field === "goals"
    ) {
      found[label.field] ??= c;
    }
  }
  if (found.projectName === undefined) return null;
  const columns = [found.projectName, found.projectCode, found.budget, found.goals].filter((c) => c !== undefined);
  return {
    name: found.projectName,
    code: found.projectCode ?? null,
    budget: found.budget ?? null,
    goals: found.goals ?? null,
    left: Math.min(...columns),
    right: Math.max(...columns),
  };
}

/**
 * A flat list's rows by project: a project starts where its name cell has text of its own (merged down
 * or blank-continued over its rows). A row whose name cell lies under a merge from another column (a
 * department's total line) belongs to no project.
 */
function projectGroups(sheet: SheetView, nameCol: number, contentRows: readonly number[]) {
  const groups: { start: number; rows: number[] }[] = [];
  let current: { start: number; rows: number[] } | null = null;
  for (const r of contentRows) {
    const anchor = sheet.anchorOf(r, nameCol);
    if (anchor.col !== nameCol) {
      current = null;
      continue;
    }
    if (anchor.row === r && sheet.text(r, nameCol) !== "") {
      current = { start: r, rows: [] };
      groups.push(current);
    }
    current?.rows.push(r);
  }
  return groups;
}

/** One project's header, read from its own cells: findings about it anchor there. */
function projectHeader(sheet: SheetView, block: HeaderBlock, columns: ProjectColumns, row: number): HeaderBlock {
  const own = (col: number | null): Labeled | null => {
    if (col === null) return null;
    const anchor = sheet.anchorOf(row, col);
    const cell = sheet.cell(anchor.row, anchor.col);
    return { label: cell, value: cell.text === "" ? null : cell };
  };
  return {
    ...emptyHeaderBlock(),
    present: true,
    title: block.title,
    unitLine: block.unitLine,
    amountUnit: block.amountUnit,
    titleYear: block.titleYear,
    projectName: own(columns.name),
    projectCode: own(columns.code),
    budget: own(columns.budget),
    goals: own(columns.goals),
  };
}

/** Headers of columns a grid may carry beside its targets (spec §2: ignored), and a self-evaluation's. */
const SIDE_COLUMN = /^(?:分值|权重|指标权重|备注|说明|评分标准|评\(扣\)分标准|扣分标准|得分|实际完成值|偏差原因)/;

/**
 * True when a grid without a value column has two or more columns the reader does not know, filled in
 * the rows below (one target column per town or recipient): a layout it cannot read, not a missing column.
 */
function hasUnreadValueColumns(sheet: SheetView, header: GridHeader, contentRows: readonly number[]): boolean {
  const known = new Set(Object.values(header.columns).filter((c): c is number => c !== null));
  const levelRight = Math.max(header.columns.level1, header.columns.level2, header.columns.level3 ?? -1);
  let unread = 0;
  for (let c = levelRight + 1; c < sheet.colCount; c++) {
    if (known.has(c)) continue;
    // The column's own heading: the lowest header row's text over it (区域目标值 over the counties' names).
    let text = "";
    for (let r = header.row; r <= header.lastRow; r++) {
      const own = normalizeText(sheet.text(r, c));
      if (own !== "") text = own;
    }
    if (text === "" || SIDE_COLUMN.test(text)) continue;
    if (contentRows.some((r) => sheet.text(r, c) !== "")) unread++;
  }
  return unread >= 2;
}

/** Header words of an indicator list that has no level columns (指标 | 权重 | 指标值, 评价指标 | 绩效标准). */
const LIST_HEADER =
  /^(?:评价指标|指标|指标名称|绩效指标|绩效内容|绩效标准|指标值|目标值|全年绩效目标|年度指标值|年度目标值|权重|分值|指标解释|指标内容)$/;

/**
 * On a sheet without a grid, the rows that head an indicator list the checker does not read (spec §2b):
 * at least two list header words among their cells, one naming a value or a standard. Each list is
 * reported at its first cell, a band merged down the left edge (绩效指标) aside.
 */
function findUnsupportedLists(sheet: SheetView): { row: number; col: number }[] {
  const lists: { row: number; col: number }[] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    let first = -1;
    let words = 0;
    let target = false;
    for (let c = 0; c < sheet.colCount; c++) {
      if (!sheet.isAnchor(r, c)) continue;
      const text = normalizeText(sheet.text(r, c));
      if (text === "") continue;
      const merge = sheet.mergeAt(r, c);
      const band = merge !== null && merge.bottom > r && merge.left === merge.right;
      if (first === -1 && !band) first = c;
      if (!LIST_HEADER.test(text)) continue;
      words++;
      if (/值|标准|目标/.test(text)) target = true;
    }
    if (words < 2 || !target || first === -1) continue;
    // A header spread over two rows is one list.
    if (lists.length === 0 || lists[lists.length - 1].row !== r - 1) lists.push({ row: r, col: first });
  }
  return lists;
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
