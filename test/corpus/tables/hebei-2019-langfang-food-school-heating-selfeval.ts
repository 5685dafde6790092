import type { CorpusTable } from "../format";

/**
 * 廊坊市食品工程学校: 项目支出绩效自评表 (2019年度) of 办公宿舍楼、食堂及餐厅暖通改造经费, the 2019 national
 * self-evaluation form with its template rows (指标2, ……) left in place and bare-number targets.
 */
const table: CorpusTable = {
  id: "hebei-2019-langfang-food-school-heating-selfeval",
  province: "河北",
  publisher: "廊坊市食品工程学校 (主管部门: 廊坊市发改委)",
  source: "http://www.lfsp.cn/newsinfo/1158053.html",
  year: 2019,
  description:
    "Page 办公宿舍楼、食堂及餐厅暖通改造经费 绩效自评表(修改): 附件1, 项目支出绩效自评表 (2019年度), project 办公宿舍楼、食堂及餐厅暖通改造经费 " +
    "of 廊坊市食品工程学校. Reproduced from the stored page, which is returned only from its beginning: the header block " +
    "(项目名称, 主管部门/实施单位, 项目资金 with 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, 年度总体目标 with 预期目标 43.2 " +
    "and 实际完成情况 37.24 as published) and the grid 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 " +
    "down to the row 指标2 under 服务对象满意度指标, where the stored text ends (the closing …… row and the 总分 row are not " +
    "reproduced). The unit left the template rows 指标2 / …… (and one bare 指标1 under 生态效益指标) empty, and kept the template " +
    "numbering in front of each real name (指标1工程资金金额). Every target is a bare number (43.2, 100) with no unit. 效益指标 " +
    "is printed a second time in front of 可持续影响指标 (a page break in the original document), reproduced as a separate " +
    "cell. The page text shows no 绩效指标 band before 一级指标, so the grid starts in column A. Merges are the usual ones " +
    "of the form (level-1 and level-2 cells over their groups), inferred from the cell order of the page text. Line breaks " +
    "inside cells (年度\\n指标值, 经济效益\\n指标) are kept.",
  patterns: ["self-evaluation"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["附件1", null, null, null, null, null, null, null],
        ["项目支出绩效自评表", null, null, null, null, null, null, null],
        ["2019年度)", null, null, null, null, null, null, null],
        ["项目名称", "办公宿舍楼、食堂及餐厅暖通改造经费", null, null, null, null, null, null],
        ["主管部门", "廊坊市发改委", null, null, "实施单位", "廊坊市食品工程学校", null, null],
        ["项目资金\n(万元)", null, "年初\n预算数", "全年\n预算数", "全年\n执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额", 43.2, 43.2, 37.24, 10, 0.86, 9],
        [null, "其中:当年财政拨款", 43.2, 43.2, 37.24, null, null, null],
        [null, "上年结转资金", null, null, null, null, null, null],
        [null, "其他资金", null, null, null, null, null, null],
        ["年度总体目标", "预期目标", null, null, null, "实际完成情况", null, null],
        [null, 43.2, null, null, null, 37.24, null, null],
        ["一级指标", "二级指标", "三级指标", "年度\n指标值", "实际\n完成值", "分值", "得分", "偏差原因分析及改进措施"],
        [
          "产出指标",
          "数量指标",
          "指标1工程资金金额",
          43.2,
          37.24,
          10,
          9,
          "已完工,剩余3%尾款未付,且最高限价低于预算金额。提高预算准确度。",
        ],
        [null, null, "指标2", null, null, null, null, null],
        [null, null, "……", null, null, null, null, null],
        [null, "质量指标", "指标1工程完工率", 100, 100, 10, 10, null],
        [null, null, "指标2工程验收合格率", 100, 100, 10, 10, null],
        [null, null, "……", null, null, null, null, null],
        [null, "时效指标", "指标1项目完成及时率", 100, 100, 10, 10, null],
        [null, null, "指标2", null, null, null, null, null],
        [null, null, "……", null, null, null, null, null],
        [null, "成本指标", "指标1成本控制率", 100, 100, 10, 10, null],
        [null, null, "指标2", null, null, null, null, null],
        [null, null, "……", null, null, null, null, null],
        ["效益指标", "经济效益\n指标", "指标1安全率", 100, 100, 10, 10, 0],
        [null, null, "指标2", null, null, null, null, null],
        [null, null, "……", null, null, null, null, null],
        [null, "社会效益\n指标", "指标1学校发展能力", 100, 100, 10, 10, 0],
        [null, null, "指标2", null, null, null, null, null],
        [null, null, "……", null, null, null, null, null],
        [null, "生态效益\n指标", "指标1", null, null, null, null, null],
        [null, null, "指标2", null, null, null, null, null],
        [null, null, "……", null, null, null, null, null],
        ["效益指标", "可持续影响\n指标", "指标1长期使用性", 100, 100, 10, 10, null],
        [null, null, "指标2", null, null, null, null, null],
        [null, null, "……", null, null, null, null, null],
        ["满意度\n指标", "服务对象满意度指标", "指标1学生满意度", 100, 100, 10, 10, 0],
        [null, null, "指标2", null, null, null, null, null],
      ],
      merges: [
        "A2:H2",
        "A3:H3",
        "B4:H4",
        "B5:D5",
        "F5:H5",
        "A6:A10",
        "A11:A12",
        "B11:E11",
        "F11:H11",
        "B12:E12",
        "F12:H12",
        "A14:A25",
        "B14:B16",
        "B17:B19",
        "B20:B22",
        "B23:B25",
        "A26:A34",
        "B26:B28",
        "B29:B31",
        "B32:B34",
        "A35:A37",
        "B35:B37",
        "A38:A39",
        "B38:B39",
      ],
      numberFormats: { G7: "0%" },
    },
  ],
  expected: [
    // Template text left in level-3 cells (§5 placeholder-text: 指标1, ……, names included).
    ...[
      "C15",
      "C16",
      "C19",
      "C21",
      "C22",
      "C24",
      "C25",
      "C27",
      "C28",
      "C30",
      "C31",
      "C32",
      "C33",
      "C34",
      "C36",
      "C37",
      "C39",
    ].map((cell) => ({
      rule: "placeholder-text",
      severity: "error" as const,
      cell,
      why: "§5: the level-3 cell still holds the form's template text (指标2 / …… / a bare 指标1), names included",
    })),
    {
      rule: "satisfaction-target",
      severity: "error",
      cell: "D38",
      why: "§5: the 满意度 target is the bare number 100, not a percentage",
    },
    ...["D14", "D17", "D18", "D20", "D23", "D26", "D29", "D35", "D38"].map((cell) => ({
      rule: "unit-missing",
      severity: "warning" as const,
      cell,
      why: "§4/§5: the target is a bare number (43.2 or 100) with no unit text and the grid has no unit column",
    })),
    {
      rule: "timeliness-format",
      severity: "warning",
      cell: "D20",
      why: "§5: the 时效 target 100 (项目完成及时率) is neither a time nor a rate percentage (no %)",
    },
  ],
  disagreements: [
    "The rows whose level-3 cell holds only template text (指标2, ……, 指标1) have empty targets. Read literally they are named indicators and value-missing would fire on each as well; §3 means unused template rows to be skipped, so only placeholder-text (on the name cell) is expected and value-missing is left out.",
    "The real names keep the template numbering in front (指标1工程资金金额, 指标2工程验收合格率 …). placeholder-text lists 指标1 as template text but does not say whether a cell that merely begins with it counts; those cells are left out.",
    "On D38 (学生满意度, 100) both satisfaction-target (not a percentage) and unit-missing are expected, and on D20 (项目完成及时率, 100) both timeliness-format and unit-missing: the spec lets each rule fire on its own and says nothing about one masking the other.",
    "成本控制率 targets a bare 100; it is a rate, not an amount, so no cost-exceeds-budget is expected against 年度资金总额 43.2 (which amount is a self-evaluation's budget is not said either).",
    "The title reads 2019年度) with the opening bracket missing, as published.",
  ],
};

export default table;
