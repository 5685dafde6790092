import { descriptionExample } from "./examples";
import { normalizeText } from "../text";
import { tableRule } from "./rule";
import { hasText, namedRows, quoted } from "./shared";

export const descriptionRepeatsName = tableRule({
  meta: {
    id: "description-repeats-name",
    severity: "warning",
    description: "A description (绩效指标描述) that merely repeats the level-3 indicator's name.",
    messages: {
      repeatsName: {
        zh: "指标描述{description}只是重复了指标名称。请说明衡量什么、怎样计算，如{example}。",
        en: "The description {description} only repeats the indicator's name. Say what is measured and how, e.g. {example}.",
      },
    },
    examples: {
      bad: {
        cells: ["数量指标 › 召开会议次数 › 绩效指标描述: 召开会议次数"],
        note: "The description adds nothing to the name.",
      },
      good: {
        cells: ["数量指标 › 召开会议次数 › 绩效指标描述: 年度内召开全体会议和常委会会议的次数"],
        note: "The description says which meetings are counted and over what period.",
      },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      const description = row.description;
      if (!description || !hasText(description) || normalizeText(description.text) !== normalizeText(row.level3!.text))
        continue;
      report({
        row: description.row,
        col: description.col,
        messageId: "repeatsName",
        data: { description: quoted(description.text), example: descriptionExample(row, table) },
      });
    }
  },
});
