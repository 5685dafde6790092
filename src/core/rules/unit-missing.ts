import type { Rule } from "./rule";
import { namedRows, quote, readableValue } from "./shared";

export const unitMissing: Rule = {
  meta: { id: "unit-missing", severity: "warning", description: "A quantitative value with no unit anywhere." },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || row.parsed.kind !== "quantity" || row.parsed.unit !== null) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        message: `指标值${quote(row.value.text)}没有计量单位。请写明单位，如“次”“人”“%”“万元”。`,
        messageEn: `The value ${quote(row.value.text, true)} has no unit. Add one, such as 次, 人, % or 万元.`,
      });
    }
  },
};
