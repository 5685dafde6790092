import type { Rule } from "./rule";
import { hasText, namedRows, quote } from "./shared";

export const descriptionMissing: Rule = {
  meta: {
    id: "description-missing",
    severity: "info",
    description: "The description column is empty for a named indicator.",
  },
  scope: "table",
  check({ table, report }) {
    if (table.columns.description === null) return;
    for (const row of namedRows(table)) {
      if (hasText(row.description)) continue;
      report({
        row: row.description?.row ?? row.row,
        col: row.description?.col ?? table.columns.description,
        message: `指标${quote(row.level3!.text)}没有绩效指标描述。建议说明衡量什么、怎样计算。`,
        messageEn: `Indicator ${quote(row.level3!.text, true)} has no description. Consider saying what is measured and how.`,
      });
    }
  },
};
