import type { Rule } from "./rule";
import { namedRows, quote } from "./shared";

export const satisfactionAsBenefit: Rule = {
  meta: {
    id: "satisfaction-as-benefit",
    severity: "warning",
    description: "A satisfaction survey listed as a benefit indicator.",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (row.level1?.name !== "效益指标" || !row.level3!.text.includes("满意")) continue;
      report({
        row: row.level3!.row,
        col: row.level3!.col,
        message: `${quote(row.level3!.text)}是满意度调查，不是效益。请移到“满意度指标—服务对象满意度指标”下。`,
        messageEn: `Indicator ${quote(row.level3!.text, true)} is a satisfaction survey, not a benefit. Move it under 满意度指标 / 服务对象满意度指标.`,
      });
    }
  },
};
