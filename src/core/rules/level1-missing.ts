import { FRAMEWORKS } from "../framework";
import type { Rule } from "./rule";
import { filledRows } from "./shared";

export const level1Missing: Rule = {
  meta: {
    id: "level1-missing",
    severity: "error",
    description: "A required level 1 has no filled indicator (满意度指标: warning).",
  },
  scope: "table",
  check({ table, report }) {
    const present = new Set(filledRows(table).map((row) => row.level1?.name));
    for (const level1 of FRAMEWORKS[table.framework].level1) {
      if (present.has(level1)) continue;
      const satisfaction = level1 === "满意度指标";
      report({
        row: table.headerRow,
        col: table.columns.level1,
        severity: satisfaction ? "warning" : "error",
        message: `本表没有填写任何“${level1}”。${satisfaction ? "一般应设置服务对象满意度指标，如“满意度 ≥90%”。" : "每个项目都应设置此类指标。"}`,
        messageEn: `This table has no filled ${level1} indicator.${satisfaction ? " A service-user satisfaction indicator (e.g. ≥90%) is normally expected." : " Every project must have indicators of this kind."}`,
      });
    }
  },
};
