import { tableRule } from "./rule";

export const gridColumnMissing = tableRule({
  meta: {
    id: "grid-column-missing",
    severity: "error",
    description:
      "An indicator grid with no level-3 column (三级指标) or no value column (指标值), so its rows cannot be checked.",
    incompleteTables: true,
    messages: {
      noLevel3Column: {
        zh: "指标表缺少“三级指标”列，无法检查各项指标。请按标准表样补上该列。",
        en: "The indicator grid has no level-3 indicator (三级指标) column, so its indicators cannot be checked. Add the column as in the standard form.",
      },
      noValueColumn: {
        zh: "指标表缺少“指标值”列，无法检查各项指标。请按标准表样补上该列。",
        en: "The indicator grid has no value (指标值) column, so its indicators cannot be checked. Add the column as in the standard form.",
      },
    },
    examples: {
      bad: {
        cells: ["表头: 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 备注"],
        note: "No column holds the target values, so no indicator can be checked.",
      },
      good: {
        cells: ["表头: 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据"],
        note: "The grid has both the level-3 and the value column.",
      },
    },
  },
  check({ table, report }) {
    if (table.complete || table.unsupported) return; // layout-unsupported speaks for a grid it cannot read
    // The locator takes no grid without either column: exactly one of them is missing.
    report({
      row: table.headerRow,
      col: Math.min(table.columns.level1, table.columns.level2),
      messageId: table.columns.level3 === null ? "noLevel3Column" : "noValueColumn",
    });
  },
});
