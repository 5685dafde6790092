/**
 * The header block above a grid (spec §2): title, unit line, project labels, budget,
 * spending plan and goals, found by their label texts, never by position.
 */
import type { Cell, Checkpoint, HeaderBlock, Labeled } from "./model";
import type { SheetView } from "./sheet";
import { normalizeText } from "./text";

type Field =
  "projectCode" | "projectName" | "budget" | "fiscalFunds" | "otherFunds" | "purpose" | "spendingPlan" | "goals";

const LABELS: Record<Field, string[]> = {
  projectCode: ["项目编码", "项目代码"],
  projectName: ["项目名称", "项目支出名称", "项目(专项)名称", "专项(项目)名称"],
  budget: [
    "预算数",
    "年度预算数",
    "资金总额",
    "当年年度预算",
    "年度本级预算金额",
    "项目总预算",
    "年度资金申请总额",
    "项目资金总额",
    "全年预算数",
    "年初预算数",
    "本年度预计投入",
  ],
  fiscalFunds: ["财政资金", "财政拨款数", "财政拨款"],
  otherFunds: ["其他资金", "其它资金"],
  purpose: ["资金用途"],
  spendingPlan: ["资金支出计划"],
  goals: [
    "绩效目标",
    "年度目标",
    "本年度绩效目标",
    "年度绩效目标",
    "年度主要目标和成果",
    "年度总体目标",
    "总体目标",
    "预期目标",
    "实施期绩效目标",
    "项目年度目标",
    "中期目标",
    "中期滚动目标",
    "实施期目标",
  ],
};
/** Goals for a period longer than the year: used only when the table states no annual goal. */
const MID_TERM_GOALS = /^(?:中期|实施期)/;
/** 本年度申请财政预算资金（万元） and its kin: a budget label by its shape. */
const BUDGET_REQUEST = /^本年度申请.{0,8}预算资金$/;
const LABEL_LOOKUP = new Map<string, Field>();
for (const [field, names] of Object.entries(LABELS) as [Field, string[]][]) {
  for (const name of names) LABEL_LOOKUP.set(name, field);
}
/** A label that states the budget for the year itself is preferred over a total. */
const PREFERRED_BUDGET = /当年|年度/;
const BUDGET_AND_PURPOSE = "预算规模及资金用途";
const DEPARTMENT_LABELS = ["部门名称", "部门整体绩效目标", "部门名称及代码", "部门(单位)名称", "单位名称"];

const TRAILING_COLON = /[:：]$/;
const TITLE_YEAR = /((?:19|20)\d{2})年/;

export const TITLE_PATTERN = /绩效目标表|审批表|申报表/;
export const UNIT_LINE_PATTERN = /^(?:金额)?单位[:：](万元|元)$/;

interface LabelMatch {
  field: Field;
  /** The label's text, normalised, without prefix or suffix. */
  core: string;
  percent: boolean;
  /** 当年/年度 in the label. */
  yearly: boolean;
}

/** Recognises a label: its whole text is a known label, optionally with 其中/年度/当年/本年 before it and a colon or (万元) after. */
export function matchLabel(text: string): LabelMatch | null {
  return matchNormalizedLabel(normalizeText(text));
}

const LABEL_SUFFIX = /(?:[(（][^)）]{0,6}[)）])?[:：]?$/;
const LABEL_PREFIX = /^(其中|年度|当年|本年)[:：]?/;
const PERCENT_NOTE = /[(（]%[)）]/;

/** matchLabel for a text already normalised (normalizeText), as the header scan has it at hand. */
export function matchNormalizedLabel(t: string): LabelMatch | null {
  if (t === "" || t.length > 24) return null;
  const withoutSuffix = t.replace(LABEL_SUFFIX, "");
  let core = withoutSuffix;
  let field = LABEL_LOOKUP.get(core) ?? (BUDGET_REQUEST.test(core) ? "budget" : undefined);
  if (!field) {
    const prefix = LABEL_PREFIX.exec(withoutSuffix);
    if (!prefix) return null;
    core = withoutSuffix.slice(prefix[0].length);
    field = LABEL_LOOKUP.get(core);
    if (!field) return null;
  }
  return { field, core, percent: PERCENT_NOTE.test(t), yearly: PREFERRED_BUDGET.test(withoutSuffix) };
}

