/**
 * Template kinds (模板类型): suggested level-3 indicator names for common kinds of project.
 * Each kind is plain data a finance bureau can extend: add a kind, or add names under a level 2.
 * Values are never suggested; the unit sets its own targets.
 */

export interface TemplateKind {
  /** ASCII alias, accepted on the command line (--kind meeting). */
  id: string;
  /** Chinese name, shown to users and accepted wherever a kind is named. */
  name: string;
  nameEn: string;
  /**
   * Suggested level-3 names by level-2 name. 成本指标 also fills the 2021 framework's 经济成本指标
   * unless the kind lists 经济成本指标 itself. A level 2 not listed keeps its empty rows.
   */
  indicators: Readonly<Record<string, readonly string[]>>;
}

export const GENERAL: TemplateKind = {
  id: "general",
  name: "通用",
  nameEn: "General",
  indicators: {},
};

const MEETING: TemplateKind = {
  id: "meeting",
  name: "会议",
  nameEn: "Meetings",
  indicators: {
    数量指标: ["召开会议次数", "参会人次"],
    质量指标: ["会议通知及时率", "会议出席率"],
    时效指标: ["会议完成时限"],
    成本指标: ["会议经费"],
    社会效益指标: ["会议议定事项落实率"],
    可持续影响指标: ["会议成果转化运用"],
    服务对象满意度指标: ["参会人员满意度"],
  },
};

const OPERATION: TemplateKind = {
  id: "operation",
  name: "运转",
  nameEn: "Office operations",
  indicators: {
    数量指标: ["保障在职人员数", "公用经费保障月数"],
    质量指标: ["经费支付及时率", "机关日常运转保障率"],
    时效指标: ["经费支付完成时间"],
    成本指标: ["运转经费成本"],
    社会效益指标: ["单位职能正常履行"],
    可持续影响指标: ["机关运转保障长效机制"],
    服务对象满意度指标: ["干部职工满意度"],
  },
};

const TRAINING: TemplateKind = {
  id: "training",
  name: "培训",
  nameEn: "Training",
  indicators: {
    数量指标: ["举办培训班期数", "培训人次"],
    质量指标: ["培训出勤率", "培训考核合格率"],
    时效指标: ["培训完成时间"],
    成本指标: ["人均培训成本"],
    社会效益指标: ["参训人员业务能力"],
    可持续影响指标: ["培训成果持续应用"],
    服务对象满意度指标: ["参训人员满意度"],
  },
};

const INFORMATION_TECHNOLOGY: TemplateKind = {
  id: "it",
  name: "信息化",
  nameEn: "IT operation and maintenance",
  indicators: {
    数量指标: ["运维信息系统数量", "运维终端设备台数"],
    质量指标: ["系统正常运行率", "故障处理及时率"],
    时效指标: ["故障响应时间"],
    成本指标: ["运维服务费用"],
    社会效益指标: ["业务办理信息化水平"],
    可持续影响指标: ["信息系统持续稳定运行"],
    服务对象满意度指标: ["系统使用人员满意度"],
  },
};

/** Every kind, the default first. */
export const TEMPLATE_KINDS: readonly TemplateKind[] = [GENERAL, MEETING, OPERATION, TRAINING, INFORMATION_TECHNOLOGY];

/** The kind a user named, by Chinese name or ASCII alias (case and surrounding spaces ignored); null when none. */
export function findTemplateKind(nameOrAlias: string): TemplateKind | null {
  const wanted = nameOrAlias.trim().toLowerCase();
  return TEMPLATE_KINDS.find((kind) => kind.id === wanted || kind.name === wanted) ?? null;
}

/** The suggested names for one level-2 row group of a kind. */
export function suggestedNames(kind: TemplateKind, level2: string): readonly string[] {
  const own = kind.indicators[level2];
  if (own) return own;
  return level2 === "经济成本指标" ? (kind.indicators["成本指标"] ?? []) : [];
}
