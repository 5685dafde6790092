import { sheetRule } from "./rule";

/**
 * An indicator list the checker cannot read (spec §2b): one without level columns (指标 | 权重 | 指标值,
 * a budget-system tree shown by indentation), or a grid whose targets stand one column per recipient.
 * Said once per list, as a hint, and nothing else about it: guessing would give false alarms.
 */
export const layoutUnsupported = sheetRule({
  meta: {
    id: "layout-unsupported",
    severity: "info",
    description:
      "An indicator list in a layout the checker does not read: no level-1/level-2 columns, or one target column per recipient instead of a value column.",
    incompleteTables: true,
    messages: {
      noLevelColumns: {
        zh: "这里的指标清单没有“一级指标”“二级指标”列，校验工具不读取这种格式，未检查其中的指标。如需检查，请按标准表样填写。",
        en: "This indicator list has no level-1 and level-2 columns; the checker does not read this layout, so its indicators were not checked. Use the standard form to have them checked.",
      },
      perRecipientColumns: {
        zh: "这张指标表的目标值分列在各单位（地区）名下，没有“指标值”列，校验工具不读取这种格式，未检查其中的指标值。",
        en: "This grid gives its targets in one column per recipient instead of a value (指标值) column; the checker does not read this layout, so its values were not checked.",
      },
    },
    examples: {
      bad: {
        cells: ["表头: 指标 | 指标权重 | 计量单位 | 指标性质 | 指标值", "下一行: 开展培训次数 | 10 | 次 | ≥ | 4"],
        note: "Without level columns nobody can tell outputs from benefits: the list is not checked (a hint, not an error).",
      },
      good: {
        cells: ["表头: 一级指标 | 二级指标 | 三级指标 | 指标值", "下一行: 产出指标 | 数量指标 | 开展培训次数 | ≥4次"],
        note: "The standard grid: every indicator is checked.",
      },
    },
  },
  check({ parse, report }) {
    for (const list of parse.unsupportedLists) report({ row: list.row, col: list.col, messageId: "noLevelColumns" });
    for (const table of parse.tables) {
      if (!table.unsupported) continue;
      report({
        row: table.headerRow,
        col: Math.min(table.columns.level1, table.columns.level2),
        messageId: "perRecipientColumns",
      });
    }
  },
});
