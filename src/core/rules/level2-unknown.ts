import type { Rule } from "./rule";
import { quote } from "./shared";

export const level2Unknown: Rule = {
  meta: { id: "level2-unknown", severity: "error", description: "A level-2 name that neither framework has." },
  scope: "table",
  check({ table, report }) {
    const seen = new Set<string>();
    for (const row of table.rows) {
      const level2 = row.level2;
      if (!level2 || level2.name !== null || row.placeholder) continue;
      const key = `${level2.cell.row}:${level2.cell.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      report({
        row: level2.cell.row,
        col: level2.cell.col,
        message: `二级指标${quote(level2.text)}不是规定的名称，如“数量指标”“质量指标”“时效指标”“社会效益指标”“服务对象满意度指标”。`,
        messageEn: `Level-2 indicator ${quote(level2.text, true)} is not a standard name such as 数量指标, 质量指标, 时效指标, 社会效益指标 or 服务对象满意度指标.`,
      });
    }
  },
};
