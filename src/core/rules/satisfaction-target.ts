import { tableRule } from "./rule";
import { isSatisfactionRow, namedRows, quoted, readableValue } from "./shared";

export const satisfactionTarget = tableRule({
  meta: {
    id: "satisfaction-target",
    severity: "error",
    description:
      "A satisfaction value that is not a percentage (an error), or is below 80% or exactly 100% (a warning).",
    messages: {
      notPercent: {
        zh: "满意度指标值{value}不是百分比。请填写满意率目标，如“≥90%”。",
        en: "The satisfaction value {value} is not a percentage. Enter a target rate such as ≥90%.",
      },
      tooLow: {
        zh: "满意度目标{value}低于80%，偏低。一般应不低于80%，常见为“≥90%”。",
        en: "The satisfaction target {value} is below 80%, which is low; ≥90% is usual.",
      },
      exactlyHundred: {
        zh: "满意度目标{value}要求恰好100%，难以实现也难以考核。建议填写“≥95%”之类的目标。",
        en: "The satisfaction target {value} demands exactly 100%, which is hard to reach or assess. Prefer a target such as ≥95%.",
      },
    },
    examples: {
      bad: {
        cells: ["服务对象满意度指标 › 参会委员满意度 › 指标值: 满意"],
        note: "满意 cannot be measured against a survey's result.",
      },
      good: {
        cells: ["服务对象满意度指标 › 参会委员满意度 › 指标值: ≥90%"],
        note: "A satisfaction rate the survey can confirm.",
      },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || !isSatisfactionRow(row)) continue;
      const parsed = row.parsed;
      const at = { row: row.value.row, col: row.value.col };
      if (parsed.kind !== "quantity" || !parsed.percent) {
        report({ ...at, messageId: "notPercent", data: { value: quoted(row.valueText) } });
      } else if (parsed.amount < 80) {
        report({ ...at, severity: "warning", messageId: "tooLow", data: { value: quoted(row.valueText) } });
      } else if (parsed.amount === 100 && (parsed.operator === null || parsed.operator === "=")) {
        report({ ...at, severity: "warning", messageId: "exactlyHundred", data: { value: quoted(row.valueText) } });
      }
    }
  },
});
