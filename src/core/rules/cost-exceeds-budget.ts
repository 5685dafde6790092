import { parseAmount } from "../values";
import type { Rule } from "./rule";
import { isCostRow, namedRows, quote, readableValue } from "./shared";

/** A money amount in 万元. */
function inWan(amount: number, unit: "万元" | "元"): number {
  return unit === "元" ? amount / 10000 : amount;
}

export const costExceedsBudget: Rule = {
  meta: {
    id: "cost-exceeds-budget",
    severity: "error",
    description: "A money-valued cost indicator exceeds the budget.",
  },
  scope: "table",
  check({ table, report }) {
    const budgetCell = table.header.budget?.value;
    if (!budgetCell) return;
    const budget = parseAmount(budgetCell.value, budgetCell.text);
    if (!budget) return;
    const budgetWan = inWan(budget.amount, budget.unit ?? table.header.amountUnit);
    for (const row of namedRows(table)) {
      if (!readableValue(row) || !isCostRow(row, table) || row.parsed.kind !== "quantity") continue;
      const unit = row.parsed.unit;
      if (unit !== "万元" && unit !== "元") continue; // per-unit costs (万元/人) and non-money values are not compared
      const costWan = inWan(row.parsed.amount, unit);
      if (costWan <= budgetWan + 0.005) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        message: `成本指标值${quote(row.value.text)}超过了项目预算数${quote(budgetCell.text)}（${table.header.amountUnit}）。成本不应超过预算，请核对。`,
        messageEn: `The cost value ${quote(row.value.text, true)} exceeds the project budget ${quote(budgetCell.text, true)} (${table.header.amountUnit}). Check the figures.`,
      });
    }
  },
};
