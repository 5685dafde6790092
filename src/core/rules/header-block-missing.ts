import type { Rule } from "./rule";

export const headerBlockMissing: Rule = {
  meta: {
    id: "header-block-missing",
    severity: "info",
    description: "A grid with no header block above it.",
    incompleteTables: true,
  },
  scope: "table",
  check({ table, report }) {
    if (table.header.present) return;
    report({
      row: table.headerRow,
      col: Math.min(table.columns.level1, table.columns.level2),
      message: "指标表上方没有表头信息（标题、项目名称、预算数、绩效目标等），无法核对项目信息。",
      messageEn:
        "The indicator grid has no header block above it (title, project name, budget, goals), so project details cannot be checked.",
    });
  },
};
