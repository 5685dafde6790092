/**
 * The fake keeps Office.js's proxy semantics, so host code that forgets a load or a sync fails
 * here as it would in Excel: properties are readable only once loaded and synced, writes apply
 * at sync, a failed sync keeps what ran before the failing action, payloads are capped, and
 * APIs of a newer requirement set than configured fail.
 */
/* eslint-disable office-addins/call-sync-after-load, office-addins/call-sync-before-read, office-addins/load-object-before-read --
   this file reads unloaded and unsynced properties on purpose, to see the fake refuse them as Excel does. */
import { FakeOfficeError, createFakeExcel, emptyWorkbookState, sheetFromRows, type FakeExcel } from "../fakes/excel";

type Ctx = Excel.RequestContext;

function fakeWith(options: Parameters<typeof createFakeExcel>[1] = {}): FakeExcel {
  const state = emptyWorkbookState(["Sheet1", "Sheet2"]);
  state.sheets[0] = sheetFromRows("Sheet1", state.sheets[0]!.id, [
    ["a", 1],
    [null, 0.5],
  ]);
  state.sheets[0]!.cells.B2!.numberFormat = "0%";
  return createFakeExcel(state, options);
}

async function run<T>(fake: FakeExcel, batch: (context: Ctx) => Promise<T>): Promise<T> {
  return fake.Excel.run(batch as never) as Promise<T>;
}

async function codeOf(promise: Promise<unknown>): Promise<string | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    return error instanceof FakeOfficeError ? error.code : `not an Office error: ${String(error)}`;
  }
}

