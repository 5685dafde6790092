import type { CorpusTable } from "../format";

/**
 * 天津市财政局 → 宝坻区: the central-budget investment plan target table attached to 津财基指〔2022〕23号,
 * NDRC form (一级指标 实施效果指标, level 2 holding 产出指标 / 效益指标), 绩效指标 band down the left.
 */
const table: CorpusTable = {
  id: "tianjin-2022-baodi-manure",
  province: "天津",
  publisher: "天津市财政局（津财基指〔2022〕23号 附件，下达宝坻区）",
  source: "http://www.tyc-yl.com/zwgk_53713/ysgk_59783/czjzxzj/202207/t20220710_5930157.html",
  year: 2022,
  description:
    "天津市农业绿色发展专项（畜禽粪污资源化利用整县推进项目）2022年中央预算内投资计划绩效目标表, the " +
    "attachment of the Tianjin finance bureau's allocation notice 津财基指〔2022〕23号 to Baodi district (stored " +
    "under a mirror address of cz.tj.gov.cn, 预算公开 / 专项资金, same path). The NDRC central-budget-investment form: 专项名称, 下达地方或单位, " +
    "下达中央预算内投资（万元）, 总体目标, then a grid whose level 1 is 实施效果指标 and whose level 2 holds 产出指标 " +
    "and 效益指标, with a 绩 效 指 标 band merged down the left edge. Only the part of the page that was seen is " +
    "reproduced: the stored text breaks off in the second 效益指标 row (完工项目县规模养殖场畜禽粪污处理…), so that " +
    "row and any rows after it (satisfaction) are left out. Column positions of the header labels are a best " +
    "reading of the HTML table (label over the band and level-1 columns, value over the rest).",
  patterns: ["outer-band", "level-unknown", "header-labels"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        [
          "天津市农业绿色发展专项(畜禽粪污资源化利用整县推进项目)2022年中央预算内投资计划绩效目标表",
          null,
          null,
          null,
          null,
        ],
        ["(天津市宝坻区畜禽粪污资源化利用整区推进项目)", null, null, null, null],
        ["专项名称", null, "农业绿色发展专项 (畜禽粪污资源化利用整县推进项目)", null, null],
        ["下达地方或单位", null, "宝坻区人民政府", null, null],
        ["下达中央预算内投资(万元)", null, 2350, null, null],
        ["总 体 目 标", null, "提高畜禽粪污综合利用率和规模养殖场设施装备配套率。", null, null],
        ["绩 效 指 标", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "实施效果指标", "产出指标", "建设项目个数(含续建)", 1],
        [null, null, null, "竣工验收合格率", "100%"],
        [null, null, null, "按进度计划实施情况", "按计划实施"],
        [null, null, "效益指标", "完工项目县畜禽粪污综合利用率", "≥90%"],
      ],
      merges: [
        "A1:E1",
        "A2:E2",
        "A3:B3",
        "C3:E3",
        "A4:B4",
        "C4:E4",
        "A5:B5",
        "C5:E5",
        "A6:B6",
        "C6:E6",
        "A7:A11",
        "B8:B11",
        "C8:C10",
      ],
    },
  ],
  expected: [
    {
      rule: "level1-unknown",
      severity: "warning",
      cell: "B8",
      why: "§2b/§3: 实施效果指标 is no level 1 of either framework, nor a listed local name (only 效果指标 is)",
    },
    {
      rule: "level2-unknown",
      severity: "warning",
      cell: "C8",
      why: "§3: 产出指标 is a level-1 name, not a level 2 of either framework",
    },
    {
      rule: "level2-unknown",
      severity: "warning",
      cell: "C11",
      why: "§3: 效益指标 is a level-1 name, not a level 2 of either framework",
    },
    {
      rule: "unit-missing",
      severity: "warning",
      cell: "E8",
      why: "§4/§5: the number 1 (建设项目个数) has no unit and the grid has no unit column",
    },
  ],
  disagreements: [
    "The NDRC 中央预算内投资 form files 产出指标 and 效益指标 as level-2 names under the level 1 实施效果指标. " +
      "Read literally, §5 would add level1-missing errors for 产出指标 and 效益指标 (and output-dimension-missing " +
      "for 数量, and a 满意度 level1-missing warning, the satisfaction rows lying beyond the part seen) because no row has those level-1 names, although the table plainly has output and benefit " +
      "indicators. §2b says unknown levels are still checked but is silent on whether a level-1 name standing in " +
      "the level-2 column counts; following 'say less when unsure', no level1-missing / output-dimension-missing " +
      "is expected here. A reader could also map this form (level 2 = dimension-level names) as a §2b local layout.",
    "The table has no 项目名称 / 项目编码 label (专项名称 is not a listed label), so it is neither a project nor a " +
      "department table by §2; no project-header finding is expected. 下达中央预算内投资（万元） is not a listed " +
      "budget label either.",
  ],
};

export default table;
