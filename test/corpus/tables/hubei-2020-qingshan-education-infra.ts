import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "hubei-2020-qingshan-education-infra",
  province: "湖北",
  publisher: "武汉市青山区教育局",
  source: "http://www.qingshan.gov.cn/qzfbm/zfgzbm/jyj/czxx/zjxx/202001/t20200120_1016313.shtml",
  year: 2020,
  description:
    "项目支出绩效目标表3 (2020年度), project 教育系统基础设施建设和设备购置 of 武汉市青山区教育局, reproduced whole from the " +
    "page. Wuhan form: 项目名称, 主管部门及编码, 项目属性/项目起止时间, 项目资金 with 资金总额/当年资金总额, 其中:财政拨款/" +
    "其中:当年财政拨款 and 其他资金/当年其他资金 side by side, 总体目标 with 中期目标 and 年度目标 headings over their texts, " +
    "then a heading 绩效项目指标表 and a double grid: 一级指标 | 二级指标(长期) | 三级指标(长期) | 指标值(长期) | 二级指标(年度) | " +
    "三级指标(年度) | 指标值(年度). The long-term level-3 and value columns are left empty; level-1 is repeated on every row. " +
    "The subtitle reads 2020年度) as published.",
  patterns: ["values-below", "header-labels"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["项目支出绩效目标表", null, null, null, null, null, null],
        ["2020年度)", null, null, null, null, null, null],
        ["项目名称", "教育系统基础设施建设和设备购置", null, null, null, null, null],
        ["主管部门\n及编码", "[015001]武汉市青山区教育局", null, "实施单位", "武汉市青山区教育局", null, null],
        ["项目属性", "基础建设、修缮类", null, "项目起止时间", "202001-202012", null, null],
        ["项目资金", "资金总额", "10000万元", "当年资金总额:", null, "10000万元", null],
        [null, "其中:财政拨款", "10000万元", "其中:当年财政拨款", null, "10000万元", null],
        [null, "其他资金", null, "当年其他资金", null, null, null],
        ["总体目标", "中期目标", null, null, "年度目标", null, null],
        [
          null,
          "优化教育布局,推进教育领域综合改革全面提升育人质量实现基础教育持续发展",
          null,
          null,
          "按工作计划完成教育局重点项目建设经费预算安排",
          null,
          null,
        ],
        ["绩效项目指标表", null, null, null, null, null, null],
        [
          "一级指标",
          "二级指标(长期)",
          "三级指标(长期)",
          "指标值(长期)",
          "二级指标(年度)",
          "三级指标(年度)",
          "指标值(年度)",
        ],
        ["产出指标", "数量指标", null, null, "数量指标", "重点建设工程安排数量", 2],
        ["产出指标", "质量指标", null, null, "质量指标", "重点建设工程验收合格率", "100%"],
        ["产出指标", "成本指标", null, null, "成本指标", "建设项目成本", "参照政府采购成本控制"],
        ["产出指标", "时效指标", null, null, "时效指标", "重点建设工程按期完成率", "100%"],
        ["效益指标", "可持续影响指标", null, null, "可持续影响指标", "基础教育巩固提高情况", "巩固提高"],
        ["效益指标", "社会效益指标", null, null, "社会效益指标", "基础教育学校办学条件", "持续改善"],
        ["满意度指标", "服务对象满意度指标", null, null, "服务对象满意度指标", "学生、家长、社会满意度", "≥90%"],
      ],
      merges: [
        "A1:G1",
        "A2:G2",
        "B3:G3",
        "B4:C4",
        "E4:G4",
        "B5:C5",
        "E5:G5",
        "A6:A8",
        "D6:E6",
        "F6:G6",
        "D7:E7",
        "F7:G7",
        "D8:E8",
        "F8:G8",
        "A9:A10",
        "B9:D9",
        "E9:G9",
        "B10:D10",
        "E10:G10",
        "A11:G11",
      ],
    },
  ],
  expected: [
    {
      rule: "unit-missing",
      severity: "warning",
      cell: "G13",
      why: "§5: the 数量 target 2 is quantitative with no unit anywhere (no unit text, no unit column)",
    },
    {
      rule: "value-not-numeric",
      severity: "error",
      cell: "G15",
      why: "§5: legacy 成本指标 indicator 建设项目成本 with the target 参照政府采购成本控制, no number",
    },
    {
      rule: "value-vague",
      severity: "warning",
      cell: "G17",
      why: "§5: 巩固提高 is qualitative and only names a direction of change (提高)",
    },
    {
      rule: "value-vague",
      severity: "warning",
      cell: "G18",
      why: "§5: 持续改善 is qualitative and only names a direction of change (改善)",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5: project table with no 项目编码/项目代码 (主管部门及编码 holds the department code [015001]); anchored at the project-name label",
    },
  ],
  disagreements: [
    "The grid is double: the headers 二级指标(长期)/三级指标(长期)/指标值(长期) and 二级指标(年度)/三级指标(年度)/指标值(年度) carry bracketed notes, and §2 matches headers only after removing white space, so a literal reader finds no level-2 header and no grid at all (only a no-table info). The published table plainly is a target table whose annual columns hold the targets; following §2b's preference for the annual goal over the mid-term one, the expectation reads the (年度) columns (E–G) as level 2, level 3 and value, and the empty long-term columns as nothing.",
    "value-vague lists the modifiers 有效/进一步/明显/逐步/有所/不断/显著/大幅/积极; 巩固 and 持续 are not among them, but 巩固提高 and 持续改善 still only name a direction of change, so both warnings are expected.",
    "project-code-missing anchors at 'label' but the form has no project-code label; A3 (the project-name label) is assumed.",
    "Budget: 资金总额 and 当年资金总额 both hold 10000万元 (当年 preferred); fiscal 10000万元 and the empty other funds agree, so nothing is expected.",
  ],
};

export default table;
