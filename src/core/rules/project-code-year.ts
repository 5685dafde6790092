import { appliesToProject, PROJECT_CODE, projectCodeText } from "./project";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const projectCodeYear = tableRule({
  meta: {
    id: "project-code-year",
    severity: "warning",
    description:
      "A well-formed project code whose year (characters 7 and 8) differs from the budget year, when that year is known.",
    messages: {
      wrongYear: {
        zh: "项目编码{code}中的年度为“{codeYear}”，与预算年度 {year} 年不一致。请核对是否沿用了往年的编码。",
        en: "The project code {code} carries year {codeYear}, not the budget year {year}. Check whether an old code was reused.",
      },
    },
    examples: {
      bad: {
        cells: ["标题: 2024年会议保障经费绩效目标表", "项目编码: 13052923P00584011444Y"],
        note: "A 2023 code on a 2024 table: probably copied from last year's form.",
      },
      good: {
        cells: ["标题: 2024年会议保障经费绩效目标表", "项目编码: 13052924P00584011444Y"],
        note: "The code's year 24 matches the budget year.",
      },
    },
  },
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
      messageId: "wrongYear",
      data: { code: quoted(cell.text), codeYear: code.slice(6, 8), year },
    });
  },
});
