import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "xinjiang-2021-aral-liutuan-coldstore",
  province: "新疆",
  publisher: "新疆生产建设兵团第一师阿拉尔市财政局",
  source: "http://www.nys.gov.cn/xwzx/tzgg/content_88212",
  year: 2021,
  description:
    "兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表, attached to 关于下达2021年兵团本级财政衔接推进乡村振兴补助资金预算" +
    "指标的通知 (六团, 1500万元): project 第一师六团…特色产业基地气调保鲜库建设项目. Two budget labels (项目资金总额 for " +
    "the project, 年度资金申请总额 for the year), goals as two headings (项目总目标 | 年度总体目标) over their texts in " +
    "the row beneath, an outer 绩 效 指 标 band, and level names written with inner spaces (一级 指标, 产 出 指 标). " +
    "Only the part of the page the search excerpt showed is reproduced: it stops after the third 数量指标 row, so the " +
    "质量, 时效, 成本, 效益 and 满意度 rows are missing.",
  patterns: ["outer-band", "values-below", "header-labels", "level-notes"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["附件:", null, null, null, null],
        ["兵团本级财政衔接推进乡村振兴补助资金绩效目标申报表", null, null, null, null],
        ["项目名称", "第一师六团巩固脱贫攻坚与乡村振兴有效衔接特色产业基地气调保鲜库建设项目", null, null, null],
        ["主管部门", "农业农村局", "实施单位", "新疆生产建设兵团第一师阿拉尔市六团农业发展服务中心", null],
        ["项目属性", "兵团推进乡村振兴补助资金", "项目期", "1年", null],
        ["资金情况 (万元)", "项目资金总额:", 1500, "年度资金申请总额", 1500],
        [null, "其中:财政资金", 1500, "其中:当年财政拨款", 1500],
        [null, null, null, "上年结转资金", null],
        [null, "其他资金", null, "其他资金", null],
        ["项目绩效目标", "项目总目标", null, "年度总体目标", null],
        [
          null,
          "建设完成保鲜库1座,3550平方米;建设完成消防水池1座,419平方米。",
          null,
          "2021年完成保鲜库钢构主体安装、封顶;完成消防水池土建工程。",
          null,
        ],
        ["绩 效 指 标", "一级 指标", "二级指标", "三级指标", "年度指标值"],
        [null, "产 出 指 标", "数量指标", "指标1:新建保鲜库数量", "1座"],
        [null, null, null, "指标2:新建保鲜库面积", "3550平方米"],
        [null, null, null, "指标3:新建消防水池数量", "1座"],
      ],
      merges: [
        "A2:E2",
        "B3:E3",
        "D4:E4",
        "D5:E5",
        "A6:A9",
        "A10:A11",
        "B10:C10",
        "D10:E10",
        "B11:C11",
        "D11:E11",
        "A12:A15",
        "B13:B15",
        "C13:C15",
      ],
    },
  ],
  expected: [
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B13",
      why: "§5 output-dimension-missing (质量: warning): no 质量指标 in the reproduced 产出 group (excerpt truncated)",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B13",
      why: "§5 output-dimension-missing (时效: warning): no 时效指标 in the reproduced 产出 group (excerpt truncated)",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B13",
      why: "§5 output-dimension-missing (legacy 成本: warning): legacy framework (no 成本 level 1) and no 成本指标 under 产出 in the reproduction",
    },
    {
      rule: "level1-missing",
      severity: "error",
      cell: "B12",
      why: "§5 level1-missing: no 效益指标 in the reproduced grid (excerpt truncated)",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B12",
      why: "§5 level1-missing (满意度: warning): no 满意度指标 in the reproduced grid (excerpt truncated)",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5 project-code-missing: project table (项目名称) with no 项目编码/项目代码 label",
    },
  ],
  disagreements: [
    "All level1-missing and output-dimension-missing findings come only from the truncated reproduction, not from the published table.",
    "project-code-missing anchors to 'label' in §5 but the table has no code label; anchored here to the 项目名称 label (A3).",
    "Level-3 names carry the form's numbering 指标1: / 指标2: / 指标3: before real names. §5 placeholder-text lists 指标1 as template text, but here it is only the printed numbering; not expected as placeholder-text.",
    "The grid header writes the level-1 column as 一级 指标 (inner space); §2 says headers are normalised by removing all white space, so it is read as 一级指标.",
  ],
};

export default table;
