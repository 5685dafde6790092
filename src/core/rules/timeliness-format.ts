import type { Rule } from "./rule";
import { namedRows, quote, readableValue } from "./shared";

export const timelinessFormat: Rule = {
  meta: {
    id: "timeliness-format",
    severity: "warning",
    description: "A 时效指标 value that is neither a time nor a rate.",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || row.level2?.name !== "时效指标") continue;
      const parsed = row.parsed;
      if (parsed.kind === "time" || (parsed.kind === "quantity" && parsed.percent)) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        message: `时效指标值${quote(row.value.text)}既不是时间也不是比率。请填写完成时间，如“12月底前”“2024年6月30日前”，或及时率，如“≥95%”。`,
        messageEn: `The timeliness value ${quote(row.value.text, true)} is neither a time nor a rate. Enter a deadline such as 12月底前 or a rate such as ≥95%.`,
      });
    }
  },
};
