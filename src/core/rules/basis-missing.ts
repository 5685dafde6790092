import type { Rule } from "./rule";
import { hasText, namedRows, quote } from "./shared";

export const basisMissing: Rule = {
  meta: { id: "basis-missing", severity: "warning", description: "The basis column is empty for a named indicator." },
  scope: "table",
  check({ table, report }) {
    if (table.columns.basis === null) return;
    for (const row of namedRows(table)) {
      if (hasText(row.basis)) continue;
      report({
        row: row.basis?.row ?? row.row,
        col: row.basis?.col ?? table.columns.basis,
        message: `指标${quote(row.level3!.text)}没有填写指标值确定依据。请写明依据，如“年初工作计划”“历史标准”“行业标准”。`,
        messageEn: `Indicator ${quote(row.level3!.text, true)} has no basis for its value. State one, e.g. the annual work plan or a standard.`,
      });
    }
  },
};
