import type { CorpusTable } from "../format";

const DOTS =
  ".. ..............................................................................................................................";

const table: CorpusTable = {
  id: "anhui-2022-tangxi-village-selfeval",
  province: "安徽",
  publisher: "池州市贵池区棠溪镇人民政府",
  source: "http://www.anthempetcare.com/upload_cz/download?id=502367&siteId=2",
  year: 2022,
  description:
    "附件: 项目支出绩效自评表(2022年度) of the project 村级补助及运转经费 of 棠溪镇 (a sibling of the 委托业务项目 table, " +
    "same form, different values). Only the beginning was visible: header block, budget execution block, 年度总体目标 " +
    "(预期目标 / 实际完成情况 over their texts, the expected-goal text followed by a run of dots as extracted), and the grid " +
    "down to the 社会效益指标 row; the rows from 可持续影响指标 on (and the 满意度 group) were cut off and are left out. " +
    "Level-1 names carry score bands (产出指标(50分), 效益指标(30分)).",
  patterns: ["self-evaluation", "level-notes", "outer-band", "values-below"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["附件:", null, null, null, null, null, null, null, null],
        ["项目支出绩效自评表", null, null, null, null, null, null, null, null],
        ["(2022年度)", null, null, null, null, null, null, null, null],
        ["项目名称", "村级补助及运转经费", null, null, null, null, null, null, null],
        [
          "主管部门",
          "219-池州市贵池区棠溪镇人民政府",
          null,
          null,
          "实施单位",
          "219001-池州市贵池区棠溪镇人民政府",
          null,
          null,
          null,
        ],
        ["项目资金\n(万元)", null, null, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        [null, "年度资金总额:", null, 0, 0, 0, 10, 0, 0],
        [null, "其中:本年财政拨款", null, 202.64, 132.912, 132.912, null, null, null],
        [null, "上年结转资金", null, null, null, null, null, null, null],
        [null, "其他资金", null, null, null, null, null, null, null],
        ["年度总体目标", "预期目标", null, null, null, "实际完成情况", null, null, null],
        [
          null,
          "本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬252000元,村民监督委员会 工资28000元,村级事务补助960000元,村级工作目标奖励100000元。 " +
            DOTS,
          null,
          null,
          null,
          "本项目共完成预算资金1329120.67元,其中村级组织运转439120.67元,村民组长,党小组长基本报酬152000元,村民监督委员会 工资28000元,村级事务补助660000元,村级工作目标奖励50000元。",
          null,
          null,
          null,
        ],
        [
          "绩效指标",
          "一级指标",
          "二级指标",
          "三级指标",
          "年度指标值",
          "实际完成值",
          "分值",
          "得分",
          "偏差原因分析及改进措施",
        ],
        [null, "产出指标(50分)", "数量指标", "补助村(社区)数量", "=8个", 8, 8, 8, null],
        [null, null, null, "保障村干部人数", "=42个", 42, 8, 8, null],
        [null, null, "质量指标", "补助资格合规性", "合规", "达成预期指标", 8, 8, null],
        [null, null, null, "经费审批流程规范性", "严格执行相关制度规定", "达成预期指标", 8, 8, null],
        [null, null, "时效指标", "补助经费到位及时性", "及时", "达成预期指标", 8, 8, null],
        [null, null, "成本指标", "项目总成本", "≤202.6万元", 132.9, 10, 10, null],
        [
          null,
          "效益指标(30分)",
          "经济效益指标",
          "对保障村(社区)两委机构正常运行的影响程度",
          "效果明显",
          "达成预期指标",
          10,
          10,
          null,
        ],
        [null, null, "社会效益指标", "提高村(社区)干部工作积极性的影响程度", "效果明显", "达成预期指标", 10, 10, null],
      ],
      merges: [
        "A1:I1",
        "A2:I2",
        "A3:I3",
        "B4:I4",
        "B5:D5",
        "F5:I5",
        "A6:A10",
        "B6:C6",
        "B7:C7",
        "B8:C8",
        "B9:C9",
        "B10:C10",
        "A11:A12",
        "B11:E11",
        "F11:I11",
        "B12:E12",
        "F12:I12",
        "A13:A21",
        "B14:B19",
        "C14:C15",
        "C16:C17",
        "B20:B21",
      ],
    },
  ],
  expected: [
    {
      rule: "timeliness-format",
      severity: "warning",
      cell: "E18",
      why: "§5: 时效指标 target 及时 is neither a time of §4 nor a rate percentage",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B13",
      why: "§5: no 满意度指标 in the reproduced rows (the stored text was cut off after the 社会效益 row)",
    },
  ],
  disagreements: [
    "As in the sibling table, 年度资金总额 prints 0 in every column while the cost target is ≤202.6万元; which amount is a self-evaluation's budget is not said, so no cost-exceeds-budget is expected.",
    "The expected-goal text ends with a run of ASCII dots (.. ……… as extracted). placeholder-text lists the ellipsis …… but not ASCII dots, and goals are not checked on self-evaluation tables anyway; nothing is expected.",
    "level1-missing for 满意度 is caused by the truncation of the stored text, not by the published table.",
  ],
};

export default table;
