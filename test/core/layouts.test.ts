/**
 * The layouts of spec §2b, each on a small sheet of its own: what the reader makes of it and which
 * findings it gives. The corpus (test/corpus/) shows the same patterns on real published tables.
 */
import { checkWorkbook } from "../../src/core/check";
import { dimensionOf, toLevel1, toLevel2 } from "../../src/core/framework";
import { parseSheet } from "../../src/core/parse";
import { SheetView } from "../../src/core/sheet";
import { unitInName } from "../../src/core/values";
import { sheetOf, type TestCell } from "../support/sheet";

/** Errors, warnings and layout infos as "cell rule severity", sorted. */
function findings(rows: TestCell[][], merges: string[] = []): string[] {
  return checkWorkbook([sheetOf("表", rows, merges)])
    .issues.filter((i) => i.severity !== "info" || i.rule === "layout-unsupported")
    .map((i) => `${i.cell} ${i.rule} ${i.severity}`)
    .sort();
}

function issues(rows: TestCell[][], merges: string[] = []) {
  return checkWorkbook([sheetOf("表", rows, merges)]).issues;
}

function tables(rows: TestCell[][], merges: string[] = []) {
  return parseSheet(new SheetView(sheetOf("表", rows, merges))).tables;
}

/** A sound bare grid (legacy framework), from row 1: it gives no error or warning. */
const GRID: TestCell[][] = [
  ["一级指标", "二级指标", "三级指标", "指标值"],
  ["产出指标", "数量指标", "培训人次", "≥200人次"],
  [null, "质量指标", "培训合格率", "≥95%"],
  [null, "时效指标", "完成时间", "12月底前"],
  [null, "成本指标", "培训成本", "≤10万元"],
  ["效益指标", "社会效益指标", "参训人员技能提升率", "≥90%"],
  ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"],
];

test("the base grid is clean", () => {
  expect(findings(GRID)).toEqual([]);
});

describe("outer band label", () => {
  const banded = GRID.map((row, r) => [r === 0 ? "绩效指标" : null, ...row]);

  test("a 绩效指标 cell merged down the left edge is a band, not the level-3 column", () => {
    const [table] = tables(banded, ["A1:A7"]);
    expect(table.columns.level3).toBe(3);
    expect(findings(banded, ["A1:A7"])).toEqual([]);
  });

  test("of two level-3 headers the stronger synonym wins: 三级指标 over 绩效指标", () => {
    const rows = [
      ["一级指标", "二级指标", "绩效指标", "三级指标", "指标值"],
      ...GRID.slice(1).map((r) => [r[0], r[1], "说明", r[2], r[3]]),
    ];
    expect(tables(rows)[0].columns.level3).toBe(3);
  });

  test("a mid-term and an annual grid side by side: the annual columns are read", () => {
    const rows: TestCell[][] = [
      [
        "一级指标",
        "二级指标(长期)",
        "三级指标(长期)",
        "指标值(长期)",
        "二级指标(年度)",
        "三级指标(年度)",
        "指标值(年度)",
      ],
      ...GRID.slice(1).map((r) => [r[0], r[1], null, null, r[1], r[2], r[3]]),
    ];
    const [table] = tables(rows);
    expect([table.columns.level2, table.columns.level3, table.columns.value]).toEqual([4, 5, 6]);
    expect(findings(rows)).toEqual([]);
  });
});

describe("values below their labels", () => {
  const header = (goalsRows: TestCell[][], merges: string[]) => ({
    rows: [["项目名称", "培训项目", "项目编码", "13052924P00584011444"], ...goalsRows, ...GRID],
    merges,
  });

  test("a heading merged across the width takes the text in the row beneath", () => {
    const { rows, merges } = header(
      [
        ["年度目标", null, null, null],
        ["完成年度培训任务", null, null, null],
      ],
      ["A2:D2", "A3:D3"],
    );
    const [table] = tables(rows, merges);
    expect(table.header.goals?.value?.text).toBe("完成年度培训任务");
    expect(findings(rows, merges).filter((f) => f.includes("goals-missing"))).toEqual([]);
  });

  test("总体目标 over 中期目标 | 年度目标 headings: the annual text is the goal", () => {
    const { rows, merges } = header(
      [
        ["总体目标", "中期目标", null, "年度目标"],
        [null, "三年内培训全覆盖", null, "完成年度培训任务"],
      ],
      ["A2:A3", "B2:C2", "B3:C3"],
    );
    expect(tables(rows, merges)[0].header.goals?.value?.text).toBe("完成年度培训任务");
  });

  test("an empty input cell right of a label is a missing value, not a pointer to the row below", () => {
    const { rows, merges } = header(
      [
        ["绩效目标", null, null, null],
        ["资金用途", "培训", null, null],
      ],
      ["B2:D2"],
    );
    expect(tables(rows, merges)[0].header.goals?.value).toBeNull();
    // The finding paints the empty input cell (B2:D2), not the label.
    expect(findings(rows, merges)).toContain("B2 goals-missing error");
  });
});

