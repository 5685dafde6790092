import { serialToDate } from "../values";
import type { Rule } from "./rule";
import { quote } from "./shared";

export const dateSerial: Rule = {
  meta: { id: "date-serial", severity: "error", description: "An Excel date serial standing as a time value." },
  scope: "table",
  check({ table, report }) {
    for (const row of table.rows) {
      if (row.unusable !== "serial" || !row.value || row.parsed.kind !== "quantity") continue;
      const date = serialToDate(row.parsed.amount);
      report({
        row: row.value.row,
        col: row.value.col,
        message: `指标值${quote(row.value.text)}是 Excel 的日期序号（即 ${date}），审核人看到的是一个数字。请写成“${date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日")}前”或把单元格设为日期格式。`,
        messageEn: `The value ${quote(row.value.text, true)} is an Excel date serial (${date}); reviewers see a bare number. Write the date out or format the cell as a date.`,
      });
    }
  },
};
