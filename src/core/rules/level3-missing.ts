import type { Rule } from "./rule";
import { hasText } from "./shared";

export const level3Missing: Rule = {
  meta: {
    id: "level3-missing",
    severity: "error",
    description: "A row with a value, description or basis but no level-3 name.",
  },
  scope: "table",
  check({ table, report }) {
    if (table.columns.level3 === null) return;
    for (const row of table.rows) {
      if (row.placeholder || hasText(row.level3)) continue;
      const anchor = row.level3 ?? { row: row.row, col: table.columns.level3 };
      report({
        row: anchor.row,
        col: anchor.col,
        message: "这一行填写了指标值、描述或依据，但没有三级指标名称。请填写指标名称，如“召开会议次数”。",
        messageEn:
          "This row has a value, description or basis but no level-3 indicator name. Fill in a name such as 召开会议次数.",
      });
    }
  },
};
