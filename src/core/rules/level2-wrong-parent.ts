import { FRAMEWORKS, parentsOf } from "../framework";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const level2WrongParent = tableRule({
  meta: {
    id: "level2-wrong-parent",
    severity: "error",
    description: "A known level-2 name under a level 1 it does not belong to in the table's framework.",
    messages: {
      belongsElsewhere: {
        zh: "二级指标{level2}不属于一级指标{level1}，应放在{parents}下。“{level1Name}”下可用：{choices}。",
        en: "Level-2 indicator {level2} does not belong under {level1}: it belongs under {parents}.",
      },
      belongsElsewhereNoChoices: {
        zh: "二级指标{level2}不属于一级指标{level1}，应放在{parents}下。",
        en: "Level-2 indicator {level2} does not belong under {level1}: it belongs under {parents}.",
      },
      notInFramework: {
        zh: "二级指标{level2}不属于一级指标{level1}，{framework}指标体系中没有此二级指标。“{level1Name}”下可用：{choices}。",
        en: "Level-2 indicator {level2} does not belong under {level1}: the {framework} framework has no such level 2.",
      },
      notInFrameworkNoChoices: {
        zh: "二级指标{level2}不属于一级指标{level1}，{framework}指标体系中没有此二级指标。",
        en: "Level-2 indicator {level2} does not belong under {level1}: the {framework} framework has no such level 2.",
      },
    },
    examples: {
      bad: {
        cells: ["满意度指标 › 社会效益指标 › 参会委员满意度 › 指标值: ≥90%"],
        note: "社会效益指标 is a level 2 of 效益指标, not of 满意度指标.",
      },
      good: {
        cells: ["满意度指标 › 服务对象满意度指标 › 参会委员满意度 › 指标值: ≥90%"],
        note: "The level 2 belongs to its level 1.",
      },
    },
  },
  check({ table, report }) {
    const seen = new Set<string>();
    const costIsLevel1 = table.rows.some((row) => row.level1?.name === "成本指标" && !row.placeholder);
    const framework = table.framework === "2021" ? { zh: "2021 版", en: "2021" } : { zh: "原版", en: "legacy" };
    for (const row of table.rows) {
      const { level1, level2 } = row;
      if (!level1?.name || !level2?.name || level2.assumed || row.placeholder) continue;
      const parents = parentsOf(level2.name, table.framework);
      if (parents.includes(level1.name as (typeof parents)[number])) continue;
      // 成本指标 under 产出 beside a level-1 成本指标 is framework-mixed, reported there.
      if (costIsLevel1 && level2.name === "成本指标" && level1.name === "产出指标") continue;
      const key = `${level2.cell.row}:${level2.cell.col}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const children =
        FRAMEWORKS[table.framework].level2[level1.name as keyof (typeof FRAMEWORKS)["legacy"]["level2"]] ?? [];
      report({
        row: level2.cell.row,
        col: level2.cell.col,
        messageId:
          parents.length > 0
            ? children.length > 0
              ? "belongsElsewhere"
              : "belongsElsewhereNoChoices"
            : children.length > 0
              ? "notInFramework"
              : "notInFrameworkNoChoices",
        data: {
          level2: quoted(level2.text),
          level1: quoted(level1.text),
          level1Name: level1.name,
          parents: { zh: `“${parents.join("”或“")}”`, en: parents.join(" or ") },
          framework,
          choices: children.join("、"),
        },
      });
    }
  },
});