const CHECKPOINT =
  /^(?:\d{1,2}月(?:底|末)?|[一二三四五六七八九十]{1,3}月(?:底|末)?|年底|年末|第?[一二三四1-4]季度(?:末)?)$/;

function cellAt(sheet: SheetView, row: number, col: number): Cell {
  return sheet.cell(row, col);
}

/** The nearest non-empty cell right of a label, past the label's merged area; null if the next filled cell is another label. */
function valueRightOf(sheet: SheetView, row: number, col: number, right: number): Cell | null {
  const merge = sheet.mergeAt(row, col);
  const start = (merge ? merge.right : col) + 1;
  for (let c = start; c <= right; c++) {
    if (sheet.isEmpty(row, c)) continue;
    const anchor = sheet.anchorOf(row, c);
    const norm = normalizeText(sheet.text(row, c));
    if (matchNormalizedLabel(norm) || UNIT_LINE_PATTERN.test(norm)) return null;
    return cellAt(sheet, anchor.row, anchor.col);
  }
  return null;
}

/**
 * True when a label has no input cell of its own to the right: its merged area ends the sheet's width,
 * or another label stands right next to it (年初预算数 | 全年预算数, 中期目标 | 年度目标 as column headings).
 * An empty cell right of a label is the label's input, left blank: the value is missing, not below.
 */
function opensDownward(sheet: SheetView, row: number, col: number, right: number): boolean {
  const merge = sheet.mergeAt(row, col);
  const next = (merge ? merge.right : col) + 1;
  if (next > right) return true;
  const anchor = sheet.anchorOf(row, next);
  const norm = normalizeText(sheet.text(anchor.row, anchor.col));
  return norm !== "" && matchNormalizedLabel(norm) !== null;
}

/**
 * A label's value in the rows beneath it (spec §2b: 年度目标 over its text): the first filled cell below
 * the label's merged area, in its columns, before the next label and within the header block.
 */
function valueBelow(sheet: SheetView, row: number, col: number, lastRow: number): Cell | null {
  const merge = sheet.mergeAt(row, col);
  const left = merge ? merge.left : col;
  const right = merge ? merge.right : col;
  for (let r = (merge ? merge.bottom : row) + 1; r <= lastRow; r++) {
    for (let c = left; c <= right; c++) {
      if (sheet.isEmpty(r, c)) continue;
      const anchor = sheet.anchorOf(r, c);
      const norm = normalizeText(sheet.text(r, c));
      if (matchNormalizedLabel(norm) || UNIT_LINE_PATTERN.test(norm) || TITLE_PATTERN.test(norm)) return null;
      return cellAt(sheet, anchor.row, anchor.col);
    }
  }
  return null;
}

export function emptyHeaderBlock(): HeaderBlock {
  return {
    present: false,
    title: null,
    unitLine: null,
    amountUnit: "万元",
    projectCode: null,
    projectName: null,
    budget: null,
    fiscalFunds: null,
    otherFunds: null,
    purpose: null,
    spendingPlan: null,
    goals: null,
    mentionsDepartment: false,
    titleYear: null,
  };
}

