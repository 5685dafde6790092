import { isPlaceholderText } from "../values";
import type { Rule } from "./rule";
import { appliesToProject, PROJECT_CODE, projectCodeText } from "./project";
import { quote } from "./shared";

export const projectCodeFormat: Rule = {
  meta: {
    id: "project-code-format",
    severity: "error",
    description: "The project code is not 6-digit region + 2-digit year + type letter + 12 characters.",
  },
  scope: "table",
  check({ table, report }) {
    const cell = table.header.projectCode?.value;
    if (!appliesToProject(table) || !cell || isPlaceholderText(cell.text)) return;
    const code = projectCodeText(cell.text);
    if (PROJECT_CODE.test(code)) return;
    report({
      row: cell.row,
      col: cell.col,
      message: `项目编码${quote(cell.text)}格式不对（${code.length}位）。应为21位：6位区划码＋2位年度＋1位类别字母＋12位编号，如“13052923P00584011444Y”。`,
      messageEn: `The project code ${quote(cell.text, true)} is malformed (${code.length} characters). Expected 21: 6-digit region, 2-digit year, a type letter and 12 characters, e.g. 13052923P00584011444Y.`,
    });
  },
};
