import { appliesToProject, inputAnchor, labelAnchor } from "./project";
import { tableRule } from "./rule";

export const projectCodeMissing = tableRule({
  meta: {
    id: "project-code-missing",
    severity: "warning",
    description: "A project table with no project code (项目编码).",
    messages: {
      noCode: {
        zh: "没有填写项目编码。请填写预算系统中的项目编码，如“13052923P00584011444Y”。",
        en: "The project code is missing. Enter the code from the budget system, e.g. 13052923P00584011444Y.",
      },
    },
    examples: {
      bad: { cells: ["项目编码: （空）"], note: "Without its code the table cannot be matched to the budget system." },
      good: { cells: ["项目编码: 13052924P00584011444Y"], note: "The code from the budget system." },
    },
  },
  check({ table, sheet, report }) {
    if (!appliesToProject(table) || table.header.projectCode?.value) return;
    // No code label at all: the project's name label is where the user looks for its code.
    const code = table.header.projectCode;
    report({
      ...(code ? inputAnchor(table, sheet, code) : labelAnchor(table, table.header.projectName)),
      messageId: "noCode",
    });
  },
});
