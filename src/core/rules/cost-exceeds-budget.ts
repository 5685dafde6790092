import { parseAmount } from "../values";
import { tableRule } from "./rule";
import { isCostRow, namedRows, quoted, readableValue } from "./shared";

/** A money amount in 万元. */
function inWan(amount: number, unit: "万元" | "元"): number {
  return unit === "元" ? amount / 10000 : amount;
}

export const costExceedsBudget = tableRule({
  meta: {
    id: "cost-exceeds-budget",
    severity: "error",
    description: "A cost indicator whose value is a sum of money (万元 or 元) larger than the project budget.",
    messages: {
      costOverBudget: {
        zh: "成本指标值{value}超过了项目预算数{budget}（{unit}）。成本不应超过预算，请核对。",
        en: "The cost value {value} exceeds the project budget {budget} ({unit}). Check the figures.",
      },
    },
    examples: {
      bad: {
        cells: ["预算数: 50.00", "成本指标 › 会议费成本 › 指标值: ≤60万元"],
        note: "The meeting costs alone would exceed the whole budget of 50 万元.",
      },
      good: {
        cells: ["预算数: 50.00", "成本指标 › 会议费成本 › 指标值: ≤50万元"],
        note: "The cost stays within the budget.",
      },
    },
  },
  check({ table, report }) {
    // A self-evaluation's amounts are spending, not the budget the targets were set against.
    if (table.kind === "self-evaluation") return;
    const budgetCell = table.header.budget?.value;
    if (!budgetCell) return;
    const budget = parseAmount(budgetCell.value, budgetCell.text);
    if (!budget || budget.amount <= 0) return;
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
        messageId: "costOverBudget",
        data: { value: quoted(row.valueText), budget: quoted(budgetCell.text), unit: table.header.amountUnit },
      });
    }
  },
});
