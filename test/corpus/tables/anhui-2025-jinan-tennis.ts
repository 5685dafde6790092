import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "anhui-2025-jinan-tennis",
  province: "安徽",
  publisher: "六安市金安区体育局",
  source: "https://www.ja.gov.cn/public/6602051/25929172.html",
  year: 2025,
  description:
    "项目支出绩效目标表(2025年度) of the project 2025金安国际网球公开赛(国际系列赛事), the first of the project tables " +
    "published on the page; it is reproduced whole. The page continues with a second table (安徽省常规赛费用) of which only " +
    "the header block was visible; it is left out. Anhui form: 项目名称, 主管部门及代码, 项目来源/项目期, 项目资金(万元) with " +
    "年度资金总额/其中:财政拨款/其他资金, 年度目标, then a grid under a vertical band 绩\\n效\\n指\\n标 (one character a line) merged " +
    "down the left edge; the header cell 一级\\n指标 holds a line break. The 效益 rows put a sentence in 三级指标 and a " +
    "qualitative judgement in 指标值; the satisfaction row is 满意度指标 | 满意度指标.",
  patterns: ["outer-band", "level-unknown"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["项目支出绩效目标表", null, null, null, null],
        ["(2025年度)", null, null, null, null],
        ["项目责任人:", null, null, "单位(盖章):", null],
        ["项目名称", "2025金安国际网球公开赛(国际系列赛事)", null, null, null],
        ["主管部门及代码", "[042]六安市金安区体育局", null, "实施单位", "六安市金安区体育局"],
        ["项目来源", "本级申报项目", null, "项目期", "3年"],
        ["项目资金\n(万元)", "年度资金总额:", null, 1000, null],
        [null, "其中:财政拨款", null, 1000, null],
        [null, "其他资金", null, 0, null],
        ["年度\n目标", "打造金安国际网球公开赛等一系列的品牌赛事,提升六安城市的知名度和美誉度。", null, null, null],
        ["绩\n效\n指\n标", "一级\n指标", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "开展运动种类", "1种"],
        [null, null, null, "打造品牌赛事种类", "1种"],
        [null, null, "质量指标", "经费支出合规率", "100%"],
        [null, null, null, "赛事完成率", "100%"],
        [null, null, "时效指标", "完成时间", "2025年年底前"],
        [null, null, "成本指标", "项目总成本", "≤1000万元"],
        [
          null,
          "效益指标",
          "经济效益指标",
          "提升六安城市知名度和美誉度,推动体育消费、“网球+”产业深度融合",
          "经济效益良好",
        ],
        [null, null, "社会效益指标", "打造金安国际网球公开赛等系列品牌赛事,提升六安城市的知名度和美誉度。", "效果良好"],
        [null, null, "生态效益指标", "本项目不适用此指标", "无"],
        [null, null, "可持续影响指标", "打造金安国际网球\n公开赛等系列品牌赛事", "影响可持续"],
        [null, "满意度指标", "满意度指标", "群众满意度", "≥95%"],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "A3:C3",
        "B4:E4",
        "B5:C5",
        "B6:C6",
        "A7:A9",
        "B7:C7",
        "D7:E7",
        "B8:C8",
        "D8:E8",
        "B9:C9",
        "D9:E9",
        "B10:E10",
        "A11:A22",
        "B12:B17",
        "C12:C13",
        "C14:C15",
        "B18:B21",
      ],
      numberFormats: { D7: "0.00", D8: "0.00", D9: "0.00" },
    },
  ],
  expected: [
    {
      rule: "level2-unknown",
      severity: "warning",
      cell: "C22",
      why: "§3/§2b: 满意度指标 is a level-1 name, not a level 2 of either framework (服务对象满意度指标); the row is still checked",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A4",
      why: "§5: project table with no 项目编码/项目代码 (主管部门及代码 holds a department code); no label, anchored at the project-name label",
    },
  ],
  disagreements: [
    "满意度指标 | 满意度指标 (level 1 and level 2 the same) is how Anhui's budget system prints the satisfaction group (also seen in 池州 self-evaluation tables). Read literally, §3 knows only 服务对象满意度指标 as its level 2, so level2-unknown (warning) is expected; if the product decides this common spelling is a synonym, this expectation should go.",
    "2025年年底前 is read as a time (年底 with a year before it and 前 after it), so no timeliness-format is expected.",
    "The qualitative 效益 values (经济效益良好, 效果良好, 影响可持续, 无) name no direction of change, so no value-vague is expected; the spec has no rule for a level-3 cell holding a sentence.",
    "project-code-missing anchors at 'label' but the form has no code label; A4 (the project-name label) is assumed.",
  ],
  knownDifferences: [
    {
      finding: "missed: Sheet1!C22 level2-unknown (warning)",
      reason:
        "满意度指标 written again as its own level 2 (the 满意度指标 | 满意度指标 rows of the Anhui and Zhejiang county forms) is read as 服务对象满意度指标: it is the form's own wording, so a warning on it would be a false alarm on every such table. The author followed §2b literally.",
    },
  ],
};

export default table;
