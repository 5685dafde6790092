import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "ningxia-2022-yuanzhou-afforestation",
  province: "宁夏",
  publisher: "固原市原州区自然资源局",
  source: "http://www.yzh.gov.cn/xxgk_13314/zfxxgkml/zdxzjcygk/zdju/202203/t20220301_3340181.html",
  year: 2022,
  description:
    "项目支出绩效目标申报表（2022年度）for 原州区2022年南部水源涵养林建设项目, published as an HTML table on the " +
    "原州区 government site. Level-2 names carry bracketed notes such as （必填硬性指标）/（选填） and inner spaces " +
    "(经济效益 指标); several level-3 names still carry the template's (≥**%) / (≥**万元) hints; units stand in the " +
    "level-3 names ((亩), (公里), (人)) and the value cells hold bare numbers. The form's title is the page's title. " +
    "Only the part of the page the search excerpt showed is reproduced: it stops at the 满意度指标 level-1 cell, so the " +
    "satisfaction indicator row(s) are missing (row 22 holds only the level-1 cell). The 效益 rows without a number " +
    "hold one text cell, reproduced in the level-3 column with an empty value.",
  patterns: ["outer-band", "level-notes", "header-labels"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["项目支出绩效目标申报表", null, null, null, null],
        ["(2022年度)", null, null, null, null],
        ["项目名称", "原州区2022年南部水源涵养林建设项目", null, null, null],
        ["主管部门及代码", "固原市原州区自然资源局", null, "实施单位", "固原市原州区自然资源局"],
        ["项目属性", "新建", null, "项目期", "2022年3月-2023年11月"],
        ["项目资金 (万元)", "年度资金总额:", 6070, null, null],
        [null, "其中:财政拨款", 6070, null, null],
        [null, "其他资金", null, null, null],
        [
          "年度总体目标",
          "在东马场林场、东岳山林场、古树林场、红庄林场、马渠林场、沈河林场、水沟林场 7 个林场和古雁办、官厅镇、黄铎堡镇、开城镇、彭堡镇、炭山乡、头营镇、寨科乡、张易镇、中河乡、三营镇 11 个乡镇(街道办事处)实施营造林8万亩。其中:新造林3万亩,未成林抚育提升及退化林改造5万亩;修建作业道30公里。",
          null,
          null,
          null,
        ],
        ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标 (必填硬性指标)", "实施营造林总面积(亩)", 80000],
        [null, null, null, "其中:实施新造林总面积(亩)", 30000],
        [null, null, null, "实施未成林抚育提升及退化林改造总面积(亩)", 50000],
        [null, null, null, "修建作业道长度(公里)", 30],
        [null, null, "质量指标 (必填)", "苗木成活率(≥**%)", 85],
        [null, null, "时效指标 (必填)", "项目完成时间", "2023年底"],
        [null, null, "成本指标 (必填硬性指标)", "项目总投入(≥**万元)", 6070],
        [null, "效益指标", "经济效益 指标 (选填)", "增加就业机会,提高农民收入。", null],
        [null, null, "社会效益 指标 (必填)", "受益人数(人)", 132],
        [null, null, "生态效益 指标 (选填)", "提高森林覆盖率,促进生物多样性保护。", null],
        [null, null, "可持续影响 指标 (必填)", "提高森林生态系统服务功能,显著改善项目区及周边地区的生态环境。", null],
        [null, "满意度指标", null, null, null],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "B3:E3",
        "B4:C4",
        "B5:C5",
        "A6:A8",
        "C6:E6",
        "C7:E7",
        "C8:E8",
        "B9:E9",
        "A10:A22",
        "B11:B17",
        "C11:C14",
        "B18:B21",
      ],
      numberFormats: { C6: "0.00", C7: "0.00" },
    },
  ],
  expected: [
    {
      rule: "placeholder-text",
      severity: "error",
      cell: "D15",
      why: "§5 placeholder-text: the level-3 name still holds the template hint (≥**%), ** used as a number",
    },
    {
      rule: "placeholder-text",
      severity: "error",
      cell: "D17",
      why: "§5 placeholder-text: the level-3 name still holds the template hint (≥**万元)",
    },
    {
      rule: "value-missing",
      severity: "error",
      cell: "E18",
      why: "§5 value-missing: 经济效益 indicator 增加就业机会,提高农民收入。 is named but has no value",
    },
    {
      rule: "value-missing",
      severity: "error",
      cell: "E20",
      why: "§5 value-missing: 生态效益 indicator is named but has no value",
    },
    {
      rule: "value-missing",
      severity: "error",
      cell: "E21",
      why: "§5 value-missing: 可持续影响 indicator is named but has no value",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B10",
      why: "§5 level1-missing (满意度: warning): the reproduced grid has no filled 满意度 indicator (page excerpt ends at the 满意度指标 cell)",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5 project-code-missing: a project table (项目名称) with no 项目编码/项目代码 label; 主管部门及代码 is not a code label",
    },
  ],
  disagreements: [
    "Units written in the level-3 name ((亩), (公里), (人)) with a bare number in the value cell: §5 unit-missing says 'no unit anywhere (no unit text, no unit column)' and does not say whether a unit in the indicator's name counts. Left out: no unit-missing is expected for 80000, 30000, 50000, 30, 132, nor for 85 and 6070 whose names carry the unit inside the template hint (≥**%) / (≥**万元).",
    "project-code-missing anchors to 'label' in §5, but this table has no code label at all; the expectation anchors it to the 项目名称 label (A3), the nearest project label. The spec does not say where a missing label's finding goes.",
    "The three 效益 rows hold one text per row under a 三级指标 column with nothing in 指标值; the published HTML does not show whether that text spans the value column. Read as a level-3 name with an empty value (value-missing); if the checker reads it as a value without a name it would be level3-missing instead.",
  ],
};

export default table;
