import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "chongqing-2023-tongnan-wugui-list",
  province: "重庆",
  publisher: "重庆市潼南区五桂镇人民政府",
  source: "http://www.cqtn.gov.cn/jz/wgz/zwgk_25192/fdzdgknr_25194/czyjs_25199/ys/202310/t20231019_12445338_wap.html",
  year: 2023,
  description:
    "重庆市潼南区五桂镇人民政府2023年一般性项目绩效目标表, published 2023-10-19 with the town's budget: a page of tables " +
    "headed 表十二, each a 2023年一般性项目绩效目标表(一级项目) with 编制单位 | 813-潼南区五桂镇 | 单位:万元, 专项资金名称, 业务主管部门, " +
    "当年预算, 项目概况, 立项依据, 当年绩效目标, then a flat indicator list under a 绩效指标 band: 指标 | 指标权重 | 计量单位 | 指标性质 | " +
    "指标值, with no 一级指标 / 二级指标 columns; the 定性 rows leave 计量单位 and 指标值 empty. The stored page shows the first two " +
    "tables whole (潼南区五桂镇汇总项目库; 在职村村干部补助) and the header of a third (日常办公设备购买和运行维护), cut off after " +
    "业务主管部门; the two whole tables are reproduced one under the other on one sheet, the third is left out. The 绩效指标 cell is " +
    "taken as a band merged down the left edge over the list (the page's text shows it just before the list header; the 6-column " +
    "width of the 表十二 row fits a band plus the five list columns).",
  patterns: ["no-level-columns", "outer-band"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["表十二", null, null, null, null, null],
        ["2023年一般性项目绩效目标表(一级项目)", null, null, null, null, null],
        ["编制单位:", "813-潼南区五桂镇", null, null, "单位:万元", null],
        ["专项资金名称", "潼南区五桂镇汇总项目库", null, null, null, null],
        ["业务主管部门", "813-潼南区五桂镇", null, null, null, null],
        ["当年预算", 229.66, null, null, null, null],
        ["项目概况", "潼南区五桂镇项目汇总", null, null, null, null],
        ["立项依据", "潼南区五桂镇项目汇总", null, null, null, null],
        ["当年绩效目标", "按时足额发放,保障权益", null, null, null, null],
        ["绩效指标", "指标", "指标权重", "计量单位", "指标性质", "指标值"],
        [null, "发放人数", 20, "人数", "≥", 80],
        [null, "是否按时足额发放", 10, "%", "≥", 95],
        [null, "促进社会和谐", 20, null, "定性", null],
        [null, "保障收入", 20, null, "定性", null],
        [null, "保障权益", 20, null, "定性", null],
        ["表十二", null, null, null, null, null],
        ["2023年一般性项目绩效目标表(一级项目)", null, null, null, null, null],
        ["编制单位:", "813-潼南区五桂镇", null, null, "单位:万元", null],
        ["专项资金名称", "在职村村干部补助", null, null, null, null],
        ["业务主管部门", "813-潼南区五桂镇", null, null, null, null],
        ["当年预算", 9.31, null, null, null, null],
        ["项目概况", "对村民委员会村党支部的补助,按月发放给在职村社干部的工资", null, null, null, null],
        ["立项依据", "渝财(2022)00001", null, null, null, null],
        ["当年绩效目标", "按月及时足额发放在职村社干部的工资。", null, null, null, null],
        ["绩效指标", "指标", "指标权重", "计量单位", "指标性质", "指标值"],
        [null, "按月发放", 20, "次", "=", 1],
        [null, "本土人才满意度", 10, "%", "≥", 95],
        [null, "发放金额", 20, "万元", "≥", 9.31],
        [null, "领取补助人数", 20, "人", "≥", 100],
        [null, "促进经济发展", 20, null, "定性", null],
      ],
      merges: [
        "A2:F2",
        "B3:D3",
        "E3:F3",
        "B4:F4",
        "B5:F5",
        "B6:F6",
        "B7:F7",
        "B8:F8",
        "B9:F9",
        "A10:A15",
        "A17:F17",
        "B18:D18",
        "E18:F18",
        "B19:F19",
        "B20:F20",
        "B21:F21",
        "B22:F22",
        "B23:F23",
        "B24:F24",
        "A25:A30",
      ],
      numberFormats: { B6: "0.00", B21: "0.00", F28: "0.00" },
    },
  ],
  expected: [
    {
      rule: "layout-unsupported",
      severity: "info",
      cell: "B10",
      why: "§2b: the first table's indicator list (指标 | 指标权重 | 计量单位 | 指标性质 | 指标值) has no level columns; one info at the list's first cell, nothing else",
    },
    {
      rule: "layout-unsupported",
      severity: "info",
      cell: "B25",
      why: "§2b: the second table's list likewise; one info, nothing else",
    },
  ],
  disagreements: [
    "'One info layout-unsupported at the first cell of the list' does not say whether the band cell 绩效指标 (A10, merged down the left edge) or the list's first header cell 指标 (B10) is that cell; §2b says a cell merged over data rows is never a column header, so B10 (and B25) is assumed.",
    "Each 表十二 block is its own table with its own list, so one info per list (two in all) is expected. If the product reports layout-unsupported once per sheet, the second should go.",
    "§2b says such lists get 'nothing else': no no-table, no header findings (the blocks have no 项目名称/项目编码 label anyway: 专项资金名称 is not one), no value findings. The 定性 rows leave 计量单位 and 指标值 empty; they are not read.",
  ],
};

export default table;
