import { excelErrorOf } from "../values";
import type { Rule } from "./rule";

/** What each error value means, said for finance staff. */
const CAUSES: Record<string, [string, string]> = {
  "#REF!": ["公式引用的单元格已被删除或移动", "the formula refers to cells that were deleted or moved"],
  "#N/A": ["查找公式没有找到要引用的值", "a lookup in the formula found no matching value"],
  "#DIV/0!": ["公式除以了零或空单元格", "the formula divides by zero or by an empty cell"],
  "#VALUE!": [
    "公式中参与计算的内容类型不对（如文字参与了加减）",
    "the formula computes with the wrong kind of content (e.g. text in a sum)",
  ],
  "#NAME?": ["公式中有无法识别的函数名或名称", "the formula uses a function or name Excel does not know"],
  "#NUM!": ["公式的数值无效或超出范围", "the formula's number is invalid or out of range"],
  "#NULL!": ["公式中的区域引用有误", "the formula's range reference is wrong"],
  "#SPILL!": ["公式结果要填入的区域已被占用", "the cells the formula's result spills into are not empty"],
};

export const formulaError: Rule = {
  meta: {
    id: "formula-error",
    severity: "error",
    description: "A cell of the table shows an Excel error value (#REF!, #N/A, #DIV/0! …) instead of its content.",
  },
  scope: "table",
  check({ table, sheet, report }) {
    for (let r = table.top; r <= table.bottom; r++) {
      for (let c = table.left; c <= table.right; c++) {
        if (!sheet.isAnchor(r, c)) continue;
        const error = excelErrorOf(sheet.rawValue(r, c));
        if (error === null) continue;
        const [zh, en] = CAUSES[error] ?? ["公式无法计算", "the formula cannot be calculated"];
        report({
          row: r,
          col: c,
          message: `单元格显示公式错误“${error}”：${zh}。请修正公式，或直接填写内容后再提交。`,
          messageEn: `The cell shows the formula error ${error}: ${en}. Fix the formula, or type the content in directly.`,
        });
      }
    }
  },
};
