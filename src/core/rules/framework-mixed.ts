import { tableRule } from "./rule";

export const frameworkMixed = tableRule({
  meta: {
    id: "framework-mixed",
    severity: "warning",
    description:
      "A table that uses 成本指标 both as a level 1 (2021 framework) and as a level 2 under 产出指标 (legacy framework).",
    messages: {
      mixed: {
        zh: "本表既把“成本指标”作为一级指标，又把它放在“产出指标”下作为二级指标，混用了新旧两版指标体系。请只保留一种：2021 版中成本指标为一级指标。",
        en: "This table uses 成本指标 both as a level 1 and as a level 2 under 产出指标, mixing the two frameworks. Keep one: in the 2021 framework 成本指标 is a level 1.",
      },
    },
    examples: {
      bad: {
        cells: [
          "产出指标 › 成本指标 › 会议费成本 › 指标值: ≤50万元",
          "成本指标 › 经济成本指标 › 办公用品成本 › 指标值: ≤2万元",
        ],
        note: "Costs appear twice, once in each framework's place.",
      },
      good: {
        cells: [
          "成本指标 › 经济成本指标 › 会议费成本 › 指标值: ≤50万元",
          "成本指标 › 经济成本指标 › 办公用品成本 › 指标值: ≤2万元",
        ],
        note: "All costs sit under the level-1 成本指标, as the 2021 framework has them.",
      },
    },
  },
  check({ table, report }) {
    if (!table.rows.some((row) => row.level1?.name === "成本指标" && !row.placeholder)) return;
    const seen = new Set<string>();
    for (const row of table.rows) {
      if (row.level1?.name !== "产出指标" || row.level2?.name !== "成本指标") continue;
      const cell = row.level2.cell;
      const key = `${cell.row}:${cell.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({ row: cell.row, col: cell.col, messageId: "mixed" });
    }
  },
});