describe("the fake Excel", () => {
  test("a property is readable only after load and sync", async () => {
    const fake = fakeWith();
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(/not available/);
      range.load("values,text");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([
        ["a", 1],
        ["", 0.5],
      ]);
      expect(range.text).toEqual([
        ["a", "1"],
        ["", "50%"],
      ]);
      expect(() => range.numberFormat).toThrow(/not available/);
    });
  });

  test("writes apply at sync, not before", async () => {
    const fake = fakeWith();
    await run(fake, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("C1").values = [["x"]];
      expect(fake.state.sheets[0]!.cells.C1).toBeUndefined();
      await context.sync();
      expect(fake.state.sheets[0]!.cells.C1).toEqual({ value: "x" });
    });
  });

  test("a failed sync keeps what ran before the failing action and nothing after; loads are not delivered", async () => {
    const fake = fakeWith();
    fake.state.sheets[1]!.protection = { protected: true };
    const code = await codeOf(
      run(fake, async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.getItem("Sheet1").getRange("C1").values = [["before"]];
        sheets.getItem("Sheet2").getRange("A1").values = [["refused"]];
        sheets.getItem("Sheet1").getRange("C2").values = [["after"]];
        await context.sync();
      }),
    );
    expect(code).toBe("AccessDenied");
    expect(fake.state.sheets[0]!.cells.C1).toEqual({ value: "before" });
    expect(fake.state.sheets[0]!.cells.C2).toBeUndefined();
    expect(fake.syncs.map((s) => s.error)).toEqual(["AccessDenied"]);
  });

  test("getItem of a missing sheet fails at sync; getItemOrNullObject gives a null object", async () => {
    const fake = fakeWith();
    expect(
      await codeOf(
        run(fake, async (context) => {
          context.workbook.worksheets.getItem("无").load("name");
          await context.sync();
        }),
      ),
    ).toBe("ItemNotFound");
    await run(fake, async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject("无");
      sheet.load("name");
      expect(() => sheet.isNullObject).toThrow();
      await context.sync();
      expect(sheet.isNullObject).toBe(true);
    });
  });

  test("APIs newer than the configured requirement set fail with ApiNotFound; isSetSupported agrees", async () => {
    const fake = fakeWith({ excelApi: "1.9" });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(
      await codeOf(
        run(fake, async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").getMergedAreasOrNullObject().load("address");
          await context.sync();
        }),
      ),
    ).toBe("ApiNotFound");
    expect(
      await codeOf(
        run(fake, async (context) => {
          const sheet = context.workbook.worksheets.getItem("Sheet1");
          sheet.notes.add(sheet.getRange("A1"), "x");
          await context.sync();
        }),
      ),
    ).toBe("ApiNotFound");
  });

  test("payloads above the cap fail like Excel on the web, and every sync is counted and measured", async () => {
    const fake = fakeWith({ platform: "OfficeOnline", payloadLimit: 1_000 });
    expect(
      await codeOf(
        run(fake, async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1:A200").values = Array.from({ length: 200 }, () => [
            "长长长长长长长长",
          ]);
          await context.sync();
        }),
      ),
    ).toBe("RequestPayloadSizeLimitExceeded");
    expect(fake.state.sheets[0]!.cells.A100).toBeUndefined();
    expect(
      await codeOf(
        run(fake, async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1:Z40").load("values,text,numberFormat");
          await context.sync();
        }),
      ),
    ).toBe("ResponsePayloadSizeLimitExceeded");
    expect(fake.syncs).toHaveLength(2);
    expect(fake.syncs[0]!.requestChars).toBeGreaterThan(1_000);
    expect(fake.syncs[1]!.responseChars).toBeGreaterThan(1_000);
  });

  test("No Fill reads as white with pattern None; setting pattern None removes a fill; a colour on No Fill makes it solid", async () => {
    const fake = fakeWith();
    await run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      const before = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
      await context.sync();
      expect(before.value[0]![0]).toEqual({ format: { fill: { color: "#FFFFFF", pattern: "None" } } });
      range.setCellProperties([
        [{ format: { fill: { color: "#ffc7ce" } } }, { format: { fill: { pattern: "None" } } }],
      ]);
      await context.sync();
    });
    expect(fake.state.sheets[0]!.cells.A1!.fill).toEqual({ color: "#FFC7CE", pattern: "Solid" });
    expect(fake.state.sheets[0]!.cells.B1!.fill).toBeUndefined();
  });

  test("merged areas come back whole when their top-left cell is in the range, and only then", async () => {
    const fake = fakeWith();
    fake.state.sheets[0]!.merges = ["A1:A3", "C2:D4"];
    await run(fake, async (context) => {
      const areas = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").getMergedAreasOrNullObject();
      areas.load("areas/items/address");
      await context.sync();
      expect(areas.areas.items.map((a) => a.address)).toEqual(["Sheet1!A1:A3"]);
    });
  });

  test("custom XML parts persist by namespace; the state stays plain JSON", async () => {
    const fake = fakeWith();
    await run(fake, async (context) => {
      context.workbook.customXmlParts.add('<r xmlns="urn:x">a &amp; b</r>');
      await context.sync();
      const parts = context.workbook.customXmlParts.getByNamespace("urn:x");
      parts.load("items/id");
      await context.sync();
      const xml = parts.items[0]!.getXml();
      await context.sync();
      expect(xml.value).toBe('<r xmlns="urn:x">a &amp; b</r>');
    });
    expect(JSON.parse(JSON.stringify(fake.state))).toEqual(fake.state);
  });
});

