import type { CorpusTable } from "../format";

/**
 * 龙岩市财政局、龙岩市民族与宗教事务局: 专项转移支付绩效目标表 (2023), two-row grid header — 区域目标值 over one
 * column per county — with 部门（单位）名称, 部门预算编码 and 项目名称 labels in the header block.
 */
const table: CorpusTable = {
  id: "fujian-2023-longyan-religion",
  province: "福建",
  publisher: "龙岩市财政局、龙岩市民族与宗教事务局",
  source: "https://www.chacewang.com/newsdetail/news284125.html",
  year: 2023,
  description:
    "附件2 专项转移支付绩效目标表（2023年度）, project 宗教管理经费补助, attached to the Longyan allocation notice of " +
    "2023-03-13 (text as reposted by a policy-aggregator site, which strips cell borders; the seven single-digit " +
    "targets 2 3 1 2 2 2 2 are split one per county in the order of the county headers). Header: 部门（单位）名称, " +
    "部门预算编码 230001, 项目名称, 区域, 资金情况（万元） 资金总额 30 / 其中:财政拨款 30 / 其他资金 (empty), 总体目标. " +
    "Grid header on two rows: 一级指标 | 二级指标 | 三级指标 | 指标解释 | 区域目标值, with the seven counties under " +
    "区域目标值. Only the part seen is reproduced: the stored text breaks off in the third indicator row (项目完成率), " +
    "which is left out with the rest; the 总体目标 text may also be cut (it ends in a comma).",
  patterns: ["outer-band"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["专项转移支付绩效目标表", null, null, null, null, null, null, null, null, null, null, null],
        ["(2023年度)", null, null, null, null, null, null, null, null, null, null, null],
        [
          "部门(单位)名称",
          null,
          "龙岩市民族与宗教事务局",
          null,
          null,
          null,
          "部门预算编码",
          null,
          230001,
          null,
          null,
          null,
        ],
        [
          "项目名称",
          null,
          "宗教管理经费补助",
          null,
          null,
          null,
          "区域",
          null,
          "新罗区、永定区、上杭县、武平县、长汀县、连城县、漳平市",
          null,
          null,
          null,
        ],
        ["资金情况(万元)", null, "资金总额:", 30, "其中:财政拨款", 30, "其他资金", null, null, null, null, null],
        [
          "总体目标",
          null,
          "为推进宗教活动场所规范化管理,提升我市宗教工作管理水平,",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
        ],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标解释", "区域目标值", null, null, null, null, null, null],
        [null, null, null, null, null, "新罗区", "永定区", "上杭县", "武平县", "长汀县", "连城县", "漳平市"],
        [
          null,
          "产出指标",
          "数量指标",
          "宗教管理经费补助县(市、区)数量",
          "反映宗教管理经费补助县(市、区)数量情况",
          2,
          3,
          1,
          2,
          2,
          2,
          2,
        ],
        [
          null,
          null,
          "质量指标",
          "项目资金使用合规性",
          "反映项目资金使用合规情况",
          ">=95%",
          ">=95%",
          ">=95%",
          ">=95%",
          ">=95%",
          ">=95%",
          ">=95%",
        ],
      ],
      merges: [
        "A1:L1",
        "A2:L2",
        "A3:B3",
        "C3:F3",
        "G3:H3",
        "I3:L3",
        "A4:B4",
        "C4:F4",
        "G4:H4",
        "I4:L4",
        "A5:B5",
        "G5:H5",
        "A6:B6",
        "C6:L6",
        "A7:A10",
        "B7:B8",
        "C7:C8",
        "D7:D8",
        "E7:E8",
        "F7:L7",
        "B9:B10",
      ],
    },
  ],
  expected: [
    {
      rule: "layout-unsupported",
      severity: "info",
      cell: "B7",
      why: "§2b intro: real layout not read; targets stand in one column per county under 区域目标值",
    },
  ],
  disagreements: [
    "区域目标值 is not an accepted value header (only 目标值 is, and §2 matches whole header texts), and the " +
      "targets sit one column per county on a second header row. Literally §2 gives grid-column-missing (error); " +
      "the expectation is one layout-unsupported info and nothing else. A reader that accepted 区域目标值 would still " +
      "have to choose among seven value columns.",
    "The header block carries both 部门（单位）名称 and 项目名称: by §2 it is both a department table (a label " +
      "speaking of 部门) and a project table (项目名称); the spec does not say which wins. Moot here, as the layout is " +
      "not read.",
  ],
};

export default table;
