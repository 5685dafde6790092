import { tableRule } from "./rule";
import { quoted } from "./shared";

export const level1Unknown = tableRule({
  meta: {
    id: "level1-unknown",
    severity: "warning",
    description:
      "A level-1 name that neither framework has, even after notes and known local names are set aside; its rows are still checked.",
    messages: {
      unknownLevel1: {
        zh: "一级指标{level1}不是规定的名称。应为“产出指标”“效益指标”“满意度指标”（2021 版另有“成本指标”）。",
        en: "Level-1 indicator {level1} is not a standard name. Use 产出指标, 效益指标 or 满意度指标 (and 成本指标 in the 2021 framework).",
      },
    },
    examples: {
      bad: { cells: ["一级指标: 工作指标"], note: "Not one of the level-1 names of the indicator framework." },
      good: { cells: ["一级指标: 产出指标"], note: "A standard level-1 name." },
    },
  },
  check({ table, report }) {
    const seen = new Set<string>();
    for (const row of table.rows) {
      const level1 = row.level1;
      if (!level1 || level1.name !== null || row.placeholder) continue;
      const key = `${level1.cell.row}:${level1.cell.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        row: level1.cell.row,
        col: level1.cell.col,
        messageId: "unknownLevel1",
        data: { level1: quoted(level1.text) },
      });
    }
  },
});
