import { isPlaceholderText } from "../values";
import { appliesToProject, PROJECT_CODE, projectCodeText } from "./project";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const projectCodeFormat = tableRule({
  meta: {
    id: "project-code-format",
    severity: "error",
    description:
      "A project code that is not 21 characters: 6-digit region code, 2-digit year, a type letter and 12 characters.",
    messages: {
      malformed: {
        zh: "项目编码{code}格式不对（{length}位）。应为21位：6位区划码＋2位年度＋1位类别字母＋12位编号，如“13052923P00584011444Y”。",
        en: "The project code {code} is malformed ({length} characters). Expected 21: 6-digit region, 2-digit year, a type letter and 12 characters, e.g. 13052923P00584011444Y.",
      },
    },
    examples: {
      bad: { cells: ["项目编码: 1305292400584011444"], note: "19 characters, and no type letter after the year." },
      good: { cells: ["项目编码: 13052924P00584011444Y"], note: "Region 130529, year 24, type P, then 12 characters." },
    },
  },
  check({ table, report }) {
    const cell = table.header.projectCode?.value;
    if (!appliesToProject(table) || !cell || isPlaceholderText(cell.text)) return;
    const code = projectCodeText(cell.text);
    if (PROJECT_CODE.test(code)) return;
    report({
      row: cell.row,
      col: cell.col,
      messageId: "malformed",
      data: { code: quoted(cell.text), length: code.length },
    });
  },
});
