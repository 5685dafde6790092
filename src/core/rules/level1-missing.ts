import { FRAMEWORKS, parentsOf } from "../framework";
import { tableRule } from "./rule";
import { filledRows, tableAnchor } from "./shared";

export const level1Missing = tableRule({
  meta: {
    id: "level1-missing",
    severity: "error",
    description: "A level 1 of the table's framework with no filled indicator (an error; a warning for 满意度指标).",
    messages: {
      missingLevel1: {
        zh: "本表没有填写任何“{level1}”。每个项目都应设置此类指标。",
        en: "This table has no filled {level1} indicator. Every project must have indicators of this kind.",
      },
      missingSatisfaction: {
        zh: "本表没有填写任何“满意度指标”。一般应设置服务对象满意度指标，如“满意度 ≥90%”。",
        en: "This table has no filled 满意度指标 indicator. A service-user satisfaction indicator (e.g. ≥90%) is normally expected.",
      },
    },
    examples: {
      bad: {
        cells: ["产出指标 › 数量指标 › 召开会议次数 › 指标值: ≥6次", "效益指标: （空）", "满意度指标: （空）"],
        note: "Only outputs: nothing says what the meetings achieve or whether members are satisfied.",
      },
      good: {
        cells: [
          "产出指标 › 数量指标 › 召开会议次数 › 指标值: ≥6次",
          "效益指标 › 社会效益指标 › 协商建议采纳数 › 指标值: ≥10条",
          "满意度指标 › 服务对象满意度指标 › 参会委员满意度 › 指标值: ≥90%",
        ],
        note: "Every level 1 of the legacy framework has an indicator.",
      },
    },
  },
  check({ table, report }) {
    const rows = filledRows(table);
    // An unknown level 1 may hold what is missing (实施效果指标 over 产出 and 效益): say nothing then.
    if (rows.some((row) => row.level1 !== null && row.level1.name === null)) return;
    // A row whose level-1 cell is blank belongs to the level 1 of its level 2 (数量指标 → 产出指标).
    const present = new Set<string>();
    for (const row of rows) {
      if (row.level1?.name) present.add(row.level1.name);
      else if (!row.level1 && row.level2?.name)
        for (const parent of parentsOf(row.level2.name, table.framework)) present.add(parent);
    }
    // The 2015 form files satisfaction under 效益指标: level2-wrong-parent reports that row, once.
    if (rows.some((row) => row.level2?.name === "服务对象满意度指标")) present.add("满意度指标");
    for (const level1 of FRAMEWORKS[table.framework].level1) {
      if (present.has(level1)) continue;
      const satisfaction = level1 === "满意度指标";
      report({
        ...tableAnchor(table, table.columns.level1),
        severity: satisfaction ? "warning" : "error",
        messageId: satisfaction ? "missingSatisfaction" : "missingLevel1",
        data: { level1 },
      });
    }
  },
});
