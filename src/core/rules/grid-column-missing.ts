import type { Rule } from "./rule";

export const gridColumnMissing: Rule = {
  meta: {
    id: "grid-column-missing",
    severity: "error",
    description: "The grid has no level-3 column or no value column.",
    incompleteTables: true,
  },
  scope: "table",
  check({ table, report }) {
    if (table.complete) return;
    const missing: [string, string][] = [];
    if (table.columns.level3 === null) missing.push(["三级指标", "level-3 indicator (三级指标)"]);
    if (table.columns.value === null) missing.push(["指标值", "value (指标值)"]);
    report({
      row: table.headerRow,
      col: Math.min(table.columns.level1, table.columns.level2),
      message: `指标表缺少“${missing.map((m) => m[0]).join("”“")}”列，无法检查各项指标。请按标准表样补上该列。`,
      messageEn: `The indicator grid has no ${missing.map((m) => m[1]).join(" or ")} column, so its indicators cannot be checked. Add the column as in the standard form.`,
    });
  },
};
