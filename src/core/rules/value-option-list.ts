import type { Rule } from "./rule";
import { quote } from "./shared";

export const valueOptionList: Rule = {
  meta: {
    id: "value-option-list",
    severity: "error",
    description: "The value lists grade options instead of a target.",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of table.rows) {
      if (row.unusable !== "options" || !row.value) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        message: `指标值${quote(row.value.text)}是评价等级的选项，不是目标值。请填写可衡量的目标，如“≥95%”或“12月底前”。`,
        messageEn: `The value ${quote(row.value.text, true)} lists grade options, not a target. Enter a measurable target such as ≥95% or 12月底前.`,
      });
    }
  },
};
