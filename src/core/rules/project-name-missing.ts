import type { Rule } from "./rule";
import { appliesToProject, labelAnchor } from "./project";

export const projectNameMissing: Rule = {
  meta: { id: "project-name-missing", severity: "error", description: "A project table without a project name." },
  scope: "table",
  check({ table, report }) {
    if (!appliesToProject(table) || table.header.projectName?.value) return;
    report({
      ...labelAnchor(table, table.header.projectName),
      message: "没有填写项目名称。请在“项目名称”右侧填写与预算一致的项目全称。",
      messageEn:
        "The project name is missing. Enter the project's full name, as in the budget, to the right of 项目名称.",
    });
  },
};
