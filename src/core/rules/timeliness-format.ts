import { isDurationUnit } from "../values";
import { tableRule } from "./rule";
import { namedRows, quoted, readableValue } from "./shared";

export const timelinessFormat = tableRule({
  meta: {
    id: "timeliness-format",
    severity: "warning",
    description:
      "A 时效指标 value that is neither a time (12月底前, 2024年6月30日前, 全年), a duration (≥1年, 30天内) nor a rate (≥95%).",
    messages: {
      notTimeOrRate: {
        zh: "时效指标值{value}既不是时间也不是比率。请填写完成时间，如“12月底前”“2024年6月30日前”，或及时率，如“≥95%”。",
        en: "The timeliness value {value} is neither a time nor a rate. Enter a deadline such as 12月底前 or a rate such as ≥95%.",
      },
    },
    examples: {
      bad: { cells: ["时效指标 › 会议完成时限 › 指标值: 及时"], note: "及时 sets no deadline to check against." },
      good: { cells: ["时效指标 › 会议完成时限 › 指标值: 12月底前"], note: "A deadline that can be checked." },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || row.level2?.name !== "时效指标") continue;
      const parsed = row.parsed;
      if (parsed.kind === "time" || (parsed.kind === "quantity" && (parsed.percent || isDurationUnit(parsed.unit)))) {
        continue;
      }
      report({
        row: row.value.row,
        col: row.value.col,
        messageId: "notTimeOrRate",
        data: { value: quoted(row.valueText) },
      });
    }
  },
});
