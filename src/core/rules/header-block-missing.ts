import { tableRule } from "./rule";

export const headerBlockMissing = tableRule({
  meta: {
    id: "header-block-missing",
    severity: "info",
    description:
      "An indicator grid with no header block above it (title, project name, budget, goals), so no project detail is checked.",
    incompleteTables: true,
    messages: {
      noHeaderBlock: {
        zh: "指标表上方没有表头信息（标题、项目名称、预算数、绩效目标等），无法核对项目信息。",
        en: "The indicator grid has no header block above it (title, project name, budget, goals), so project details cannot be checked.",
      },
    },
    examples: {
      bad: {
        cells: ["第1行: 一级指标 | 二级指标 | 三级指标 | 指标值"],
        note: "The sheet starts with the grid: nothing says which project the indicators belong to.",
      },
      good: {
        cells: [
          "第1行: 2024年会议保障经费绩效目标表",
          "项目名称: 会议保障经费",
          "第9行: 一级指标 | 二级指标 | 三级指标 | 指标值",
        ],
        note: "The title and project details stand above the grid.",
      },
    },
  },
  check({ table, report }) {
    if (table.header.present) return;
    report({
      row: table.headerRow,
      col: Math.min(table.columns.level1, table.columns.level2),
      messageId: "noHeaderBlock",
    });
  },
});
