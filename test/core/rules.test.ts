/**
 * Every rule of the catalogue, each fired by a small change to a clean table and kept silent
 * by a near miss. The clean table itself must give no error and no warning.
 */
import { checkWorkbook, type CheckOptions } from "../../src/core/check";
import type { Issue } from "../../src/core/report";
import { RULES } from "../../src/core/rules";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { cleanRows, cleanSheet, setCell } from "../support/clean-table";
import { money, pct, sheetOf, type TestCell } from "../support/sheet";

type Edit = (rows: TestCell[][]) => void;
const set =
  (...pairs: [string, TestCell][]): Edit =>
  (rows) => {
    for (const [address, value] of pairs) setCell(rows, address, value);
  };
const clearRow = (row: number): Edit => set([`C${row}`, null], [`D${row}`, null], [`E${row}`, null], [`F${row}`, null]);

interface Case {
  sheet: SheetSnapshot;
  options?: CheckOptions;
}
interface RuleCases {
  fires: (Case & { cell: string; severity?: Issue["severity"]; only?: boolean; text?: string })[];
  silent: Case[];
}

const table = (edit: Edit, merges?: string[]): SheetSnapshot => cleanSheet(edit, merges);
/** Empties every input of the clean table: a blank form, with its labels and indicator names. */
const unfilled: Edit = (rows) => {
  for (const address of ["B3", "E3", "C4", "E4", "G4", "B5", "B7", "C7", "D7", "E7", "B8"])
    setCell(rows, address, null);
  for (let row = 10; row <= 16; row++) for (const col of ["D", "E", "F"]) setCell(rows, `${col}${row}`, null);
};
const gridOnly = (): SheetSnapshot => sheetOf("表", cleanRows().slice(8));

