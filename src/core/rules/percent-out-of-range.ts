import { tableRule } from "./rule";
import { isSatisfactionRow, namedRows, quoted, readableValue } from "./shared";

const BOUNDED_RATE =
  /满意度|完成率|及时率|合格率|覆盖率|到位率|执行率|知晓率|达标率|通过率|出勤率|参与率|办结率|准确率|使用率|利用率|在岗率|支付率|交办率|良好率/;

export const percentOutOfRange = tableRule({
  meta: {
    id: "percent-out-of-range",
    severity: "error",
    description:
      "A percentage value below 0%, or above 100% for a rate that cannot exceed it (满意度, 完成率, 及时率 …).",
    messages: {
      negative: {
        zh: "指标值{value}是负的百分比。请检查数值。",
        en: "The value {value} is a negative percentage. Check the figure.",
      },
      overHundred: {
        zh: "{indicator}是比率，不能超过100%，但指标值为{value}。请改为0%～100%之间的值，如“≥95%”。",
        en: "Indicator {indicator} is a rate and cannot exceed 100%, but the value is {value}. Use a value between 0% and 100%, e.g. ≥95%.",
      },
    },
    examples: {
      bad: {
        cells: ["质量指标 › 会议材料准确率 › 指标值: ≥120%"],
        note: "No more than all of the materials can be accurate.",
      },
      good: { cells: ["质量指标 › 会议材料准确率 › 指标值: ≥98%"], note: "A rate within 0% to 100%." },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || row.parsed.kind !== "quantity" || !row.parsed.percent) continue;
      const amount = row.parsed.amount;
      const bounded = isSatisfactionRow(row) || BOUNDED_RATE.test(row.level3!.text);
      if (amount >= 0 && !(bounded && amount > 100)) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        messageId: amount < 0 ? "negative" : "overHundred",
        data: { value: quoted(row.valueText), indicator: quoted(row.level3!.text) },
      });
    }
  },
});
