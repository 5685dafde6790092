import type { ParsedTable } from "../model";
import type { SheetView } from "../sheet";
import { inputAnchor } from "./project";
import { tableRule } from "./rule";

/**
 * True when every cell a user types into is still empty: the header's inputs (project name and code,
 * amounts, purpose, spending plan, goals) and each indicator row's description, value and basis.
 * Level names may be printed (a template of a kind names its indicators); they are the form, not input.
 * In a bare grid (no header block) the indicator names count as input too.
 */
export function isUnfilled(table: ParsedTable): boolean {
  // Without a value column there is no input to be empty: the grid itself is what is wrong.
  if (!table.complete || table.columns.value === null || table.rows.length === 0) return false;
  const header = table.header;
  for (const labeled of [
    header.projectName,
    header.projectCode,
    header.budget,
    header.fiscalFunds,
    header.otherFunds,
    header.goals,
  ]) {
    if (labeled?.value) return false;
  }
  if (header.purpose) return false;
  if (header.spendingPlan?.checkpoints.some((point) => point.value.text.trim() !== "")) return false;
  for (const row of table.rows) {
    if (row.value && row.value.text.trim() !== "") return false;
    if (row.valueText.trim() !== "") return false;
    if (row.description && row.description.text.trim() !== "") return false;
    if (row.basis && row.basis.text.trim() !== "") return false;
    // A bare grid has no header to fill: indicator names typed in are the user's own input.
    if (!header.present && row.level3 && row.level3.text.trim() !== "") return false;
  }
  return true;
}

/** The first cell to type into: the project name's input, else the first value cell, else the table's corner. */
function firstInput(table: ParsedTable, sheet: SheetView): { row: number; col: number } {
  if (table.header.projectName) return inputAnchor(table, sheet, table.header.projectName);
  const first = table.rows[0];
  if (first && table.columns.value !== null) return sheet.anchorOf(first.row, table.columns.value);
  return { row: table.top, col: table.left };
}

export const tableUnfilled = tableRule({
  meta: {
    id: "table-unfilled",
    severity: "info",
    description:
      "A table whose inputs are all still empty (a template not yet filled in): this one hint, and no other finding for the table.",
    messages: {
      unfilled: {
        zh: "这张绩效目标表还没有填写（项目名称、预算数、绩效目标和指标值都是空的）。填写后再校验。",
        en: "This target table is not filled in yet (project name, budget, goals and values are all empty). Fill it in, then check again.",
      },
    },
    examples: {
      bad: {
        cells: ["项目名称: （空）", "预算数: （空）", "数量指标 › 会议次数 › 指标值: （空）"],
        note: "An inserted template: a form waiting for its content, not a table with a dozen errors.",
      },
      good: {
        cells: ["项目名称: 会议保障经费", "预算数: 50.00", "数量指标 › 会议次数 › 指标值: ≥4次"],
        note: "Once anything is typed in, the table is checked as usual.",
      },
    },
    incompleteTables: true,
  },
  check({ table, sheet, report }) {
    if (!isUnfilled(table)) return;
    report({ ...firstInput(table, sheet), messageId: "unfilled" });
  },
});
