import { parseAmount } from "../values";
import { appliesToProject, inputAnchor } from "./project";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const budgetMissing = tableRule({
  meta: {
    id: "budget-missing",
    severity: "error",
    description: "A project table whose budget (预算数) is empty or not an amount.",
    messages: {
      notAmount: {
        zh: "预算数{budget}不是金额。请填写数字，单位为{unit}，如“183.60”。",
        en: "The budget {budget} is not an amount. Enter a number in {unit}, e.g. 183.60.",
      },
      noBudget: {
        zh: "没有填写预算数。请填写本项目的年度预算金额（{unit}）。",
        en: "The budget amount is missing. Enter the project's annual budget ({unit}).",
      },
    },
    examples: {
      bad: {
        cells: ["预算数: 待批复"],
        note: "The budget must be a figure; the other amounts are checked against it.",
      },
      good: { cells: ["预算数: 50.00"], note: "An amount in the table's unit (万元)." },
    },
  },
  check({ table, sheet, report }) {
    if (!appliesToProject(table)) return;
    const budget = table.header.budget;
    const cell = budget?.value;
    if (cell && parseAmount(cell.value, cell.text)) return;
    const unit = table.header.amountUnit;
    report({
      ...inputAnchor(table, sheet, budget),
      messageId: cell ? "notAmount" : "noBudget",
      data: cell ? { budget: quoted(cell.text), unit } : { unit },
    });
  },
});
