/**
 * The Excel host reads exactly the snapshots the .xlsx reader produces from the same file, in two
 * round trips, and degrades without merged areas (ExcelApi 1.9).
 */
import ExcelJS from "exceljs";
import { readdirSync } from "node:fs";
import path from "node:path";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";
import { ExcelHost } from "../../src/excel";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read";
import {
  emptyWorkbookState,
  sheetFromRows,
  sheetId,
  type FakeCell,
  type FakeExcel,
  type FakeSheet,
  type FakeWorkbookState,
} from "../fakes/excel";
import { FakeRange } from "../fakes/excel/objects";
import { officeError } from "../fakes/excel/runtime";
import { stateFromXlsxBuffer, stateFromXlsxFile } from "../fakes/excel/xlsx";
import { recordRequests, setUp, tearDown, type RecordedRequest } from "./helpers";

afterEach(() => {
  jest.restoreAllMocks();
  tearDown();
});

/** The properties a load request asks for ("values", "areas/items/numberFormat"). */
function loadedProperties(request: RecordedRequest["request"]): string[] {
  return typeof request.spec === "string" ? request.spec.split(",").map((p) => p.trim()) : [];
}

/** What the fake's Excel answers for one range loaded with these properties, in characters of JSON. */
async function responseCharsOf(fake: FakeExcel, sheet: string, address: string, properties: string): Promise<number> {
  await fake.Excel.run((async (context: Excel.RequestContext) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).load(properties);
    await context.sync();
  }) as never);
  return fake.syncs[fake.syncs.length - 1]!.responseChars;
}

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
  sheet.getCell("G3").value = { formula: "B3-B3", result: 0 };
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
    expect(sheets[0]!.texts[2]).toEqual(["预算数", "183.60", "95%", "2023-12-31", "367.2", "#DIV/0!", "0"]);
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

describe("texts worked out from value and number format", () => {
  /** Cells whose displayed text Excel would give differently from value + format, and how the .xlsx reader sees them. */
  async function formatsWorkbook(): Promise<Uint8Array> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("格式");
    sheet.getCell("A1").value = 183.6;
    sheet.getCell("A1").numFmt = "0.00";
    sheet.getCell("B1").value = "≥2次";
    sheet.getCell("B1").numFmt = "0.00";
    sheet.getCell("C1").value = "文本";
    sheet.getCell("C1").numFmt = '0;-0;0;"【"@"】"';
    sheet.getCell("D1").value = 45291;
    sheet.getCell("D1").numFmt = "yyyy-mm-dd";
    sheet.getCell("E1").value = true;
    sheet.getCell("F1").value = false;
    sheet.getCell("G1").value = { formula: "A1*2", result: 367.2 };
    sheet.getCell("G1").numFmt = "0.000";
    sheet.getCell("H1").value = { formula: 'B1&""', result: "≥2次" };
    sheet.getCell("H1").numFmt = "0%";
    sheet.getCell("I1").value = 0.5;
    sheet.getCell("I1").numFmt = "0%";
    return new Uint8Array(await workbook.xlsx.writeBuffer());
  }

  const TEXTS = ["183.60", "≥2次", "文本", "2023-12-31", "TRUE", "FALSE", "367.200", "≥2次", "50%"];
  const FORMATS = ["0.00", "General", "General", "yyyy-mm-dd", "General", "General", "0.000", "General", "0%"];

  test("the .xlsx reader: numbers formatted, text as typed and General, booleans TRUE/FALSE", async () => {
    const [snapshot] = await readWorkbookBuffer(await formatsWorkbook(), "formats.xlsx");
    expect(snapshot!.values[0]).toEqual([183.6, "≥2次", "文本", 45291, true, false, 367.2, "≥2次", 0.5]);
    expect(snapshot!.texts[0]).toEqual(TEXTS);
    expect(snapshot!.numberFormats[0]).toEqual(FORMATS);
  });

  test("the Excel host gives the same, whatever Excel displays (#### in a narrow column, a text section)", async () => {
    const bytes = await formatsWorkbook();
    const expected = await readWorkbookBuffer(bytes, "formats.xlsx");
    const state = await stateFromXlsxBuffer(bytes);
    const cells = state.sheets[0]!.cells;
    // What Range.text would report: the columns are too narrow, and C1's format has a text section.
    cells.A1!.text = "####";
    cells.D1!.text = "########";
    cells.G1!.text = "###";
    cells.I1!.text = "#";
    cells.C1!.text = "【文本】";
    expect(cells.B1!.numberFormat).toBe("0.00");
    const { host } = setUp(state);
    const sheets = await host.readSheets("all");
    expect(sheets).toEqual(expected);
    expect(sheets[0]!.texts[0]).toEqual(TEXTS);
    expect(sheets[0]!.numberFormats[0]).toEqual(FORMATS);
  });

  test("a number in a narrow column of a sheet read whole with its used range is formatted too", async () => {
    const state = emptyWorkbookState(["一", "二"]);
    state.sheets[0]!.cells = { A1: { value: "预算数" }, B1: { value: 183.6, numberFormat: "0.00", text: "####" } };
    state.sheets[1]!.cells = {
      A1: { value: 0.95, numberFormat: "0%", text: "#" },
      A2: { value: "文字", numberFormat: "0.00" },
      A3: { value: 45291, numberFormat: "yyyy-mm-dd", text: "#####" },
      A4: { value: 367.2, formula: "=B1*2", numberFormat: "0.000", text: "##" },
      A5: { value: true },
    };
    const { fake, host } = setUp(state);
    const sheets = await host.readSheets("all");
    expect(fake.syncCount).toBe(2);
    expect(sheets[0]!.texts).toEqual([["预算数", "183.60"]]);
    expect(sheets[1]!.texts).toEqual([["95%"], ["文字"], ["2023-12-31"], ["367.200"], ["TRUE"]]);
    expect(sheets[1]!.numberFormats).toEqual([["0%"], ["General"], ["yyyy-mm-dd"], ["0.000"], ["General"]]);
  });
});

