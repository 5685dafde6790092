import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "shaanxi-2020-chencang-water",
  province: "陕西",
  publisher: "宝鸡市陈仓区财政局 (农业股)",
  source: "http://www.chencang.gov.cn/col8173/col8180/col8789/col9203/202005/t20200529_126007.html",
  year: 2020,
  description:
    "2020年省级财政水利发展资金绩效目标表, attached to 关于下达2020年第二批省级财政水利发展资金的通知 (陈仓区水利局, " +
    "500万元, 农村饮水安全巩固提升工程专项). A transfer-payment form: 专项(项目)名称, 市级/区级 财政部门 and 主管部门, " +
    "资金情况 with 资金来源 | 资金总额 headings over the amounts, 总体目标, and a grid whose 数量 values are the template's " +
    "bare units (公里, 万亩, 万人) and whose 质量 value is '≧ %' with no number. Only the part of the page the search " +
    "excerpt showed is reproduced: it stops after the first 质量指标 row, so the 时效, 成本, 效益 and 满意度 rows are missing.",
  patterns: ["outer-band", "values-below"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["2020年省级财政水利发展资金绩效目标表", null, null, null, null],
        ["(2020)年度", null, null, null, null],
        ["专项(项目)名称", "农村饮水安全巩固提升工程专项", null, null, null],
        ["市级财政部门", "宝鸡市财政局", "市级主管部门", "宝鸡市水利局", null],
        ["区级财政部门", "陈仓区财政局", "区级主管部门", "陈仓区水利局", null],
        ["资金情况(万元)", "资金来源", "资金总额", null, null],
        [null, "其中:财政拨款", 500, null, null],
        [null, "其他资金", null, null, null],
        ["总体目标", "完成省级水利发展农村饮水项目投资500,改善提升9200人饮水条件。", null, null, null],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "指标1:新建堤防、护岸长度", "公里"],
        [null, null, null, "指标2:灌区节水改造面积", "万亩"],
        [null, null, null, "指标3:农村饮水工程覆盖服务人口数", "万人"],
        [null, null, null, "指标4:中小河流治理问道长度", "公里"],
        [null, null, "质量指标", "指标1:工程验收合格率", "≧ %"],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "B3:E3",
        "D4:E4",
        "D5:E5",
        "A6:A8",
        "C6:E6",
        "C7:E7",
        "C8:E8",
        "B9:E9",
        "A10:A15",
        "B11:B15",
        "C11:C14",
      ],
    },
  ],
  expected: [
    {
      rule: "value-not-numeric",
      severity: "error",
      cell: "E11",
      why: "§5 value-not-numeric: 数量指标 value 公里 has no number (template unit only)",
    },
    {
      rule: "value-not-numeric",
      severity: "error",
      cell: "E12",
      why: "§5 value-not-numeric: 数量指标 value 万亩 has no number",
    },
    {
      rule: "value-not-numeric",
      severity: "error",
      cell: "E13",
      why: "§5 value-not-numeric: 数量指标 value 万人 has no number",
    },
    {
      rule: "value-not-numeric",
      severity: "error",
      cell: "E14",
      why: "§5 value-not-numeric: 数量指标 value 公里 has no number",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B11",
      why: "§5 output-dimension-missing (时效: warning): no 时效指标 in the reproduced 产出 group (excerpt truncated)",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B11",
      why: "§5 output-dimension-missing (legacy 成本: warning): legacy framework, no 成本指标 in the reproduced 产出 group (excerpt truncated)",
    },
    {
      rule: "level1-missing",
      severity: "error",
      cell: "B10",
      why: "§5 level1-missing: no 效益指标 in the reproduction (excerpt truncated)",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B10",
      why: "§5 level1-missing (满意度: warning): no 满意度指标 in the reproduction (excerpt truncated)",
    },
  ],
  disagreements: [
    "The 质量 value '≧ %' (工程验收合格率) is an operator and a unit with no number: the template was not filled. No §5 rule covers it (it is not a 数量 or cost value, names no direction of change, and placeholder-text lists XX/xx/** but not a blank number). Said less: nothing expected; a reviewer would clearly send it back.",
    "The table has no 项目名称 label (its label is 专项(项目)名称) and no 部门 wording, so by §2 it is neither a project table nor a department table; no project-header finding (project-name-missing, project-code-missing, …) is expected. The spec does not say what kind a transfer-payment table without project labels is.",
    "Level-3 names carry the printed numbering 指标1: … 指标4:; not expected as placeholder-text (see §5, which lists 指标1 as template text).",
    "The level1-missing and output-dimension-missing findings come only from the truncated reproduction.",
  ],
  knownDifferences: [
    {
      finding: "unexpected: Sheet1!A3 project-code-missing (warning)",
      reason:
        "专项(项目)名称 is read as a project-name label, as 项目(专项)名称 is on the Chongqing form (chongqing-2022-rongchang-greening, whose author expects the same warning); this author read the table as neither a project nor a department table.",
    },
  ],
};

export default table;
