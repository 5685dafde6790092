import type { Rule } from "./rule";
import { isSatisfactionRow, namedRows, quote, readableValue } from "./shared";

export const satisfactionTarget: Rule = {
  meta: {
    id: "satisfaction-target",
    severity: "error",
    description: "A 满意度指标 value that is not a percentage (error), below 80% or exactly 100% (warning).",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || !isSatisfactionRow(row)) continue;
      const parsed = row.parsed;
      const at = { row: row.value.row, col: row.value.col };
      if (parsed.kind !== "quantity" || !parsed.percent) {
        report({
          ...at,
          message: `满意度指标值${quote(row.value.text)}不是百分比。请填写满意率目标，如“≥90%”。`,
          messageEn: `The satisfaction value ${quote(row.value.text, true)} is not a percentage. Enter a target rate such as ≥90%.`,
        });
      } else if (parsed.amount < 80) {
        report({
          ...at,
          severity: "warning",
          message: `满意度目标${quote(row.value.text)}低于80%，偏低。一般应不低于80%，常见为“≥90%”。`,
          messageEn: `The satisfaction target ${quote(row.value.text, true)} is below 80%, which is low; ≥90% is usual.`,
        });
      } else if (parsed.amount === 100 && (parsed.operator === null || parsed.operator === "=")) {
        report({
          ...at,
          severity: "warning",
          message: `满意度目标${quote(row.value.text)}要求恰好100%，难以实现也难以考核。建议填写“≥95%”之类的目标。`,
          messageEn: `The satisfaction target ${quote(row.value.text, true)} demands exactly 100%, which is hard to reach or assess. Prefer a target such as ≥95%.`,
        });
      }
    }
  },
};
