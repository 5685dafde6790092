import type { CorpusTable } from "../format";

/**
 * 东莞市交通运输局: 东莞市财政项目支出绩效目标批复表 (2019), the Guangdong form with local level names
 * (预期产出指标, 效果指标, 数量指标（或建筑规模指标）…), a mid-term and an annual grid side by side.
 */
const table: CorpusTable = {
  id: "guangdong-2019-dongguan-road",
  province: "广东",
  publisher: "东莞市交通运输局",
  source: "https://gdyinping.com/wwwgdyinpingcom/007329896/0801/201904/fdb5a052be7e4616a3536a4af16269b8.htm",
  year: 2019,
  description:
    "东莞市财政项目支出绩效目标批复表（镇际联网路升级改造工程一期）, published 2019-04-29 by the Dongguan transport " +
    "bureau (通知公告; the stored copy sits under a mirror address of the Dongguan government site). Header: 项目名称, " +
    "中期市财政预算（万元）284500.00, 本年度申请市财政预算资金（万元）919.00; 总体目标 with the headings 中期滚动目标" +
    "（2019年--2021年） and 年度目标 standing over their texts in the row beneath. The indicator block has a 绩效指标 " +
    "band down the left edge, one level-1 column, then two grids side by side: the mid-term one (二级 指标 | 三级 指标 | " +
    "指标值（或计划水平）) and the annual one (二级 指标 | 三级 指标 | 计划指标值（或计划水平）). Local level names: " +
    "预期产出指标, 效果指标, 数量指标（或建筑规模指标）, 时效指标（工期指标）, 预算（或投资规模）控制指标, 社会、经济、生态效益 " +
    "指标. Only the part seen is reproduced: the stored text breaks off at the 可持续影响指标 row (三级指标 " +
    "实现建设总目标控制程度, value not seen), so that row and any rows after it (satisfaction) are left out.",
  patterns: ["outer-band", "values-below", "header-labels", "level-notes", "level-synonyms"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["东莞市财政项目支出绩效目标批复表", null, null, null, null, null, null, null],
        ["( 2019 年度)", null, null, null, null, null, null, null],
        ["预算单位:东莞市交通运输局", null, null, null, null, null, null, null],
        [
          "项目 名称",
          "镇际联网路升级改造工程一期",
          null,
          "中期市财政预算(万元)",
          284500,
          "本年度申请市财政预算资金(万元)",
          null,
          919,
        ],
        ["总体目标", "中期滚动目标(2019年--2021年)", null, null, null, "年度目标", null, null],
        [
          null,
          "新建或改造道路,共29个项目,规划里程169公里。",
          null,
          null,
          null,
          "督促勘察设计单位、咨询单位完成勘察设计费、审查咨询费结算532万元,以及茶山、常平镇街完成3个项目补助尾款结算387万元。",
          null,
          null,
        ],
        [
          "绩效指标",
          "一级 指标",
          "二级 指标",
          "三级 指标",
          "指标值(或计划水平)",
          "二级 指标",
          "三级 指标",
          "计划指标值(或计划水平)",
        ],
        [
          null,
          "预期产出指标",
          "数量指标(或建筑规模指标)",
          "镇街补助款完成结算项目数",
          3,
          "数量指标(或建筑规模指标)",
          "镇街补助款完成结算项目数",
          3,
        ],
        [null, null, "质量指标", "补助款结算误差率", "±3%以内", "质量指标", "补助款结算误差率", "±3%以内"],
        [
          null,
          null,
          "时效指标(工期指标)",
          "结算款支付及时性",
          "及时",
          "时效指标(工期指标、形象进度指标)",
          "结算款支付及时性",
          "及时",
        ],
        [
          null,
          null,
          "预算(或投资规模)控制指标",
          "年度预算执行率",
          "≥90%",
          "预算(或投资规模)控制指标",
          "年度预算执行率",
          "≥90%",
        ],
        [
          null,
          "效果指标",
          "社会、经济、生态效益 指标",
          "补助款结算争议率",
          "0%",
          "社会、经济、生态效益 指标",
          "补助款结算争议率",
          "0%",
        ],
      ],
      merges: [
        "A1:H1",
        "A2:H2",
        "A3:H3",
        "B4:C4",
        "F4:G4",
        "A5:A6",
        "B5:E5",
        "F5:H5",
        "B6:E6",
        "F6:H6",
        "A7:A12",
        "B8:B11",
      ],
      numberFormats: { E4: "0.00", H4: "0.00" },
    },
  ],
  expected: [
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "B7",
      why: "§5: a project table (项目名称) with no 项目编码 label; anchored at the grid header's level-1 cell",
    },
    {
      rule: "unit-missing",
      severity: "warning",
      cell: "E8",
      why: "§4/§5: the number 3 (镇街补助款完成结算项目数) has no unit and there is no unit column",
    },
    {
      rule: "timeliness-format",
      severity: "warning",
      cell: "E10",
      why: "§5: 及时 under 时效指标（工期指标） is neither a time nor a rate percentage",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B7",
      why: "§5: no 满意度指标 indicator in the part reproduced (the stored text breaks off before it)",
    },
  ],
  disagreements: [
    "The value headers read 指标值（或计划水平） and 计划指标值（或计划水平）: neither is in §2's list of accepted value " +
      "headers, and §2 drops bracketed notes only from level names. Read literally the grid has no value column " +
      "(grid-column-missing). The published form plainly has one, so the expectation follows the table: column E is " +
      "the value column and no grid-column-missing is expected.",
    "Two grids stand side by side under one level-1 column (mid-term: C–E; annual: F–H), so the header row holds " +
      "二级指标 and 三级指标 twice. The spec says nothing of this; the expectation assumes the first (leftmost) set " +
      "of columns is read. The annual grid repeats the same values (3, 及时), so reading F–H instead would move " +
      "unit-missing and timeliness-format to H8 and H10; §5 would arguably want the annual one (its values are the " +
      "year's targets).",
    "The title reads 绩效目标批复表: §2 recognises titles containing 绩效目标表 (also 审批表, 申报表) but not 批复表. " +
      "The table is still found by its grid header and its 项目名称 label; no finding depends on the title.",
    "±3%以内 (补助款结算误差率): §4 does not list ± as an operator; whether it parses as quantitative or " +
      "qualitative, no rule fires on it, so nothing is expected.",
  ],
  knownDifferences: [
    {
      finding: "unexpected: Sheet1!A4 project-code-missing (warning)",
      reason:
        "The spec anchors project-code-missing to the code label and says nothing for a table without one; the checker anchors it to the project-name label, where a user adds the code (most corpus authors chose the same). This author chose the grid header's level-1 cell.",
    },
    {
      finding: "missed: Sheet1!B7 project-code-missing (warning)",
      reason: "The same finding as above, expected at the grid header instead of the project-name label.",
    },
  ],
};

export default table;
