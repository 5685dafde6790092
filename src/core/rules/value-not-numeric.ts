import { valueExample } from "./examples";
import { hasDigit } from "../values";
import { tableRule } from "./rule";
import { namedRows, quoted, readableValue } from "./shared";

export const valueNotNumeric = tableRule({
  meta: {
    id: "value-not-numeric",
    severity: "error",
    description: "A 数量指标 or cost indicator (legacy 成本指标, 2021 经济成本指标) value with no number in it.",
    messages: {
      quantityNoNumber: {
        zh: "数量指标的指标值{value}没有数字。请填写具体数量，如{example}。",
        en: "The 数量指标 value {value} has no number. Enter a figure such as {example}.",
      },
      costNoNumber: {
        zh: "{level2}的指标值{value}没有数字。请填写具体金额，如{example}。",
        en: "The {level2} value {value} has no number. Enter an amount such as {example}.",
      },
    },
    examples: {
      bad: { cells: ["数量指标 › 召开会议次数 › 指标值: 按计划召开"], note: "How many meetings is 按计划?" },
      good: { cells: ["数量指标 › 召开会议次数 › 指标值: ≥6次"], note: "A number that can be counted." },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || hasDigit(row.valueText)) continue;
      const level2 = row.level2?.name;
      const cost =
        table.framework === "2021"
          ? level2 === "经济成本指标"
          : level2 === "成本指标" && row.level1?.name === "产出指标";
      if (level2 !== "数量指标" && !cost) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        messageId: level2 === "数量指标" ? "quantityNoNumber" : "costNoNumber",
        data: { value: quoted(row.valueText), level2: level2!, example: valueExample(row, table) },
      });
    }
  },
});
