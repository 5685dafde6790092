import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "hunan-2023-xiangtan-fogcannon",
  province: "湖南",
  publisher: "湘潭市城市管理和综合执法局（湘潭市环境卫生管理处）",
  source: "http://xtcg.xiangtan.gov.cn/15068/15075/26693/content_1250928.html",
  year: 2023,
  description:
    "湘潭市环境卫生管理处2023年雾炮车降尘抑尘服务项目支出绩效目标申报表, reproduced whole from the page. " +
    "Hunan project form: 项目支出名称 / 年度本级预算金额 / 项目支出实施期 header, 实施期绩效目标 and 本年度绩效目标, " +
    "then a grid whose left edge is a 本年度绩效指标 band merged down over the header row and the data rows. " +
    "The form is the 2015 one: 社会公众或服务对象满意度指标 stands as a fifth level 2 under the merged 效益指标 cell. " +
    "Unused level-2 rows (经济效益, 生态效益, 可持续影响) are printed with empty cells. The footer line (填表人, 联系电话) is left out.",
  patterns: ["outer-band", "header-labels", "legacy-2015"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["2023年项目支出绩效目标申报表", null, null, null, null, null],
        ["填报单位:(盖章)                                      单位:万元", null, null, null, null, null],
        ["项目支出名称", "雾炮车降尘抑尘服务", null, "预算部门", "湘潭市环境卫生管理处", null],
        ["年度本级 预算金额", "250万", null, "该项目支出上级资金", 0, null],
        ["项目支出实施期", "2023.07-2024.01", null, null, null, null],
        [
          "实施期绩效目标",
          "通过采购雾炮车降尘抑尘服务,服务周期2023.07-2024.01,全市空气质量达到优良",
          null,
          null,
          null,
          null,
        ],
        [
          "本年度绩效目标",
          "通过采购雾炮车降尘抑尘服务,服务周期2023.07-2024.01,全市空气质量达到优良",
          null,
          null,
          null,
          null,
        ],
        ["本年度 绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"],
        [null, "产出指标", "数量指标", "雾炮车降尘抑尘服务配备车辆数", "10辆", "计划标准"],
        [null, null, null, "雾炮车风炮射程", "≥80M", "计划标准"],
        [null, null, "质量指标", "服务周期内空气质量", "优良", "计划标准"],
        [null, null, "时效指标", "服务周期", "2023.07-2024.01", "计划标准"],
        [null, null, "成本指标", "控制在预算成本内", "250万", "计划标准"],
        [null, "效益指标", "经济效益指标", null, null, null],
        [null, null, "社会效益指标", "服务周期内,市民对空气质量改善的满意程度", "≥85%", "计划标准"],
        [null, null, "生态效益指标", null, null, null],
        [null, null, "可持续影响指标", null, null, null],
        [null, null, "社会公众或服务对象满意度指标", "市民满意度", "≥90%", "计划标准"],
        ["财政部门审核意见", null, null, null, null, null],
      ],
      merges: [
        "A1:F1",
        "A2:F2",
        "B3:C3",
        "E3:F3",
        "B4:C4",
        "E4:F4",
        "B5:F5",
        "B6:F6",
        "B7:F7",
        "A8:A18",
        "B9:B13",
        "C9:C10",
        "B14:B18",
        "B19:F19",
      ],
    },
  ],
  expected: [
    {
      rule: "level2-wrong-parent",
      severity: "error",
      cell: "C18",
      why: "§2b legacy-2015 / §5: 社会公众或服务对象满意度指标 filed under the merged 效益指标 cell (B14:B18) belongs under 满意度指标",
    },
    {
      rule: "satisfaction-as-benefit",
      severity: "warning",
      cell: "D15",
      why: "§5: an indicator under 效益指标 (社会效益) whose name contains 满意 (市民对空气质量改善的满意程度)",
    },
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "A3",
      why: "§5: a project table (项目支出名称) with no 项目编码/项目代码 label; no label exists, so anchored at the project-name label",
    },
  ],
  disagreements: [
    "The spec anchors project-code-missing at 'label' but the table has no code label at all; the expectation anchors it at the project-name label A3. The checker may reasonably choose another cell (title, grid header).",
    "The satisfaction indicator is filed under 效益指标 (2015 form), so there is no 满意度指标 level 1. The spec says only that this stays level2-wrong-parent; whether level1-missing (warning, 满意度) should also fire is not said, so it is left out.",
    "市民满意度 (D18) is, through the wrong parent, an indicator under 效益指标 whose name contains 满意; whether satisfaction-as-benefit should fire on it as well as level2-wrong-parent is not said, so only the 社会效益 row D15 is expected.",
  ],
};

export default table;
