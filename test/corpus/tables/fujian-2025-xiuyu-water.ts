import type { CorpusTable } from "../format";

/**
 * 莆田市秀屿区: 2025年省级第七批水利专项资金绩效目标表, the Fujian transfer-payment form with a 指标方向
 * column and one target column per recipient (笏石街道办, 埭头镇) instead of a 指标值 column.
 */
const table: CorpusTable = {
  id: "fujian-2025-xiuyu-water",
  province: "福建",
  publisher: "莆田市秀屿区财政局、莆田市秀屿区水利局",
  source: "https://www.chacewang.com/newsdetail/news886214.html",
  year: 2025,
  description:
    "附件2 秀屿区2025年省级第七批水利专项资金绩效目标表, attached to the allocation notice of 2025-09-19 (text as " +
    "reposted by a policy-aggregator site; the aggregator strips cell borders, so cell boundaries are rebuilt from " +
    "the form's header: 指标方向 holds ≤ / ≥ / 是/否, then one value per recipient). Header: 项目名称, " +
    "主管部门（单位）名称, 资金情况（万元） 资金总额 35 / 其中:财政拨款 35 / 其他资金 0, 总体目标. Grid: 绩效指标 band, " +
    "一级指标 | 二级指标 | 三级指标 | 指标解释 | 指标方向 | 笏石街道办 | 埭头镇, 2021 framework (成本指标 as level 1). " +
    "Only the part seen is reproduced: the stored text breaks off in the 效益指标/社会效益指标 row, which is left out " +
    "with everything after it; the 总体目标 text may also be cut (it ends in a comma in the stored text).",
  patterns: ["split-operator", "outer-band"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["秀屿区2025年省级第七批水利专项资金绩效目标表", null, null, null, null, null, null, null],
        ["项目名称", null, "省级第七批水利专项资金", null, null, "主管部门(单位)名称", "秀屿区水利局", null],
        ["资金情况(万元)", null, "资金总额", 35, "其中:财政拨款", 35, "其他资金", 0],
        ["总体目标", null, "开展2个防洪水利设施水毁修复,", null, null, null, null, null],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标解释", "指标方向", "笏石街道办", "埭头镇"],
        [
          null,
          "成本指标",
          "经济成本指标",
          "省级财政专项资金投入成本控制率(%)",
          "反映省级财政专项资金投入成本控制情况",
          "≤",
          "100%",
          "100%",
        ],
        [null, "产出指标", "数量指标", "开展修复工程(个)", "反映防洪水利设施水毁修复项目开展情况", "≥", 1, 1],
        [
          null,
          null,
          "质量指标",
          "已建工程是否存在质量问题",
          "当年已完工项目是否在检查中发现质量问题",
          "是/否",
          "否",
          "否",
        ],
        [null, null, "时效指标", "截至2026年12月底,项目开展率(%)", "反映修复开展情况", "≥", "100%", "100%"],
      ],
      merges: ["A1:H1", "A2:B2", "C2:E2", "G2:H2", "A3:B3", "A4:B4", "C4:H4", "A5:A9", "B7:B9"],
    },
  ],
  expected: [
    {
      rule: "layout-unsupported",
      severity: "info",
      cell: "B5",
      why: "§2b intro: a real layout the checker cannot read gets one info; here no value column, one target column per recipient",
    },
  ],
  disagreements: [
    "The grid header holds 一级指标, 二级指标 and 三级指标 but no value header: the targets stand in one column per " +
      "recipient (笏石街道办, 埭头镇), with the operator in 指标方向. Read literally, §2 gives grid-column-missing (an " +
      "error) because there is no value column; that would be a false error on a form the Fujian finance bureaus " +
      "issue routinely. §2b says a table a unit really submitted is read or gets one info saying its layout is not " +
      "read; this per-recipient layout is not among §2b's, so the expectation is one layout-unsupported info (anchored " +
      "at the grid header's 一级指标 cell, a guess) and nothing else — no header finding either, as for §2b's lists. " +
      "A reader that took each recipient column as a value column would instead check 12 values (1 without a unit, " +
      "the unit being in the indicator name: 开展修复工程（个）).",
    "质量指标 uses 指标方向 = 是/否 with the target 否 (a yes/no indicator): §2b's operator column only knows ≥ ≤ = > <.",
  ],
};

export default table;