describe("more header labels", () => {
  test.each([
    ["年度总体目标", "goals"],
    ["预期目标", "goals"],
    ["实施期绩效目标", "goals"],
    ["项目年度目标", "goals"],
    ["全年预算数", "budget"],
    ["年初预算数", "budget"],
    ["项目资金总额", "budget"],
    ["年度资金申请总额", "budget"],
    ["本年度申请市财政预算资金（万元）", "budget"],
    ["项目(专项)名称", "projectName"],
  ])("%s is a %s label", (label, field) => {
    const rows = [[label, "值"], ...GRID];
    const header = tables(rows)[0].header;
    expect(header[field as "goals" | "budget" | "projectName"]?.label.text).toBe(label);
  });

  test("the annual goal wins over a mid-term one listed first", () => {
    const rows = [["中期目标", "三年规划"], ["年度绩效目标", "本年任务"], ...GRID];
    expect(tables(rows)[0].header.goals?.value?.text).toBe("本年任务");
  });
});

describe("level names with notes, and local names", () => {
  test.each([
    ["产出指标(50分)", "产出指标"],
    ["效益指标（30分）", "效益指标"],
    ["产出指标 (40-50)分", "产出指标"],
    ["满意度指标 20%", "满意度指标"],
    ["预期产出指标", "产出指标"],
    ["效果指标", "效益指标"],
  ])("level 1 %s is %s", (text, name) => {
    expect(toLevel1(text)).toBe(name);
  });

  test.each([
    ["数量指标（必填硬性指标）", "数量指标"],
    ["经济效益 指标", "经济效益指标"],
    ["质量指标等", "质量指标"],
    ["工期指标", "时效指标"],
    ["建筑规模指标", "数量指标"],
    ["预算（或投资规模）控制指标", "成本指标"],
    ["社会、经济、生态效益指标", "社会效益指标"],
    ["满意度指标", "服务对象满意度指标"],
  ])("level 2 %s is %s", (text, name) => {
    expect(toLevel2(text)).toBe(name);
  });

  test("a grid written with notes and local names is clean", () => {
    const rows = GRID.map((row) => [...row]);
    rows[1][0] = "产出指标(50分)";
    rows[1][1] = "建筑规模指标";
    rows[3][1] = "工期指标";
    rows[5][0] = "效果指标(30分)";
    expect(findings(rows)).toEqual([]);
  });
});

describe("unknown level names", () => {
  test("are warnings, and their rows are still checked by the value rules", () => {
    const rows = GRID.map((row) => [...row]);
    rows[5][0] = "项目效果";
    rows[5][3] = "有效提高";
    expect(findings(rows)).toEqual(["A6 level1-unknown warning", "D6 value-vague warning"]);
  });

  test("an unknown level 2 naming a dimension is checked by that dimension's rules", () => {
    expect(dimensionOf("工程数量指标")).toBe("数量指标");
    expect(dimensionOf("数量质量指标")).toBeNull();
    const rows = GRID.map((row) => [...row]);
    rows[1][1] = "工程数量指标";
    rows[1][3] = "若干";
    expect(findings(rows)).toEqual(["B2 level2-unknown warning", "D2 value-not-numeric error"]);
  });

  test("level1-missing and output-dimension-missing keep quiet beside an unknown level", () => {
    const rows: TestCell[][] = [
      ["一级指标", "二级指标", "三级指标", "指标值"],
      ["实施效果指标", "产出指标", "粪污综合利用率", "≥90%"],
      [null, "效益指标", "带动农户增收", "≥100户"],
    ];
    expect(findings(rows)).toEqual([
      "A2 level1-unknown warning",
      "B2 level2-unknown warning",
      "B3 level2-unknown warning",
    ]);
  });
});

