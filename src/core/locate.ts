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
  level3: ["三级指标", "指标名称", "指标内容", "绩效指标"],
  description: ["绩效指标描述", "指标解释", "指标说明", "指标描述"],
  value: ["指标值", "指标值及单位", "目标值", "年度指标值", "当年预期实现值", "预期目标值", "绩效目标值"],
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
  const t = normalizeText(text);
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

/** The header texts of one row, each column named once, at the left of its merged area. */
function readHeaderCells(sheet: SheetView, row: number): HeaderCells {
  const found: Partial<Record<ColumnKey, number>> = {};
  let left = Infinity;
  let right = -1;
  for (let c = 0; c < sheet.colCount; c++) {
    if (sheet.anchorCol(row, c) !== c) continue; // a header merged across columns counts once, at its left
    const key = headerColumnKey(sheet.text(row, c));
    if (!key || found[key] !== undefined) continue;
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
    let cells = readHeaderCells(sheet, r);
    if (cells.found.level1 === undefined || cells.found.level2 === undefined) continue;
    if (continuesHeaderAbove(sheet, r, cells.found.level1, cells.found.level2)) continue;
    let lastRow = r;
    for (const col of [cells.found.level1, cells.found.level2]) {
      const merge = sheet.mergeAt(r, col);
      if (merge && merge.bottom > lastRow) lastRow = merge.bottom;
    }
    for (let sub = r + 1; sub <= lastRow; sub++) cells = withSubHeaders(cells, readHeaderCells(sheet, sub));
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
