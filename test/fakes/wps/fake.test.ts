/**
 * The WPS fake itself: the VBA-shaped semantics the WPS host relies on, each pinned here so that a
 * change to the fake that would let a host bug through fails first. (Checked against the typings and
 * the VBA documentation only; no WPS was available.)
 */
import { XL_PATTERN, bgrFromHex, createFakeWps, emptyWpsState, hexFromBgr, type WpsWorkbookState } from "./index";

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

function workbook(): WpsWorkbookState {
  const state = emptyWpsState(["表一", "表二"]);
  state.sheets[0]!.cells = {
    B2: { value: "文本" },
    C2: { value: 0.5, numberFormat: "0%" },
    B3: { value: "#DIV/0!", formula: "=1/0" },
    C3: { value: 12, interior: { pattern: XL_PATTERN.gray25, color: bgrFromHex("#DDEBF7"), patternColor: 0xff } },
    D4: { value: true, font: { color: bgrFromHex("#FF0000") } },
  };
  state.sheets[0]!.merges = ["B5:C6"];
  return state;
}

function app(state = workbook(), options = {}): { fake: ReturnType<typeof createFakeWps>; App: Any } {
  const fake = createFakeWps(state, options);
  return { fake, App: fake.Application };
}

test("colours are BGR integers", () => {
  expect(bgrFromHex("#FFC7CE")).toBe(0xcec7ff);
  expect(hexFromBgr(0xcec7ff)).toBe("#FFC7CE");
});

test("Value2 is a scalar for one cell and rows of columns for several; errors read as COM codes; empty is undefined", () => {
  const { App } = app();
  const ws = App.ActiveWorkbook.Worksheets.Item(1);
  expect(ws.Range("B2").Value2).toBe("文本");
  expect(ws.Range("A1").Value2).toBeUndefined();
  expect(ws.Range("B2:C3").Value2).toEqual([
    ["文本", 0.5],
    [-2146826281, 12],
  ]);
  expect(ws.Range("B3").Text).toBe("#DIV/0!");
  expect(ws.Range("C2").Text).toBe("50%");
  expect(ws.Cells.Item(2, 3).Address()).toBe("$C$2");
  expect(ws.Range("B2:D4").Address(false, false)).toBe("B2:D4");
});

test("assigning Value2 converts text as typing would, and fills what the array does not reach with #N/A", () => {
  const { fake, App } = app(emptyWpsState());
  const ws = App.ActiveSheet;
  ws.Range("A1:D1").Value2 = [["12", "'12", "50%", "计划"]];
  ws.Range("A2:C2").Value2 = [[1, 2]];
  const cells = fake.state.sheets[0]!.cells;
  expect(cells.A1).toEqual({ value: 12 });
  expect(cells.B1).toEqual({ value: "12" });
  expect(cells.C1).toEqual({ value: 0.5, numberFormat: "0%" });
  expect(cells.D1).toEqual({ value: "计划" });
  expect(cells.C2).toEqual({ value: "#N/A" });
});

test("NumberFormat and colours read null over cells that differ; General may read as G/通用格式", () => {
  const { App } = app(workbook(), { generalFormat: "G/通用格式" });
  const ws = App.ActiveSheet;
  expect(ws.Range("C2").NumberFormat).toBe("0%");
  expect(ws.Range("B2").NumberFormat).toBe("G/通用格式");
  expect(ws.Range("B2:C2").NumberFormat).toBeNull();
  expect(ws.Range("B2:C3").Interior.Color).toBeNull();
});

test("No Fill is Pattern xlPatternNone and reads white; automatic font colour is ColorIndex xlAutomatic", () => {
  const { fake, App } = app();
  const ws = App.ActiveSheet;
  expect(ws.Range("B2").Interior.Pattern).toBe(XL_PATTERN.none);
  expect(ws.Range("B2").Interior.Color).toBe(0xffffff);
  expect(ws.Range("B2").Font.ColorIndex).toBe(-4105);
  expect(ws.Range("B2").Font.Color).toBe(0);
  ws.Range("B2").Interior.Color = 0x123456;
  expect(fake.state.sheets[0]!.cells.B2!.interior).toEqual({ pattern: XL_PATTERN.solid, color: 0x123456 });
  ws.Range("B2").Interior.Pattern = XL_PATTERN.none;
  expect(fake.state.sheets[0]!.cells.B2).toEqual({ value: "文本" });
  expect(ws.Range("C3").Interior.PatternColor).toBe(0xff);
  expect(ws.Range("B2").Interior.PatternColorIndex).toBe(-4105);
});

test("MergeCells is true, false or null; MergeArea of one cell is its merged area", () => {
  const { App } = app();
  const ws = App.ActiveSheet;
  expect(ws.Range("B5:C6").MergeCells).toBe(true);
  expect(ws.Range("A1:A2").MergeCells).toBe(false);
  expect(ws.Range("A5:B5").MergeCells).toBeNull();
  expect(ws.Range("C6").MergeArea.Address(false, false)).toBe("B5:C6");
  expect(ws.Range("A1").MergeArea.Address(false, false)).toBe("A1");
});

