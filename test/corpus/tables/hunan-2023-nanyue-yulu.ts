import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "hunan-2023-nanyue-yulu",
  province: "湖南",
  publisher: "衡阳市南岳区乡村振兴局（南岳区财政局预决算公开栏）",
  source: "https://www.nanyue.gov.cn/nyczj/czysgk/2019njyhndyjs/nyqyg/nyncj/20231227/i3224710.html",
  year: 2023,
  description:
    "雨露计划绩效目标申报表(2023年度), 专项 2023年雨露计划就学补助项目 of 南岳区乡村振兴局. Only the beginning of the table " +
    "was visible in the stored page: the header block and the grid's first three indicator rows (数量, 质量, 时效); the " +
    "成本指标 row was cut off in its value (补助标准 | 15…) and it and all later rows are left out. Hunan 专项 form: " +
    "专项基本情况 block (专项名称, 专项属性, 主管部门, 专项起止时间 …), 专项资金情况 with the labels 本年度预计投入(万元), " +
    "财政资金(万元) (split into 中央/省级/市级资金/本级) and 其他 over a row of amounts beneath them, 中长期绩效目标 and " +
    "本年度绩效目标 each over two rows of text, and a grid under a 专项年度绩效指标 band with the headers 三级指标内容 and " +
    "指标值及单位. Values are written with ASCII >=.",
  patterns: ["values-below", "header-labels", "outer-band", "level-notes"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["雨露计划绩效目标申报表", null, null, null, null, null, null],
        ["(2023年度)", null, null, null, null, null, null],
        ["填报单位(盖章):                    单位负责人:谭呈祥", null, null, null, null, null, null],
        ["专项基本情况", "专项名称", "2023年雨露计划就学补助项目", null, null, null, null],
        [null, "专项属性", "新增项目□ 延续项目R", null, null, null, null],
        [null, "主管部门", "南岳区乡村振兴局", "专项起止时间", null, "2023年1月至12月", null],
        [null, "专项负责人", "欧阳光", "联系人及电话", null, "18073426859", null],
        [null, "专项概况", "对就读职业技术学校的脱贫户或监测户子女发放就学补助", null, null, null, null],
        [null, "专项立项 依据", null, null, null, null, null],
        ["专项资金情况", "本年度预计投入(万元)", "财政资金(万元)", null, null, null, "其他"],
        [null, null, "中央", "省级", "市级资金", "本级", null],
        [null, 7, 0, 7, 0, 0, 0],
        [
          "单位已有的保证专项实施的制度、措施",
          "对就读职业技术学校的脱贫户或监测户子女发放就学补助",
          null,
          null,
          null,
          null,
          null,
        ],
        [
          "中长期绩效 目标",
          "1.就读中等职业学校(含普通中专、职业中专、成人中专、职业高中、技工院校,以下同)、高职高专院校、技师学院已注册普通全日制正式学籍的本省脱贫家庭子女(含监测帮扶对象家庭)。上述扶持对象在校就读期间(包括顶岗实习),其家庭均可享受助学补助。辍学、休学和保留学籍学生不纳入扶持范围。",
          null,
          null,
          null,
          null,
          null,
        ],
        [
          null,
          "2.补助标准。在享受国家职业教育资助政策基础上,叠加给予助学补助,全省统一补助标准为:每生 1500 元/学期。",
          null,
          null,
          null,
          null,
          null,
        ],
        ["本年度绩效 目标", "1.对提供就读学籍证明的学生了放就学补助;", null, null, null, null, null],
        [null, "2.补助标准为:每生 1500 元/学期。", null, null, null, null, null],
        ["专项年度绩效指标", "一级指标", "二级指标", "三级指标内容", "指标值及单位", null, null],
        [null, "产出 指标", "数量指标", "年度申请就学补助户数", ">=101人/次", null, null],
        [null, null, "质量指标", "逾期发放率", ">=100%", null, null],
        [null, null, "时效指标", "就学补助及时发放率", ">=100%", null, null],
      ],
      merges: [
        "A1:G1",
        "A2:G2",
        "A3:G3",
        "A4:A9",
        "C4:G4",
        "C5:G5",
        "D6:E6",
        "F6:G6",
        "D7:E7",
        "F7:G7",
        "C8:G8",
        "C9:G9",
        "A10:A12",
        "B10:B11",
        "C10:F10",
        "G10:G11",
        "B13:G13",
        "A14:A15",
        "B14:G14",
        "B15:G15",
        "A16:A17",
        "B16:G16",
        "B17:G17",
        "A18:A21",
        "E18:G18",
        "B19:B21",
        "E19:G19",
        "E20:G20",
        "E21:G21",
      ],
    },
  ],
  expected: [
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "B4",
      why: "§5: a project (专项) table with no 项目编码/项目代码; no label, anchored at the 专项名称 label",
    },
    {
      rule: "level1-missing",
      severity: "error",
      cell: "B18",
      why: "§5: no 效益指标 in the reproduced rows (the stored page was cut off inside the 成本 row)",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B18",
      why: "§5: no 满意度指标 in the reproduced rows (cut off), 满意度 → warning",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B19",
      why: "§5: legacy framework, 产出 指标 lacks 成本指标 in the reproduced rows (its row was cut off)",
    },
  ],
  disagreements: [
    "The project name is labelled 专项名称, not 项目名称/项目支出名称. Literally the table has no project label; the form is plainly a project (专项) table, so the expectation follows it: 专项名称 is the name (no project-name-missing), and only the code is missing.",
    "The budget label is 本年度预计投入(万元), which none of §2/§2b's budget labels matches (§2b has 本年度申请…预算资金（万元）); its amount 7 stands in the row beneath it (values-below). Following the table, the budget is 7 and no budget-missing is expected.",
    "The level-3 header reads 三级指标内容, which is neither 三级指标 nor 指标内容 exactly. Literally the grid would have no level-3 column (grid-column-missing); the table plainly has one, so it is expected to be read and no grid-column-missing is expected.",
    "财政资金(万元) is a fiscal-funds label whose amounts stand split (中央/省级/市级资金/本级) in the row beneath; 0+7+0+0 and 其他 0 agree with the budget 7, so no budget-sources-mismatch either way.",
    "逾期发放率 >=100% (an overdue rate targeted at 100% or more) is semantically inverted but breaks no rule of §5 (100 is not above 100); the ASCII >= gives only a value-normalizable info, not listed.",
    "The three structure findings (level1-missing ×2, output-dimension-missing 成本) come from the truncation of the stored page, not from the published table.",
  ],
  knownDifferences: [
    {
      finding: "missed: Sheet1!B4 project-code-missing (warning)",
      reason:
        "专项名称 alone names a special fund (专项资金), not a project: such forms carry no project code, so the checker does not read them as project tables (no project-header findings). 项目(专项)名称 and 专项(项目)名称 are read as project names.",
    },
  ],
};

export default table;
