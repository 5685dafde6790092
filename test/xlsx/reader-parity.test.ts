/**
 * readWorkbookBuffer reads the package with our own reader (reader.ts);
 * loadWorkbookBuffer loads it with exceljs and reads its cells. Both must see the same workbook.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { generateWorkbook, type BenchWorkbook } from "../../scripts/bench/workbook";
import { xlsxBytes } from "../../scripts/bench/xlsx-writer";
import { loadWorkbookBuffer, readWorkbookBuffer } from "../../src/xlsx/read";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { FIXTURES, ROOT, workbookBytes } from "./helpers";

async function expectSameSnapshots(bytes: Uint8Array, name = "book.xlsx"): Promise<void> {
  const full = await loadWorkbookBuffer(bytes, name).then(
    (loaded) => ({ sheets: loaded.sheets }),
    (error: Error) => ({ error: error.message }),
  );
  const lean = await readWorkbookBuffer(bytes, name).then(
    (sheets) => ({ sheets }),
    (error: Error) => ({ error: error.message }),
  );
  expect(comparable(lean)).toEqual(comparable(full));
}

/**
 * What both readers must agree on. exceljs rounds date values to whole milliseconds (the reader keeps
 * Excel's double) and drops the backslashes of escaped characters in format codes (yyyy\年 → yyyy年).
 */
function comparable(result: { sheets: SheetSnapshot[] } | { error: string }) {
  if (!("sheets" in result)) return result;
  return {
    sheets: result.sheets.map((sheet) => ({
      ...sheet,
      values: sheet.values.map((row) => row.map((v) => (typeof v === "number" ? Math.round(v * 1e8) / 1e8 : v))),
      numberFormats: sheet.numberFormats.map((row) => row.map((f) => f.replace(/\\(.)/g, "$1"))),
    })),
  };
}

describe("the reader's snapshots equal those of an exceljs load", () => {
  it("for every kind of cell value, format, formula result and link", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("值");
      const put = (address: string, value: ExcelJS.CellValue, numFmt?: string) => {
        ws.getCell(address).value = value;
        if (numFmt) ws.getCell(address).numFmt = numFmt;
      };
      put("A1", 183.6, "0.00");
      put("B1", 0.955, "0.0%");
      put("C1", 44561, "yyyy-mm-dd");
      put("D1", new Date(Date.UTC(2023, 11, 31)));
      put("E1", "≥95%");
      put("F1", "");
      put("G1", true);
      put("H1", false);
      put("A2", { error: "#REF!" } as ExcelJS.CellErrorValue);
      put("B2", { formula: "1-1", result: 0 });
      put("C2", { formula: "A1*2", result: 367.2 }, "0.00");
      put("D2", { formula: '"12月底"', result: "12月底" });
      put("E2", { formula: "1=1", result: true });
      put("F2", { formula: "1/0", result: { error: "#DIV/0!" } });
      put("G2", { formula: "DATE(2023,12,31)", result: 45291 }, "yyyy年m月d日");
      put("H2", { formula: "NOW()" } as ExcelJS.CellFormulaValue);
      put("A3", { richText: [{ text: "有效" }, { text: "提高", font: { bold: true } }] });
      put("B3", { text: "财政局", hyperlink: "https://example.org" });
      put("C3", { hyperlink: "https://example.org" } as ExcelJS.CellHyperlinkValue);
      put("D3", 12.5, '"≥"0.0"次"');
      put("E3", 1234567.891, "#,##0.00");
      for (let r = 4; r <= 8; r++)
        put(`A${r}`, { sharedFormula: "B2", result: r % 2 } as ExcelJS.CellSharedFormulaValue);
      ws.getCell("B4").value = {
        formula: "A4+1",
        result: 1,
        shareType: "shared",
        ref: "B4:B6",
      } as ExcelJS.CellFormulaValue;
      put("A10", "合并");
      ws.mergeCells("A10:C11");
      ws.mergeCells("E10:F10"); // an empty top-left cell
      ws.getCell("H12").style = { numFmt: "0.00" }; // formatted, no value
    });
    await expectSameSnapshots(bytes);
  });

  it("keep a formula's cached result of 0 or FALSE, which exceljs's cell value leaves out", async () => {
    const bytes = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("公式");
      ws.getCell("A1").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell("B1").value = { formula: "1=0", result: false } as ExcelJS.CellFormulaValue;
      ws.getCell("C1").value = { formula: "0.5-0.5", result: 0 } as ExcelJS.CellFormulaValue;
      ws.getCell("C1").numFmt = "0%";
      ws.getCell("D1").value = { formula: "A1" } as ExcelJS.CellFormulaValue; // never calculated
    });
    const full = await loadWorkbookBuffer(bytes, "book.xlsx");
    const lean = await readWorkbookBuffer(bytes, "book.xlsx");
    for (const sheets of [full.sheets, lean]) {
      expect(sheets[0]!.values).toEqual([[0, false, 0]]);
      expect(sheets[0]!.texts).toEqual([["0", "FALSE", "0%"]]);
    }
  });

  it("for sheet order, hidden and very hidden sheets, and the 1904 date system", async () => {
    const bytes = await workbookBytes((wb) => {
      wb.properties.date1904 = true;
      for (const [name, state] of [
        ["甲", "visible"],
        ["乙", "hidden"],
        ["下拉选项", "veryHidden"],
        ["丙", "visible"],
      ] as const) {
        const ws = wb.addWorksheet(name, { state });
        ws.getCell("A1").value = name;
        ws.getCell("B2").value = 44561;
        ws.getCell("B2").numFmt = "yyyy-mm-dd";
      }
      (wb.getWorksheet("丙") as unknown as { orderNo: number }).orderNo = 0;
    });
    await expectSameSnapshots(bytes);
  });

  it("for values left inside merged areas and for overlapping merged areas", async () => {
    const book: BenchWorkbook = {
      indicatorRows: 0,
      tables: 0,
      sheets: [
        {
          name: "Sheet1",
          rows: [
            [{ value: "标题" }, { value: "藏在合并区里" }, { value: 3 }],
            [null, { value: "B2" }, null, { value: 5, format: "0%" }],
          ],
          merges: [
            { top: 0, left: 0, bottom: 0, right: 2 },
            { top: 1, left: 1, bottom: 1, right: 3 },
          ],
        },
      ],
    };
    await expectSameSnapshots(new Uint8Array(xlsxBytes(book)));
    const overlapping = {
      ...book,
      sheets: [{ ...book.sheets[0], merges: [...book.sheets[0].merges, { top: 0, left: 2, bottom: 1, right: 2 }] }],
    };
    // exceljs refuses overlapping merged areas as damaged; Excel repairs them on opening, and the reader
    // reads the cells as they are, each merged area keeping its value in its top-left cell.
    const [sheet] = await readWorkbookBuffer(new Uint8Array(xlsxBytes(overlapping)), "x.xlsx");
    expect(sheet.values).toEqual([
      ["标题", null, null, null],
      [null, "B2", null, null],
    ]);
  });

  it("for the example workbooks, the fixtures and a benchmark workbook", async () => {
    const files = [
      path.join(ROOT, "examples", "julu-2023.xlsx"),
      path.join(ROOT, "examples", "huailai-2022.xlsx"),
      ...(await readdir(FIXTURES)).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(FIXTURES, f)),
    ];
    for (const file of files) await expectSameSnapshots(new Uint8Array(await readFile(file)), path.basename(file));
    await expectSameSnapshots(new Uint8Array(xlsxBytes(generateWorkbook(800, 5))));
  });
});
