import type { CorpusTable } from "../format";

/**
 * 福建省台湾同胞联谊会: 2017年财政支出项目绩效目标表, the pre-2018 Fujian form (绩效目标 | 评价指标 | 绩效内容 |
 * 绩效标准 | 全年绩效目标; 投入/产出 × 成本目标/数量目标 × 目标1…), with no 一级指标 / 二级指标 headers.
 */
const table: CorpusTable = {
  id: "fujian-2017-taibao-subsidy",
  province: "福建",
  publisher: "福建省台湾同胞联谊会",
  source: "http://fjtl.taiwan.cn/zxgg/201707/t20170731_11825756.htm",
  year: 2017,
  description:
    "2017年财政支出项目绩效目标表 published 2017-07-31 by the Fujian Taiwan Compatriots Friendship Association " +
    "(主管部门名称 line, 专项名称, 概况, 总体绩效目标, then the indicator block). The indicator block is the older " +
    "Fujian form: its header reads 绩效目标 (over two columns) | 评价指标 | 绩效内容 | 绩效标准 | 全年绩效目标 and its " +
    "rows are 投入/成本目标 and 产出/数量目标 with 目标1, 目标2 … in the 评价指标 column; no column is headed 一级指标 or " +
    "二级指标. Only the part seen is reproduced: the stored text breaks off at 产出/数量目标/目标3 (困难台胞助学款), so " +
    "that row and the rest (效益, 满意度 targets) are left out.",
  patterns: ["no-level-columns"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["2017年财政支出项目绩效目标表", null, null, null, null, null],
        ["主管部门名称:福建省台湾同胞联谊会", null, null, null, null, null],
        ["专项名称", null, "台胞扶贫济困生活补贴、涉台联络专项经费及调研培训费", null, null, null],
        [
          "概况",
          null,
          "台胞扶贫济困生活补贴包括:台胞困难户每月每人200元、高龄补贴(没退休金每月每人300元、有退休金200元);充分发挥桥梁和纽带作用,创新对台联谊模式,深化同名村、丰收节、青年夏令营等对台交流活动,加强定居台胞服务工作,推动两岸宗亲交流,少数民族交流、青少年交流,推进闽台深度融合,广泛争取台湾民心",
          null,
          null,
          null,
        ],
        [
          "总体绩效目标",
          null,
          "台胞扶贫济困生活补贴,为我省台胞解决生活困难,从而调动广大台胞投身海西建设,为祖国和平统一大业;增进与台湾同胞沟通交流、促进两岸和平统一发展",
          null,
          null,
          null,
        ],
        ["绩效目标", null, "评价指标", "绩效内容", "绩效标准", "全年绩效目标"],
        ["投入", "成本目标", "目标1", "发放省直困难、高龄台胞", "100%", "按实际情况发放"],
        [null, null, "目标2", "开展丰收节活动、夏令营活动、台胞技能培训、定居台胞困难大学生助学金", "100%", "100%"],
        [
          "产出",
          "数量目标",
          "目标1",
          "困难台胞、高龄台胞困难补助受益",
          "台胞困难户每月每人200元、高龄补贴(没退休金每月每人300元、有退休金200元)",
          "困难台胞432人、高龄台胞1792人、困难学生助学95人、困难台胞技能培训91人",
        ],
        [
          null,
          null,
          "目标2",
          "争取台湾民心、增进乡情",
          "开展丰收节活动1次、夏令营活动1次、台胞技能培训2期",
          "开展丰收节活动1次、夏令营活动1次、台胞技能培训2期",
        ],
      ],
      merges: [
        "A1:F1",
        "A2:F2",
        "A3:B3",
        "C3:F3",
        "A4:B4",
        "C4:F4",
        "A5:B5",
        "C5:F5",
        "A6:B6",
        "A7:A8",
        "B7:B8",
        "A9:A10",
        "B9:B10",
      ],
    },
  ],
  expected: [
    {
      rule: "layout-unsupported",
      severity: "info",
      cell: "A6",
      why: "§2b: an indicator list without 一级指标/二级指标 columns is not read; one info at the list's first cell",
    },
  ],
  disagreements: [
    "The list does have level-like columns (投入/产出, 成本目标/数量目标) but under the headers 绩效目标 and 评价指标, " +
      "and its 评价指标 column holds 目标1, 目标2 … rather than indicator names. §2b's 'lists without level columns' " +
      "fits best (layout-unsupported, nothing else); a checker that finds no grid header might instead report " +
      "§5's no-table info at A1. Either way no error or warning is expected: the title holds 绩效目标表 and the " +
      "header block has no 项目名称 / 项目编码 label (专项名称 is not one), so no project-header rule applies.",
  ],
};

export default table;
