import type { Rule } from "./rule";
import { namedRows, quote } from "./shared";

export const valueMissing: Rule = {
  meta: { id: "value-missing", severity: "error", description: "A named indicator has no value." },
  scope: "table",
  check({ table, report }) {
    if (table.columns.value === null) return;
    for (const row of namedRows(table)) {
      if (row.valueText !== "") continue;
      report({
        row: row.value?.row ?? row.row,
        col: row.value?.col ?? table.columns.value,
        message: `指标${quote(row.level3!.text)}没有填写指标值。请填写可衡量的目标，如“≥95%”“≥2次”或“12月底前”。`,
        messageEn: `Indicator ${quote(row.level3!.text, true)} has no target value. Enter a measurable target such as ≥95%, ≥2次 or 12月底前.`,
      });
    }
  },
};
