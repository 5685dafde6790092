/**
 * Finding the indicator grids of a sheet (spec §2): a grid header row holds level 1, level 2
 * and at least one of level 3 or value, recognised by their header texts and synonyms.
 */
import type { GridColumns } from "./model";
import type { SheetView } from "./sheet";
import { normalizeText } from "./text";

type ColumnKey = keyof GridColumns;

const HEADER_SYNONYMS: Record<ColumnKey, string[]> = {
  level1: ["一级指标"],
  level2: ["二级指标"],
  // In order of preference: 绩效指标 is often a band over the grid's left edge, not a column.
  level3: ["三级指标", "指标名称", "指标内容", "三级指标内容", "绩效指标"],
  description: ["绩效指标描述", "指标解释", "指标说明", "指标描述"],
  value: [
    "指标值",
    "指标值及单位",
    "目标值",
    "指标目标值",
    "年初目标值",
    "年度目标值",
    "全年目标值",
    "年度指标值",
    "当年预期实现值",
    "预期目标值",
    "绩效目标值",
  ],
  basis: ["指标值确定依据", "绩效标准", "指标值设定依据", "指标来源"],
  direction: ["指标方向", "指标性质"],
  operator: ["符号", "运算符"],
  unit: ["计量单位", "度量单位"],
  valueType: ["指标值类型", "指标类型"],
};

const HEADER_LOOKUP = new Map<string, ColumnKey>();
for (const [key, names] of Object.entries(HEADER_SYNONYMS) as [ColumnKey, string[]][]) {
  for (const name of names) HEADER_LOOKUP.set(name, key);
}

/** The column a header text names, or null (分值, 权重, 备注 and anything else are ignored). */
export function headerColumnKey(text: string): ColumnKey | null {
  // A leading asterisk marks a required column on some forms (*指标值).
  const t = normalizeText(text).replace(/^\*+/, "");
  // No header name is longer; the cut also keeps the bracket pattern below linear on huge cells.
  if (t === "" || t.length > 40) return null;
  const direct = HEADER_LOOKUP.get(t);
  if (direct) return direct;
  // "三级指标（指标名称）", "指标值(含单位)": match without the bracketed note.
  const bare = t.replace(/[(（][^)）]*[)）]/g, "").replace(/[:：]$/, "");
  return HEADER_LOOKUP.get(bare) ?? null;
}

export interface GridHeader {
  row: number;
  /**
   * Last row of the header: a header whose level-1 or level-2 cell is merged down over the rows
   * below spans them, and their texts name the sub-columns (绩效指标 over 三级指标 | 指标值).
   */
  lastRow: number;
  columns: GridColumns;
  /** Leftmost and rightmost header cells. */
  left: number;
  right: number;
  /** Level 3 or value column absent: the grid cannot be read. */
  incomplete: boolean;
}

/** Cheap pre-filter: a grid header row must mention 一级 somewhere. */
function mayBeHeaderRow(sheet: SheetView, row: number): boolean {
  for (let c = 0; c < sheet.colCount; c++) {
    const v = sheet.snapshot.values[row]?.[c];
    if (typeof v === "string" && v.includes("级")) return true;
  }
  return false;
}

interface HeaderCells {
  found: Partial<Record<ColumnKey, number>>;
  left: number;
  right: number;
}

const ANNUAL_NOTE = /[(（](?:年度|当年|本年)[)）]/;
const LONGER_NOTE = /[(（](?:长期|中期|实施期)[^)）]*[)）]/;

/**
 * How strongly a header text names its column (lower is stronger): the earlier its synonym is listed,
 * the stronger; within one synonym an annual column (年度) beats a plain one, which beats a longer
 * period's (长期, 中期: grids that show the mid-term and the annual targets side by side).
 */
function rank(key: ColumnKey, text: string): number {
  const n = normalizeText(text).replace(/^\*+/, "");
  const t = n.replace(/[(（][^)）]*[)）]/g, "").replace(/[:：]$/, "");
  const at = HEADER_SYNONYMS[key].indexOf(t);
  const period = ANNUAL_NOTE.test(n) ? 0 : LONGER_NOTE.test(n) ? 2 : 1;
  return (at < 0 ? HEADER_SYNONYMS[key].length : at) * 3 + period;
}