const CASES: Record<string, RuleCases> = {
  "no-table": {
    fires: [{ sheet: sheetOf("封面", [[null, "2024年部门预算"], ["说明文字"]]), cell: "A1" }],
    silent: [{ sheet: sheetOf("空", []) }, { sheet: table(() => {}) }],
  },
  "stray-content": {
    fires: [{ sheet: { ...table(() => {}), omitted: { cells: 1, first: "XFD1048576" } }, cell: "A1" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "layout-unsupported": {
    fires: [
      { sheet: sheetOf("清单", [["目标"], ["指标", "权重", "指标值"], ["开展培训次数", 10, "≥4次"]]), cell: "A2" },
      {
        // One target column per recipient instead of 指标值 (Fujian's allocation tables).
        sheet: sheetOf("分配", [
          ["一级指标", "二级指标", "三级指标", "甲镇", "乙镇"],
          ["产出指标", "数量指标", "建设工程数(个)", 1, 2],
        ]),
        cell: "A1",
      },
    ],
    silent: [{ sheet: table(() => {}) }, { sheet: sheetOf("说明", [["指标说明"], ["本表为示例"]]) }],
  },
  "grid-column-missing": {
    fires: [{ sheet: table(set(["E9", "备注"])), cell: "A9" }],
    silent: [{ sheet: table(set(["E9", "年度指标值"])) }],
  },
  "level1-unknown": {
    fires: [{ sheet: table(set(["A14", "工作指标"])), cell: "A14" }],
    silent: [{ sheet: table(set(["A14", "效益"])) }],
  },
  "level2-unknown": {
    fires: [{ sheet: table(set(["B14", "社会效果指标"])), cell: "B14" }],
    silent: [{ sheet: table(set(["B14", "社会效益"])) }],
  },
  "level2-wrong-parent": {
    fires: [{ sheet: table(set(["B16", "社会效益指标"])), cell: "B16" }],
    silent: [{ sheet: table(set(["B16", "社会公众或服务对象满意度指标"])) }],
  },
  "framework-mixed": {
    fires: [
      {
        sheet: table(set(["A14", "成本指标"], ["B14", "经济成本指标"], ["A15", "效益指标"])),
        cell: "B13",
      },
    ],
    silent: [{ sheet: table(() => {}) }],
  },
  "level3-missing": {
    fires: [{ sheet: table(set(["C11", null])), cell: "C11" }],
    silent: [{ sheet: table(clearRow(11)) }],
  },
  "level1-missing": {
    fires: [
      { sheet: table(clearRow(16)), cell: "A9", severity: "warning" },
      { sheet: table((rows) => [14, 15].forEach((r) => clearRow(r)(rows))), cell: "A9", severity: "error" },
    ],
    silent: [{ sheet: table(() => {}) }],
  },
  "output-dimension-missing": {
    fires: [
      { sheet: table(clearRow(11)), cell: "A10", severity: "warning" },
      { sheet: table(clearRow(10)), cell: "A10", severity: "error" },
    ],
    silent: [{ sheet: table(() => {}) }],
  },
  "indicator-duplicate": {
    fires: [{ sheet: table(set(["B11", "数量指标"], ["C11", "召开会议次数"], ["E11", "≥4次"])), cell: "C11" }],
    silent: [{ sheet: table(set(["C14", "召开会议次数"])) }],
  },
  "satisfaction-as-benefit": {
    fires: [{ sheet: table(set(["C14", "群众满意度"], ["E14", "≥90%"])), cell: "C14" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "value-missing": {
    fires: [{ sheet: table(set(["E10", null])), cell: "E10" }],
    silent: [{ sheet: table(clearRow(10)) }],
  },
  "value-option-list": {
    fires: [{ sheet: table(set(["E11", "优秀、良好、一般"])), cell: "E11", only: true }],
    silent: [{ sheet: table(set(["E11", "优良"])) }],
  },
  "value-not-numeric": {
    fires: [
      { sheet: table(set(["E10", "若干次"])), cell: "E10" },
      { sheet: table(set(["E13", "节约"])), cell: "E13" },
    ],
    silent: [{ sheet: table(set(["E11", "符合国家标准"])) }],
  },
  "value-vague": {
    fires: [
      { sheet: table(set(["E14", "有效提高委员参政议政"])), cell: "E14" },
      { sheet: table(set(["E15", "进一步提升"])), cell: "E15" },
    ],
    silent: [{ sheet: table(set(["E14", "保障会议正常运转"])) }, { sheet: table(set(["E14", "提高到95%"])) }],
  },
  "unit-missing": {
    fires: [{ sheet: table(set(["E10", "≥6"])), cell: "E10" }],
    silent: [{ sheet: table(set(["E11", pct(0.98)])) }],
  },
  "percent-out-of-range": {
    fires: [
      { sheet: table(set(["E11", "≥120%"])), cell: "E11" },
      { sheet: table(set(["E15", "-5%"])), cell: "E15" },
    ],
    silent: [{ sheet: table(set(["C15", "协商成果增长率"], ["E15", "≥120%"])) }],
  },
  "satisfaction-target": {
    fires: [
      { sheet: table(set(["E16", "满意"])), cell: "E16", severity: "error" },
      { sheet: table(set(["E16", "≥60%"])), cell: "E16", severity: "warning" },
      { sheet: table(set(["E16", "100%"])), cell: "E16", severity: "warning" },
    ],
    silent: [{ sheet: table(set(["E16", "≥95%"])) }, { sheet: table(set(["E16", pct(0.9)])) }],
  },
  "timeliness-format": {
    fires: [{ sheet: table(set(["E12", "及时"])), cell: "E12" }],
    silent: [{ sheet: table(set(["E12", "≥95%"])) }, { sheet: table(set(["E12", "2024年6月30日前"])) }],
  },
  "date-serial": {
    fires: [{ sheet: table(set(["E12", 45657])), cell: "E12", only: true, text: "2024-12-31" }],
    silent: [{ sheet: table(set(["E12", { value: 45657, format: "yyyy-mm-dd" }])) }],
  },
  "cost-exceeds-budget": {
    fires: [{ sheet: table(set(["E13", "60万元"])), cell: "E13" }],
    silent: [{ sheet: table(set(["E13", "500000元"])) }, { sheet: table(set(["E13", "≤60万元/人"])) }],
  },
  "description-repeats-name": {
    fires: [{ sheet: table(set(["D10", "召开会议次数"])), cell: "D10" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "description-missing": {
    fires: [{ sheet: table(set(["D10", null])), cell: "D10" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "basis-missing": {
    fires: [{ sheet: table(set(["F10", null])), cell: "F10" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "formula-error": {
    fires: [
      { sheet: table(set(["E10", "#REF!"])), cell: "E10", only: true, text: "#REF!" },
      { sheet: table(set(["E14", "#N/A"])), cell: "E14", only: true, text: "#N/A" },
      { sheet: table(set(["C4", "#DIV/0!"])), cell: "C4", text: "除以了零" },
      { sheet: table(set(["B3", "#N/A"])), cell: "B3", only: true },
      { sheet: table(set(["A10", "#REF!"])), cell: "A10", only: true },
    ],
    silent: [{ sheet: table(set(["E14", "无#REF!错误"])) }, { sheet: table(() => {}) }],
  },
  "placeholder-text": {
    fires: [
      { sheet: table(set(["E10", "≥XX次"])), cell: "E10", only: true },
      { sheet: table(set(["C10", "指标1"])), cell: "C10" },
      { sheet: table(set(["B8", "1.目标内容1"])), cell: "B8" },
      { sheet: table(set(["E11", "(≥**%)"])), cell: "E11", only: true },
    ],
    silent: [{ sheet: table(set(["E3", "[13073022X000010998509]怀财字【2022】7号 专项经费"])) }],
  },
  "value-normalizable": {
    fires: [
      { sheet: table(set(["E10", "≥6 次"])), cell: "E10", text: "≥6次" },
      { sheet: table(set(["E11", ">=98％"])), cell: "E11", text: "≥98%" },
      { sheet: table(set(["E12", "12 月底前"])), cell: "E12", text: "12月底前" },
    ],
    silent: [{ sheet: table(() => {}) }],
  },
  "table-unfilled": {
    fires: [{ sheet: table(unfilled), cell: "E3" }],
    silent: [
      { sheet: table(() => {}) },
      // One value typed in: the table is checked as usual.
      { sheet: table((rows) => (unfilled(rows), setCell(rows, "E10", "≥6次"))) },
      // A bare grid whose indicator names are typed in is the user's work, not a blank form.
      {
        sheet: sheetOf(
          "表",
          cleanRows()
            .slice(8)
            .map((row, i) => (i === 0 ? row : [row[0], row[1], row[2], null, null, null])),
        ),
      },
    ],
  },
  "header-block-missing": {
    fires: [{ sheet: gridOnly(), cell: "A1" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "project-name-missing": {
    fires: [{ sheet: table(set(["E3", null])), cell: "E3" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "project-code-missing": {
    fires: [{ sheet: table(set(["B3", null])), cell: "B3" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "project-code-format": {
    fires: [{ sheet: table(set(["B3", "13052924P0058401144"])), cell: "B3" }],
    silent: [{ sheet: table(set(["B3", "130529 24P00584011444Y"])) }],
  },
  "project-code-year": {
    fires: [{ sheet: table(set(["B3", "13052923P00584011444Y"])), cell: "B3" }],
    silent: [
      { sheet: table(set(["B3", "13052923P00584011444Y"])), options: { year: 2023 } },
      { sheet: table(set(["A1", "会议保障经费绩效目标表"], ["B3", "13052923P00584011444Y"])) },
    ],
  },
  "budget-missing": {
    fires: [
      { sheet: table(set(["C4", null])), cell: "C4" },
      { sheet: table(set(["C4", "按实际"])), cell: "C4" },
    ],
    silent: [{ sheet: table(set(["C4", "50万"])) }],
  },
  "budget-sources-mismatch": {
    fires: [{ sheet: table(set(["E4", money(40)])), cell: "C4" }],
    silent: [{ sheet: table(set(["G4", null])) }, { sheet: table(set(["E4", money(45)], ["G4", money(5)])) }],
  },
  "spending-plan-decreasing": {
    fires: [{ sheet: table(set(["B7", pct(0.5)], ["C7", pct(0.4)])), cell: "C7" }],
    silent: [{ sheet: table(set(["C7", pct(0.25)])) }],
  },
  "spending-plan-end": {
    fires: [{ sheet: table(set(["E7", pct(0.9)])), cell: "E7" }],
    silent: [{ sheet: table(() => {}) }],
  },
  "spending-plan-unit": {
    fires: [
      {
        sheet: table(set(["B7", money(12.5)], ["C7", money(25)], ["D7", money(37.5)], ["E7", money(50)])),
        cell: "B7",
        text: "25%、50%、75%、100%",
      },
    ],
    silent: [
      {
        sheet: table(
          set(
            ["A6", "资金支出计划（万元）"],
            ["B7", money(12.5)],
            ["C7", money(25)],
            ["D7", money(37.5)],
            ["E7", money(50)],
          ),
        ),
      },
    ],
  },
  "goals-missing": {
    fires: [{ sheet: table(set(["B8", null])), cell: "B8" }],
    silent: [{ sheet: table(() => {}) }],
  },
};

describe("the clean table", () => {
  test("gives no finding at all", () => {
    const result = checkWorkbook([cleanSheet()]);
    expect(result.issues).toEqual([]);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ kind: "project", framework: "legacy", range: "A1:G16" });
  });
});

describe("every rule is covered both ways", () => {
  test("each rule of the catalogue has firing and silent cases", () => {
    for (const rule of RULES) {
      expect(CASES[rule.meta.id]?.fires.length).toBeGreaterThan(0);
      expect(CASES[rule.meta.id]?.silent.length).toBeGreaterThan(0);
    }
  });
});

describe.each(Object.entries(CASES))("%s", (ruleId, cases) => {
  test.each(cases.fires.map((c, i) => [i, c] as const))("fires (case %i)", (_i, c) => {
    const result = checkWorkbook([c.sheet], c.options);
    const hits = result.issues.filter((issue) => issue.rule === ruleId);
    expect(hits.map((h) => h.cell)).toContain(c.cell);
    const hit = hits.find((h) => h.cell === c.cell)!;
    const rule = RULES.find((r) => r.meta.id === ruleId)!;
    expect(hit.severity).toBe(c.severity ?? rule.meta.severity);
    expect(hit.message).toMatch(/[\u4e00-\u9fff]/);
    expect(hit.messageEn).toMatch(/^[A-Z]/);
    if (c.text) expect(`${hit.message} ${hit.fix?.value ?? ""}`).toContain(c.text);
    if (c.only) expect(result.issues.filter((i) => i.cell === c.cell).map((i) => i.rule)).toEqual([ruleId]);
  });
  test.each(cases.silent.map((c, i) => [i, c] as const))("stays silent (case %i)", (_i, c) => {
    const result = checkWorkbook([c.sheet], c.options);
    expect(result.issues.filter((issue) => issue.rule === ruleId)).toEqual([]);
  });
});
