import { valueExample } from "./examples";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const valueOptionList = tableRule({
  meta: {
    id: "value-option-list",
    severity: "error",
    description: "A value that lists grade options (优、良、中、差) instead of stating a target.",
    messages: {
      gradeOptions: {
        zh: "指标值{value}是评价等级的选项，不是目标值。请填写可衡量的目标，如{example}。",
        en: "The value {value} lists grade options, not a target. Enter a measurable target such as {example}.",
      },
    },
    examples: {
      bad: {
        cells: ["质量指标 › 会议材料准确率 › 指标值: 优、良、中、差"],
        note: "The form's grading scale was left in place of a target.",
      },
      good: { cells: ["质量指标 › 会议材料准确率 › 指标值: ≥98%"], note: "One target to assess against." },
    },
  },
  check({ table, report }) {
    for (const row of table.rows) {
      if (row.unusable !== "options" || !row.value) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        messageId: "gradeOptions",
        data: { value: quoted(row.valueText), example: valueExample(row, table) },
      });
    }
  },
});
