import { sheetRule } from "./rule";

/**
 * Content lying far beyond the rest of a sheet (a stray cell at XFD1048576) that the reader set aside so
 * as not to build a grid of billions of cells: said once, so that nothing is left out silently.
 */
export const strayContent = sheetRule({
  meta: {
    id: "stray-content",
    severity: "info",
    description:
      "Cells far beyond the rest of the sheet (a stray entry at the sheet's far end) that were set aside and not checked.",
    incompleteTables: true,
    messages: {
      farAway: {
        zh: "工作表“{sheet}”在远离表格的位置（从 {first} 起）还有 {cells} 个单元格有内容，未作检查；如无用处，请删除。",
        en: 'Sheet "{sheet}" has {cells} cell(s) with content far from the tables (from {first} on); they were not checked. Delete them if they serve no purpose.',
      },
    },
    examples: {
      bad: {
        cells: ["A1:G40: 项目支出绩效目标表", "XFD1048576: 1"],
        note: "A stray entry at the sheet's last cell: it makes the used range a billion cells and is not part of any table.",
      },
      good: { cells: ["A1:G40: 项目支出绩效目标表"], note: "Only the table holds content." },
    },
  },
  check({ sheet, report }) {
    const omitted = sheet.snapshot.omitted;
    if (!omitted) return;
    report({
      row: 0,
      col: 0,
      messageId: "farAway",
      data: { sheet: sheet.name, cells: omitted.cells, first: omitted.first },
    });
  },
});
