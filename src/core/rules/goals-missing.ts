import type { Rule } from "./rule";
import { appliesToProject, labelAnchor } from "./project";

export const goalsMissing: Rule = {
  meta: { id: "goals-missing", severity: "error", description: "No 绩效目标 text." },
  scope: "table",
  check({ table, report }) {
    if (!appliesToProject(table) || table.header.goals?.value) return;
    report({
      ...labelAnchor(table, table.header.goals),
      message: "没有填写绩效目标。请用一两句话写明项目年度要达到的产出和效果。",
      messageEn:
        "The performance goals are missing. State in a sentence or two what the project will deliver and achieve this year.",
    });
  },
};
