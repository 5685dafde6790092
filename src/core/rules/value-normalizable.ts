import { normalizedSpelling } from "../values";
import { tableRule } from "./rule";
import { namedRows, quoted, readableValue } from "./shared";

export const valueNormalizable = tableRule({
  meta: {
    id: "value-normalizable",
    severity: "info",
    description: "A valid value written with full-width characters, inner spaces or >=; the fix is the tidy spelling.",
    messages: {
      untidy: {
        zh: "指标值{value}含全角字符、多余空格或“>=”，建议统一写成{tidy}。",
        en: "The value {value} uses full-width characters, inner spaces or >=; the tidy form is {tidy}.",
      },
    },
    examples: {
      bad: { cells: ["质量指标 › 会议材料准确率 › 指标值: ＞＝９８％"], note: "Full-width characters and >= for ≥." },
      good: { cells: ["质量指标 › 会议材料准确率 › 指标值: ≥98%"], note: "The tidy spelling." },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || typeof row.value.value !== "string") continue;
      const tidy = normalizedSpelling(row.value.value, row.parsed);
      if (tidy === null) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        fix: tidy,
        messageId: "untidy",
        data: { value: quoted(row.value.value), tidy: quoted(tidy) },
      });
    }
  },
});