/**
 * The header texts of one row, each column named once, at the left of its merged area. Of two cells
 * naming one column, the stronger synonym wins (三级指标 over 绩效指标), then the left one. A cell merged
 * down past `bottom` stands over the data rows: a band label (绩效指标 down the left edge), never a column.
 */
function readHeaderCells(sheet: SheetView, row: number, bottom = row): HeaderCells {
  const found: Partial<Record<ColumnKey, number>> = {};
  let left = Infinity;
  let right = -1;
  for (let c = 0; c < sheet.colCount; c++) {
    if (sheet.anchorCol(row, c) !== c) continue; // a header merged across columns counts once, at its left
    if (sheet.anchorRow(row, c) !== row) continue; // merged down from a row above: read there
    const key = headerColumnKey(sheet.text(row, c));
    if (!key) continue;
    const band = sheet.mergeAt(row, c);
    if (band && band.bottom > bottom && band.left === band.right) continue;
    const held = found[key];
    if (held !== undefined && rank(key, sheet.text(row, held)) <= rank(key, sheet.text(row, c))) continue;
    found[key] = c;
    const merge = sheet.mergeAt(row, c);
    left = Math.min(left, c);
    right = Math.max(right, merge ? merge.right : c);
  }
  return { found, left, right };
}

/** True when the row's level-1 or level-2 header cell is merged down from above: the row continues a header. */
function continuesHeaderAbove(sheet: SheetView, row: number, level1: number, level2: number): boolean {
  return sheet.anchorRow(row, level1) < row || sheet.anchorRow(row, level2) < row;
}

/** A sub-header row's texts name the columns under a grouping heading; the heading keeps the others. */
function withSubHeaders(top: HeaderCells, sub: HeaderCells): HeaderCells {
  const found = { ...sub.found };
  const used = new Set(Object.values(sub.found));
  for (const [key, col] of Object.entries(top.found) as [ColumnKey, number][]) {
    if (found[key] === undefined && !used.has(col)) found[key] = col;
  }
  return { found, left: Math.min(top.left, sub.left), right: Math.max(top.right, sub.right) };
}

export function findGridHeaders(sheet: SheetView): GridHeader[] {
  const headers: GridHeader[] = [];
  for (let r = 0; r < sheet.rowCount; r++) {
    if (!mayBeHeaderRow(sheet, r)) continue;
    const levels = readHeaderCells(sheet, r, Infinity).found;
    if (levels.level1 === undefined || levels.level2 === undefined) continue;
    if (continuesHeaderAbove(sheet, r, levels.level1, levels.level2)) continue;
    let lastRow = r;
    for (const col of [levels.level1, levels.level2]) {
      const merge = sheet.mergeAt(r, col);
      if (merge && merge.bottom > lastRow) lastRow = merge.bottom;
    }
    // Read again knowing where the header ends: a cell merged down past it is a band, not a column.
    let cells = readHeaderCells(sheet, r, lastRow);
    for (let sub = r + 1; sub <= lastRow; sub++) cells = withSubHeaders(cells, readHeaderCells(sheet, sub, lastRow));
    const found = cells.found;
    if (found.level1 === undefined || found.level2 === undefined) continue;
    if (found.level3 === undefined && found.value === undefined) continue;
    const columns: GridColumns = {
      level1: found.level1,
      level2: found.level2,
      level3: found.level3 ?? null,
      description: found.description ?? null,
      value: found.value ?? null,
      basis: found.basis ?? null,
      direction: found.direction ?? null,
      operator: found.operator ?? null,
      unit: found.unit ?? null,
      valueType: found.valueType ?? null,
    };
    headers.push({
      row: r,
      lastRow,
      columns,
      left: cells.left,
      right: cells.right,
      incomplete: columns.level3 === null || columns.value === null,
    });
    r = lastRow;
  }
  return headers;
}