describe("what a read loads", () => {
  /** 2,000 rows of text in A:D and one column of formatted numbers in E. */
  function textSheet(): FakeWorkbookState {
    const state = emptyWorkbookState(["指标"]);
    const cells: Record<string, FakeCell> = {};
    for (let r = 1; r <= 2_000; r++) {
      cells[`A${r}`] = { value: "产出指标" };
      cells[`B${r}`] = { value: "数量指标" };
      cells[`C${r}`] = { value: `会议次数${r}` };
      cells[`D${r}`] = { value: "≥2次", numberFormat: "0.00" };
      cells[`E${r}`] = { value: r / 4, numberFormat: "0.00" };
    }
    state.sheets[0]!.cells = cells;
    return state;
  }

  test("the round trip with the cell data loads values and the formats of number cells only, not text or every format", async () => {
    const { fake, host } = setUp(textSheet());
    const requests = recordRequests();
    const [snapshot] = await host.readSheets("active");
    expect(fake.syncCount).toBe(2);
    expect(snapshot!.texts[1999]).toEqual(["产出指标", "数量指标", "会议次数2000", "≥2次", "500.00"]);
    expect(snapshot!.numberFormats[0]).toEqual(["General", "General", "General", "General", "0.00"]);

    const loads = requests.filter((r) => r.request.op === "load");
    expect(loads.some((r) => r.sync === 1 && loadedProperties(r.request).includes("values"))).toBe(true);
    for (const load of loads) {
      for (const property of loadedProperties(load.request)) {
        const last = property.split("/").pop();
        if (last === "text") throw new Error(`text loaded: ${JSON.stringify(load.request)}`);
        if (last === "numberFormat") {
          // Only on the number cells that getSpecialCells found.
          expect(property).toBe("areas/items/numberFormat");
          expect(load.request.path).toMatch(/getSpecialCellsOrNullObject\((Constants|Formulas),Numbers\)$/);
        }
      }
    }

    // What the data round trip carried, against one range loaded with values (the least) or values, text and formats.
    const data = fake.syncs[1]!.responseChars;
    const cells = 2_000 * 5;
    const valuesOnly = await responseCharsOf(fake, "指标", "A1:E2000", "values");
    const everything = await responseCharsOf(fake, "指标", "A1:E2000", "values,text,numberFormat");
    expect(data / cells).toBeLessThan((valuesOnly / cells) * 1.5);
    expect(data).toBeLessThan(everything * 0.6);
  });
});

