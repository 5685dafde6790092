import type { Rule } from "./rule";
import { appliesToProject } from "./project";
import { readSpendingPlan } from "./spending-plan";
import { quote } from "./shared";

export const spendingPlanDecreasing: Rule = {
  meta: { id: "spending-plan-decreasing", severity: "error", description: "The cumulative spending plan decreases." },
  scope: "table",
  check({ table, report }) {
    if (!appliesToProject(table)) return;
    const plan = readSpendingPlan(table);
    if (!plan) return;
    let previous: { figure: number; label: string } | null = null;
    for (const point of plan.points) {
      if (point.figure === null) continue;
      if (previous && point.figure < previous.figure - 1e-9) {
        const cell = point.checkpoint.value;
        report({
          row: cell.row,
          col: cell.col,
          message: `资金支出计划是累计数，${quote(point.checkpoint.label.text)}的${quote(cell.text)}小于${quote(previous.label)}的数，不应减少。请填写截至该时点的累计支出。`,
          messageEn: `The spending plan is cumulative, but ${quote(point.checkpoint.label.text, true)} (${quote(cell.text, true)}) is lower than ${quote(previous.label, true)}. Enter the cumulative amount to date.`,
        });
        return;
      }
      previous = { figure: point.figure, label: point.checkpoint.label.text };
    }
  },
};
