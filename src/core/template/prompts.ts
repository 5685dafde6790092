/**
 * Input prompts of the project template: the guidance Excel shows when a cell is selected.
 * Guidance lives here, never in cells, so an untouched template holds no template text.
 * Excel limits a prompt's title to 32 characters and its message to 255.
 */
import type { InputPrompt } from "../patch";

export type PromptLanguage = "zh" | "en";

export type PromptKey =
  | "title"
  | "unit"
  | "projectCode"
  | "projectName"
  | "budget"
  | "fiscalFunds"
  | "otherFunds"
  | "amountError"
  | "purpose"
  | "plan"
  | "planError"
  | "goals"
  | "level1"
  | "level2"
  | "level3"
  | "description"
  | "value"
  | "basis";

const PROMPTS: Record<PromptKey, Record<PromptLanguage, InputPrompt>> = {
  title: {
    zh: { title: "表名", message: "可改为“项目名称+绩效目标表”，如“专项运转保障经费绩效目标表”。" },
    en: { title: "Title", message: "May be changed to the project name followed by 绩效目标表." },
  },
  unit: {
    zh: { title: "预算单位", message: "填写单位编码和单位名称，如“131001 某某单位本级”。" },
    en: {
      title: "Budget unit",
      message: "Enter the unit code and the unit name, e.g. 131001 followed by the unit's name.",
    },
  },
  projectCode: {
    zh: { title: "项目编码", message: "填写预算系统中的21位项目编码，如“13052923P00584011444Y”。" },
    en: {
      title: "Project code",
      message: "Enter the 21-character project code from the budget system, e.g. 13052923P00584011444Y.",
    },
  },
  projectName: {
    zh: { title: "项目名称", message: "填写与预算批复一致的项目全称。" },
    en: { title: "Project name", message: "Enter the project's full name as in the approved budget." },
  },
  budget: {
    zh: {
      title: "预算数（万元）",
      message: "填写本年度项目预算总额，单位万元，如 183.6。预算数应等于财政资金与其他资金之和。",
    },
    en: {
      title: "Budget (10,000 yuan)",
      message: "Enter this year's project budget in 万元, e.g. 183.6. It must equal fiscal plus other funds.",
    },
  },
  fiscalFunds: {
    zh: { title: "财政资金（万元）", message: "填写预算数中的财政资金，单位万元。" },
    en: {
      title: "Fiscal funds (10,000 yuan)",
      message: "Enter the part of the budget paid from fiscal funds, in 万元.",
    },
  },
  otherFunds: {
    zh: { title: "其他资金（万元）", message: "填写预算数中的其他资金，单位万元；没有可留空。" },
    en: {
      title: "Other funds (10,000 yuan)",
      message: "Enter the part of the budget from other sources, in 万元; leave empty when none.",
    },
  },
  amountError: {
    zh: { title: "金额", message: "请填写不小于0的数（万元），如 183.6。" },
    en: { title: "Amount", message: "Enter a number not below 0 (万元), e.g. 183.6." },
  },
  purpose: {
    zh: { title: "资金用途", message: "简要说明资金用于哪些工作、计划何时支出完毕。" },
    en: { title: "Use of funds", message: "Say briefly what the money pays for and when it will be spent." },
  },
  plan: {
    zh: {
      title: "资金支出计划（%）",
      message: "填写截至该时点累计支出占预算数的百分比（0到100），如 25、50、75、100。12月底应为100。",
    },
    en: {
      title: "Spending plan (%)",
      message:
        "Enter the cumulative share of the budget spent by this date (0 to 100), e.g. 25, 50, 75, 100. 12月底 should be 100.",
    },
  },
  planError: {
    zh: { title: "资金支出计划", message: "请填写0到100之间的百分比，如 25 表示累计支出25%。不要填写金额。" },
    en: {
      title: "Spending plan",
      message: "Enter a percentage from 0 to 100, e.g. 25 for 25% spent so far. Do not enter amounts.",
    },
  },
  goals: {
    zh: {
      title: "绩效目标",
      message: "分条写明本年度预期达到的产出和效果，如“1.保障机关正常运转。2.按计划召开全会2次。”",
    },
    en: { title: "Performance goals", message: "List this year's expected outputs and effects, one per line." },
  },
  level1: {
    zh: { title: "一级指标", message: "从下拉列表中选择一级指标。" },
    en: { title: "Level-1 indicator", message: "Choose the level-1 indicator from the list." },
  },
  level2: {
    zh: { title: "二级指标", message: "从下拉列表中选择本行一级指标下的二级指标。" },
    en: { title: "Level-2 indicator", message: "Choose a level-2 indicator under this row's level 1 from the list." },
  },
  level3: {
    zh: {
      title: "三级指标",
      message: "填写具体、可衡量的指标名称，如“召开会议次数”“经费支付及时率”。不用的行留空即可。",
    },
    en: { title: "Indicator name", message: "Enter a specific, measurable indicator name. Leave unused rows empty." },
  },
  description: {
    zh: { title: "绩效指标描述", message: "说明指标的含义或计算方法，不要简单重复指标名称。" },
    en: {
      title: "Description",
      message: "Explain what the indicator measures or how it is computed; do not repeat its name.",
    },
  },
  value: {
    zh: {
      title: "指标值",
      message:
        "填写可衡量的目标值：数量如“≥2次”，比率如“≥95%”，时间如“12月底前”，成本如“≤183.6万元”。不要填写“优秀 良好 一般”等评价等级。",
    },
    en: {
      title: "Target value",
      message:
        "Enter a measurable target: a count (≥2次), a rate (≥95%), a date (12月底前) or a cost (≤183.6万元). Not a list of grades.",
    },
  },
  basis: {
    zh: { title: "指标值确定依据", message: "写明目标值的依据，如“年初工作计划”“历史标准”“行业标准”。" },
    en: {
      title: "Basis of the value",
      message: "State where the target comes from, e.g. the annual work plan, past results or a standard.",
    },
  },
};

export function templatePrompt(key: PromptKey, language: PromptLanguage): InputPrompt {
  return PROMPTS[key][language];
}

/** Every prompt, for tests of Excel's length limits. */
export function allTemplatePrompts(): InputPrompt[] {
  return Object.values(PROMPTS).flatMap((byLanguage) => Object.values(byLanguage));
}