/** The expected snapshot of a `largeSheet` of this many rows. */
function largeSnapshot(name: string, rows: number): SheetSnapshot {
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const numberFormats: string[][] = [];
  const merges = [];
  for (let r = 0; r < rows; r++) {
    const first = r % 10 === 0 ? `一级${r / 10}` : null;
    const percent = r % 3 === 0;
    values.push([first, `指标${r}`, percent ? 0.95 : "≥2次", r * 1.5]);
    texts.push([first ?? "", `指标${r}`, percent ? "95%" : "≥2次", (r * 1.5).toFixed(2)]);
    numberFormats.push(["General", "General", percent ? "0%" : "General", "0.00"]);
    if (r % 10 === 0) merges.push({ top: r, left: 0, bottom: Math.min(rows - 1, r + 9), right: 0 });
  }
  return { name, values, texts, numberFormats, merges };
}

/** Level-1 names merged over ten rows in A, text in B, percentages or text (with a % format) in C, numbers in D. */
function largeSheet(name: string, id: string, rows: number): FakeSheet {
  const cells: Record<string, FakeCell> = {};
  const merges: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row = r + 1;
    if (r % 10 === 0) {
      cells[`A${row}`] = { value: `一级${r / 10}` };
      merges.push(`A${row}:A${Math.min(rows, row + 9)}`);
    }
    cells[`B${row}`] = { value: `指标${r}` };
    cells[`C${row}`] = r % 3 === 0 ? { value: 0.95, numberFormat: "0%" } : { value: "≥2次", numberFormat: "0%" };
    cells[`D${row}`] = { value: r * 1.5, numberFormat: "0.00" };
  }
  return { name, id, cells, merges };
}

const SMALL_ROWS: (string | number | null)[][] = [
  ["项目名称", "示例项目", null],
  ["预算数", 183.6, null],
  ["完成率", 0.95, null],
  [null, null, "备注"],
];

const SMALL_SNAPSHOT: SheetSnapshot = {
  name: "小表",
  values: SMALL_ROWS,
  texts: [
    ["项目名称", "示例项目", ""],
    ["预算数", "183.60", ""],
    ["完成率", "95%", ""],
    ["", "", "备注"],
  ],
  numberFormats: [
    ["General", "General", "General"],
    ["General", "0.00", "General"],
    ["General", "0%", "General"],
    ["General", "General", "General"],
  ],
  merges: [],
};

/** The active sheet small; after it a sheet of `rows` rows with merges, then a blank one. */
function speculativeWorkbook(rows = 3_000): FakeWorkbookState {
  const state = emptyWorkbookState(["小表", "大表", "空表"]);
  state.sheets[0] = sheetFromRows("小表", sheetId(0), SMALL_ROWS, [[], [null, "0.00"], [null, "0%"]]);
  state.sheets[1] = largeSheet("大表", sheetId(1), rows);
  return state;
}

function emptySheet(name: string): SheetSnapshot {
  return { name, values: [], texts: [], numberFormats: [], merges: [] };
}

const SPECULATIVE_EXPECTED = [SMALL_SNAPSHOT, largeSnapshot("大表", 3_000), emptySheet("空表")];

