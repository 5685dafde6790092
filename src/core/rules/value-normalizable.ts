import { normalizedSpelling } from "../values";
import type { Rule } from "./rule";
import { namedRows, quote, readableValue } from "./shared";

export const valueNormalizable: Rule = {
  meta: {
    id: "value-normalizable",
    severity: "info",
    description: "A valid value written with full-width characters, inner spaces or >=; the fix is the tidy spelling.",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || typeof row.value.value !== "string") continue;
      const tidy = normalizedSpelling(row.value.value, row.parsed);
      if (tidy === null) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        fix: tidy,
        message: `指标值${quote(row.value.value)}含全角字符、多余空格或“>=”，建议统一写成${quote(tidy)}。`,
        messageEn: `The value ${quote(row.value.value, true)} uses full-width characters, inner spaces or >=; the tidy form is ${quote(tidy, true)}.`,
      });
    }
  },
};
