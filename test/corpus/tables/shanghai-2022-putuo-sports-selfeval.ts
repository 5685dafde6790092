import type { CorpusTable } from "../format";

/**
 * 上海市普陀区体育事业管理中心: 财政项目支出绩效自评表 (2022), the Ministry of Finance self-evaluation
 * form with a 绩 效 指 标 band, 年度指标值 / 实际完成值 / 分值 / 得分 columns and a 总分 row.
 */
const table: CorpusTable = {
  id: "shanghai-2022-putuo-sports-selfeval",
  province: "上海",
  publisher: "上海市普陀区体育事业管理中心（主管部门 上海市普陀区体育局）",
  source: "https://pdf.chddh.cn/archives/48n5zg2zkkjxn27q6rjv.html",
  year: 2022,
  description:
    "上海市普陀区体育事业管理中心2022年度项目自评价.pdf, first table: 财政项目支出绩效自评表（2022 年度）, project " +
    "普陀体育中心与委托运营方结算费用, amounts in 元. The stored copy is the PDF's extracted text (a document-library " +
    "mirror), whose cell order is scrambled; the grid is rebuilt in the Ministry of Finance self-evaluation form's " +
    "order, pairing the level-3 names with the value rows in the order both appear (=100%, =100%, 及时, =100%, " +
    ">=90%). The 预期目标 text was not in the extracted text and is left empty; the positions of the — marks in the " +
    "sub-rows of 项目资金 are approximate. The PDF's second table (援滇对口支援及结对帮扶经费) was cut off in the " +
    "stored text and is not reproduced.",
  patterns: ["self-evaluation", "outer-band"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["财政项目支出绩效自评表", null, null, null, null, null, null, null, null],
        ["(2022 年度)", null, null, null, null, null, null, null, null],
        ["项目名称", null, "普陀体育中心与委托运营方结算费用", null, null, null, null, null, null],
        ["主管部门", null, "上海市普陀区体育局", null, null, "实施单位", "上海市普陀区体育事业管理中心", null, null],
        ["项目资金\n(元)", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, null, "年度资金总额", 250000, 250000, 215457.6, 10, 0.8619, 8.62],
        [null, null, "其中:当年财政拨款", 250000, 250000, 215457.6, "—", null, null],
        [null, null, "上年结转资金", 0, 0, null, "—", null, null],
        [null, null, "其他资金", 0, 0, null, "—", null, null],
        ["年度\n总体\n目标", "预期目标", null, null, null, "实际完成情况", null, null, null],
        [null, null, null, null, null, "已完成普陀体育中心与委托运营方费用结算。", null, null, null],
        [
          "绩\n效\n指\n标",
          "一级指标",
          "二级指标",
          "三级指标",
          "年度\n指标值",
          "实际\n完成值",
          "分值",
          "得分",
          "偏差原因分析及\n改进措施",
        ],
        [null, "产出指标", "数量指标", "与委托运营方结算完成率", "=100%", "100%", 10, 10, null],
        [null, null, "质量指标", "合同结算条款完成率", "=100%", "100%", 20, 20, null],
        [null, null, "时效指标", "费用结算及时性", "及时", "及时", 20, 20, null],
        [null, "效益指标", "社会效益指标", "与委托运营方合同完成率", "=100%", "100%", 30, 30, null],
        [null, "满意度指标", "服务对象满意度指标", "场馆开放满意度", ">=90%", "100%", 10, 10, null],
        ["总分", null, null, null, null, null, 100, 98.62, null],
      ],
      merges: [
        "A1:I1",
        "A2:I2",
        "A3:B3",
        "C3:I3",
        "A4:B4",
        "C4:E4",
        "G4:I4",
        "A5:B9",
        "A10:A11",
        "B10:E10",
        "F10:I10",
        "B11:E11",
        "F11:I11",
        "A12:A17",
        "B13:B15",
        "A18:F18",
      ],
      numberFormats: { D6: "0.00", E6: "0.00", D7: "0.00", E7: "0.00", H6: "0.00%" },
    },
  ],
  expected: [
    {
      rule: "timeliness-format",
      severity: "warning",
      cell: "E15",
      why: "§5: the target 及时 (费用结算及时性, 时效指标) is neither a time nor a rate percentage",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B13",
      why: "§5: legacy framework (no 成本指标 level 1) and 产出指标 has no 成本指标 level 2",
    },
  ],
  disagreements: [
    "The 总分 row (总分 merged across the band, level and value columns, 100 / 98.62 under 分值 / 得分) is part of the " +
      "published self-evaluation form; the spec does not mention total rows. Nothing is expected of it (no " +
      "level1-unknown, level3-missing or value finding).",
  ],
};

export default table;
