import type { Cell } from "../model";
import { isPlaceholderText } from "../values";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const placeholderText = tableRule({
  meta: {
    id: "placeholder-text",
    severity: "error",
    description:
      "A header value, goal or indicator cell still holds template text (目标内容1, 指标1, XX, **, 请填写, 待定, ……).",
    messages: {
      templateText: {
        zh: "单元格仍是模板示例文字{text}，尚未填写实际内容。请替换为本项目的真实内容。",
        en: "This cell still holds template text {text}. Replace it with the project's real content.",
      },
    },
    examples: {
      bad: { cells: ["绩效目标: 1.目标内容1"], note: "The form's sample text was never replaced." },
      good: {
        cells: ["绩效目标: 1.全年召开全体会议2次、常委会会议4次。"],
        note: "The goal is the project's own.",
      },
    },
  },
  check({ table, report }) {
    // Cells are visited in place, in the order a reader meets them; a level cell shared by rows counts once.
    const seen = new Set<number>();
    const visit = (cell: Cell | null | undefined): void => {
      if (!cell || cell.text === "") return;
      const key = cell.row * 16384 + cell.col; // Excel has 16,384 columns
      if (seen.has(key) || !isPlaceholderText(cell.text)) return;
      seen.add(key);
      report({ row: cell.row, col: cell.col, messageId: "templateText", data: { text: quoted(cell.text) } });
    };
    const header = table.header;
    visit(header.projectCode?.value);
    visit(header.projectName?.value);
    visit(header.budget?.value);
    visit(header.fiscalFunds?.value);
    visit(header.otherFunds?.value);
    visit(header.purpose);
    visit(header.goals?.value);
    for (const checkpoint of header.spendingPlan?.checkpoints ?? []) visit(checkpoint.value);
    let level1: Cell | undefined;
    let level2: Cell | undefined;
    for (const row of table.rows) {
      if (row.placeholder) continue;
      // Rows of a group share their level cells: read each once.
      if (row.level1?.cell !== level1) visit((level1 = row.level1?.cell));
      if (row.level2?.cell !== level2) visit((level2 = row.level2?.cell));
      visit(row.level3);
      visit(row.description);
      visit(row.value);
      visit(row.basis);
    }
  },
});
