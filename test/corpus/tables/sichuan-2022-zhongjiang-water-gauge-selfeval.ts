import type { CorpusTable } from "../format";

/**
 * 中江县水利局 (德阳市): 绩效目标自评表 (2022年度) of a 衔接资金 project (小型水库水标尺制作安装), the 2022 county form with
 * 分值 before the target, level-1 score bands (产出指标(70分)), an empty 经济效益指标 row and a closing …… row.
 */
const table: CorpusTable = {
  id: "sichuan-2022-zhongjiang-water-gauge-selfeval",
  province: "四川",
  publisher: "中江县水利局（德阳市中江县）",
  source: "https://chacewang.com/newsdetail/news242266.html",
  year: 2022,
  description:
    "Notice that 中江县水利局 finished the 2022 self-evaluation of its 衔接资金 projects (dated 2022-12-30), with the attached " +
    "绩效目标自评表 (2022年度) of 中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装, as reposted by chacewang.com. " +
    "The stored text is flattened (no cell separators); cells were split by reading the form: 资金情况(万元) with 全年预算数(A) 20 | " +
    "全年执行数(B) 20 | 分值 10 | 执行率(B/A) 100.00% | 得分 10, 年度总体目标 with 年初设定目标 / 年度总体目标完成情况综述 texts, then the " +
    "grid (绩效指标 band) 一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因及拟采取的改进措施, 9 " +
    "indicators, an empty 经济效益指标 row, a row holding only …… (placed in the level-3 column under 满意度) and the 总分 row " +
    "(100 | 100). The notes under the table (注:1.一级指标分值统一设置为…) are not reproduced. Merges follow the form.",
  patterns: ["self-evaluation", "outer-band", "level-notes", "values-below"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["绩效目标自评表", null, null, null, null, null, null, null, null],
        ["(2022年度)", null, null, null, null, null, null, null, null],
        [
          "项目名称",
          "中江县农业水价综合改革精准补贴和节水奖励项目小型水库水标尺制作安装",
          null,
          null,
          null,
          "项目负责人及电话",
          "谢凯13990260322(办公)",
          null,
          null,
        ],
        ["主管部门", "中江县水利局", null, null, null, "实施单位", "中江县水利局", null, null],
        ["资金情况\n(万元)", null, "全年预算数(A)", "全年执行数(B)", "分值", "执行率(B/A)", "得分", null, null],
        [null, "年度资金总额:", 20, 20, 10, 1, 10, null, null],
        [null, "其中:本年财政拨款", 20, 20, null, null, null, null, null],
        [null, "其他资金", null, null, null, null, null, null, null],
        ["年度总体目标", "年初设定目标", null, null, null, "年度总体目标完成情况综述", null, null, null],
        [
          null,
          "对农村地区供水计量设施设备进行改进,对项目区农业用水计量,为项目区农业生产夯实基础,",
          null,
          null,
          null,
          "对项目区农业用水计量,为项目区农业生产夯实基础,",
          null,
          null,
          null,
        ],
        [
          "绩效指标",
          "一级指标",
          "二级指标",
          "三级指标",
          "分值",
          "年度指标值",
          "全年实际值",
          "得分",
          "未完成原因及拟采取的改进措施",
        ],
        [null, "产出指标(70分)", "数量指标", "安装坡面水标尺", 10, "≥266米", "≥266米", 10, null],
        [null, null, null, "水标尺宽度", 10, "≥50厘米", "≥50厘米", 10, null],
        [null, null, "质量指标", "项目(工程)验收合格率", 20, "100%", "100%", 20, null],
        [null, null, "时效指标", "及时(按期)开工率", 10, "≥90%", "≥90%", 10, null],
        [null, null, null, "及时(按期)完工率", 10, "≥90%", "≥90%", 10, null],
        [null, null, "成本指标", "项目计划总投资", 10, "20万元", "20万元", 10, null],
        [null, "效益指标(20分)", "经济效益指标", null, null, null, null, null, null],
        [null, null, "社会效益指标", "受益脱贫(含监测对象)户人口数", 10, "≥1000人", "≥1000人", 10, null],
        [null, null, null, "群众生产生活条件改善状况", 10, "显著提升", "显著提升", 10, null],
        [null, "满意度指标(10分)", "服务对象满意度指标", "受益脱贫(含监测对象)户满意度", 10, "≥95%", "≥95%", 10, null],
        [null, null, null, "……", null, null, null, null, null],
        ["总分", null, null, null, 100, null, null, 100, null],
      ],
      merges: [
        "A1:I1",
        "A2:I2",
        "B3:E3",
        "G3:I3",
        "B4:E4",
        "G4:I4",
        "A5:A8",
        "A9:A10",
        "B9:E9",
        "F9:I9",
        "B10:E10",
        "F10:I10",
        "A11:A22",
        "B12:B17",
        "C12:C13",
        "C15:C16",
        "B18:B20",
        "C19:C20",
        "B21:B22",
        "C21:C22",
        "A23:D23",
      ],
      numberFormats: { F6: "0.00%" },
    },
  ],
  expected: [
    {
      rule: "placeholder-text",
      severity: "error",
      cell: "D22",
      why: "§5: the indicator cell holds only the form's template ellipsis ……",
    },
    {
      rule: "value-vague",
      severity: "warning",
      cell: "F20",
      why: "§5: 显著提升 is qualitative and only names a direction of change (提升 with 显著)",
    },
  ],
  disagreements: [
    "The stored text has no cell separators, so the column of the closing …… is a reading: in the level-3 column it is placeholder-text (expected); had it stood in the level-2 column it would be an unknown or template level name instead.",
    "The …… row has no target; as in the other tables with template rows, value-missing is not expected for a row whose only content is template text (§3 means unused template rows to be skipped).",
    "The 经济效益指标 row is empty apart from its level-2 name: a placeholder row, skipped silently (§3).",
    "The cost target 20万元 equals the self-evaluation's 年度资金总额 20: nothing is expected, and which amount is a self-evaluation's budget is not said.",
  ],
};

export default table;
