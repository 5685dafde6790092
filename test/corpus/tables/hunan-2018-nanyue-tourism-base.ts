import type { CorpusTable } from "../format";

/**
 * 南岳区财政局 (衡阳市): 2018年市级专项扶贫资金基础设施(人大代表扶贫基地)绩效目标申报表, the 2015 transfer-payment form with
 * ASCII >= / <= targets and ten indicator names still carrying the template's (≥**…).
 */
const table: CorpusTable = {
  id: "hunan-2018-nanyue-tourism-base",
  province: "湖南",
  publisher: "南岳区财政局（衡阳市南岳区）",
  source: "http://www.nanyue.gov.cn/nyczj/czysgk/2018njyqnddbmyjs/xcj/nyqnyzzf/20200211/i951217.html",
  year: 2018,
  description:
    "Page 2018年市级专项扶贫资金基础设施(人大代表扶贫基地)绩效目标申报表 (published 2018-05-20): 绩效目标申报表 of the project " +
    "2018年市级专项扶贫资金基础设施(人大代表扶贫基地), 主管部门 南岳镇政府, 实施单位 [610001]湖南省润山润水生态农业发展有限公司. " +
    "Header: 项目名称 / 项目负责人及电话, 主管部门 / 实施单位, 资金情况(万元) with 年度资金总额: 10, 其中:财政拨款 10, 其他资金 0, then " +
    "总体目标 | 年度目标 | 年度总体目标完成情况 with the goal text in the row beneath (the 完成情况 cell empty); grid 绩效指标 | 一级指标 | " +
    "二级指标 | 三级指标 | 指标值 | 备注 with the 绩效指标 band down the left edge, 16 indicators; then the three review rows " +
    "(财政部门支出股室初审意见 … (盖章)). Reproduced whole. Targets are written with ASCII >= and <=. No 项目编码 label.",
  patterns: ["outer-band", "values-below"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["绩效目标申报表", null, null, null, null, null],
        [
          "项目名称",
          "2018年市级专项扶贫资金基础设施(人大代表扶贫基地)",
          null,
          "项目负责人及电话",
          "郭铁梅18932106863",
          null,
        ],
        ["主管部门", "南岳镇政府", null, "实施单位", "[610001]湖南省润山润水生态农业发展有限公司", null],
        ["资金情况(万元)", "年度资金总额:", null, 10, null, null],
        [null, "其中:财政拨款", null, 10, null, null],
        [null, "其他资金", null, 0, null, null],
        ["总体目标", "年度目标", null, null, "年度总体目标完成情况", null],
        [null, "为水濂村带来观光游客不少于6万人,村集体收入达6万元。", null, null, null, null],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值", "备注"],
        [null, "产出指标", "数量指标", "贫困地区旅游基础设施建设工程", ">=20平方米", null],
        [null, null, null, "贫困地区旅游景点开发数量( ≥**个 )", ">=4个", null],
        [null, null, null, "流转土地", ">=60亩", null],
        [null, null, "质量指标", "*贫困地区旅游基础设施建设质量达标率100%", ">=98%", null],
        [null, null, "时效指标", "贫困地区基础设施建设按期完成率(≥**%)", ">=95%", null],
        [null, null, "成本指标", "流转土地补助标准", "<=475元/亩", null],
        [null, null, null, "景观建设成本", "<=2875元/个", null],
        [null, null, null, "贫困地区旅游基础设施建设工程建设成本", "<=3000元/平方米", null],
        [null, "效益指标", "经济效益指标", "乡村旅游带动增加贫困村收入(≥**万元)", ">=6万元", null],
        [null, null, null, "乡村旅游带动增加贫困人口收入(≥**万元)", ">=2.61万元", null],
        [null, null, "社会效益指标", "贫困地区乡村旅游开发景点接待游客数量(≥**人)", ">=60000人", null],
        [null, null, null, "受益建档立卡贫困人口数≥**人", ">=29人", null],
        [null, "满意度指标", "服务对象满意度指标", "旅游行业经营主体满意度(≥**%)", ">=90%", null],
        [null, null, null, "参与旅游扶贫项目贫困群众满意度(≥**%)", ">=90%", null],
        [null, null, null, "旅游区居民满意度(≥**%)", ">=90%", null],
        [null, null, null, "游客满意度(≥**%)", ">=90%", null],
        ["财政部门支出股室初审意见", null, null, "(盖章)", null, null],
        ["财政部门绩效评价股审核意见", null, null, "(盖章)", null, null],
        ["区扶贫办审核意见", null, null, "(盖章)", null, null],
      ],
      merges: [
        "A1:F1",
        "B2:C2",
        "E2:F2",
        "B3:C3",
        "E3:F3",
        "A4:A6",
        "B4:C4",
        "D4:F4",
        "B5:C5",
        "D5:F5",
        "B6:C6",
        "D6:F6",
        "A7:A8",
        "B7:D7",
        "E7:F7",
        "B8:D8",
        "E8:F8",
        "A9:A25",
        "B10:B17",
        "C10:C12",
        "C15:C17",
        "B18:B21",
        "C18:C19",
        "C20:C21",
        "B22:B25",
        "C22:C25",
        "A26:C26",
        "D26:F26",
        "A27:C27",
        "D27:F27",
        "A28:C28",
        "D28:F28",
      ],
    },
  ],
  expected: [
    ...["D11", "D14", "D18", "D19", "D20", "D21", "D22", "D23", "D24", "D25"].map((cell) => ({
      rule: "placeholder-text",
      severity: "error" as const,
      cell,
      why: "§5: the indicator name still holds template text, ** used as a number (≥**个, (≥**%), (≥**万元), ≥**人); names included",
    })),
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A2",
      why: "§5: project table (项目名称) with no 项目编码/项目代码 label; anchored at the project-name label",
    },
  ],
  disagreements: [
    "Every target uses ASCII >= or <=; §5 gives each a value-normalizable info with a fix (≥, ≤). Infos other than layout-unsupported are not listed here, so the 16 infos are not in expected.",
    "The 年度目标 label has another header text (年度总体目标完成情况) to its right on the same row; by §2 that would be its value, by §2b (a label whose right-hand cells hold another label) the goal text beneath. Goals are present either way, so no goals-missing is expected; which text is read as the goal is not tested.",
    "The three cost indicators are per-unit amounts (元/亩, 元/个, 元/平方米): no cost-exceeds-budget against the budget of 10万元.",
  ],
};

export default table;
