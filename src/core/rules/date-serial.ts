import { serialToDate } from "../values";
import { tableRule } from "./rule";
import { quoted } from "./shared";

export const dateSerial = tableRule({
  meta: {
    id: "date-serial",
    severity: "error",
    description: "A time value that is a bare Excel date serial (45657) in a cell not formatted as a date.",
    messages: {
      dateSerial: {
        zh: "指标值{value}是 Excel 的日期序号（即 {date}），审核人看到的是一个数字。请写成“{dateZh}前”或把单元格设为日期格式。",
        en: "The value {value} is an Excel date serial ({date}); reviewers see a bare number. Write the date out or format the cell as a date.",
      },
    },
    examples: {
      bad: {
        cells: ["时效指标 › 会议完成时限 › 指标值: 45657"],
        note: "A date typed into a cell formatted as a number shows as 45657, not 2024-12-31.",
      },
      good: {
        cells: ["时效指标 › 会议完成时限 › 指标值: 2024年12月31日前"],
        note: "The deadline is written out as text.",
      },
    },
  },
  check({ table, report }) {
    for (const row of table.rows) {
      if (row.unusable !== "serial" || !row.value || row.parsed.kind !== "quantity") continue;
      const date = serialToDate(row.parsed.amount);
      report({
        row: row.value.row,
        col: row.value.col,
        messageId: "dateSerial",
        data: {
          value: quoted(row.valueText),
          date,
          dateZh: date.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, "$1年$2月$3日"),
        },
      });
    }
  },
});
