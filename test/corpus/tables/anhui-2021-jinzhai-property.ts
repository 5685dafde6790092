import type { CorpusTable } from "../format";

/**
 * 金寨经济开发区 (六安市金寨县): 项目支出绩效目标申报表 (2021年度) of 物业管理: the Anhui form with every indicator name
 * numbered 指标1: and three names still carrying the template's (≤**万元) / (≥**%).
 */
const table: CorpusTable = {
  id: "anhui-2021-jinzhai-property",
  province: "安徽",
  publisher: "安徽金寨经济开发区管理委员会（金寨县经济开发区）",
  source: "https://www.ahjinzhai.gov.cn/public/6617781/34383152.html",
  year: 2021,
  description:
    "Page 金寨经济开发区2021年度项目支出绩效目标申报表 (2021-09-18): 项目支出绩效目标申报表 (2021年度), project 物业管理. Header " +
    "项目名称, 主管部门 / 实施单位, 项目资金(万元) with 年度资金总额: 1125, 其中:财政拨款 1125, 其他资金 (empty), 年度目标 with its text " +
    "to the right; grid 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 whose 绩效指标 cell is a band down the left edge, " +
    "one indicator per level 2 (数量, 质量, 时效, 成本; 经济, 社会, 生态, 可持续影响; 服务对象满意度). Reproduced whole, with the " +
    "notes under the table as far as the stored page goes (note 2 breaks off after 并细化). No 项目编码 label.",
  patterns: ["outer-band"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["项目支出绩效目标申报表", null, null, null, null],
        ["(2021年度)", null, null, null, null],
        ["项目名称", "物业管理", null, null, null],
        ["主管部门", "县财政局", null, "实施单位", "安徽金寨经济开发区管理委员会"],
        ["项目资金\n(万元)", "年度资金总额:", null, 1125, null],
        [null, "其中:财政拨款", null, 1125, null],
        [null, "其他资金", null, null, null],
        ["年度目标", "目标1:维护辖区各安置小区安全巡逻、环境卫生及物业日常管理", null, null, null],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "指标1:安置小区物业费", "8个"],
        [
          null,
          null,
          "质量指标",
          "指标1:完成开发区工委、管委下达的安置小区物业费清算任务,指导小区物业开展文明创建等工作。",
          "房屋设备、设施的管理到位,环境卫生整洁,车辆停放有序",
        ],
        [null, null, "时效指标", "指标1:按时保质完成开发区安置小区物业管理工作", "2021年全年"],
        [null, null, "成本指标", "指标1:项目总成本(≤**万元)", "≤1125万元"],
        [null, "效益指标", "经济效益指标", "指标1:清算8个安置小区本年度物业费和历史的遗留物业费(≥**%)。", "≥95%"],
        [
          null,
          null,
          "社会效益指标",
          "指标1:改善安置小区群众生活质量,提升安置小区生活水平。助力全县文明城市创建。",
          "显著改善",
        ],
        [
          null,
          null,
          "生态效益指标",
          "指标1:优化安置小区生活环境,提高居民生活质量,营造安全舒适的居住环境。",
          "显著提高",
        ],
        [null, null, "可持续影响指标", "指标1:持续提供人力物力保障,解决居民群众生产生活问题", "持续保障"],
        [null, "满意度指标", "服务对象满意度指标", "指标1:小区居民满意度(≥**%)", "≥90%"],
        ["注: 1.“其他资金”是指与财政拨款共同用于同一项目的单位自有资金、社会资金等。", null, null, null, null],
        ["2.各单位可根据项目特点自行增加或减少二级指标,并细化", null, null, null, null],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "B3:E3",
        "B4:C4",
        "A5:A7",
        "B5:C5",
        "D5:E5",
        "B6:C6",
        "D6:E6",
        "B7:C7",
        "D7:E7",
        "B8:E8",
        "A9:A18",
        "B10:B13",
        "B14:B17",
        "A19:E19",
        "A20:E20",
      ],
    },
  ],
  expected: [
    {
      rule: "placeholder-text",
      severity: "error",
      cell: "D13",
      why: "§5: the cost indicator's name still holds (≤**万元), ** used as a number (names included)",
    },
    {
      rule: "placeholder-text",
      severity: "error",
      cell: "D14",
      why: "§5: the 经济效益 name still holds (≥**%), ** used as a number",
    },
    {
      rule: "placeholder-text",
      severity: "error",
      cell: "D18",
      why: "§5: the 满意度 name still holds (≥**%), ** used as a number (the spec's own example)",
    },
    {
      rule: "value-vague",
      severity: "warning",
      cell: "E15",
      why: "§5: 显著改善 is qualitative and only names a direction of change (改善 with 显著)",
    },
    {
      rule: "value-vague",
      severity: "warning",
      cell: "E16",
      why: "§5: 显著提高 is qualitative and only names a direction of change (提高 with 显著)",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5: project table (项目名称) with no 项目编码/项目代码 label; anchored at the project-name label",
    },
  ],
  disagreements: [
    "Every indicator name begins with the template numbering 指标1: followed by a real name. placeholder-text lists 指标1 as template text but does not say whether a cell that merely begins with it counts; only the three names holding ** are expected, the other six are left out. Likewise the goal 目标1:维护… is not the seed's 目标内容1 and is not expected.",
    "The 质量 target (房屋设备、设施的管理到位,环境卫生整洁,车辆停放有序) and the 可持续影响 target 持续保障 are qualitative without a change verb of §5's list; nothing is expected for them.",
    "The cost target ≤1125万元 equals the budget 1125 (not above it): no cost-exceeds-budget.",
  ],
};

export default table;
