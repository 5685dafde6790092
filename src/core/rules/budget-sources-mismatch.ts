import { parseAmount, roundTo } from "../values";
import { appliesToProject } from "./project";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const budgetSourcesMismatch = tableRule({
  meta: {
    id: "budget-sources-mismatch",
    severity: "error",
    description: "The budget differs from the sum of its sources: fiscal funds (财政资金) plus other funds (其他资金).",
    messages: {
      sourcesDiffer: {
        zh: "预算数{budget}与资金来源合计不符：财政资金 {fiscal} ＋ 其他资金 {other} ＝ {sum}。请核对。",
        en: "The budget {budget} does not equal its sources: fiscal {fiscal} + other {other} = {sum}.",
      },
    },
    examples: {
      bad: {
        cells: ["预算数: 50.00", "其中：财政资金: 45.00", "其他资金: 0.00"],
        note: "45 + 0 is not 50: one of the three figures is wrong.",
      },
      good: {
        cells: ["预算数: 50.00", "其中：财政资金: 45.00", "其他资金: 5.00"],
        note: "Fiscal and other funds add up to the budget.",
      },
    },
  },
  check({ table, report }) {
    const { budget, fiscalFunds, otherFunds } = table.header;
    if (!appliesToProject(table) || !budget?.value || !fiscalFunds?.value) return;
    const total = parseAmount(budget.value.value, budget.value.text);
    const fiscal = parseAmount(fiscalFunds.value.value, fiscalFunds.value.text);
    if (!total || !fiscal) return;
    const other = otherFunds?.value ? parseAmount(otherFunds.value.value, otherFunds.value.text) : null;
    const sum = fiscal.amount + (other?.amount ?? 0);
    if (Math.abs(sum - total.amount) <= 0.005) return;
    report({
      row: budget.value.row,
      col: budget.value.col,
      messageId: "sourcesDiffer",
      data: {
        budget: quoted(budget.value.text),
        fiscal: fiscal.amount,
        other: other?.amount ?? 0,
        sum: roundTo(sum, 4),
      },
    });
  },
});
