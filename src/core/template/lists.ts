/**
 * The template's drop-down lists as every host writes them. Items that do not fit an inline list
 * live in named ranges on one very hidden sheet; level 2 depends on level 1 through INDIRECT over
 * the parent cell (the usual Excel construction). The names are the same in every host, so a
 * workbook made by the command line and one made in Excel look the same.
 */
import type { CellRange } from "../address";
import { columnName } from "../address";
import type { PatchValidation } from "../patch";

/** The very hidden sheet holding drop-down items. */
export const LIST_SHEET_NAME = "下拉选项";

/** Excel's limit for an inline list ("a,b,c") in a validation rule. */
export const INLINE_LIST_LIMIT = 255;

export type DependentList = Extract<PatchValidation, { kind: "dependentList" }>;

/** A list to write on the list sheet under a defined name. */
export interface NamedList {
  name: string;
  items: string[];
}

/** The names of a dependent drop-down's lists. */
interface DependentListNames {
  /** What every child list's name starts with: 二级_legacy_ (the framework, since legacy and 2021 list different children). */
  prefix: string;
  /** One list per parent value that has children. */
  lists: NamedList[];
  /** The whole list, offered for a parent that is empty or typed by hand (names cannot hold every text). */
  fallback: NamedList;
}

/** Rows of a dependent drop-down that share one parent cell and follow each other (patch coordinates). */
interface ParentRun {
  parentRow: number;
  parentCol: number;
  top: number;
  bottom: number;
}

/** The items as an inline list ("a,b,c"), or null when they exceed Excel's limit or hold a comma or a quote. */
export function inlineList(items: readonly string[]): string | null {
  const text = items.join(",");
  return text.length <= INLINE_LIST_LIMIT && !items.some((item) => /[,"]/.test(item)) ? text : null;
}

/** True when the text may be an Excel defined name: a letter or underscore, then letters, digits, _ and . */
export function isDefinedName(name: string): boolean {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name);
}

/** The defined name of a level-1 list that does not fit inline. */
export function level1ListName(items: readonly string[]): string {
  return `一级_${listsDigest({ items: [...items] })}`;
}

export function dependentListNames(validation: DependentList): DependentListNames {
  const prefix = `二级_${nameCharacters(validation.listsName ?? listsDigest(validation.lists))}_`;
  const lists = Object.entries(validation.lists)
    .filter(([, items]) => items.length > 0)
    .map(([parent, items]) => ({ name: `${prefix}${nameCharacters(parent)}`, items }));
  return { prefix, lists, fallback: { name: `${prefix}全部`, items: validation.fallback } };
}

/** The list source over the parent cell at a zero-based sheet row and column, without a leading "=". */
export function dependentListFormula(names: DependentListNames, parentRow: number, parentCol: number): string {
  const parentRef = `$${columnName(parentCol)}$${parentRow + 1}`;
  const child = `INDIRECT("${names.prefix}"&${parentRef})`;
  return `IF(ISREF(${child}),${child},${names.fallback.name})`;
}

/**
 * The rows of a dependent drop-down by parent cell: a row's parent is the top-left cell of the
 * merged area holding (row, parentCol), so rows under one merged level 1 share it.
 */
export function parentRuns(validation: DependentList, merges: readonly CellRange[]): ParentRun[] {
  const groups = new Map<string, { parentRow: number; parentCol: number; rows: number[] }>();
  for (let r = validation.range.top; r <= validation.range.bottom; r++) {
    const merge = merges.find(
      (m) => r >= m.top && r <= m.bottom && validation.parentCol >= m.left && validation.parentCol <= m.right,
    );
    const parentRow = merge ? merge.top : r;
    const parentCol = merge ? merge.left : validation.parentCol;
    const key = `${parentRow}:${parentCol}`;
    const group = groups.get(key) ?? { parentRow, parentCol, rows: [] };
    group.rows.push(r);
    groups.set(key, group);
  }
  const runs: ParentRun[] = [];
  for (const { parentRow, parentCol, rows } of groups.values()) {
    for (const run of consecutiveRuns(rows)) {
      runs.push({ parentRow, parentCol, top: run[0]!, bottom: run[run.length - 1]! });
    }
  }
  return runs;
}

function consecutiveRuns(rows: number[]): number[][] {
  const runs: number[][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else runs.push([r]);
  }
  return runs;
}

/** Only the characters a defined name may hold: letters (any script), digits, underscore and period. */
function nameCharacters(text: string): string {
  return text.replace(/[^\p{L}\p{N}_.]/gu, "_");
}

/** A short stable tag for lists that come without a name. */
function listsDigest(lists: Record<string, string[]>): string {
  const text = JSON.stringify(lists);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
  return `L${hash.toString(36)}`;
}
