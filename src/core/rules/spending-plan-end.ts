import type { Cell } from "../model";
import type { Message } from "./messages";
import { appliesToProject } from "./project";
import { tableRule } from "./rule";
import { quoted } from "./shared";
import { readSpendingPlan } from "./spending-plan";

/** The last checkpoint's text, quoted; an empty one shows as “空” / "empty". */
function shown(cell: Cell): Message {
  return cell.text === "" ? { zh: "“空”", en: '"empty"' } : quoted(cell.text);
}

export const spendingPlanEnd = tableRule({
  meta: {
    id: "spending-plan-end",
    severity: "warning",
    description:
      "A spending plan whose last checkpoint is not 100% (a percent plan) or not the budget (a plan in amounts).",
    messages: {
      notHundredPercent: {
        zh: "资金支出计划到{checkpoint}应累计达到100%，现为{value}。",
        en: "By {checkpoint} the cumulative plan should reach 100%; it is {value}.",
      },
      notBudget: {
        zh: "资金支出计划到{checkpoint}应累计等于预算数 {budget}，现为{value}。",
        en: "By {checkpoint} the cumulative plan should equal the budget {budget}; it is {value}.",
      },
    },
    examples: {
      bad: {
        cells: ["资金支出计划（%） › 3月底: 25%", "6月底: 50%", "10月底: 75%", "12月底: 90%"],
        note: "A tenth of the budget is planned never to be spent.",
      },
      good: {
        cells: ["资金支出计划（%） › 3月底: 25%", "6月底: 50%", "10月底: 75%", "12月底: 100%"],
        note: "The whole budget is spent by year end.",
      },
    },
  },
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
        messageId: "notHundredPercent",
        data: { checkpoint: quoted(last.checkpoint.label.text), value: shown(cell) },
      });
    } else {
      if (plan.budget === null) return;
      if (last.figure !== null && Math.abs(last.figure - plan.budget) <= 0.005) return;
      report({
        row: cell.row,
        col: cell.col,
        messageId: "notBudget",
        data: { checkpoint: quoted(last.checkpoint.label.text), budget: plan.budget, value: shown(cell) },
      });
    }
  },
});
