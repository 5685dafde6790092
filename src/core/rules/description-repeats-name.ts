import { normalizeText } from "../text";
import type { Rule } from "./rule";
import { hasText, namedRows, quote } from "./shared";

export const descriptionRepeatsName: Rule = {
  meta: {
    id: "description-repeats-name",
    severity: "warning",
    description: "The description merely repeats the level-3 name.",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      const description = row.description;
      if (!description || !hasText(description) || normalizeText(description.text) !== normalizeText(row.level3!.text))
        continue;
      report({
        row: description.row,
        col: description.col,
        message: `指标描述${quote(description.text)}只是重复了指标名称。请说明衡量什么、怎样计算，如“年度内召开的重要会议次数”。`,
        messageEn: `The description ${quote(description.text, true)} only repeats the indicator's name. Say what is measured and how.`,
      });
    }
  },
};
