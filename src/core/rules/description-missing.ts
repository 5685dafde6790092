import { tableRule } from "./rule";
import { hasText, namedRows, quoted } from "./shared";

export const descriptionMissing = tableRule({
  meta: {
    id: "description-missing",
    severity: "info",
    description: "A named indicator whose description column (绩效指标描述) is empty, when the table has that column.",
    messages: {
      noDescription: {
        zh: "指标{indicator}没有绩效指标描述。建议说明衡量什么、怎样计算。",
        en: "Indicator {indicator} has no description. Consider saying what is measured and how.",
      },
    },
    examples: {
      bad: {
        cells: ["质量指标 › 会议材料准确率 › 绩效指标描述: （空）"],
        note: "A reviewer cannot tell how the rate is counted.",
      },
      good: {
        cells: ["质量指标 › 会议材料准确率 › 绩效指标描述: 会议材料无差错的比例"],
        note: "The description says what the rate measures.",
      },
    },
  },
  check({ table, report }) {
    if (table.columns.description === null) return;
    for (const row of namedRows(table)) {
      if (hasText(row.description)) continue;
      report({
        row: row.description?.row ?? row.row,
        col: row.description?.col ?? table.columns.description,
        messageId: "noDescription",
        data: { indicator: quoted(row.level3!.text) },
      });
    }
  },
});
