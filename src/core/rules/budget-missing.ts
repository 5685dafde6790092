import { parseAmount } from "../values";
import type { Rule } from "./rule";
import { appliesToProject, labelAnchor } from "./project";
import { quote } from "./shared";

export const budgetMissing: Rule = {
  meta: { id: "budget-missing", severity: "error", description: "No budget amount, or not a number." },
  scope: "table",
  check({ table, report }) {
    if (!appliesToProject(table)) return;
    const budget = table.header.budget;
    const cell = budget?.value;
    if (cell && parseAmount(cell.value, cell.text)) return;
    report({
      ...labelAnchor(table, budget),
      message: cell
        ? `预算数${quote(cell.text)}不是金额。请填写数字，单位为${table.header.amountUnit}，如“183.60”。`
        : `没有填写预算数。请填写本项目的年度预算金额（${table.header.amountUnit}）。`,
      messageEn: cell
        ? `The budget ${quote(cell.text, true)} is not an amount. Enter a number in ${table.header.amountUnit}, e.g. 183.60.`
        : `The budget amount is missing. Enter the project's annual budget (${table.header.amountUnit}).`,
    });
  },
};