describe("the fake's Range.getSpecialCellsOrNullObject", () => {
  /**
   *      A         B          C              D
   *  1   1 (0.00)  2          "文本"          =A1 → 1
   *  2   3         4 (0%)     =A2*2 → 6       =A2*3 → 9
   *  3   TRUE      "#N/A"     =B1&"" → "2"    =A1>0 → TRUE
   *  4   8         ""         =1/0 → #DIV/0!  =C2 → 6
   */
  function specialFake(options: Parameters<typeof createFakeExcel>[1] = {}): FakeExcel {
    const state = emptyWorkbookState(["数"]);
    state.sheets[0]!.cells = {
      A1: { value: 1, numberFormat: "0.00" },
      B1: { value: 2 },
      C1: { value: "文本", numberFormat: "0.00" },
      D1: { value: 1, formula: "=A1" },
      A2: { value: 3 },
      B2: { value: 4, numberFormat: "0%" },
      C2: { value: 6, formula: "=A2*2", numberFormat: "0.0" },
      D2: { value: 9, formula: "=A2*3" },
      A3: { value: true },
      B3: { value: "#N/A" },
      C3: { value: "2", formula: '=B1&""' },
      D3: { value: true, formula: "=A1>0" },
      A4: { value: 8 },
      B4: { value: "" },
      C4: { value: "#DIV/0!", formula: "=1/0" },
      D4: { value: 6, formula: "=C2" },
    };
    return createFakeExcel(state, options);
  }

  /** The areas' addresses (null for a null object) for each [cellType, cellValueType] asked of the range. */
  async function special(fake: FakeExcel, address: string, asks: [string, string?][]): Promise<(string[] | null)[]> {
    return run(fake, async (context) => {
      const range = context.workbook.worksheets.getItem("数").getRange(address);
      const found = asks.map(([type, valueType]) => {
        const areas = range.getSpecialCellsOrNullObject(
          type as Excel.SpecialCellType,
          valueType as Excel.SpecialCellValueType | undefined,
        );
        areas.load("areas/items/address");
        return areas;
      });
      await context.sync();
      return found.map((areas) => (areas.isNullObject ? null : areas.areas.items.map((a) => a.address)));
    });
  }

  test("Constants/Numbers gives exactly the number constants as rectangles, with their formats", async () => {
    const fake = specialFake();
    await run(fake, async (context) => {
      const areas = context.workbook.worksheets
        .getItem("数")
        .getRange("A1:D4")
        .getSpecialCellsOrNullObject("Constants", "Numbers");
      areas.load(
        "address,areaCount,areas/items/address,areas/items/rowIndex,areas/items/columnIndex,areas/items/numberFormat",
      );
      await context.sync();
      expect(areas.isNullObject).toBe(false);
      expect(areas.areaCount).toBe(2);
      expect(areas.address).toBe("数!A1:B2,数!A4");
      expect(areas.areas.items.map((a) => [a.address, a.rowIndex, a.columnIndex, a.numberFormat])).toEqual([
        [
          "数!A1:B2",
          0,
          0,
          [
            ["0.00", "General"],
            ["General", "0%"],
          ],
        ],
        ["数!A4", 3, 0, [["General"]]],
      ]);
    });
  });

  test("Formulas/Numbers gives the formulas whose result is a number, and nothing else", async () => {
    expect(await special(specialFake(), "A1:D4", [["Formulas", "Numbers"]])).toEqual([["数!D1", "数!C2:D2", "数!D4"]]);
  });

  test("value types: text, logical, errors and combinations such as LogicalNumbers; All by default", async () => {
    const fake = specialFake();
    expect(
      await special(fake, "A1:D4", [
        ["Constants", "Text"],
        ["Constants", "Logical"],
        ["Constants", "Errors"],
        ["Constants", "LogicalNumbers"],
        ["Constants", "ErrorsNumbers"],
        ["Constants", "ErrorsNumberText"],
        ["Constants", "All"],
        ["Formulas", "Text"],
        ["Formulas", "ErrorsLogical"],
        ["Formulas"],
      ]),
    ).toEqual([
      ["数!C1"],
      ["数!A3"],
      ["数!B3"],
      ["数!A1:B2", "数!A3:A4"],
      ["数!A1:B2", "数!B3", "数!A4"],
      ["数!A1:C1", "数!A2:B2", "数!B3", "数!A4"],
      ["数!A1:C1", "数!A2:B3", "数!A4"],
      ["数!C3"],
      ["数!D3", "数!C4"],
      ["数!D1", "数!C2:D4"],
    ]);
  });

  test("only cells inside the range count; a range without such cells gives a null object", async () => {
    const fake = specialFake();
    expect(
      await special(fake, "B2:D4", [
        ["Constants", "Numbers"],
        ["Formulas", "Numbers"],
      ]),
    ).toEqual([["数!B2"], ["数!C2:D2", "数!D4"]]);
    expect(
      await special(fake, "C1:C1", [
        ["Constants", "Numbers"],
        ["Formulas", "Numbers"],
        ["Constants", "Text"],
      ]),
    ).toEqual([null, null, ["数!C1"]]);
    // An empty string is no constant of any kind.
    expect(await special(fake, "B4", [["Constants", "All"]])).toEqual([null]);
  });

  test("an unknown cell type or value type fails with InvalidArgument at sync", async () => {
    const fake = specialFake();
    expect(await codeOf(special(fake, "A1:D4", [["Nonsense", "Numbers"]]))).toBe("InvalidArgument");
    expect(await codeOf(special(fake, "A1:D4", [["Constants", "Numbersome"]]))).toBe("InvalidArgument");
    expect(fake.syncs.map((s) => s.error)).toEqual(["InvalidArgument", "InvalidArgument"]);
  });
});
