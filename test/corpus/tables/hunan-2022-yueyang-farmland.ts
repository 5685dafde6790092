import type { CorpusTable } from "../format";

/**
 * 岳阳县农业农村局: 乡村振兴衔接资金绩效目标申报表(高标准农田建设) 2022, the 2015 transfer-payment form whose budget cells
 * carry an explanation after the amount (854万(高标准农田建设400万元,…)). A clean table: only project-code-missing.
 */
const table: CorpusTable = {
  id: "hunan-2022-yueyang-farmland",
  province: "湖南",
  publisher: "岳阳县农业农村局（岳阳市岳阳县）",
  source: "http://www.yyx.gov.cn/37584/38137/content_2016103.html",
  year: 2022,
  description:
    "Page 乡村振兴衔接资金绩效目标申报表(高标准农田建设) (2022-05-16): 绩效目标申报表(基础设施建设类) (2022年度), project " +
    "岳阳县2022年高标准农田建设项目, 实施单位 农田建设服务中心. Header: 项目名称 / 项目负责人及电话, 主管部门 / 实施单位, 资金情况(万元) " +
    "with 年度资金总额: 854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元) and 其中:财政拨款 854万854万(…) (the amount " +
    "printed twice, as published), 其他资金 empty; 总体目标 | 年度目标 with the goal 完成项目主体工程70% in the row beneath; grid " +
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 with the 绩效指标 band down the left edge, 13 indicators, level-2 names " +
    "broken over two lines (经济效益\\n指标). Reproduced whole with the note under the table. No 项目编码 label.",
  patterns: ["outer-band", "values-below", "level-notes"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["绩效目标申报表(基础设施建设类)", null, null, null, null],
        ["(2022年度)", null, null, null, null],
        ["项目名称", "岳阳县2022年高标准农田建设项目", null, "项目负责人及电话", "彭兵"],
        ["主管部门", "岳阳县农业农村局", null, "实施单位", "农田建设服务中心"],
        [
          "资金情况\n(万元)",
          "年度资金总额:",
          null,
          "854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)",
          null,
        ],
        [null, "其中:财政拨款", null, "854万854万(高标准农田建设400万元,示范建设295万元,畅通工程159万元)", null],
        [null, "其他资金", null, null, null],
        ["总体目标", "年度目标", null, null, null],
        [null, "完成项目主体工程70%", null, null, null],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "脱贫村村内道路硬化里程", "≥100公里"],
        [null, null, null, "脱贫户供水设施数量", "≥20座"],
        [null, null, "质量指标", "项目(工程)验收合格率", "100%"],
        [null, null, "时效指标", "项目(工程)完成及时率", "≥100%"],
        [null, null, "成本指标", "财政资金补助", "1600元/亩"],
        [null, "效益指标", "经济效益\n指标", "年增粮食", "3500公斤"],
        [null, null, "社会效益\n指标", "受益脱贫(监测)人口数", "≥500人"],
        [null, null, null, "解决脱贫(监测)饮水安全问题人数", "≥1000人"],
        [null, null, "生态效益\n指标", "新增和改善灌溉达标面积", "≥500亩"],
        [null, null, null, "新增和改善排水达标面积", "≥200亩"],
        [null, null, "可持续影响\n指标", "工程设计使用年限", "≥20年"],
        [null, "满意度指标", "服务对象满意度指标", "受益脱贫(监测)户满意度", "≥95%"],
        [
          "注:各地请根据实际情况,从上述绩效指标中选择适合的填报(其中三颗星为必填的核心绩效指标,可结合已下达的中央对地方专项转移支付绩效指标),也可自行增加或适当调整。",
          null,
          null,
          null,
          null,
        ],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "B3:C3",
        "B4:C4",
        "A5:A7",
        "B5:C5",
        "D5:E5",
        "B6:C6",
        "D6:E6",
        "B7:C7",
        "D7:E7",
        "A8:A9",
        "B8:E8",
        "B9:E9",
        "A10:A22",
        "B11:B15",
        "C11:C12",
        "B16:B21",
        "C17:C18",
        "C19:C20",
        "A23:E23",
      ],
    },
  ],
  expected: [
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5: project table (项目名称) with no 项目编码/项目代码 label; anchored at the project-name label",
    },
  ],
  disagreements: [
    "The fiscal-funds cell prints the amount twice (854万854万(…)); §2 reads the leading number, 854, which equals the budget 854 with other funds empty: no budget-sources-mismatch is expected.",
    "The cost indicator 财政资金补助 1600元/亩 is per-unit: no cost-exceeds-budget. 项目(工程)完成及时率 ≥100% is a rate at its bound, not above 100: no percent-out-of-range.",
    "The grid leaves the form's 总体目标 band (A8:A9) over the goal heading 年度目标; the goal text stands beneath the label (§2b values below their label).",
  ],
};

export default table;
