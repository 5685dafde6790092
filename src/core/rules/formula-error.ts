import { excelErrorOf } from "../values";
import type { Message } from "./messages";
import { tableRule } from "./rule";

/** What each error value means, said for finance staff: the {cause} of the message. */
const CAUSES: Record<string, Message> = {
  "#REF!": { zh: "公式引用的单元格已被删除或移动", en: "the formula refers to cells that were deleted or moved" },
  "#N/A": { zh: "查找公式没有找到要引用的值", en: "a lookup in the formula found no matching value" },
  "#DIV/0!": { zh: "公式除以了零或空单元格", en: "the formula divides by zero or by an empty cell" },
  "#VALUE!": {
    zh: "公式中参与计算的内容类型不对（如文字参与了加减）",
    en: "the formula computes with the wrong kind of content (e.g. text in a sum)",
  },
  "#NAME?": { zh: "公式中有无法识别的函数名或名称", en: "the formula uses a function or name Excel does not know" },
  "#NUM!": { zh: "公式的数值无效或超出范围", en: "the formula's number is invalid or out of range" },
  "#NULL!": { zh: "公式中的区域引用有误", en: "the formula's range reference is wrong" },
  "#SPILL!": { zh: "公式结果要填入的区域已被占用", en: "the cells the formula's result spills into are not empty" },
};
const OTHER_CAUSE: Message = { zh: "公式无法计算", en: "the formula cannot be calculated" };

export const formulaError = tableRule({
  meta: {
    id: "formula-error",
    severity: "error",
    description: "A cell of the table shows an Excel error value (#REF!, #N/A, #DIV/0! …) instead of its content.",
    messages: {
      formulaError: {
        zh: "单元格显示公式错误“{error}”：{cause}。请修正公式，或直接填写内容后再提交。",
        en: "The cell shows the formula error {error}: {cause}. Fix the formula, or type the content in directly.",
      },
    },
    examples: {
      bad: {
        cells: ["预算数: #REF!"],
        note: "The formula's source cells were deleted: the budget shows an error instead of an amount.",
      },
      good: { cells: ["预算数: 50.00"], note: "The cell shows the amount itself." },
    },
  },
  check({ table, sheet, report }) {
    for (let r = table.top; r <= table.bottom; r++) {
      for (let c = table.left; c <= table.right; c++) {
        if (!sheet.isAnchor(r, c)) continue;
        const error = excelErrorOf(sheet.rawValue(r, c));
        if (error === null) continue;
        report({ row: r, col: c, messageId: "formulaError", data: { error, cause: CAUSES[error] ?? OTHER_CAUSE } });
      }
    }
  },
});
