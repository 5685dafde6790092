/**
 * The task pane's host on the fake Excel, driven by generated sheets: Validate (read, check, paint)
 * never writes a value, formula or number format, and Clear puts back every cell's own formatting,
 * whatever fills, patterns, tints, fonts, notes and merges the sheet has, however often it was painted.
 */
import fc from "fast-check";
import { toA1 } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/check";
import type { Issue } from "../../src/core/report";
import { ExcelHost } from "../../src/excel";
import { detectFeatures } from "../../src/excel/requirements";
import {
  cloneState,
  createFakeExcel,
  emptyWorkbookState,
  FAKE_FILL_PATTERNS,
  type FakeCell,
  type FakeExcel,
  type FakeFill,
  type FakeFillPattern,
  type FakeWorkbookState,
} from "../fakes/excel";
import { stateFromWorkbook } from "../fakes/excel/xlsx";
import { cleanRows, CLEAN_MERGES } from "../support/clean-table";
import { mergesWithin } from "./generators";
import { workbookOf } from "./workbooks";

const RUNS = 150;

let installed: FakeExcel | null = null;
function hostOver(state: FakeWorkbookState): { fake: FakeExcel; host: ExcelHost } {
  installed?.uninstall();
  installed = createFakeExcel(state).install();
  return { fake: installed, host: new ExcelHost(detectFeatures()) };
}
afterEach(() => {
  installed?.uninstall();
  installed = null;
});

