import type { CorpusTable } from "../format";

/**
 * 昌宁县供销合作社联合社 (保山市): 2022年度项目支出绩效自评表 of a pig-farm construction project, whose indicator names
 * still carry the form's (≥**平方米) placeholders. Only the 数量指标 rows were visible in the stored page.
 */
const names: [string, number, number, number | null][] = [
  ["公猪舍(≥**平方米)", 22.8, 22.8, 1],
  ["母猪、保育猪舍(≥**平方米)", 180, 180, 3],
  ["育肥猪舍(≥**平方米)", 180, 180, 3],
  ["周转猪舍(≥**平方米)", 180, 180, 3],
  ["隔离舍(≥**平方米)", 54, 54, 2],
  ["仓库(≥**平方米)", 104, 104, 2],
  ["管理用房及消通道(≥**平方米)", 76.44, 76.44, 2],
  ["化粪池(≥**立方米)", 63, 63, 1],
  ["堆粪房(≥**平方米)", 29.6, 29.6, 1],
  ["消毒池(≥**平方米)", 14, 14, 1],
  ["排污沟(≥米)", 50, 50, 1],
  ["场地硬化(≥**平方米)", 230, 230, 2],
  ["粉碎拌合机(11kw)(≥台)", 1, 1, 1],
  ["产床(全复合双体产床)(≥套)", 2, 2, 1],
  ["保育栏(≥套)", 4, 4, 1],
  ["消毒机(≥台)", 1, 1, 1],
  ["冲洗机(≥台)", 1, 1, 1],
  ["种公猪(≥头)", 2, 2, 2],
  ["种母猪(≥头)", 20, 20, null],
];

const table: CorpusTable = {
  id: "yunnan-2022-changning-pig-farm-selfeval",
  province: "云南",
  publisher: "昌宁县供销合作社联合社（保山市昌宁县）",
  source: "https://yncn.gov.cn/info/5102/8340150.htm",
  year: 2022,
  description:
    "附件3: 2022年度项目支出绩效自评表 (published 2023-04-20), project 昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目 (县直专项) " +
    "of 昌宁县供销合作社联合社. Header: 单位名称 / 填报日期 line, 项目名称, 主管部门 / 项目实施单位, 项目类别 and 项目属性 " +
    "check-box lines, 预算执行情况(万元)(20分) with 预算数(A) 50 | 执行数(B) 10 | 执行率(B/A) 20 | 得分 4 as published. Grid " +
    "年度绩效目标(80分) | 一级指标 | 二级指标 | 三级指标 | 年初目标值(A) | 实际完成值(B) | 得分, the 年度绩效目标(80分) cell being a " +
    "band merged down the left edge. The stored page is returned only from its beginning: reproduced down to the row " +
    "种母猪(≥头) 20 | 20 (its 得分 cell and everything after — the rest of the output, benefit and satisfaction rows — are " +
    "not reproduced). Eleven of the nineteen 数量 names still carry the template's ** placeholder, e.g. 公猪舍(≥**平方米); " +
    "the targets are bare numbers, the unit standing in the name. Merges of the band, 产出指标(40分) and 数量指标 over their " +
    "rows follow the form (the page text gives each of the following rows without those cells).",
  patterns: ["self-evaluation", "outer-band", "level-notes"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["附件3:", null, null, null, null, null, null],
        ["2022年度项目支出绩效自评表", null, null, null, null, null, null],
        ["单位名称:昌宁县供销合作社联合社", null, null, null, "填报日期:2023年4月15日", null, null],
        ["项目名称", "昌宁县昌龙鸿运牧业专业合作社生猪养殖场建设项目", null, null, null, null, null],
        ["主管部门", "昌宁县供销合作社联合社", null, "项目实施单位", "昌宁县昌龙鸿运牧业专业合作社", null, null],
        ["项目类别", "1、部门预算项目 □ 2、县直专项 ☑ 3、省市对下转移支付项目 □", null, null, null, null, null],
        ["项目属性", "1、持续性项目 ☑ 2、新增性项目 □", null, null, null, null, null],
        ["预算执行情况(万元)\n(20分)", null, "预算数(A)", "执行数(B)", "执行率(B/A)", "得分\n(20分*执行率)", null],
        ["年度财政资金总额", null, 50, 10, 20, 4, null],
        ["年度绩效目标\n(80分)", "一级指标", "二级指标", "三级指标", "年初目标值(A)", "实际完成值(B)", "得分"],
        ...names.map(([name, target, actual, score], i): (string | number | null)[] =>
          i === 0
            ? [null, "产出指标(40分)", "数量指标", name, target, actual, score]
            : [null, null, null, name, target, actual, score],
        ),
      ],
      merges: [
        "A2:G2",
        "A3:D3",
        "E3:G3",
        "B4:G4",
        "B5:C5",
        "E5:G5",
        "B6:G6",
        "B7:G7",
        "A9:B9",
        "A10:A29",
        "B11:B29",
        "C11:C29",
      ],
    },
  ],
  expected: [
    ...[11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22].map((row) => ({
      rule: "placeholder-text",
      severity: "error" as const,
      cell: `D${row}`,
      why: "§5: the indicator name still holds template text, ** used as a number ((≥**平方米) / (≥**立方米)); names included",
    })),
    {
      rule: "level1-missing",
      severity: "error",
      cell: "B10",
      why: "§5: no 效益指标 indicator in the reproduced grid (truncation of the stored page)",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B10",
      why: "§5: no 满意度指标 indicator in the reproduced grid (warning; truncation of the stored page)",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B11",
      why: "§5: 产出指标 has no 质量指标 in the reproduced grid",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B11",
      why: "§5: 产出指标 has no 时效指标 in the reproduced grid",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B11",
      why: "§5: legacy framework (no 成本指标 level 1) and 产出指标 has no 成本指标 in the reproduced grid",
    },
  ],
  disagreements: [
    "The target header is 年初目标值(A), which is not among §2's value headers (目标值 only with nothing around it). Read literally the grid has no value column and grid-column-missing (error) would fire; the published form plainly has one, so the expectation follows the table: column E is read as the target column and no grid-column-missing is expected.",
    "Every target is a bare number (22.8, 180, 1) and the unit stands only in the indicator name ((≥**平方米), (≥台)). unit-missing says 'no unit anywhere (no unit text, no unit column)' without saying whether a unit in the name counts; since a reviewer reads 平方米 right there, no unit-missing is expected. If the name does not count, 19 unit-missing warnings (E11:E29) would be due.",
    "排污沟(≥米), (≥台), (≥套), (≥头) keep the template's operator and unit with the ** already removed; they are not placeholder-text by §5's list.",
    "The five structure findings (level1-missing ×2, output-dimension-missing ×3) come from the truncation of the stored page, not from the published table.",
    "The 年度绩效目标(80分) band also reads as a goals label (年度绩效目标 plus a bracketed score); a self-evaluation table gets no header findings either way.",
  ],
};

export default table;
