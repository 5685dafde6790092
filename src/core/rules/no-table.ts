import type { Rule } from "./rule";

/** A sheet with content but no indicator grid: maybe a cover page, maybe a header the checker did not recognise. */
export const noTable: Rule = {
  meta: { id: "no-table", severity: "info", description: "A sheet has content but no indicator grid header." },
  scope: "sheet",
  check({ sheet, parse, report }) {
    if (parse.tables.length > 0) return;
    for (let r = 0; r < sheet.rowCount; r++) {
      if (!sheet.rowIsEmpty(r)) {
        report({
          row: 0,
          col: 0,
          message: `工作表“${sheet.name}”有内容，但未找到绩效指标表（需要含“一级指标”“二级指标”“三级指标”或“指标值”的表头行）。`,
          messageEn: `Sheet "${sheet.name}" has content but no indicator grid (a header row with 一级指标, 二级指标 and 三级指标 or 指标值).`,
        });
        return;
      }
    }
  },
};