describe("operators and units in split columns", () => {
  const split = (operator: TestCell, value: TestCell, unit: TestCell, level3 = "培训人次"): TestCell[][] => [
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位"],
    ["产出指标", "数量指标", level3, operator, value, unit],
    [null, "质量指标", "培训合格率", "≥", 95, "%"],
    [null, "时效指标", "完成时间", "≤", 12, "月"],
    [null, "成本指标", "培训成本", "≤", 10, "万元"],
    ["效益指标", "社会效益指标", "技能考核结果", "定性", "达标", "—"],
    ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥", 90, "%"],
  ];

  test.each(["≥", "≧", "大于等于", "不少于"])("the operator %s in 指标性质 is read", (operator) => {
    const [table] = tables(split(operator, 200, "人次"));
    expect(table.rows[0].parsed).toMatchObject({ kind: "quantity", operator: "≥", amount: 200, unit: "人次" });
  });

  test("═ and ＝ are equals", () => {
    expect(tables(split("═", 200, "人次"))[0].rows[0].parsed).toMatchObject({ operator: "=" });
    expect(tables(split("＝", 200, "人次"))[0].rows[0].parsed).toMatchObject({ operator: "=" });
  });

  test.each(["-", "—", "－", "/", "无"])("a unit cell holding %s means no unit", (unit) => {
    const [table] = tables(split("≥", 200, unit));
    expect(table.rows[0].unitColumnText).toBeNull();
    expect(findings(split("≥", 200, unit))).toEqual(["E2 unit-missing warning"]);
  });

  test("messages quote the assembled value", () => {
    const unitless = issues(split("≥", 200, "/")).find((i) => i.rule === "unit-missing");
    expect(unitless?.message).toContain("“≥200”");
  });

  test("a unit in brackets after the indicator's name counts", () => {
    expect(unitInName("实施营造林总面积（亩）")).toBe("亩");
    expect(unitInName("公猪舍(≥**平方米)")).toBe("平方米");
    expect(unitInName("数量指标（必填硬性指标）")).toBeNull();
    expect(findings(split("≥", 200, null, "培训人次(人次)"))).toEqual([]);
  });
});

describe("date serials in split layouts", () => {
  test("a bare 44561 under a 时效 indicator is a leaked date, whatever the cells beside it say", () => {
    const rows: TestCell[][] = [
      ["一级指标", "二级指标", "三级指标", "指标方向", "指标值", "计量单位"],
      ["产出指标", "数量指标", "培训人次", "≥", 200, "人次"],
      [null, "质量指标", "培训合格率", "≥", 95, "%"],
      [null, "时效指标", "完成时间", "≤", 44561, 44561],
      [null, "成本指标", "培训成本", "≤", 10, "万元"],
      ["效益指标", "社会效益指标", "技能提升率", "≥", 90, "%"],
      ["满意度指标", "服务对象满意度指标", "满意度", "≥", 90, "%"],
    ];
    expect(findings(rows)).toEqual(["E4 date-serial error"]);
    expect(issues(rows).find((i) => i.rule === "date-serial")?.message).toContain("2021");
  });
});