test("comments: AddComment fails where one exists; Text reads and writes; Delete removes", () => {
  const { fake, App } = app();
  const ws = App.ActiveSheet;
  expect(ws.Range("B2").Comment).toBeNull();
  ws.Range("B2").AddComment("说明");
  expect(() => ws.Range("B2").AddComment("again")).toThrow(/comment/);
  expect(ws.Range("B2").Comment.Text()).toBe("说明");
  ws.Range("B2").Comment.Text("改过");
  expect(fake.state.sheets[0]!.cells.B2!.comment!.text).toBe("改过");
  ws.Range("B2").Comment.Delete();
  expect(ws.Range("B2").Comment).toBeNull();
});

test("Validation.Add fails where a validation exists; inline lists stop at 255 characters; titles at 32", () => {
  const { fake, App } = app();
  const ws = App.ActiveSheet;
  ws.Range("E1:E5").Validation.Add(3, 1, 1, "甲,乙");
  expect(() => ws.Range("E2").Validation.Add(3, 1, 1, "丙")).toThrow(/exists/);
  expect(() => ws.Range("F1").Validation.Add(3, 1, 1, "x".repeat(256))).toThrow(/255/);
  expect(() => (ws.Range("E1:E5").Validation.InputTitle = "标".repeat(33))).toThrow(/32/);
  ws.Range("E1:E5").Validation.InputTitle = "请选择";
  expect(fake.state.sheets[0]!.validations).toEqual([
    expect.objectContaining({ range: "E1:E5", type: 3, formula1: "甲,乙", inputTitle: "请选择" }),
  ]);
  ws.Range("E1:E5").Validation.Delete();
  expect(fake.state.sheets[0]!.validations).toEqual([]);
});

test("SpecialCells finds number and error cells, and fails when there are none", () => {
  const { App } = app();
  const ws = App.ActiveSheet;
  expect(ws.UsedRange.SpecialCells(2, 1).Address(false, false)).toBe("C2:C3");
  expect(ws.UsedRange.SpecialCells(-4123, 16).Address(false, false)).toBe("B3");
  expect(() => ws.Range("A1:A3").SpecialCells(2, 1)).toThrow(/No cells/);
});

test("UsedRange spans values and formatting from the first used cell; a blank sheet gives $A$1", () => {
  const { App } = app();
  expect(App.Worksheets.Item(1).UsedRange.Address()).toBe("$B$2:$D$6");
  expect(App.Worksheets.Item(2).UsedRange.Address()).toBe("$A$1");
});

test("Select works on the active sheet only and fires SheetSelectionChange; addresses stop at 255 characters", () => {
  const { fake, App } = app();
  const seen: string[] = [];
  const handler = (sheet: Any, range: Any) => seen.push(`${sheet.Name}!${range.Address(false, false)}`);
  App.ApiEvent.AddApiEventListener("SheetSelectionChange", handler);
  expect(() => App.Worksheets.Item(2).Range("A1").Select()).toThrow(/active sheet/);
  App.Worksheets.Item(2).Activate();
  App.Worksheets.Item(2).Range("A1").Select();
  fake.userSelects("表一", "B3:D7,F1");
  App.ApiEvent.RemoveApiEventListener("SheetSelectionChange", handler);
  fake.userSelects("表一", "A1");
  expect(seen).toEqual(["表二!A1", "表一!B3:D7,F1"]);
  expect(() => App.ActiveSheet.Range(Array(100).fill("A1").join(","))).toThrow(/255/);
});

test("protected contents refuse every write; a protected structure refuses sheets; deleting asks unless alerts are off", () => {
  const state = workbook();
  state.sheets[0]!.protectContents = true;
  const { fake, App } = app(state);
  expect(() => (App.ActiveSheet.Range("B2").Interior.Color = 1)).toThrow(/protected/);
  expect(App.ActiveSheet.Range("B2").Value2).toBe("文本");
  const added = App.Worksheets.Add(undefined, App.Worksheets.Item(2));
  expect(added.Name).toBe("Sheet3");
  expect(App.ActiveSheet.Name).toBe("Sheet3");
  added.Delete();
  expect(fake.alertsShown).toBe(1);
  App.DisplayAlerts = false;
  App.Worksheets.Add().Delete();
  expect(fake.alertsShown).toBe(1);
  fake.state.protectStructure = true;
  expect(() => App.Worksheets.Add()).toThrow(/structure/);
});

test("a very hidden sheet cannot be activated; hiding the active sheet activates another; calls are counted", () => {
  const { fake, App } = app();
  fake.resetStats();
  App.Worksheets.Item(1).Visible = 2;
  expect(App.ActiveSheet.Name).toBe("表二");
  expect(() => App.Worksheets.Item(1).Activate()).toThrow(/hidden/);
  expect(fake.calls).toBeGreaterThan(3);
});
