import { tableRule } from "./rule";
import { quoted } from "./shared";

export const level2Unknown = tableRule({
  meta: {
    id: "level2-unknown",
    severity: "warning",
    description:
      "A level-2 name that neither framework has, even after notes and known local names are set aside; its rows are still checked (by a dimension's rules when the name contains 数量, 质量, 时效, 成本 or 满意).",
    messages: {
      unknownLevel2: {
        zh: "二级指标{level2}不是规定的名称，如“数量指标”“质量指标”“时效指标”“社会效益指标”“服务对象满意度指标”。",
        en: "Level-2 indicator {level2} is not a standard name such as 数量指标, 质量指标, 时效指标, 社会效益指标 or 服务对象满意度指标.",
      },
    },
    examples: {
      bad: {
        cells: ["效益指标 › 二级指标: 社会影响指标"],
        note: "Not one of the level-2 names of the indicator framework.",
      },
      good: { cells: ["效益指标 › 二级指标: 社会效益指标"], note: "A standard level-2 name." },
    },
  },
  check({ table, report }) {
    const seen = new Set<string>();
    for (const row of table.rows) {
      const level2 = row.level2;
      if (!level2 || (level2.name !== null && !level2.assumed) || row.placeholder) continue;
      const key = `${level2.cell.row}:${level2.cell.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        row: level2.cell.row,
        col: level2.cell.col,
        messageId: "unknownLevel2",
        data: { level2: quoted(level2.text) },
      });
    }
  },
});
