import type { Rule } from "./rule";
import { appliesToProject } from "./project";
import { formatPercent, readSpendingPlan } from "./spending-plan";

export const spendingPlanUnit: Rule = {
  meta: {
    id: "spending-plan-unit",
    severity: "warning",
    description: "The plan's label says % but its values are amounts; proposes the percentages.",
  },
  scope: "table",
  check({ table, report }) {
    if (!appliesToProject(table)) return;
    const plan = readSpendingPlan(table);
    if (!plan || !plan.mislabeled) return;
    const first = plan.points.find((p) => p.figure !== null)!;
    const total = plan.budget ?? plan.points.reduce((max, p) => Math.max(max, p.figure ?? 0), 0);
    const proposal =
      total > 0
        ? plan.points.map((p) => (p.figure === null ? "—" : formatPercent((p.figure / total) * 100))).join("、")
        : null;
    const cell = first.checkpoint.value;
    report({
      row: cell.row,
      col: cell.col,
      message: `资金支出计划标注为百分比（%），但填的是金额。${proposal ? `按预算数换算应为：${proposal}。` : "请改填累计支出占预算的百分比。"}`,
      messageEn: `The spending plan is labelled in percent (%) but holds amounts.${proposal ? ` As percentages of the budget: ${proposal.replace(/、/g, ", ")}.` : " Enter cumulative percentages of the budget."}`,
    });
  },
};
