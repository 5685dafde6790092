import type { Cell } from "../model";
import { isPlaceholderText } from "../values";
import type { Rule } from "./rule";
import { quote } from "./shared";

export const placeholderText: Rule = {
  meta: {
    id: "placeholder-text",
    severity: "error",
    description:
      "A header value, goal or indicator cell still holds template text (目标内容1, 指标1, XX, **, 请填写, 待定, ……).",
  },
  scope: "table",
  check({ table, report }) {
    const header = table.header;
    const cells: (Cell | null | undefined)[] = [
      header.projectCode?.value,
      header.projectName?.value,
      header.budget?.value,
      header.fiscalFunds?.value,
      header.otherFunds?.value,
      header.purpose,
      header.goals?.value,
      ...(header.spendingPlan?.checkpoints.map((c) => c.value) ?? []),
    ];
    for (const row of table.rows) {
      if (row.placeholder) continue;
      cells.push(row.level1?.cell, row.level2?.cell, row.level3, row.description, row.value, row.basis);
    }
    const seen = new Set<number>();
    for (const cell of cells) {
      if (!cell || cell.text === "") continue;
      const key = cell.row * 16384 + cell.col; // Excel has 16,384 columns
      if (seen.has(key) || !isPlaceholderText(cell.text)) continue;
      seen.add(key);
      report({
        row: cell.row,
        col: cell.col,
        message: `单元格仍是模板示例文字${quote(cell.text)}，尚未填写实际内容。请替换为本项目的真实内容。`,
        messageEn: `This cell still holds template text ${quote(cell.text, true)}. Replace it with the project's real content.`,
      });
    }
  },
};
