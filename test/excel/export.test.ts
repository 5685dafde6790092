/** 导出结果 through the Excel host: a new worksheet with a free name, one row per finding, links to the cells. */
import { cellAt, emptyWorkbookState, findSheet } from "../fakes/excel";
import { documentReference } from "../../src/excel/export";
import { setUp, tearDown } from "./helpers";

afterEach(tearDown);

const content = (rows: number) => ({
  name: "校验结果",
  header: ["单元格", "级别", "问题"],
  linkColumn: 0,
  widths: [14, 8, 60],
  rows: Array.from({ length: rows }, (_, i) => ({
    cells: [`'My Sheet'!B${i + 1}`, "错误", i === 0 ? "=SUM(1)" : `问题 ${i}`],
    target: { sheet: "My Sheet", cell: `B${i + 1}` },
  })),
});

test("never over an existing sheet: takes the next free name, and leaves the others untouched", async () => {
  const state = emptyWorkbookState(["My Sheet", "校验结果"]);
  state.sheets[1]!.cells.A1 = { value: "用户自己的内容" };
  const { fake, host } = setUp(state);
  const written = await host.exportFindings(content(3));
  expect(written).toEqual({ sheet: "校验结果 (2)", range: "A1:C4" });
  expect(cellAt(findSheet(fake.state, "校验结果")!, "A1")?.value).toBe("用户自己的内容");
  const sheet = findSheet(fake.state, "校验结果 (2)")!;
  expect(fake.state.activeSheet).toBe("校验结果 (2)");
  expect(["A1", "B1", "C1"].map((a) => cellAt(sheet, a)?.value)).toEqual(["单元格", "级别", "问题"]);
  expect(cellAt(sheet, "A2")?.hyperlink).toEqual({
    documentReference: "'My Sheet'!B1",
    textToDisplay: "'My Sheet'!B1",
  });
  // Text stays text: a message is never a formula.
  expect(cellAt(sheet, "C2")).toMatchObject({ value: "=SUM(1)", numberFormat: "@" });
  expect(cellAt(sheet, "C2")?.formula).toBeUndefined();
});

test("10,000 findings are written in chunks, every row linked", async () => {
  const { fake, host } = setUp(emptyWorkbookState(["My Sheet"]));
  await host.exportFindings(content(10_000));
  const sheet = findSheet(fake.state, "校验结果")!;
  expect(cellAt(sheet, "C10001")?.value).toBe("问题 9999");
  expect(cellAt(sheet, "A10001")?.hyperlink?.documentReference).toBe("'My Sheet'!B10000");
});

test("a link quotes the sheet name, doubling its apostrophes", () => {
  expect(documentReference("Bob's", "A1")).toBe("'Bob''s'!A1");
});
