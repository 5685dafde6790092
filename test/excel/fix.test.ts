/**
 * Applying a fix through the Excel host, on the fake: the one value the add-in writes, only while the cell
 * still shows what the check saw, all cells or none, and undone exactly.
 */
import { checkWorkbook } from "../../src/core/check";
import { HostError } from "../../src/host/types";
import { typedValue } from "../../src/excel/fix";
import { cellAt, findSheet, sheetId, type FakeSheet, type FakeWorkbookState } from "../fakes/excel";
import { columnName } from "../../src/core/address";
import { cleanRows, CLEAN_MERGES, setCell } from "../support/clean-table";
import { money, type TestCell } from "../support/sheet";
import { setUp, tearDown } from "./helpers";

afterEach(tearDown);

function fakeSheet(name: string, rows: TestCell[][], merges: string[]): FakeSheet {
  const cells: FakeSheet["cells"] = {};
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value === null || value === undefined) return;
      const address = `${columnName(c)}${r + 1}`;
      cells[address] =
        typeof value === "object" && !(value instanceof Date) && "format" in value
          ? { value: value.value as number, numberFormat: value.format }
          : { value: value as string | number };
    }),
  );
  return { name, id: sheetId(0), cells, merges: [...merges] };
}

function workbook(edit: (rows: TestCell[][]) => void): FakeWorkbookState {
  const rows = cleanRows();
  edit(rows);
  return { sheets: [fakeSheet("目标表", rows, CLEAN_MERGES)], activeSheet: "目标表", customXmlParts: [], names: [] };
}

test("typed values: a percentage is a number shown as one; anything else stays text", () => {
  expect(typedValue("25%")).toEqual({ value: 0.25, format: "0%" });
  expect(typedValue("33.3%")).toEqual({ value: 0.333, format: "0.0%" });
  expect(typedValue("≥98%")).toEqual({ value: "≥98%", format: null });
  expect(typedValue("=100%")).toEqual({ value: "=100%", format: null });
});

describe("a one-cell fix (value-normalizable)", () => {
  async function checked(state: FakeWorkbookState) {
    const { fake, host } = setUp(state);
    const sheets = await host.readSheets("all");
    const issue = checkWorkbook(sheets).issues.find((i) => i.rule === "value-normalizable")!;
    return { fake, host, issue };
  }

  test("writes the tidy value on a click, and undo puts the old text back exactly", async () => {
    const { fake, host, issue } = await checked(workbook((rows) => setCell(rows, "E11", "＞＝９８％")));
    const sheet = () => findSheet(fake.state, "目标表")!;
    const before = JSON.parse(JSON.stringify(cellAt(sheet(), "E11")));
    const applied = await host.applyFix([{ sheet: issue.sheet, ...issue.fix! }]);
    expect(cellAt(sheet(), "E11")?.value).toBe("≥98%");
    // Nothing else changed.
    const others = JSON.stringify({ ...sheet().cells, E11: null });
    await host.undoFix(applied);
    expect(cellAt(sheet(), "E11")).toEqual(before);
    expect(JSON.stringify({ ...sheet().cells, E11: null })).toBe(others);
  });

  test("a value that would read as a formula is written as text", async () => {
    const { fake, host } = setUp(workbook(() => {}));
    await host.applyFix([{ sheet: "目标表", cell: "E16", value: "=100%", was: "≥90%" }]);
    expect(cellAt(findSheet(fake.state, "目标表")!, "E16")?.value).toBe("=100%");
    expect(cellAt(findSheet(fake.state, "目标表")!, "E16")?.formula).toBeUndefined();
  });

  test("is refused, writing nothing, when the cell changed since the check", async () => {
    const { fake, host, issue } = await checked(workbook((rows) => setCell(rows, "E11", "＞＝９８％")));
    cellAt(findSheet(fake.state, "目标表")!, "E11")!.value = "≥99%";
    const failure = await host.applyFix([{ sheet: issue.sheet, ...issue.fix! }]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).messageZh).toContain("已被修改");
    expect(cellAt(findSheet(fake.state, "目标表")!, "E11")?.value).toBe("≥99%");
  });

  test("is refused on a formula cell", async () => {
    const state = workbook(() => {});
    findSheet(state, "目标表")!.cells.E16 = { value: "≥90%", formula: '=">="&"90%"' };
    const { fake, host } = setUp(state);
    const failure = await host
      .applyFix([{ sheet: "目标表", cell: "E16", value: "≥90%", was: "≥90%" }])
      .catch((e: unknown) => e);
    expect((failure as HostError).messageEn).toContain("formula");
    expect(cellAt(findSheet(fake.state, "目标表")!, "E16")?.formula).toBe('=">="&"90%"');
  });

  test("undo is refused when the user edited the cell after the fix", async () => {
    const { fake, host, issue } = await checked(workbook((rows) => setCell(rows, "E11", "＞＝９８％")));
    const applied = await host.applyFix([{ sheet: issue.sheet, ...issue.fix! }]);
    cellAt(findSheet(fake.state, "目标表")!, "E11")!.value = "≥97%";
    await expect(host.undoFix(applied)).rejects.toBeInstanceOf(HostError);
    expect(cellAt(findSheet(fake.state, "目标表")!, "E11")?.value).toBe("≥97%");
  });
});

describe("a fix over several cells (spending-plan-unit)", () => {
  const amounts = (rows: TestCell[][]) => {
    setCell(rows, "B7", money(12.5));
    setCell(rows, "C7", money(25));
    setCell(rows, "D7", money(37.5));
    setCell(rows, "E7", money(50));
  };

  test("writes every percentage, then the check has nothing left to say; undo restores the amounts", async () => {
    const { fake, host } = setUp(workbook(amounts));
    const issue = checkWorkbook(await host.readSheets("all")).issues.find((i) => i.rule === "spending-plan-unit")!;
    const before = JSON.parse(JSON.stringify(findSheet(fake.state, "目标表")!.cells));
    const applied = await host.applyFix(issue.fixes!.map((fix) => ({ sheet: issue.sheet, ...fix })));
    const sheet = findSheet(fake.state, "目标表")!;
    expect(["B7", "C7", "D7", "E7"].map((a) => [cellAt(sheet, a)?.value, cellAt(sheet, a)?.numberFormat])).toEqual([
      [0.25, "0%"],
      [0.5, "0%"],
      [0.75, "0%"],
      [1, "0%"],
    ]);
    const after = checkWorkbook(await host.readSheets("all"));
    expect(after.issues.filter((i) => i.rule.startsWith("spending-plan"))).toEqual([]);
    await host.undoFix(applied);
    expect(findSheet(fake.state, "目标表")!.cells).toEqual(before);
  });

  test("all or nothing: one changed cell and no cell is written", async () => {
    const { fake, host } = setUp(workbook(amounts));
    const issue = checkWorkbook(await host.readSheets("all")).issues.find((i) => i.rule === "spending-plan-unit")!;
    cellAt(findSheet(fake.state, "目标表")!, "E7")!.value = 49;
    await expect(host.applyFix(issue.fixes!.map((fix) => ({ sheet: issue.sheet, ...fix })))).rejects.toBeInstanceOf(
      HostError,
    );
    expect(cellAt(findSheet(fake.state, "目标表")!, "B7")?.value).toBe(12.5);
  });
});
