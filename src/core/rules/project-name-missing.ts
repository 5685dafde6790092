import { appliesToProject, inputAnchor } from "./project";
import { tableRule } from "./rule";

export const projectNameMissing = tableRule({
  meta: {
    id: "project-name-missing",
    severity: "error",
    description: "A project table with no project name (项目名称).",
    messages: {
      noName: {
        zh: "没有填写项目名称。请在“项目名称”右侧填写与预算一致的项目全称。",
        en: "The project name is missing. Enter the project's full name, as in the budget, to the right of 项目名称.",
      },
    },
    examples: {
      bad: { cells: ["项目名称: （空）"], note: "Nothing says which project the targets are for." },
      good: { cells: ["项目名称: 会议保障经费"], note: "The project's name as in the budget." },
    },
  },
  check({ table, sheet, report }) {
    if (!appliesToProject(table) || table.header.projectName?.value) return;
    report({ ...inputAnchor(table, sheet, table.header.projectName), messageId: "noName" });
  },
});
