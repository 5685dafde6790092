import { unitExample } from "./examples";
import { unitInName } from "../values";
import { tableRule } from "./rule";
import { namedRows, quoted, readableValue } from "./shared";

export const unitMissing = tableRule({
  meta: {
    id: "unit-missing",
    severity: "warning",
    description:
      "A quantitative value with no unit anywhere: none in the value, in a unit column or in a bracket after the indicator's name.",
    messages: {
      noUnit: {
        zh: "指标值{value}没有计量单位。请写明单位，如{example}。",
        en: "The value {value} has no unit. Add one, such as {example}.",
      },
    },
    examples: {
      bad: { cells: ["数量指标 › 培训人数 › 指标值: ≥50"], note: "How many of what? 50 people, 50 sessions?" },
      good: { cells: ["数量指标 › 培训人数 › 指标值: ≥50人"], note: "The unit says what is counted." },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || row.parsed.kind !== "quantity" || row.parsed.unit !== null) continue;
      // 实施营造林总面积（亩） | 80000: the name carries the unit.
      if (unitInName(row.level3!.text) !== null) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        messageId: "noUnit",
        data: { value: quoted(row.valueText), example: unitExample(row, table) },
      });
    }
  },
});
