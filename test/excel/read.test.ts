/**
 * The Excel host reads exactly the snapshots the .xlsx reader produces from the same file, in two
 * round trips, and degrades without merged areas (ExcelApi 1.9).
 */
import ExcelJS from "exceljs";
import { readdirSync } from "node:fs";
import path from "node:path";
import { normalizeSnapshot } from "../../src/core/snapshot";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read";
import { emptyWorkbookState, sheetFromRows } from "../fakes/excel";
import { stateFromXlsxBuffer, stateFromXlsxFile } from "../fakes/excel/xlsx";
import { setUp, tearDown } from "./helpers";

afterEach(tearDown);

const EXAMPLES = path.join(__dirname, "../../examples");

/** A workbook with what a budget table holds: merges, percentages, dates, formulas, errors. */
async function fixtureWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("绩效目标");
  sheet.getCell("A1").value = "1.专项运转保障经费绩效目标表";
  sheet.mergeCells("A1:F1");
  sheet.getCell("A3").value = "预算数";
  sheet.getCell("B3").value = 183.6;
  sheet.getCell("B3").numFmt = "0.00";
  sheet.getCell("C3").value = 0.95;
  sheet.getCell("C3").numFmt = "0%";
  sheet.getCell("D3").value = new Date(Date.UTC(2023, 11, 31));
  sheet.getCell("D3").numFmt = "yyyy-mm-dd";
  sheet.getCell("E3").value = { formula: "B3*2", result: 367.2 };
  sheet.getCell("F3").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  sheet.getCell("A5").value = "产出指标";
  sheet.mergeCells("A5:A8");
  sheet.getCell("B5").value = "数量指标";
  sheet.getCell("C5").value = "≥2次";
  sheet.getCell("B6").value = { richText: [{ text: "质量" }, { text: "指标" }] };
  sheet.getCell("C6").value = true;
  sheet.getCell("G9").value = 44561;
  const hidden = workbook.addWorksheet("隐藏的表", { state: "hidden" });
  hidden.getCell("C4").value = "从 C4 开始";
  hidden.getCell("D5").value = 12.5;
  hidden.mergeCells("C6:D7");
  hidden.getCell("C6").value = "合并";
  const lists = workbook.addWorksheet("下拉选项", { state: "veryHidden" });
  lists.getCell("A1").value = "产出指标";
  workbook.addWorksheet("空白");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("reading a workbook", () => {
  test("gives the .xlsx reader's snapshots for a fixture with merges, percentages, dates, formulas and errors", async () => {
    const bytes = await fixtureWorkbook();
    const expected = await readWorkbookBuffer(bytes, "fixture.xlsx");
    const { fake, host } = setUp(await stateFromXlsxBuffer(bytes));
    const sheets = await host.readSheets("all");
    expect(sheets).toEqual(expected);
    expect(sheets.map((s) => s.name)).toEqual(["绩效目标", "隐藏的表", "空白"]);
    expect(sheets[0]!.texts[2]).toEqual(["预算数", "183.60", "95%", "2023-12-31", "367.2", "#DIV/0!", ""]);
    expect(sheets[0]!.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 4, left: 0, bottom: 7, right: 0 },
    ]);
    // Worksheets and the active used range, then every sheet's used range and data.
    expect(fake.syncCount).toBeLessThanOrEqual(3);
  });

  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith(".xlsx"));
  test.each(examples)("gives the .xlsx reader's snapshots for examples/%s", async (file) => {
    const full = path.join(EXAMPLES, file);
    const expected = await readWorkbookFile(full);
    const { host } = setUp(await stateFromXlsxFile(full));
    expect(await host.readSheets("all")).toEqual(expected);
  });

  test("reads only the active sheet when asked, in two round trips", async () => {
    const state = emptyWorkbookState(["一", "二"]);
    state.sheets[1] = sheetFromRows("二", state.sheets[1]!.id, [
      [null, null],
      [null, "x", 1],
    ]);
    state.activeSheet = "二";
    const { fake, host } = setUp(state);
    const sheets = await host.readSheets("active");
    expect(sheets).toEqual([
      {
        name: "二",
        values: [
          [null, null, null],
          [null, "x", 1],
        ],
        texts: [
          ["", "", ""],
          ["", "x", "1"],
        ],
        numberFormats: [
          ["General", "General", "General"],
          ["General", "General", "General"],
        ],
        merges: [],
      },
    ]);
    expect(fake.syncCount).toBe(2);
  });

  test("several sheets: two round trips, the first time too (sheets of unknown size are read whole with their used range)", async () => {
    const state = emptyWorkbookState(["一", "二", "三"]);
    state.sheets.forEach((sheet, i) => (sheet.cells = { A1: { value: `表${i}` }, B2: { value: i } }));
    const { fake, host } = setUp(state);
    const first = await host.readSheets("all");
    expect(fake.syncCount).toBe(2);
    fake.resetStats();
    expect(await host.readSheets("all")).toEqual(first);
    expect(fake.syncCount).toBe(2);
  });

  test("the selection listener's round trip teaches the host the worksheets, so the first check reads in two", async () => {
    const state = emptyWorkbookState(["一", "二"]);
    state.sheets[1]!.cells = { C3: { value: "内容" } };
    const { fake, host } = setUp(state);
    await host.onSelectionChanged(() => undefined);
    fake.resetStats();
    const sheets = await host.readSheets("all");
    expect(sheets[1]!.values[2]![2]).toBe("内容");
    expect(fake.syncCount).toBe(2);
  });

  test("a sheet deleted or added since the last read is handled", async () => {
    const state = emptyWorkbookState(["一", "二", "三"]);
    state.sheets.forEach((sheet, i) => (sheet.cells = { A1: { value: `表${i}` } }));
    const { fake, host } = setUp(state);
    await host.readSheets("all");
    fake.state.sheets.splice(1, 1);
    fake.state.sheets.push({ name: "四", id: "{NEW}", cells: { B1: { value: "新" } }, merges: [] });
    const sheets = await host.readSheets("all");
    expect(sheets.map((s) => [s.name, s.values])).toEqual([
      ["一", [["表0"]]],
      ["三", [["表2"]]],
      ["四", [[null, "新"]]],
    ]);
  });

  test("an empty sheet reads as an empty snapshot in one round trip", async () => {
    const { fake, host } = setUp(emptyWorkbookState(["Sheet1"]));
    expect(await host.readSheets("active")).toEqual([
      { name: "Sheet1", values: [], texts: [], numberFormats: [], merges: [] },
    ]);
    expect(fake.syncCount).toBe(1);
  });

  test("without ExcelApi 1.13 it reads no merged areas and never calls the missing API", async () => {
    const bytes = await fixtureWorkbook();
    const expected = await readWorkbookBuffer(bytes, "fixture.xlsx");
    const { fake, host } = setUp(await stateFromXlsxBuffer(bytes), { excelApi: "1.9" });
    const sheets = await host.readSheets("all");
    expect(sheets.map((s) => s.merges)).toEqual([[], [], []]);
    // The same cells, only without the merged areas (which also no longer stretch the snapshot).
    expect(sheets).toEqual(expected.map((s) => normalizeSnapshot({ ...s, merges: [] })));
    expect(fake.syncs.every((s) => s.error === null)).toBe(true);
  });

  test("a sheet with more than 512 merged areas is read in tiles Excel accepts", async () => {
    const state = emptyWorkbookState(["表"]);
    const sheet = state.sheets[0]!;
    for (let r = 0; r < 1200; r += 2) {
      sheet.cells[`A${r + 1}`] = { value: `一级${r}` };
      sheet.merges.push(`A${r + 1}:A${r + 2}`);
      sheet.cells[`B${r + 1}`] = { value: r };
    }
    const { fake, host } = setUp(state);
    const [snapshot] = await host.readSheets("active");
    expect(snapshot!.merges).toHaveLength(600);
    expect(fake.syncs.every((s) => s.error === null)).toBe(true);
  });
});
