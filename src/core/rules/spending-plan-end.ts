import type { Rule } from "./rule";
import { appliesToProject } from "./project";
import { readSpendingPlan } from "./spending-plan";
import { quote } from "./shared";

export const spendingPlanEnd: Rule = {
  meta: {
    id: "spending-plan-end",
    severity: "warning",
    description: "The last checkpoint is not 100% (percent plan) or not the budget (amount plan).",
  },
  scope: "table",
  check({ table, report }) {
    if (!appliesToProject(table)) return;
    const plan = readSpendingPlan(table);
    if (!plan) return;
    const last = plan.points[plan.points.length - 1];
    const cell = last.checkpoint.value;
    if (plan.percent) {
      if (last.figure !== null && Math.abs(last.figure - 100) <= 0.01) return;
      report({
        row: cell.row,
        col: cell.col,
        message: `资金支出计划到${quote(last.checkpoint.label.text)}应累计达到100%，现为${quote(cell.text || "空")}。`,
        messageEn: `By ${quote(last.checkpoint.label.text, true)} the cumulative plan should reach 100%; it is ${quote(cell.text || "empty", true)}.`,
      });
    } else {
      if (plan.budget === null) return;
      if (last.figure !== null && Math.abs(last.figure - plan.budget) <= 0.005) return;
      report({
        row: cell.row,
        col: cell.col,
        message: `资金支出计划到${quote(last.checkpoint.label.text)}应累计等于预算数 ${plan.budget}，现为${quote(cell.text || "空")}。`,
        messageEn: `By ${quote(last.checkpoint.label.text, true)} the cumulative plan should equal the budget ${plan.budget}; it is ${quote(cell.text || "empty", true)}.`,
      });
    }
  },
};
