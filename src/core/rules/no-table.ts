import { sheetRule } from "./rule";

/** A sheet with content but no indicator grid: maybe a cover page, maybe a header the checker did not recognise. */
export const noTable = sheetRule({
  meta: {
    id: "no-table",
    severity: "info",
    description: "A sheet with content but no indicator grid header row (一级指标, 二级指标, 三级指标 or 指标值).",
    messages: {
      noGrid: {
        zh: "工作表“{sheet}”有内容，但未找到绩效指标表（需要含“一级指标”“二级指标”“三级指标”或“指标值”的表头行）。",
        en: 'Sheet "{sheet}" has content but no indicator grid (a header row with 一级指标, 二级指标 and 三级指标 or 指标值).',
      },
    },
    examples: {
      bad: {
        cells: ["A1: 2024年部门预算", "A2: 说明文字"],
        note: "A cover or notes sheet: nothing on it is checked. Fine if intended; otherwise its header row was not recognised.",
      },
      good: {
        cells: ["A9: 一级指标", "B9: 二级指标", "C9: 三级指标", "E9: 指标值"],
        note: "The sheet holds an indicator grid with the standard column headings.",
      },
    },
  },
  check({ sheet, parse, report }) {
    if (parse.tables.length > 0 || parse.unsupportedLists.length > 0) return;
    for (let r = 0; r < sheet.rowCount; r++) {
      if (!sheet.rowIsEmpty(r)) {
        report({ row: 0, col: 0, messageId: "noGrid", data: { sheet: sheet.name } });
        return;
      }
    }
  },
});
