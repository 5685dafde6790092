import { valueExample } from "./examples";
import { hasDigit } from "../values";
import { tableRule } from "./rule";
import { namedRows, quoted, readableValue } from "./shared";

/** Concrete end states a reviewer accepts as a qualitative target. */
const CONCRETE =
  /合格|达标|优良|符合|无[^，,。]{0,8}(?:事故|事件|投诉|差错|违规)|正常运[转行]|全覆盖|全部完成|按时完成|按期完成|通过验收|零/;
/** A verb naming only a direction of change, with or without an adverb before it. */
const DIRECTION =
  /(?:有效|进一步|明显|逐步|有所|不断|显著|大幅|积极|持续|稳步)?(?:提高|提升|改善|促进|加强|增强|推动|优化|改进|加快|扩大|增加|增进|降低|减少|减轻|下降|缓解|缩小|缩短)/;

export const valueVague = tableRule({
  meta: {
    id: "value-vague",
    severity: "warning",
    description:
      "A qualitative value with no number that only names a direction of change (有效提高, 进一步提升 …), not an end state.",
    messages: {
      directionOnly: {
        zh: "指标值{value}只说明了变化方向，无法衡量是否达成。请写出可检验的结果，如{example}。",
        en: "The value {value} only names a direction of change and cannot be checked. State a verifiable result, e.g. {example}.",
      },
    },
    examples: {
      bad: {
        cells: ["社会效益指标 › 参政议政能力 › 指标值: 有效提高"],
        note: "Any improvement at all would meet it: nothing to check at year end.",
      },
      good: {
        cells: ["社会效益指标 › 参政议政能力提升率 › 指标值: ≥90%"],
        note: "A result that can be measured at year end.",
      },
    },
  },
  check({ table, report }) {
    for (const row of namedRows(table)) {
      if (!readableValue(row) || row.parsed.kind !== "text") continue;
      const text = row.valueText;
      if (hasDigit(text) || CONCRETE.test(text) || !DIRECTION.test(text)) continue;
      report({
        row: row.value.row,
        col: row.value.col,
        messageId: "directionOnly",
        data: { value: quoted(text), example: valueExample(row, table) },
      });
    }
  },
});
