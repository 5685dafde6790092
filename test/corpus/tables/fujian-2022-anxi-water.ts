import type { CorpusTable } from "../format";

/**
 * 安溪县水利局: 2022年省级第七批水利专项资金绩效目标表 (Fujian transfer-payment form), one target column
 * per village project instead of a 指标值 column, 绩效 指标 band, spaced level and header names.
 */
const table: CorpusTable = {
  id: "fujian-2022-anxi-water",
  province: "福建",
  publisher: "安溪县水利局",
  source: "http://fjax.gov.cn/zwgk/zdgkxx/sl/slgcjs/202403/t20240304_3010568.htm",
  year: 2022,
  description:
    "附件2 2022年省级第七批水利专项资金绩效目标表 of the 安溪县水利局 allocation notice of 2023-03-20 (闽财农指〔2022〕72号 " +
    "funds; HTML table on the county site). Header: 项目名称 / 主管部门（单位）名称, 资金情况（万元） 资金总额 100 / " +
    "其中:财政拨款 100 / 其他资金 (empty), 总 体 目 标. Grid: 绩效 指标 band, 一级指标 | 二级指标 | 三级指标 | 指 标 解 释 | " +
    "then seven columns headed by the villages (西坪镇尧山村 … 尚卿乡尤俊村), each holding that village's target. Only " +
    "the part seen is reproduced: the stored text breaks off at the start of the 时效指标 row (截…), so the grid " +
    "holds its first indicator row only. The spans of the header-block cells are a best reading of the HTML.",
  patterns: ["outer-band"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["2022年省级第七批水利专项资金绩效目标表", null, null, null, null, null, null, null, null, null, null, null],
        [
          "项目名称",
          null,
          "省级第七批水利专项资金",
          null,
          null,
          "主管部门(单位)名称",
          null,
          null,
          "安溪县水利局",
          null,
          null,
          null,
        ],
        ["资金情况(万元)", null, "资金总额", 100, "其中:财政拨款", 100, "其他资金", null, null, null, null, null],
        ["总 体 目 标", null, "开展7个小型水利工程建设", null, null, null, null, null, null, null, null, null],
        [
          "绩效 指标",
          "一级指标",
          "二级指标",
          "三级指标",
          "指 标 解 释",
          "西坪镇尧山村",
          "桃舟乡吾培村",
          "芦田镇三洋村",
          "蓬莱镇植洋村",
          "魁斗镇奇观村",
          "龙涓乡长塔村",
          "尚卿乡尤俊村",
        ],
        [
          null,
          "产出 指标",
          "数量指标",
          "开展小型水利工程建设(个)",
          "反映小型水利工程建设项目开展情况",
          1,
          1,
          1,
          1,
          1,
          1,
          1,
        ],
      ],
      merges: ["A1:L1", "A2:B2", "C2:E2", "F2:H2", "I2:L2", "A3:B3", "G3:H3", "A4:B4", "C4:L4", "A5:A6"],
    },
  ],
  expected: [
    {
      rule: "layout-unsupported",
      severity: "info",
      cell: "B5",
      why: "§2b intro: real layout not read; no value column, one target column per village",
    },
  ],
  disagreements: [
    "Same per-recipient layout as fujian-2025-xiuyu-water: no value header, one target column per village. " +
      "Literally §2 gives grid-column-missing (error); the expectation is one layout-unsupported info and nothing " +
      "else (no header findings, no level1-missing for the part cut off), anchored at the 一级指标 header cell.",
  ],
};

export default table;