/** Reads the header block in rows [fromRow, toRow] and columns [0, right]. */
export function parseHeaderBlock(sheet: SheetView, fromRow: number, toRow: number, right: number): HeaderBlock {
  const header = emptyHeaderBlock();
  let budgetYearly = false;
  let goalsMidTerm = false;
  let anything = false;
  for (let r = fromRow; r <= toRow; r++) {
    for (let c = 0; c <= right; c++) {
      if (!sheet.isAnchor(r, c)) continue;
      const text = sheet.text(r, c);
      if (text === "") continue;
      const norm = normalizeText(text);
      if (TITLE_PATTERN.test(norm) && !header.title) {
        header.title = cellAt(sheet, r, c);
        if (norm.includes("部门") && !norm.includes("项目")) header.mentionsDepartment = true;
        const year = TITLE_YEAR.exec(norm);
        if (year) header.titleYear = Number(year[1]);
        anything = true;
        continue;
      }
      const unit = UNIT_LINE_PATTERN.exec(norm);
      if (unit) {
        header.amountUnit = unit[1] === "元" ? "元" : "万元";
        for (let b = c - 1; b >= 0; b--) {
          if (!sheet.isEmpty(r, b)) {
            const a = sheet.anchorOf(r, b);
            header.unitLine = cellAt(sheet, a.row, a.col);
            break;
          }
        }
        anything = true;
        continue;
      }
      if (DEPARTMENT_LABELS.includes(norm.replace(TRAILING_COLON, ""))) {
        header.mentionsDepartment = true;
        anything = true;
        continue;
      }
      if (norm === BUDGET_AND_PURPOSE) {
        anything = true;
        header.purpose ??= purposeUnder(sheet, r, c, right);
        continue;
      }
      const label = matchNormalizedLabel(norm);
      if (!label) continue;
      anything = true;
      const labelCell = cellAt(sheet, r, c);
      if (label.field === "spendingPlan") {
        header.spendingPlan ??= {
          label: labelCell,
          percentLabel: label.percent || /%/.test(norm),
          checkpoints: findCheckpoints(sheet, r, c, right, toRow),
        };
        continue;
      }
      const value =
        valueRightOf(sheet, r, c, right) ?? (opensDownward(sheet, r, c, right) ? valueBelow(sheet, r, c, toRow) : null);
      if (label.field === "purpose") {
        header.purpose ??= value;
        continue;
      }
      const labeled: Labeled = { label: labelCell, value };
      if (label.field === "budget") {
        // Prefer the year's own budget (当年/年度) over a total when both are given.
        if (!header.budget || (!budgetYearly && label.yearly && value)) {
          header.budget = labeled;
          budgetYearly = label.yearly;
        }
        continue;
      }
      if (label.field === "goals") {
        // An annual goal wins over a mid-term one (中期目标, 实施期目标), whichever comes first.
        const midTerm = MID_TERM_GOALS.test(label.core);
        // A heading over other headings (总体目标 | 年度目标 over the text) yields to one that has the text.
        const better = value !== null && (header.goals?.value == null || (goalsMidTerm && !midTerm));
        if (header.goals === null || better) {
          header.goals = labeled;
          goalsMidTerm = midTerm;
        }
        continue;
      }
      if (header[label.field] === null) header[label.field] = labeled;
    }
  }
  header.present = anything;
  return header;
}

/** The purpose text: the first filled cell right of the 预算规模及资金用途 label on the rows below its first row. */
function purposeUnder(sheet: SheetView, row: number, col: number, right: number): Cell | null {
  const merge = sheet.mergeAt(row, col);
  const lastRow = merge && merge.bottom > row ? merge.bottom : row + 1;
  for (let r = row + 1; r <= Math.min(lastRow, sheet.rowCount - 1); r++) {
    for (let c = col + 1; c <= right; c++) {
      const a = sheet.anchorOf(r, c);
      if (a.row !== r || a.col !== c || sheet.isEmpty(r, c)) continue;
      if (matchLabel(sheet.text(r, c))) return null;
      return cellAt(sheet, r, c);
    }
  }
  return null;
}

/** Checkpoint labels (3月底 …) on the plan label's rows, each with the value cell beneath it. */
function findCheckpoints(sheet: SheetView, row: number, col: number, right: number, lastRow: number): Checkpoint[] {
  const merge = sheet.mergeAt(row, col);
  const rows = merge && merge.bottom > row ? [row, merge.bottom - 1] : [row, row];
  for (let r = rows[0]; r <= Math.min(rows[1] + 1, lastRow); r++) {
    const checkpoints: Checkpoint[] = [];
    for (let c = col + 1; c <= right; c++) {
      const a = sheet.anchorOf(r, c);
      if (a.row !== r || a.col !== c) continue;
      if (!CHECKPOINT.test(normalizeText(sheet.text(r, c)))) continue;
      const labelMerge = sheet.mergeAt(r, c);
      const valueRow = (labelMerge ? labelMerge.bottom : r) + 1;
      if (valueRow > sheet.rowCount - 1) continue;
      const v = sheet.anchorOf(valueRow, c);
      checkpoints.push({ label: cellAt(sheet, r, c), value: cellAt(sheet, v.row, v.col) });
    }
    if (checkpoints.length > 0) return checkpoints;
  }
  return [];
}