describe("sheets of unknown size, read whole with their used range", () => {
  test("a sheet larger than the guess: three round trips, the snapshots a host that knows the sheets reads", async () => {
    const { fake, host } = setUp(speculativeWorkbook());
    const requests = recordRequests();
    const first = await host.readSheets("all");
    expect(fake.syncs.map((s) => s.error)).toEqual([null, null, null]);
    expect(first).toEqual(SPECULATIVE_EXPECTED);
    expect(first[1]!.merges).toHaveLength(300);
    expect(first[1]!.texts[2_999]).toEqual(["", "指标2999", "≥2次", "4498.50"]);
    // The second round trip asked for the unknown sheets whole (getUsedRange, not ...OrNullObject).
    const wholeReads = requests.filter((r) => r.sync === 1 && r.request.op === "getUsedRange");
    expect(wholeReads).toHaveLength(2);
    // Its values came then and are kept: the third round trip only fetches the merged areas the guess missed.
    const laterValues = requests.filter((r) => r.sync === 2 && loadedProperties(r.request).includes("values"));
    expect(laterValues).toEqual([]);
    expect(requests.some((r) => r.sync === 2 && r.request.op === "getMergedAreasOrNullObject")).toBe(true);

    fake.resetStats();
    const again = await host.readSheets("all");
    expect(fake.syncCount).toBe(2);
    expect(again).toEqual(first);
  });

  test("two larger sheets of unknown size: both read right (the guess given up after the first is not needed for the second)", async () => {
    const state = speculativeWorkbook(200);
    state.sheets[2] = largeSheet("空表", sheetId(2), 300);
    const { fake, host } = setUp(state);
    const sheets = await host.readSheets("all");
    expect(fake.syncs.every((s) => s.error === null)).toBe(true);
    expect(sheets).toEqual([SMALL_SNAPSHOT, largeSnapshot("大表", 200), largeSnapshot("空表", 300)]);
    fake.resetStats();
    expect(await host.readSheets("all")).toEqual(sheets);
  });

  test("sheets that fit the guess come with their used range: two round trips, data from C4 and a merge below the last value", async () => {
    const state = speculativeWorkbook();
    state.sheets[1] = {
      name: "偏移",
      id: sheetId(1),
      cells: {
        C4: { value: "从 C4 开始" },
        D5: { value: 12.5, numberFormat: "0.0", text: "##" },
        C6: { value: "合并" },
        E20: { value: "" },
      },
      merges: ["C6:D9", "E20:E21"],
    };
    const { fake, host } = setUp(state);
    const requests = recordRequests();
    const first = await host.readSheets("all");
    expect(fake.syncCount).toBe(2);
    expect(requests.some((r) => r.sync === 1 && r.request.op === "getUsedRange")).toBe(true);
    const offset = first[1]!;
    expect(offset.values).toHaveLength(9);
    expect(offset.values[3]).toEqual([null, null, "从 C4 开始", null]);
    expect(offset.texts[4]).toEqual(["", "", "", "12.5"]);
    expect(offset.numberFormats[4]).toEqual(["General", "General", "General", "0.0"]);
    expect(offset.merges).toEqual([{ top: 5, left: 2, bottom: 8, right: 3 }]);
    expect(first[2]).toEqual(emptySheet("空表"));
    fake.resetStats();
    expect(await host.readSheets("all")).toEqual(first);
  });

  test("a blank sheet of unknown size reads as an empty snapshot", async () => {
    const state = emptyWorkbookState(["一", "空"]);
    state.sheets[0]!.cells = { A1: { value: "内容" } };
    // Formatting alone is no content.
    state.sheets[1]!.cells = { B2: { numberFormat: "0.00", fill: { color: "#FFFF00", pattern: "Solid" } } };
    const { fake, host } = setUp(state);
    const sheets = await host.readSheets("all");
    expect(sheets).toEqual([
      { name: "一", values: [["内容"]], texts: [["内容"]], numberFormats: [["General"]], merges: [] },
      emptySheet("空"),
    ]);
    expect(fake.syncCount).toBe(2);
    expect(fake.syncs.every((s) => s.error === null)).toBe(true);
  });

  test("without ExcelApi 1.13 the whole-sheet read never asks for merged areas", async () => {
    const { fake, host } = setUp(speculativeWorkbook(), { excelApi: "1.9" });
    const requests = recordRequests();
    const sheets = await host.readSheets("all");
    expect(requests.some((r) => r.request.op === "getUsedRange")).toBe(true);
    expect(requests.filter((r) => r.request.op === "getMergedAreasOrNullObject")).toEqual([]);
    expect(fake.syncs.every((s) => s.error === null)).toBe(true);
    // With no merged areas to fetch, the larger sheet read whole needs nothing more.
    expect(fake.syncCount).toBe(2);
    expect(sheets).toEqual(SPECULATIVE_EXPECTED.map((s) => normalizeSnapshot({ ...s, merges: [] })));
  });

  test("a whole-sheet read Excel refuses as too large is not tried again: the read still gives the right snapshots", async () => {
    const LIMIT = 150_000;
    const { fake } = setUp(speculativeWorkbook(), { payloadLimit: LIMIT });
    const host = new ExcelHost({ mergedAreas: true, notes: true, payloadLimit: LIMIT });
    const requests = recordRequests();
    const sheets = await host.readSheets("all");
    expect(sheets).toEqual(SPECULATIVE_EXPECTED);
    // The round trip after the worksheets tried the unknown sheets whole and was refused ...
    expect(fake.syncs[1]!.error).toBe("ResponsePayloadSizeLimitExceeded");
    expect(requests.some((r) => r.sync === 1 && r.request.op === "getUsedRange")).toBe(true);
    // ... and from then on they were only measured, then read in chunks.
    expect(requests.filter((r) => r.sync > 1 && r.request.op === "getUsedRange")).toEqual([]);
    expect(requests.filter((r) => r.sync === 2 && r.request.op === "getUsedRangeOrNullObject")).toHaveLength(2);
    const passed = fake.syncs.filter((s) => s.error === null);
    expect(passed.every((s) => s.responseChars <= LIMIT && s.requestChars <= LIMIT)).toBe(true);
  });

  test("where Excel will not give the number cells (a protected sheet, perhaps), every format is read instead", async () => {
    const { fake, host } = setUp(speculativeWorkbook());
    const original = FakeRange.prototype.getSpecialCellsOrNullObject;
    jest.spyOn(FakeRange.prototype, "getSpecialCellsOrNullObject").mockImplementation(function (
      this: FakeRange,
      cellType: string,
      valueType?: string,
    ) {
      const areas = original.call(this, cellType, valueType);
      this.context.enqueue({
        request: { op: "refuse" },
        run: () => {
          throw officeError("AccessDenied", "The sheet is protected.");
        },
      });
      return areas;
    });
    const requests = recordRequests();
    const sheets = await host.readSheets("all");
    expect(sheets).toEqual(SPECULATIVE_EXPECTED);
    expect(fake.syncs.filter((s) => s.error === "AccessDenied")).toHaveLength(1);
    // After the refusal: whole formats with the values, and no more asking for number cells.
    const refusedAt = fake.syncs.findIndex((s) => s.error === "AccessDenied");
    const later = requests.filter((r) => r.sync > refusedAt);
    expect(later.some((r) => loadedProperties(r.request).includes("numberFormat"))).toBe(true);
    expect(later.filter((r) => r.request.op === "getSpecialCellsOrNullObject")).toEqual([]);
  });

  test("any other failure of the whole-sheet read (a far-off stray cell, say) is retried without guessing", async () => {
    const { fake, host } = setUp(speculativeWorkbook());
    const requests = recordRequests();
    let failed = false;
    fake.beforeSync = (index) => {
      if (index === 1 && !failed) {
        failed = true;
        throw officeError("GeneralException", "The range is too large.");
      }
    };
    const sheets = await host.readSheets("all");
    expect(failed).toBe(true);
    expect(sheets).toEqual(SPECULATIVE_EXPECTED);
    // The failed round trip asked for the two unknown sheets whole; its retry measured them instead.
    expect(requests.filter((r) => r.request.op === "getUsedRange")).toHaveLength(2);
    const measured = requests.filter((r) => r.sync >= 1 && r.request.op === "getUsedRangeOrNullObject");
    expect(measured).toHaveLength(2);
  });
});