const colour = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).toUpperCase().padStart(6, "0")}`);
const PATTERNS = FAKE_FILL_PATTERNS.filter(
  (pattern): pattern is Exclude<FakeFillPattern, "None"> => pattern !== "None",
);
const tint = fc.integer({ min: -100, max: 100 }).map((n) => n / 100);
const fill: fc.Arbitrary<FakeFill> = fc
  .record(
    { color: colour, pattern: fc.constantFrom(...PATTERNS), patternColor: colour, tint, patternTint: tint },
    { requiredKeys: ["color", "pattern"] },
  )
  .map((f) => {
    // A tint of 0 and a black pattern colour are Excel's defaults: the fake's state, like a saved file, leaves them out.
    const { tint: t, patternTint: p, patternColor: pc, ...rest } = f;
    return {
      ...rest,
      ...(t ? { tint: t } : {}),
      ...(p ? { patternTint: p } : {}),
      ...(pc !== undefined && pc !== "#000000" ? { patternColor: pc } : {}),
    };
  });
const font = fc
  .record(
    {
      // Office.js reads the automatic font colour as black, so an explicit black cannot be told from it.
      color: colour.filter((c) => c !== "#000000"),
      bold: fc.boolean(),
      italic: fc.boolean(),
      size: fc.constantFrom(9, 10.5, 11, 12, 14, 16),
      name: fc.constantFrom("宋体", "仿宋_GB2312", "黑体", "Calibri", "微软雅黑"),
    },
    { requiredKeys: [] },
    // A font with nothing set is no font of its own.
  )
  .filter((f) => Object.keys(f).length > 0);
const value = fc.oneof(
  fc.constantFrom("优秀 良好 一般", "≥95%", "12月底", "有效提高", "产出指标", "#REF!", ""),
  fc.integer({ min: -1000, max: 100000 }),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.boolean(),
);
const cell: fc.Arbitrary<FakeCell> = fc.record(
  {
    value,
    formula: fc.constantFrom("=1+1", "=SUM(A1:A3)", '="≥"&95&"%"'),
    numberFormat: fc.constantFrom("0%", "0.00", "@", "yyyy-mm-dd", "#,##0.00_);[Red](#,##0.00)"),
    fill,
    font,
    note: fc.record({
      content: fc.constantFrom("我自己的备注", "请财务科复核"),
      author: fc.constantFrom("张三", "李四"),
    }),
    horizontalAlignment: fc.constantFrom("Left", "Center", "Right"),
    wrapText: fc.boolean(),
    borders: fc.record(
      { EdgeTop: fc.record({ style: fc.constantFrom("Continuous", "Dash", "Double"), color: colour }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["value"] },
);

interface Scenario {
  state: FakeWorkbookState;
  /** Rounds of findings shown one after another before Clear. */
  rounds: Issue[][];
}

/** A formatted sheet of up to 10 × 6 cells with merges, and rounds of findings on its cells (anchors of merges). */
const scenario: fc.Arbitrary<Scenario> = fc
  .record({ rows: fc.integer({ min: 1, max: 10 }), cols: fc.integer({ min: 1, max: 6 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      cells: fc.array(fc.array(fc.option(cell, { nil: undefined }), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      merges: mergesWithin(rows, cols),
      rounds: fc.array(
        fc.array(
          fc.record({
            row: fc.nat({ max: rows - 1 }),
            col: fc.nat({ max: cols - 1 }),
            severity: fc.constantFrom("error" as const, "warning" as const, "info" as const),
          }),
          { maxLength: 12 },
        ),
        { minLength: 1, maxLength: 3 },
      ),
    }),
  )
  .map(({ cells, merges, rounds }) => {
    const state = emptyWorkbookState(["绩效目标"]);
    const sheet = state.sheets[0];
    cells.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c !== undefined) sheet.cells[toA1(r, col)] = c;
      }),
    );
    sheet.merges = merges.map((m) => `${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}`);
    const anchor = (row: number, col: number) => {
      const m = merges.find((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
      return m ? toA1(m.top, m.left) : toA1(row, col);
    };
    return {
      state,
      rounds: rounds.map((round) =>
        round.map((f): Issue => ({
          rule: "value-option-list",
          severity: f.severity,
          sheet: "绩效目标",
          cell: anchor(f.row, f.col),
          table: 0,
          message: "指标值是评价等级的选项，不是目标值。",
          messageEn: "The value lists grade options, not a target.",
          fix: null,
        })),
      ),
    };
  });

/** Values, formulas and number formats of every cell: what Validate must never change. */
function contentOf(state: FakeWorkbookState): string {
  return JSON.stringify(
    state.sheets.map((s) =>
      Object.entries(s.cells)
        .filter(([, c]) => c.value !== undefined || c.formula !== undefined || c.numberFormat !== undefined)
        .map(([address, c]) => [address, c.value ?? null, c.formula ?? null, c.numberFormat ?? null])
        .sort(),
    ),
  );
}

describe("the Excel host on generated formatted sheets", () => {
  test(`painting never writes a value; clearing restores every cell exactly (${RUNS} cases)`, async () => {
    let cases = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ state, rounds }) => {
        cases++;
        const before = cloneState(state);
        const { fake, host } = hostOver(state);
        await host.readSheets("all");
        for (const issues of rounds) {
          await host.showFindings(issues);
          expect(contentOf(fake.state)).toBe(contentOf(before));
        }
        await host.clearFindings();
        expect(fake.snapshot()).toEqual(before);
      }),
      { numRuns: RUNS },
    );
    expect(cases).toBe(RUNS);
  }, 60_000);

  test("Validate on a real table: read, check, paint, clear; the table ends as it began", async () => {
    const rows = cleanRows();
    rows[10][4] = "优秀 良好 一般";
    rows[13][4] = "有效提高";
    rows[9][4] = { formula: "1/0", result: { error: "#DIV/0!" } } as never;
    const workbook = await workbookOf([{ name: "项目绩效目标", rows, merges: CLEAN_MERGES }]);
    const state = stateFromWorkbook(workbook);
    const before = cloneState(state);
    const { fake, host } = hostOver(state);
    const result = checkWorkbook(await host.readSheets("all"));
    expect(result.issues.filter((i) => i.severity !== "info").map((i) => `${i.rule} ${i.cell}`)).toEqual([
      "formula-error E10",
      "value-option-list E11",
      "value-vague E14",
    ]);
    await host.showFindings(result.issues);
    expect(contentOf(fake.state)).toBe(contentOf(before));
    await host.clearFindings();
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("bad inputs through the pane's host", () => {
  test("an empty workbook and a sheet without a table", async () => {
    const state = emptyWorkbookState(["Sheet1", "封面"]);
    state.sheets[1].cells = { A1: { value: "2024年部门预算" } };
    const { host } = hostOver(state);
    const result = checkWorkbook(await host.readSheets("all"));
    expect(result.tables).toEqual([]);
    expect(result.issues.map((i) => `${i.sheet}!${i.cell} ${i.rule} ${i.message}`)).toEqual([
      "封面!A1 no-table 工作表“封面”有内容，但未找到绩效指标表（需要含“一级指标”“二级指标”“三级指标”或“指标值”的表头行）。",
    ]);
  });

  test("formula errors, a 32,767-character cell and numbers stored as text, read through Office.js", async () => {
    const rows = cleanRows();
    rows[10][4] = { formula: "VLOOKUP(1,H1:I2,2,FALSE)", result: { error: "#N/A" } } as never;
    rows[13][4] = "提高".repeat(16384).slice(0, 32767);
    rows[3][2] = "50";
    const state = stateFromWorkbook(await workbookOf([{ name: "项目", rows, merges: CLEAN_MERGES }]));
    const { host } = hostOver(state);
    const result = checkWorkbook(await host.readSheets("all"));
    const found = result.issues.filter((i) => i.severity !== "info");
    expect(found.map((i) => `${i.rule} ${i.cell}`)).toEqual(["formula-error E11", "value-vague E14"]);
    expect(found[0].message).toContain("查找公式没有找到要引用的值");
    expect(found[1].message.length).toBeLessThan(200);
  });

  test("a protected sheet: Validate is refused with a plain sentence and nothing is written", async () => {
    const state = stateFromWorkbook(await workbookOf([{ name: "项目", rows: cleanRows(), merges: CLEAN_MERGES }]));
    state.sheets[0].protection = { protected: true };
    state.sheets[0].cells.E11 = { value: "优秀 良好 一般" };
    const before = cloneState(state);
    const { fake, host } = hostOver(state);
    const result = checkWorkbook(await host.readSheets("all"));
    const error = await host.showFindings(result.issues).then(
      () => null,
      (e: unknown) => e as Error & { messageZh?: string },
    );
    expect(error?.messageZh).toMatch(/保护/);
    expect(error?.messageZh).not.toMatch(/\bat |Error|undefined/);
    expect(fake.snapshot()).toEqual(before);
  });
});
