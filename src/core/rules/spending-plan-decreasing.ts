import { appliesToProject } from "./project";
import { tableRule } from "./rule";
import { quoted } from "./shared";
import { readSpendingPlan } from "./spending-plan";

export const spendingPlanDecreasing = tableRule({
  meta: {
    id: "spending-plan-decreasing",
    severity: "error",
    description: "A cumulative spending plan (资金支出计划) whose figure falls from one checkpoint to the next.",
    messages: {
      decreases: {
        zh: "资金支出计划是累计数，{checkpoint}的{value}小于{previous}的数，不应减少。请填写截至该时点的累计支出。",
        en: "The spending plan is cumulative, but {checkpoint} ({value}) is lower than {previous}. Enter the cumulative amount to date.",
      },
    },
    examples: {
      bad: {
        cells: ["资金支出计划（%） › 3月底: 25%", "6月底: 50%", "10月底: 30%", "12月底: 100%"],
        note: "Spending to date cannot fall: 30% by October looks like that period's spending alone.",
      },
      good: {
        cells: ["资金支出计划（%） › 3月底: 25%", "6月底: 50%", "10月底: 75%", "12月底: 100%"],
        note: "Each checkpoint gives the total spent so far.",
      },
    },
  },
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
          messageId: "decreases",
          data: {
            checkpoint: quoted(point.checkpoint.label.text),
            value: quoted(cell.text),
            previous: quoted(previous.label),
          },
        });
        return;
      }
      previous = { figure: point.figure, label: point.checkpoint.label.text };
    }
  },
});
