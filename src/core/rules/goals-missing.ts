import { appliesToProject, inputAnchor } from "./project";
import { tableRule } from "./rule";

export const goalsMissing = tableRule({
  meta: {
    id: "goals-missing",
    severity: "error",
    description: "A project table whose performance goals (绩效目标) are empty or missing.",
    messages: {
      noGoals: {
        zh: "没有填写绩效目标。请用一两句话写明项目年度要达到的产出和效果。",
        en: "The performance goals are missing. State in a sentence or two what the project will deliver and achieve this year.",
      },
    },
    examples: {
      bad: { cells: ["绩效目标: （空）"], note: "The indicators have no stated goal to measure." },
      good: {
        cells: ["绩效目标: 全年召开全体会议2次、常委会会议4次，会议材料准确、经费支付及时。"],
        note: "The goal says what the year will deliver.",
      },
    },
  },
  check({ table, sheet, report }) {
    if (!appliesToProject(table) || table.header.goals?.value) return;
    report({ ...inputAnchor(table, sheet, table.header.goals), messageId: "noGoals" });
  },
});
