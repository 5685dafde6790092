import { parseAmount, roundTo } from "../values";
import type { Rule } from "./rule";
import { appliesToProject } from "./project";
import { quote } from "./shared";

export const budgetSourcesMismatch: Rule = {
  meta: {
    id: "budget-sources-mismatch",
    severity: "error",
    description: "Fiscal plus other funds differ from the budget.",
  },
  scope: "table",
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
      message: `预算数${quote(budget.value.text)}与资金来源合计不符：财政资金 ${fiscal.amount} ＋ 其他资金 ${other?.amount ?? 0} ＝ ${roundTo(sum, 4)}。请核对。`,
      messageEn: `The budget ${quote(budget.value.text, true)} does not equal its sources: fiscal ${fiscal.amount} + other ${other?.amount ?? 0} = ${roundTo(sum, 4)}.`,
    });
  },
};
