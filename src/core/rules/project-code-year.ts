import type { Rule } from "./rule";
import { appliesToProject, PROJECT_CODE, projectCodeText } from "./project";
import { quote } from "./shared";

export const projectCodeYear: Rule = {
  meta: {
    id: "project-code-year",
    severity: "warning",
    description: "The project code's year differs from the budget year.",
  },
  scope: "table",
  check({ table, year, report }) {
    const cell = table.header.projectCode?.value;
    if (!appliesToProject(table) || !cell || year === null) return;
    const code = projectCodeText(cell.text);
    if (!PROJECT_CODE.test(code)) return;
    const codeYear = Number(code.slice(6, 8));
    if (codeYear === year % 100) return;
    report({
      row: cell.row,
      col: cell.col,
      message: `项目编码${quote(cell.text)}中的年度为“${code.slice(6, 8)}”，与预算年度 ${year} 年不一致。请核对是否沿用了往年的编码。`,
      messageEn: `The project code ${quote(cell.text, true)} carries year ${code.slice(6, 8)}, not the budget year ${year}. Check whether an old code was reused.`,
    });
  },
};
