import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "fujian-2019-ningde-fangzhi-dept",
  province: "福建",
  publisher: "中共宁德市委党史和地方志研究室（原宁德市地方志编纂委员会）",
  source: "http://ndfzw.com/ggl/2019-12-31/7211.html",
  year: 2019,
  description:
    "部门整体支出绩效目标表 (2019年度), published 2019-12-31 as 19年度部门整体支出绩效目标(原方志委), attachment 附件4 " +
    "部门整体支出绩效目标表(60.8).xls shown inline. Fujian department form: 部门(单位)名称 | 部门预算编码, 年度预算安排(万元) " +
    "with 资金总额 171.41 / 项目支出 60.8 / 基本支出 110.61, 年度总体目标 (目标1…目标4), a 年度履职目标 block (部门职能 | " +
    "年度目标任务 | 支出项目名称 | 预算金额(万元), three rows), then the grid 一级指标 | 二级指标 | 三级指标 | 指标解释 | 目标值. " +
    "The 指标解释 column holds the standard (100%(历史标准), 90%(计划标准)); two 质量 targets are the bare number 1. The " +
    "subtitle reads 2019年度) as published. Only the part seen is reproduced: the stored text breaks off at the 成本指标 row " +
    "(成本指标, 基本支出, value not seen), so that row and the 效益 and 满意度 rows after it are left out. The stored text shows " +
    "an empty line between the 年度履职目标 block and the grid header; no row is reproduced for it.",
  patterns: ["department"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["部门整体支出绩效目标表", null, null, null, null],
        ["2019年度)", null, null, null, null],
        ["部门(单位)名称", "中共宁德市委党史和地方志研究室", null, "部门预算编码", 901001033],
        ["年度\n预算\n安排\n(万元)", "资金总额", 171.41, null, null],
        [null, "项目支出", 60.8, null, null],
        [null, "基本支出", 110.61, null, null],
        [
          "年度\n总体\n目标",
          "目标1:确保本室各人员工资及福利的发放;\n目标2:对合作社区、退休人员及遗孀、困难群众进行一定程度的补助;\n目标3:确保本室日常办公所需经费正常运行;\n目标4:保障志鉴地情相关工作开展所需资金,确保完成2019年度任务。",
          null,
          null,
          null,
        ],
        ["年度\n履职\n目标", "部门职能", "年度目标任务", "支出项目名称", "预算金额(万元)"],
        [
          null,
          "组织、指导、编纂、督促和检查地方志、年鉴、地情工作",
          "保障志鉴地情相关工作开展所需资金,确保完成2019年度任务",
          "地情、市志编纂与年鉴出版经费",
          49.8,
        ],
        [null, "确保本室各人员工资及福利的发放", "按时发放2019年人员福利", "地情、市志编纂与年鉴出版经费", 11],
        [null, "确保日常工作正常运行", "按时发放2019年人员工资待遇", "基本支出", 171.41],
        ["一级指标", "二级指标", "三级指标", "指标解释", "目标值"],
        ["产出指标", "数量指标", "志鉴地情相关工作开展所需资金的供应时效", "100%(历史标准)", "100%"],
        [null, null, "确保日常工作正常运行", "100%", "100%"],
        [null, null, "按年度发放绩效奖、文明奖、综治平安奖、应休未休补贴", "60%", "≥60%"],
        [null, "质量指标", "调研、督促、指导志、鉴、地情编纂的县(市、区)的覆盖率", "90%(计划标准)", 1],
        [null, null, "各类书籍审稿率", "100%(计划标准)", 1],
        [null, "时效指标", "项目完成时间", "2019年12月(计划标准)", "100%"],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "B3:C3",
        "A4:A6",
        "C4:E4",
        "C5:E5",
        "C6:E6",
        "B7:E7",
        "A8:A11",
        "A13:A18",
        "B13:B15",
        "B16:B17",
      ],
      numberFormats: { C4: "0.00", C5: "0.00", C6: "0.00" },
    },
  ],
  expected: [
    {
      rule: "unit-missing",
      severity: "warning",
      cell: "E16",
      why: "§4/§5: the 质量 target 1 (…覆盖率) is a bare number with no unit and there is no unit column",
    },
    {
      rule: "unit-missing",
      severity: "warning",
      cell: "E17",
      why: "§4/§5: the 质量 target 1 (各类书籍审稿率) is a bare number with no unit",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "A13",
      why: "§5: legacy table (no 成本 level 1) whose reproduced 产出 has no 成本指标 (the published 成本指标 row was cut off)",
    },
    {
      rule: "level1-missing",
      severity: "error",
      cell: "A12",
      why: "§5: no 效益指标 row in the reproduced part (cut off); anchored at the grid header's level-1 cell",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "A12",
      why: "§5: no 满意度指标 row in the reproduced part (cut off); 满意度 is a warning",
    },
  ],
  disagreements: [
    "The three structure findings (output-dimension-missing for 成本, level1-missing for 效益 and 满意度) come from the truncation of the stored page; the published table goes on with a 成本指标 row and, by the form, 效益 and 满意度 rows.",
    "The table is a department table (title 部门整体支出绩效目标表, label 部门(单位)名称): no project-header finding is expected, although 资金总额 is a budget label.",
    "The 时效 indicator 项目完成时间 has the target 100% (its 指标解释 cell says 2019年12月(计划标准)). §5 timeliness-format fires for a value that is 'neither a time nor a rate percentage'; 100% is a percentage, so read literally nothing is expected, although a completion time given as 100% is no time. The spec does not say whether the indicator's name must be a rate for its percentage to count.",
    "The two 质量 targets 1 (覆盖率, 审稿率) are probably 100% written as a fraction; the page shows 1, not 100%, so the cell is reproduced as the number 1 with no percent format, and unit-missing is expected. Nor is percent-out-of-range expected: without % the value is not a percentage.",
    "The 年度履职目标 block has a 支出项目名称 column; it is not the project-name label (项目名称, 项目支出名称) and the block has no level columns, so it is not read as a grid.",
  ],
};

export default table;
