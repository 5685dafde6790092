import { tableRule } from "./rule";
import { namedRows, quoted } from "./shared";

export const satisfactionAsBenefit = tableRule({
  meta: {
    id: "satisfaction-as-benefit",
    severity: "warning",
    description: "A satisfaction indicator (its name has 满意) listed under 效益指标 instead of 满意度指标.",
    messages: {
      surveyAsBenefit: {
        zh: "{indicator}是满意度调查，不是效益。请移到“满意度指标—服务对象满意度指标”下。",
        en: "Indicator {indicator} is a satisfaction survey, not a benefit. Move it under 满意度指标 / 服务对象满意度指标.",
      },
    },
    examples: {
      bad: {
        cells: ["效益指标 › 社会效益指标 › 群众满意度 › 指标值: ≥90%"],
        note: "Satisfaction is measured under its own level 1, not as a benefit.",
      },
      good: {
        cells: ["满意度指标 › 服务对象满意度指标 › 群众满意度 › 指标值: ≥90%"],
        note: "The survey sits under 满意度指标.",
      },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (row.level1?.name !== "效益指标" || !row.level3!.text.includes("满意")) continue;
      // A satisfaction level 2 under 效益 (the 2015 form) is level2-wrong-parent's, once.
      if (row.level2?.name === "服务对象满意度指标") continue;
      report({
        row: row.level3!.row,
        col: row.level3!.col,
        messageId: "surveyAsBenefit",
        data: { indicator: quoted(row.level3!.text) },
      });
    }
  },
});
