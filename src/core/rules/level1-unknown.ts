import type { Rule } from "./rule";
import { quote } from "./shared";

export const level1Unknown: Rule = {
  meta: { id: "level1-unknown", severity: "error", description: "A level-1 name that neither framework has." },
  scope: "table",
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
        message: `一级指标${quote(level1.text)}不是规定的名称。应为“产出指标”“效益指标”“满意度指标”（2021 版另有“成本指标”）。`,
        messageEn: `Level-1 indicator ${quote(level1.text, true)} is not a standard name. Use 产出指标, 效益指标 or 满意度指标 (and 成本指标 in the 2021 framework).`,
      });
    }
  },
};
