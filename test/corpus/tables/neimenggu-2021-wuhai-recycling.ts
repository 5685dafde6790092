import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "neimenggu-2021-wuhai-recycling",
  province: "内蒙古",
  publisher: "乌海市供销合作社联合社",
  source: "http://gxs.wuhai.gov.cn/whsgxshzslhs/1096934/sjtj/1341823/index.html",
  year: 2021,
  description:
    "再生资源回收市场管理经费项目绩效目标表 (2021年), published 2022-09-12 under 新闻资讯 > 数据统计 by the Wuhai supply and " +
    "marketing cooperative. Inner Mongolia form: 项目名称, 项目类别 (31)部门预算项目, 归口科室, 主管部门 (433)…, 实施单位 " +
    "(433001)…, 投入目标(万元) with 资金来源 | 年初安排金额(万元) and 资金总额 3 / 其中: 财政拨款数 3 / 其他资金 0, 年度目标, a " +
    "heading row 绩效指标(权重分值90分,…) over the grid, then the split-value grid 一级指标 | 二级指标 | 三级指标 | 指标性质 | " +
    "指标方向 | 目标值 | 计量单位 | 分值 | 备注: 指标性质 holds 正向/反向 and 指标方向 the operator =. The two 时效 time indicators " +
    "hold the leaked Excel date 44,561 (2021-12-31) in 目标值, echoed in 计量单位 (reproduced as number cells shown with a " +
    "thousands separator). The 出差人数 row has an empty unit cell. The level-1 name is repeated on every row as published. " +
    "Only the part seen is reproduced: the stored text breaks off after the last 成本指标 row (年度预算总成本) at the first " +
    "character of the 效益 rows, so the 效益 and 满意度 rows are left out. The heading 绩效指标(…) is read as a full-width " +
    "row over the grid header (the text flow does not show whether it is merged down the left edge instead).",
  patterns: ["date-serial-split", "split-operator", "split-unit"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["再生资源回收市场管理经费项目绩效目标表", null, null, null, null, null, null, null, null],
        ["(2021年)", null, null, null, null, null, null, null, null],
        ["项目名称", "再生资源回收市场管理经费", null, null, null, null, null, null, null],
        ["项目类别", "(31)部门预算项目", null, null, null, null, null, null, null],
        ["归口科室", "(08)经济贸易科", null, null, null, null, null, null, null],
        ["主管部门", "(433)乌海市供销合作社联合社(部门)", null, null, null, null, null, null, null],
        ["实施单位", "(433001)乌海市供销合作社联合社", null, null, null, null, null, null, null],
        ["投入目标\n(万元)", "资金来源", null, null, null, "年初安排金额(万元)", null, null, null],
        [null, "资金总额", null, null, null, 3, null, null, null],
        [null, "其中: 财政拨款数", null, null, null, 3, null, null, null],
        [null, "其他资金", null, null, null, 0, null, null, null],
        [
          "年度目标",
          "围绕国家关于建设节约型社会和发展循环经济的要求,在充分规范整合和利用现有再生资源回收渠道的基础上,合理布局,规范建设。达成以下目标: 目标1:聘用人员1人,出差8人 目标2:聘用人员在岗率100% 目标3:2021年12月31日前完成 目标4:年度预算总金额3万元 目标5:促进资源循环和高效利用,改善城乡生态环境。",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        [
          "绩效指标(权重分值90分,其中产出指标权重分值50分,效益指标权重分值30分,满意度指标权重分值10分)",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "目标值", "计量单位", "分值", "备注"],
        ["产出指标", "数量指标", "出差人数", "正向", "=", 8, null, 4, null],
        ["产出指标", "数量指标", "出差人次", "正向", "=", 24, "人/次", 4, null],
        ["产出指标", "质量指标", "工作任务完成率", "正向", "=", 100, "%", 4, null],
        ["产出指标", "时效指标", "项目财政资金到位时间", "正向", "=", 44561, 44561, 10, null],
        ["产出指标", "时效指标", "财政资金到位及时支付率", "正向", "=", 100, "%", 4, null],
        ["产出指标", "时效指标", "工作计划按时完成时间", "正向", "=", 44561, 44561, 4, null],
        ["产出指标", "成本指标", "出差单位成本", "反向", "=", 0, "万元/人", 4, null],
        ["产出指标", "成本指标", "出差总成本", "反向", "=", 1, "万元", 4, null],
        ["产出指标", "成本指标", "劳务人员总成本", "反向", "=", 2, "万元", 4, null],
        ["产出指标", "成本指标", "办公费总成本", "反向", "=", 0, "万元", 4, null],
        ["产出指标", "成本指标", "年度预算总成本", "反向", "=", 3, "万元", 4, null],
      ],
      merges: [
        "A1:I1",
        "A2:I2",
        "B3:I3",
        "B4:I4",
        "B5:I5",
        "B6:I6",
        "B7:I7",
        "A8:A11",
        "B8:E8",
        "F8:I8",
        "B9:E9",
        "F9:I9",
        "B10:E10",
        "F10:I10",
        "B11:E11",
        "F11:I11",
        "B12:I12",
        "A13:I13",
      ],
      numberFormats: { F18: "#,##0", G18: "#,##0", F20: "#,##0", G20: "#,##0" },
    },
  ],
  expected: [
    {
      rule: "unit-missing",
      severity: "warning",
      cell: "F15",
      why: "§4/§5: =8 (出差人数) is quantitative and its 计量单位 cell is empty: no unit anywhere",
    },
    {
      rule: "date-serial",
      severity: "error",
      cell: "F18",
      why: "§2b/§5: 44561 (2021-12-31) is a bare integer in 36526–73050 in a 时效 value cell; the echo in 计量单位 is not a unit",
    },
    {
      rule: "date-serial",
      severity: "error",
      cell: "F20",
      why: "§2b/§5: 44561 (2021-12-31) under 时效指标 (工作计划按时完成时间), a leaked date serial",
    },
    {
      rule: "level1-missing",
      severity: "error",
      cell: "A14",
      why: "§5: no 效益指标 row in the reproduced part (the stored page breaks off at the 效益 rows); anchored at the grid header's level-1 cell",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "A14",
      why: "§5: no 满意度指标 row in the reproduced part (cut off); 满意度 is a warning",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5: project table with no 项目编码/项目代码 label ((31) is the 项目类别); anchored at the project-name label by the corpus convention",
    },
  ],
  disagreements: [
    "The two level1-missing findings come from the truncation of the stored page, not from the published table, which goes on with 效益 and (by its weight note) 满意度 rows.",
    "unit-missing says 'no unit anywhere (no unit text, no unit column)'. Here the grid has a 计量单位 column but the 出差人数 cell in it is empty; read literally the value =8 has no unit anywhere, so the warning is expected. If the product reads 'no unit column' as a condition, it should go.",
    "The header labels are 指标性质 (holding 正向/反向) and 指标方向 (holding the operator =), the reverse of what the names suggest; §2b allows either column to hold the operator, so the values assemble as =8, =24人/次, =100%, =44561.",
    "其中: 财政拨款数 has the colon after 其中 rather than after the label; §2 lists 财政拨款数 and 其中:财政拨款 as labels, so it is read as the fiscal funds (3 + 0 = 3, no budget-sources-mismatch either way).",
    "出差单位成本 =0 万元/人 and 办公费总成本 =0 万元 are zero cost targets; no rule of §5 speaks of a zero cost, so nothing is expected.",
  ],
};

export default table;
