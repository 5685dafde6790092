import { hasDigit } from "../values";
import type { Rule } from "./rule";
import { namedRows, quote, readableValue } from "./shared";

export const valueNotNumeric: Rule = {
  meta: {
    id: "value-not-numeric",
    severity: "error",
    description: "A 数量指标 or cost indicator (legacy 成本指标, 2021 经济成本指标) value has no number.",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || hasDigit(row.valueText)) continue;
      const level2 = row.level2?.name;
      const cost =
        table.framework === "2021"
          ? level2 === "经济成本指标"
          : level2 === "成本指标" && row.level1?.name === "产出指标";
      if (level2 !== "数量指标" && !cost) continue;
      const example = level2 === "数量指标" ? "“≥2次”“≥500人次”" : "“≤183.6万元”";
      report({
        row: row.value.row,
        col: row.value.col,
        message: `${level2}的指标值${quote(row.value.text)}没有数字。请填写具体数量，如${example}。`,
        messageEn: `The ${level2} value ${quote(row.value.text, true)} has no number. Enter a figure such as ${level2 === "数量指标" ? "≥2次" : "≤183.6万元"}.`,
      });
    }
  },
};
