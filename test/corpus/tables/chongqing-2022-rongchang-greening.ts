import type { CorpusTable } from "../format";

const table: CorpusTable = {
  id: "chongqing-2022-rongchang-greening",
  province: "重庆",
  publisher: "重庆市荣昌区林业局",
  source: "http://www.rongchang.gov.cn/bm/qlyj/zwgk_70831/fdzdgknr_70834/ysjs/ysgk/202209/t20220907_11085882.html",
  year: 2022,
  description:
    "附件2-1 项目绩效目标表(2022年度) of the project 古昌镇大青冈村乡村振兴绿化美化项目 (区林业局), published with the " +
    "bureau's 2022 budget. Only the beginning of the table was visible in the stored page: the header block and the grid " +
    "down to the 质量指标 group (its second, empty row included); the rows from 时效指标 on were cut off and are left out. " +
    "Chongqing form: 申报单位 / 项目(专项)名称, 资金情况(万元) with 年度资金总额 and numbered sources (1.中央资金 … 4.其他资金), " +
    "项目总体目标 and 项目年度目标, and a grid 绩效指标 (band) | 一级指标 | 二级指标 | 三级指标 | 计量单位 | 指标性质 | 指标值 " +
    "with the unit, the operator and the number each in its own column.",
  patterns: ["split-operator", "split-unit", "outer-band", "header-labels"],
  sheets: [
    {
      name: "Sheet1",
      rows: [
        ["附件2-1", null, null, null, null, null, null],
        ["项目绩效目标表", null, null, null, null, null, null],
        ["(2022年度)", null, null, null, null, null, null],
        ["申报单位", "区林业局", null, "项目(专项)名称", "古昌镇大青冈村乡村振兴绿化美化项目", null, null],
        ["具体实施单位", "区林业局", null, "项目属性", "延续", null, null],
        ["项目负责人", "胡正君", null, "联系电话", "19922989736", null, null],
        ["资金情况(万元)", "年度资金总额:", null, 153.5184, null, null, null],
        [null, "其中:1.中央资金", null, null, null, null, null],
        [null, "2.市级资金", null, 153.5184, null, null, null],
        [null, "3.区级资金", null, null, null, null, null],
        [null, "4.其他资金", null, null, null, null, null],
        [
          "项目概况及立项依据",
          "在古昌镇大青杠村事实乡村公路绿化;对周边沿线村民发放李子苗",
          null,
          null,
          null,
          null,
          null,
        ],
        ["项目总体目标", "对古昌镇大青杠村约3500米公路沿线进行绿化美化。", null, null, null, null, null],
        [
          "项目年度目标",
          "在古昌镇大青杠村约3500米公路沿线,通过地面清表,苗木采购和栽植,区域造景、管护等措施,进行绿化和美化,同时向周边沿线村民发放李子苗。",
          null,
          null,
          null,
          null,
          null,
        ],
        ["绩效指标", "一级指标", "二级指标", "三级指标", "计量单位", "指标性质", "指标值"],
        [null, "产出指标", "数量指标", "绿化美化公路", "米", "=", 3500],
        [null, null, null, "购买发放李子苗", "株", "=", 15000],
        [null, null, "质量指标", "树木成活率", "%", "≥", 85],
        [null, null, null, null, null, null, null],
      ],
      merges: [
        "A2:G2",
        "A3:G3",
        "B4:C4",
        "E4:G4",
        "B5:C5",
        "E5:G5",
        "B6:C6",
        "E6:G6",
        "A7:A11",
        "B7:C7",
        "D7:G7",
        "B8:C8",
        "D8:G8",
        "B9:C9",
        "D9:G9",
        "B10:C10",
        "D10:G10",
        "B11:C11",
        "D11:G11",
        "B12:G12",
        "B13:G13",
        "B14:G14",
        "A15:A19",
        "B16:B19",
        "C16:C17",
        "C18:C19",
      ],
    },
  ],
  expected: [
    {
      rule: "project-code-missing",
      severity: "warning",
      cell: "D4",
      why: "§5: project table with no 项目编码/项目代码; no label, anchored at the project-name label 项目(专项)名称",
    },
    {
      rule: "level1-missing",
      severity: "error",
      cell: "B15",
      why: "§5: no 效益指标 in the reproduced rows (the stored page was cut off after the 质量 rows)",
    },
    {
      rule: "level1-missing",
      severity: "warning",
      cell: "B15",
      why: "§5: no 满意度指标 in the reproduced rows (cut off), 满意度 → warning",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B16",
      why: "§5: 产出指标 lacks 时效指标 in the reproduced rows (cut off)",
    },
    {
      rule: "output-dimension-missing",
      severity: "warning",
      cell: "B16",
      why: "§5: legacy framework, 产出指标 lacks 成本指标 in the reproduced rows (cut off)",
    },
  ],
  disagreements: [
    "The project-name label reads 项目(专项)名称: a bracketed note inside the label, which §2's label grammar (prefix 其中/年度/当年/本年, suffix colon or bracketed unit) does not accept. The published form plainly labels the project name, so the expectation follows the table: the table is a project table with a name (no project-name-missing); only the code is missing.",
    "The four structure findings (level1-missing ×2, output-dimension-missing ×2) come from the truncation of the stored page, not from the published table.",
    "The funding sources are numbered (其中:1.中央资金, 2.市级资金, 4.其他资金); literally none is a fiscal/other-funds label, so budget-sources-mismatch has nothing to compare and nothing is expected (it would hold anyway: 153.5184 = 153.5184).",
  ],
};

export default table;
