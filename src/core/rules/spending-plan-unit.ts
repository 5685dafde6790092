import { appliesToProject } from "./project";
import { tableRule } from "./rule";
import { formatPercent, readSpendingPlan } from "./spending-plan";

export const spendingPlanUnit = tableRule({
  meta: {
    id: "spending-plan-unit",
    severity: "warning",
    description:
      "A spending plan labelled in percent (%) that holds amounts; the message gives the percentages of the budget, and the fix writes them.",
    messages: {
      amountsAsPercent: {
        zh: "资金支出计划标注为百分比（%），但填的是金额。按预算数换算应为：{percentages}。",
        en: "The spending plan is labelled in percent (%) but holds amounts. As percentages of the budget: {percentages}.",
      },
      amountsNoBudget: {
        zh: "资金支出计划标注为百分比（%），但填的是金额。请改填累计支出占预算的百分比。",
        en: "The spending plan is labelled in percent (%) but holds amounts. Enter cumulative percentages of the budget.",
      },
    },
    examples: {
      bad: {
        cells: ["预算数: 50.00", "资金支出计划（%） › 3月底: 12.5", "6月底: 25", "10月底: 37.5", "12月底: 50"],
        note: "The plan is headed %, but 50 by December is the budget in 万元, not a percentage.",
      },
      good: {
        cells: ["预算数: 50.00", "资金支出计划（%） › 3月底: 25%", "6月底: 50%", "10月底: 75%", "12月底: 100%"],
        note: "The figures are the percentages the heading promises.",
      },
    },
  },
  check({ table, report }) {
    if (!appliesToProject(table)) return;
    const plan = readSpendingPlan(table);
    if (!plan || !plan.mislabeled) return;
    const first = plan.points.find((p) => p.figure !== null)!;
    const total = plan.budget ?? plan.points.reduce((max, p) => Math.max(max, p.figure ?? 0), 0);
    const cell = first.checkpoint.value;
    if (total > 0) {
      const percentages = plan.points.map((p) => (p.figure === null ? "—" : formatPercent((p.figure / total) * 100)));
      report({
        row: cell.row,
        col: cell.col,
        messageId: "amountsAsPercent",
        data: { percentages: { zh: percentages.join("、"), en: percentages.join(", ") } },
        // The percentages, one per filled checkpoint, written together when the user applies the fix.
        fixes: plan.points.flatMap((p) =>
          p.figure === null
            ? []
            : [
                {
                  row: p.checkpoint.value.row,
                  col: p.checkpoint.value.col,
                  value: formatPercent((p.figure / total) * 100),
                },
              ],
        ),
      });
    } else report({ row: cell.row, col: cell.col, messageId: "amountsNoBudget" });
  },
});
