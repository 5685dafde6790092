import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "hubei-2020-qingshan-schools",
  province: "湖北",
  publisher: "武汉市青山区教育局",
  source: "https://www.qingshan.gov.cn/qzfbm/zfgzbm/jyj/czxx/zxzj/ywjygz/202101/t20210105_1589009.shtml",
  year: 2020,
  description:
    "绩效目标表(2020年度) of the transfer-payment project 农村义务教育薄弱学校改造补助资金 (executed by 化工区学校), " +
    "reproduced whole from the page. The 2015 transfer-payment form: 项目名称, 主管部门/执行单位, 资金情况(万元) with " +
    "年度资金总额 and 其中:上级资金, then 总体目标 | 年度目标 with the goal text in the row beneath, and a grid " +
    "绩效指标 | 一级指标 | 二级指标 | 指标内容 | 指标值 whose 绩效指标 cell is a band merged down the left edge. " +
    "社会公众或服务对象满意度指标 stands under the merged 效益指标 cell.",
  patterns: ["legacy-2015", "outer-band", "values-below", "header-labels"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["绩效目标表", null, null, null, null],
        ["(2020年度)", null, null, null, null],
        ["项目名称", "农村义务教育薄弱学校改造补助资金", null, null, null],
        ["项目主管部门", "青山区教育局", null, "项目执行单位", "化工区学校"],
        ["资金情况\n(万元)", "年度资金总额:", null, 16, null],
        [null, "其中 :上级资金", null, 16, null],
        ["总体目标", "年度目标", null, null, null],
        [
          null,
          "全面改善农村义务教育薄弱学校办学条件,扩大基础教育资源,进一步提高义务教育均衡发展水平。",
          null,
          null,
          null,
        ],
        ["绩效指标", "一级指标", "二级指标", "指标内容", "指标值"],
        [null, "产出指标", "数量指标", "农村义务教育学校改造覆盖率", "100%"],
        [null, null, "质量指标", "校舍维修改造质量合格率", "100%"],
        [null, null, null, "购置设施设备质量合格率", "100%"],
        [null, null, "时效指标", "预算资金当年下达率", "100%"],
        [null, null, null, "项目按计划完成率", "100%"],
        [null, null, "成本指标", "建设项目成本控制率", "100%"],
        [null, "效益指标", "可持续影响指标", "义务教育优质均衡发展情况", "稳步提高"],
        [null, null, "社会公众或服务对象满意度指标", "学生家长满意度", "≥90%"],
        [null, null, null, "学校满意度", "≥90%"],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "B3:E3",
        "B4:C4",
        "A5:A6",
        "B5:C5",
        "D5:E5",
        "B6:C6",
        "D6:E6",
        "A7:A8",
        "B7:E7",
        "B8:E8",
        "A9:A18",
        "B10:B15",
        "C11:C12",
        "C13:C14",
        "B16:B18",
        "C17:C18",
      ],
    },
  ],
  expected: [
    {
      rule: "level2-wrong-parent",
      severity: "error",
      cell: "C17",
      why: "§2b legacy-2015: 社会公众或服务对象满意度指标 filed under the merged 效益指标 cell (B16:B18)",
    },
    {
      rule: "value-vague",
      severity: "warning",
      cell: "E16",
      why: "§5: 稳步提高 is qualitative and only names a direction of change (提高)",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5: project table (项目名称) with no 项目编码/项目代码; no label exists, anchored at the project-name label",
    },
  ],
  disagreements: [
    "value-vague lists the modifiers 有效/进一步/明显/逐步/有所/不断/显著/大幅/积极 but not 稳步; 稳步提高 still only names a direction of change, so the warning is expected.",
    "With satisfaction filed under 效益指标 there is no 满意度指标 level 1; whether level1-missing (满意度, warning) should fire besides level2-wrong-parent is not said, so it is left out. Likewise satisfaction-as-benefit on 学生家长满意度/学校满意度 (D17, D18) is left out: the spec names level2-wrong-parent as the finding for this form.",
    "project-code-missing anchors at 'label' but the form has no code label; A3 (the project-name label) is assumed.",
    "The 绩效指标 band cell (A9:A18) holds a level-3 header synonym; §2b says a cell merged vertically over data rows is never a column header, so 指标内容 (D9) is the level-3 column.",
  ],
};

export default table;
