import type { Rule } from "./rule";
import { appliesToProject, labelAnchor } from "./project";

export const projectCodeMissing: Rule = {
  meta: { id: "project-code-missing", severity: "warning", description: "A project table with no project code." },
  scope: "table",
  check({ table, report }) {
    if (!appliesToProject(table) || table.header.projectCode?.value) return;
    report({
      ...labelAnchor(table, table.header.projectCode),
      message: "没有填写项目编码。请填写预算系统中的项目编码，如“13052923P00584011444Y”。",
      messageEn: "The project code is missing. Enter the code from the budget system, e.g. 13052923P00584011444Y.",
    });
  },
};
