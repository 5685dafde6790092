/**
 * Examples that fit the indicator a message is about (issue 14 item 5): a count for 数量, a rate for 质量,
 * a date or a duration for 时效, an amount within the budget for 成本, ≥90% for 满意度. Passed to the
 * messages as the {example} placeholder, so a satisfaction row is never told to write "≥2次".
 */
import type { IndicatorRow, ParsedTable } from "../model";
import { parseAmount } from "../values";
import type { Message } from "./messages";
import { isCostRow, isSatisfactionRow } from "./shared";

export type Dimension = "quantity" | "quality" | "timeliness" | "cost" | "satisfaction" | "benefit" | "other";

const BENEFITS = new Set(["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]);

/** What the row measures, from its level names. */
export function dimensionOfRow(row: IndicatorRow, table: ParsedTable): Dimension {
  if (isSatisfactionRow(row)) return "satisfaction";
  if (isCostRow(row, table)) return "cost";
  const level2 = row.level2?.name ?? null;
  if (level2 === "数量指标") return "quantity";
  if (level2 === "质量指标") return "quality";
  if (level2 === "时效指标") return "timeliness";
  if ((level2 !== null && BENEFITS.has(level2)) || row.level1?.name === "效益指标") return "benefit";
  return "other";
}

/** The table's budget in its own unit, as written ("183.6"), or null when it has none. */
function budgetText(table: ParsedTable): string | null {
  const cell = table.header.budget?.value;
  const parsed = cell ? parseAmount(cell.value, cell.text) : null;
  if (!parsed || parsed.amount <= 0) return null;
  return String(Math.round(parsed.amount * 100) / 100);
}

/** A cost target within the budget: "≤183.6万元" (the budget as the ceiling), or a plain amount without one. */
function costValue(table: ParsedTable): Message {
  const unit = table.header.amountUnit;
  const amount = budgetText(table);
  if (amount === null) return { zh: `“≤50${unit}”`, en: `≤50${unit}` };
  return { zh: `“≤${amount}${unit}”（不超过预算数）`, en: `≤${amount}${unit} (within the budget)` };
}

/** A target value that fits the dimension, quoted for the message. */
export function valueExample(row: IndicatorRow, table: ParsedTable): Message {
  switch (dimensionOfRow(row, table)) {
    case "quantity":
      return { zh: "“≥2次”“≥10个”或“≥50人”", en: "≥2次, ≥10个 or ≥50人" };
    case "quality":
      return { zh: "“≥98%”“=100%”", en: "≥98% or =100%" };
    case "timeliness":
      return { zh: "“12月底前”或“≤30天”", en: "12月底前 or ≤30天" };
    case "cost":
      return costValue(table);
    case "satisfaction":
      return { zh: "“≥90%”", en: "≥90%" };
    case "benefit":
      return { zh: "“受益群众≥500人”或“覆盖率≥90%”", en: "≥500 beneficiaries (≥500人) or a coverage ≥90%" };
    case "other":
      return { zh: "“≥95%”“≥2次”或“12月底前”", en: "≥95%, ≥2次 or 12月底前" };
  }
}

/** Units that fit the dimension. */
export function unitExample(row: IndicatorRow, table: ParsedTable): Message {
  switch (dimensionOfRow(row, table)) {
    case "quantity":
      return { zh: "“次”“个”“人”", en: "次, 个 or 人" };
    case "quality":
    case "satisfaction":
      return { zh: "“%”", en: "%" };
    case "timeliness":
      return { zh: "“天”“个月”", en: "天 or 个月" };
    case "cost":
      return { zh: `“${table.header.amountUnit}”`, en: table.header.amountUnit };
    case "benefit":
    case "other":
      return { zh: "“次”“人”“%”“万元”", en: "次, 人, % or 万元" };
  }
}

/** A level-3 indicator name that fits the dimension. */
export function nameExample(row: IndicatorRow, table: ParsedTable): Message {
  switch (dimensionOfRow(row, table)) {
    case "quantity":
      return { zh: "“召开会议次数”", en: "召开会议次数 (number of meetings)" };
    case "quality":
      return { zh: "“会议材料准确率”", en: "会议材料准确率 (accuracy of the papers)" };
    case "timeliness":
      return { zh: "“完成时限”", en: "完成时限 (deadline)" };
    case "cost":
      return { zh: "“会议费成本”", en: "会议费成本 (meeting cost)" };
    case "satisfaction":
      return { zh: "“服务对象满意度”", en: "服务对象满意度 (service-user satisfaction)" };
    case "benefit":
    case "other":
      return { zh: "“协商建议采纳数”", en: "协商建议采纳数 (proposals adopted)" };
  }
}

/** An indicator description that fits the dimension: what is measured and how. */
export function descriptionExample(row: IndicatorRow, table: ParsedTable): Message {
  switch (dimensionOfRow(row, table)) {
    case "quantity":
      return { zh: "“年度内召开的重要会议次数”", en: "the number of major meetings held in the year" };
    case "quality":
      return { zh: "“会议材料无差错的比例”", en: "the share of meeting papers without errors" };
    case "timeliness":
      return { zh: "“年度会议全部召开完毕的时间”", en: "the date by which all the year's meetings are held" };
    case "cost":
      return { zh: "“年度会议费支出总额，不超过预算数”", en: "the year's total meeting spending, within the budget" };
    case "satisfaction":
      return {
        zh: "“问卷调查中满意和较满意的服务对象比例”",
        en: "the share of surveyed service users who are satisfied",
      };
    case "benefit":
    case "other":
      return { zh: "“会议形成并被采纳的建议数量”", en: "the number of proposals adopted" };
  }
}