describe("flat multi-project lists", () => {
  const rows: TestCell[][] = [
    ["部门预算项目绩效目标申报表(2023年度)"],
    ["单位名称", "项目名称", "预算数", "年度目标", "一级指标", "二级指标", "三级指标", "指标值"],
    ["某镇政府", "村组干部报酬", 33.1, "按时发放报酬", "产出指标", "数量指标", "发放人数", "≥230人"],
    [null, null, null, null, null, "质量指标", "发放准确率", "100%"],
    [null, null, null, null, null, "时效指标", "发放时间", "12月底前"],
    [null, null, null, null, null, "成本指标", "报酬总额", "≤33.1万元"],
    [null, null, null, null, "效益指标", "社会效益指标", "基层稳定率", "≥95%"],
    [null, null, null, null, "满意度指标", "服务对象满意度指标", "干部满意度", "≥90%"],
    [null, "基层活动经费", null, null, "产出指标", "数量指标", "行政村数量", "=11个"],
    [null, null, null, null, null, "质量指标", "经费使用合规率", "100%"],
    [null, null, null, null, null, "时效指标", "拨付时间", "6月底前"],
    [null, null, null, null, null, "成本指标", "活动经费", "≤6.6万元"],
    [null, null, null, null, "效益指标", "社会效益指标", "组织活动开展率", "100%"],
    [null, null, null, null, "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ];
  const merges = ["A3:A14", "B3:B8", "C3:C8", "D3:D8", "B9:B14", "C9:C14", "D9:D14"];

  test("each project's row group is one project table", () => {
    const parsed = tables(rows, merges);
    expect(parsed.map((t) => [t.kind, t.header.projectName?.value?.text, t.rows.length])).toEqual([
      ["project", "村组干部报酬", 6],
      ["project", "基层活动经费", 6],
    ]);
  });

  test("header findings anchor to each project's own cells; a column header is never a value", () => {
    expect(findings(rows, merges)).toEqual([
      "B3 project-code-missing warning",
      "B9 project-code-missing warning",
      "C9 budget-missing error",
      "D9 goals-missing error",
    ]);
  });

  test("project columns right of the grid belong to each project's table", () => {
    // The same list with its project columns moved after the grid (A–D become E–H).
    const moved = rows.map((row, r) => (r === 0 ? row : [...row.slice(4, 8), ...row.slice(0, 4)]));
    const movedMerges = ["E3:E14", "F3:F8", "G3:G8", "H3:H8", "F9:F14", "G9:G14", "H9:H14"];
    const parsed = tables(moved, movedMerges);
    expect(parsed.map((t) => [t.kind, t.left, t.right])).toEqual([
      ["project", 0, 7],
      ["project", 0, 7],
    ]);
  });

  test("a column missing from the list is reported for each project, on its name", () => {
    // No 预算数 column: each project has no budget of its own to check.
    const withoutBudget = rows.map((row) => [...row.slice(0, 2), ...row.slice(3)]);
    const mergesWithoutBudget = ["A3:A14", "B3:B8", "C3:C8", "B9:B14", "C9:C14"];
    expect(findings(withoutBudget, mergesWithoutBudget).filter((f) => f.includes("budget-missing"))).toEqual([
      "B3 budget-missing error",
      "B9 budget-missing error",
    ]);
  });

  test("a level 1 missing in each project is reported for each, on the project's name", () => {
    // Both projects without their 满意度指标 row: the shared grid header is above both tables.
    const without = rows.filter((row) => row[4] !== "满意度指标");
    const withoutMerges = ["A3:A12", "B3:B7", "C3:C7", "D3:D7", "B8:B12", "C8:C12", "D8:D12"];
    expect(findings(without, withoutMerges).filter((f) => f.includes("level1-missing"))).toEqual([
      "B3 level1-missing warning",
      "B8 level1-missing warning",
    ]);
  });
});

describe("self-evaluation tables", () => {
  const rows: TestCell[][] = [
    ["项目支出绩效自评表"],
    ["项目名称", "培训项目"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "得分"],
    ["产出指标", "数量指标", "培训人次", "≥200人次", 210, 10],
    [null, "质量指标", "培训合格率", "≥95%", "96%", 10],
    [null, "时效指标", "完成时间", "12月底前", "11月", 10],
    [null, "成本指标", "培训成本", "≤10万元", "9.8万元", 10],
    ["效益指标", "社会效益指标", "技能提升率", "有效提高", "提高", 10],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%", "95%", 10],
  ];

  test("are their own kind: the target column is checked, 实际完成值 is not, header rules do not apply", () => {
    expect(tables(rows)[0].kind).toBe("self-evaluation");
    expect(findings(rows)).toEqual(["D8 value-vague warning"]);
  });
});

describe("lists the checker does not read", () => {
  test("a list without level columns: one info at its first cell, and nothing else", () => {
    const rows: TestCell[][] = [
      ["表十二 项目绩效目标表"],
      ["指标", "指标权重", "计量单位", "指标性质", "指标值"],
      ["开展培训次数", 10, "次", "≥", 4],
    ];
    expect(issues(rows).map((i) => `${i.cell} ${i.rule} ${i.severity}`)).toEqual(["A2 layout-unsupported info"]);
  });

  test("one target column per recipient: layout-unsupported, not grid-column-missing", () => {
    const rows: TestCell[][] = [
      ["一级指标", "二级指标", "三级指标", "指标解释", "西坪镇", "桃舟乡"],
      ["产出指标", "数量指标", "建设工程数(个)", "反映建设情况", 1, 2],
    ];
    expect(findings(rows)).toEqual(["A1 layout-unsupported info"]);
  });

  test("a grid whose value column is only renamed still gets grid-column-missing", () => {
    const rows = GRID.map((row, r) => (r === 0 ? [...row.slice(0, 3), "备注"] : row));
    expect(findings(rows)).toContain("A1 grid-column-missing error");
  });
});

describe("value-vague: reduction verbs (spec §4)", () => {
  test.each(["有效减轻群众负担", "进一步缓解交通压力", "逐步缩小差距", "明显缩短办理时间", "能耗下降"])(
    "%s",
    (value) => {
      const rows = GRID.map((row) => [...row]);
      rows[5][3] = value;
      expect(findings(rows)).toEqual(["D6 value-vague warning"]);
    },
  );

  test("a reduction with a figure is measurable", () => {
    const rows = GRID.map((row) => [...row]);
    rows[5][3] = "办理时间缩短至3天";
    expect(findings(rows)).toEqual([]);
  });
});

describe("the 2015 transfer-payment form", () => {
  test("satisfaction filed under 效益指标 is level2-wrong-parent, once", () => {
    const rows = GRID.slice(0, 6).concat([[null, "社会公众或服务对象满意度指标", "群众满意度", "≥90%"]]);
    expect(findings(rows)).toEqual(["B7 level2-wrong-parent error"]);
  });
});
