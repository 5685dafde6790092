import { FRAMEWORKS, parentsOf } from "../framework";
import type { Rule } from "./rule";
import { quote } from "./shared";

export const level2WrongParent: Rule = {
  meta: {
    id: "level2-wrong-parent",
    severity: "error",
    description: "A known level 2 under the wrong level 1 for the table's framework.",
  },
  scope: "table",
  check({ table, report }) {
    const seen = new Set<string>();
    const costIsLevel1 = table.rows.some((row) => row.level1?.name === "成本指标" && !row.placeholder);
    for (const row of table.rows) {
      const { level1, level2 } = row;
      if (!level1?.name || !level2?.name || row.placeholder) continue;
      const parents = parentsOf(level2.name, table.framework);
      if (parents.includes(level1.name as (typeof parents)[number])) continue;
      // 成本指标 under 产出 beside a level-1 成本指标 is framework-mixed, reported there.
      if (costIsLevel1 && level2.name === "成本指标" && level1.name === "产出指标") continue;
      const key = `${level2.cell.row}:${level2.cell.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const frameworkName = table.framework === "2021" ? "2021 版" : "原版";
      const right =
        parents.length > 0 ? `应放在“${parents.join("”或“")}”下` : `${frameworkName}指标体系中没有此二级指标`;
      const rightEn =
        parents.length > 0
          ? `it belongs under ${parents.join(" or ")}`
          : `the ${table.framework} framework has no such level 2`;
      const children =
        FRAMEWORKS[table.framework].level2[level1.name as keyof (typeof FRAMEWORKS)["legacy"]["level2"]] ?? [];
      report({
        row: level2.cell.row,
        col: level2.cell.col,
        message: `二级指标${quote(level2.text)}不属于一级指标${quote(level1.text)}，${right}。${children.length ? `“${level1.name}”下可用：${children.join("、")}。` : ""}`,
        messageEn: `Level-2 indicator ${quote(level2.text, true)} does not belong under ${quote(level1.text, true)}: ${rightEn}.`,
      });
    }
  },
};
