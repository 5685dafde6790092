import { valueExample } from "./examples";
import { isPlaceholderText } from "../values";
import { tableRule } from "./rule";
import { namedRows, quoted } from "./shared";

export const valueMissing = tableRule({
  meta: {
    id: "value-missing",
    severity: "error",
    description: "A named indicator with no value (指标值).",
    messages: {
      noValue: {
        zh: "指标{indicator}没有填写指标值。请填写可衡量的目标，如{example}。",
        en: "Indicator {indicator} has no target value. Enter a measurable target such as {example}.",
      },
    },
    examples: {
      bad: {
        cells: ["数量指标 › 召开会议次数 › 指标值: （空）"],
        note: "An indicator with no target measures nothing.",
      },
      good: { cells: ["数量指标 › 召开会议次数 › 指标值: ≥6次"], note: "A measurable target." },
    },
  },
  check({ table, report }) {
    if (table.columns.value === null) return;
    for (const row of namedRows(table)) {
      // A template row left in (指标2, ……): placeholder-text speaks about its name, once.
      if (row.valueText !== "" || isPlaceholderText(row.level3!.text)) continue;
      report({
        row: row.value?.row ?? row.row,
        col: row.value?.col ?? table.columns.value,
        messageId: "noValue",
        data: { indicator: quoted(row.level3!.text), example: valueExample(row, table) },
      });
    }
  },
});
