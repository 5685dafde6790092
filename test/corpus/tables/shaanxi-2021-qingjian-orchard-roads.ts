import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "shaanxi-2021-qingjian-orchard-roads",
  province: "陕西",
  publisher: "清涧县财政局 (榆林市), 附表 of 清财农发[2020]104号",
  source: "http://qjzhf.gov.cn/Government/PublicInfoShow.aspx?ID=15161",
  year: 2021,
  description:
    "绩效目标申报表（2021年度） attached to 清涧县财政局关于提前下达2021年中央财政专项扶贫资金(发展资金)的通知: project " +
    "2021年交通局寨山石坪、鲍家沟果园路, 500万元. The vertical side labels of the published HTML table show only their " +
    "first character (总 for the goals block, 绩 for the indicator band) and are reproduced as seen. 年度目标 stands " +
    "over its text in the row beneath. Only the part of the page the search excerpt showed is reproduced: it stops at " +
    "the first 效益指标 row (level-2 经济效益, cut off before its indicator), so the 效益 indicators and the 满意度 block " +
    "are missing from the reproduction.",
  patterns: ["outer-band", "values-below"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["附表1", null, null, null, null],
        ["绩效目标申报表", null, null, null, null],
        ["(2021年度)", null, null, null, null],
        ["项目名称", "2021年交通局寨山石坪、鲍家沟果园路", "项目负责人及联系电话", "刘志龙09125222043", null],
        ["主管部门", "清涧县交通运输局", "实施单位", "清涧县交通运输局", null],
        ["资金情况", "年度资金总额:", 500, null, null],
        [null, "其中:财政拨款", 500, null, null],
        [null, "其他资金", null, null, null],
        ["总", "年度目标", null, null, null],
        [
          null,
          "1、改善基础实施建设,呼家河至鲍家沟果园路建设2公里、寨山石坪果园路2公里 2、水泥路硬化路面、边沟及交安实施的建设,解决了生产道路硬化问题及生命防护问题 3、极大的改善了老百姓的生产生活问题",
          null,
          null,
          null,
        ],
        ["绩", "一级指标", "二级指标", "三级指标", "指标值"],
        [null, "产出指标", "数量指标", "寨山石坪村新建水泥路1条", "2km"],
        [null, null, null, "呼家河至鲍家沟新建水泥路1条", "2km"],
        [null, null, "质量指标", "项目(工程)验收合格率", "100%"],
        [null, null, "时效指标", "项目(工程)完成及时率", "100%"],
        [null, null, "成本指标", "硬化水泥砼公路补助标准", "≤120万元"],
        [null, "效益指标", "经济效益", null, null],
      ],
      merges: [
        "A2:E2",
        "A3:E3",
        "D4:E4",
        "D5:E5",
        "A6:A8",
        "C6:E6",
        "C7:E7",
        "C8:E8",
        "A9:A10",
        "B9:E9",
        "B10:E10",
        "A11:A17",
        "B12:B16",
        "C12:C13",
      ],
    },
  ],
  expected: [
    {
      rule: "level1-missing",
      severity: "error",
      cell: "B11",
      why: "§5 level1-missing: 效益指标 has no filled indicator in the reproduction (the excerpt ends at its first level-2 cell)",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B11",
      why: "§5 level1-missing (满意度: warning): no 满意度 indicator in the reproduced part",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A4",
      why: "§5 project-code-missing: project table (项目名称) without a 项目编码/项目代码 label",
    },
  ],
  disagreements: [
    "project-code-missing anchors to 'label' in §5 but the table has no code label; anchored here to the 项目名称 label (A4). The spec does not say where a missing label's finding goes.",
    "The two level-1 errors/warnings come only from the truncated reproduction, not from the published table.",
  ],
};

export default table;
