import type { Rule } from "./rule";
import { isSatisfactionRow, namedRows, quote, readableValue } from "./shared";

const BOUNDED_RATE =
  /满意度|完成率|及时率|合格率|覆盖率|到位率|执行率|知晓率|达标率|通过率|出勤率|参与率|办结率|准确率|使用率|利用率|在岗率|支付率|交办率|良好率/;

export const percentOutOfRange: Rule = {
  meta: {
    id: "percent-out-of-range",
    severity: "error",
    description: "A percentage below 0, or above 100 for a bounded rate.",
  },
  scope: "table",
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || row.parsed.kind !== "quantity" || !row.parsed.percent) continue;
      const amount = row.parsed.amount;
      const bounded = isSatisfactionRow(row) || BOUNDED_RATE.test(row.level3!.text);
      if (amount >= 0 && !(bounded && amount > 100)) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        message:
          amount < 0
            ? `指标值${quote(row.value.text)}是负的百分比。请检查数值。`
            : `${quote(row.level3!.text)}是比率，不能超过100%，但指标值为${quote(row.value.text)}。请改为0%～100%之间的值，如“≥95%”。`,
        messageEn:
          amount < 0
            ? `The value ${quote(row.value.text, true)} is a negative percentage. Check the figure.`
            : `Indicator ${quote(row.level3!.text, true)} is a rate and cannot exceed 100%, but the value is ${quote(row.value.text, true)}. Use a value between 0% and 100%, e.g. ≥95%.`,
      });
    }
  },
};
