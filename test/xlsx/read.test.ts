import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { InputError, readWorkbookBuffer, readWorkbookFile, readWorkbookSheets } from "../../src/xlsx/read";
import { zipEntryNames } from "../../src/xlsx/sniff";
import { FIXTURES, scratchFolder, storedZip, workbookBytes, zipEntry } from "./helpers";

async function readBuilt(build: (workbook: ExcelJS.Workbook) => void) {
  return readWorkbookBuffer(await workbookBytes(build), "built.xlsx");
}

describe("readWorkbookBuffer: values, texts and number formats", () => {
  it("keeps numbers as numbers and shows them as Excel does", async () => {
    const [sheet] = await readBuilt((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      const put = (address: string, value: ExcelJS.CellValue, numFmt?: string) => {
        ws.getCell(address).value = value;
        if (numFmt) ws.getCell(address).numFmt = numFmt;
      };
      put("A1", 183.6, "0.00");
      put("B1", 1234567.891, "#,##0");
      put("C1", 1234567.891, "#,##0.00");
      put("D1", 0.5, "0%");
      put("E1", 0.955, "0.0%");
      put("F1", 0.9555, "0.00%");
      put("A2", 1 / 3);
      put("B2", 44561, "@");
      put("C2", "≥95%");
      put("D2", true);
      put("E2", false);
      put("F2", 2, '0"次"');
    });
    expect(sheet.values).toEqual([
      [183.6, 1234567.891, 1234567.891, 0.5, 0.955, 0.9555],
      [1 / 3, 44561, "≥95%", true, false, 2],
    ]);
    expect(sheet.texts).toEqual([
      ["183.60", "1,234,568", "1,234,567.89", "50%", "95.5%", "95.55%"],
      ["0.333333333", "44561", "≥95%", "TRUE", "FALSE", "2次"],
    ]);
    expect(sheet.numberFormats).toEqual([
      ["0.00", "#,##0", "#,##0.00", "0%", "0.0%", "0.00%"],
      ["General", "@", "General", "General", "General", '0"次"'],
    ]);
  });

  it("turns dates into Excel serial numbers and keeps their number format", async () => {
    const [sheet] = await readBuilt((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = new Date(Date.UTC(2021, 11, 31));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
      ws.getCell("B1").value = new Date(Date.UTC(2023, 11, 31));
      ws.getCell("B1").numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell("C1").value = new Date(Date.UTC(2023, 3, 1));
      ws.getCell("C1").numFmt = "mm-dd-yy";
      ws.getCell("D1").value = 0.5;
      ws.getCell("D1").numFmt = "h:mm";
      // Serial 60 is Excel's fictitious 1900-02-29.
      ws.getCell("E1").value = 60;
      ws.getCell("E1").numFmt = "yyyy-mm-dd";
      ws.getCell("F1").value = new Date(Date.UTC(2021, 11, 31, 18, 30));
      ws.getCell("F1").numFmt = "yyyy/m/d h:mm";
    });
    expect(sheet.values[0]).toEqual([44561, 45291, 45017, 0.5, 60, 44561.77083333333]);
    expect(sheet.texts[0]).toEqual([
      "2021-12-31",
      "2023年12月31日",
      "04-01-23",
      "12:00",
      "1900-02-29",
      "2021/12/31 18:30",
    ]);
    expect(sheet.numberFormats[0]).toEqual([
      "yyyy-mm-dd",
      'yyyy"年"m"月"d"日"',
      "mm-dd-yy",
      "h:mm",
      "yyyy-mm-dd",
      "yyyy/m/d h:mm",
    ]);
  });

  it("gives dates of a 1904-system workbook as 1900-system serials", async () => {
    const [sheet] = await readBuilt((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = new Date(Date.UTC(2021, 11, 31));
      ws.getCell("A1").numFmt = "yyyy-mm-dd";
    });
    expect(sheet.values[0][0]).toBe(44561);
    expect(sheet.texts[0][0]).toBe("2021-12-31");
  });

  it("reads formula cells as their cached results, errors as their error text", async () => {
    const [sheet] = await readBuilt((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = 183.6;
      ws.getCell("B1").value = { formula: "A1*2", result: 367.2 };
      ws.getCell("B1").numFmt = "0.00";
      ws.getCell("C1").value = { formula: 'A1&"万元"', result: "183.6万元" };
      ws.getCell("D1").value = { formula: "DATE(2023,12,31)", result: new Date(Date.UTC(2023, 11, 31)) };
      ws.getCell("D1").numFmt = "yyyy-mm-dd";
      ws.getCell("E1").value = { formula: "A1>100", result: true };
      ws.getCell("A2").value = { formula: "#REF!+1", result: { error: "#REF!" } };
      ws.getCell("B2").value = { formula: "1/0", result: { error: "#DIV/0!" } };
      ws.getCell("B2").numFmt = "0.00%";
      ws.getCell("C2").value = { error: "#N/A" };
      // A formula never calculated has no result to show.
      ws.getCell("D2").value = { formula: "A1+1" } as ExcelJS.CellFormulaValue;
      ws.getCell("E2").value = "end";
    });
    expect(sheet.values).toEqual([
      [183.6, 367.2, "183.6万元", 45291, true],
      ["#REF!", "#DIV/0!", "#N/A", null, "end"],
    ]);
    expect(sheet.texts).toEqual([
      ["183.6", "367.20", "183.6万元", "2023-12-31", "TRUE"],
      ["#REF!", "#DIV/0!", "#N/A", "", "end"],
    ]);
  });

  it("reads shared formulas, master and followers, as their cached results", async () => {
    const [sheet] = await readBuilt((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = 10;
      ws.getCell("A2").value = 20;
      ws.getCell("A3").value = 30;
      ws.getCell("B1").value = {
        formula: "A1*2",
        result: 20,
        shareType: "shared",
        ref: "B1:B3",
      } as unknown as ExcelJS.CellValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 40 };
      ws.getCell("B3").value = { sharedFormula: "B1", result: 60 };
    });
    expect(sheet.values.map((row) => row[1])).toEqual([20, 40, 60]);
    expect(sheet.texts.map((row) => row[1])).toEqual(["20", "40", "60"]);
  });

  it("flattens rich text and hyperlinks to their plain text", async () => {
    const [sheet] = await readBuilt((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = {
        richText: [
          { text: "优秀", font: { bold: true } },
          { text: " 良好 " },
          { text: "一般", font: { italic: true } },
        ],
      };
      ws.getCell("B1").value = { text: "政策文件", hyperlink: "https://example.org/policy" };
      ws.getCell("C1").value = {
        text: { richText: [{ text: "≥95" }, { text: "%", font: { bold: true } }] },
        hyperlink: "https://example.org",
      } as unknown as ExcelJS.CellValue;
    });
    expect(sheet.values[0]).toEqual(["优秀 良好 一般", "政策文件", "≥95%"]);
    expect(sheet.texts[0]).toEqual(["优秀 良好 一般", "政策文件", "≥95%"]);
  });

  it("lists merged areas and leaves the value in the top-left cell only", async () => {
    const [sheet] = await readBuilt((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = "绩效目标表";
      ws.mergeCells("A1:C1");
      ws.getCell("A2").value = "产出指标";
      ws.mergeCells("A2:A4");
      ws.getCell("B2").value = "数量指标";
      ws.getCell("B3").value = "质量指标";
      ws.getCell("B4").value = "时效指标";
      ws.getCell("B5").value = "合并";
      ws.mergeCells("B5:C6");
    });
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 2 },
      { top: 1, left: 0, bottom: 3, right: 0 },
      { top: 4, left: 1, bottom: 5, right: 2 },
    ]);
    expect(sheet.values).toEqual([
      ["绩效目标表", null, null],
      ["产出指标", "数量指标", null],
      [null, "质量指标", null],
      [null, "时效指标", null],
      [null, "合并", null],
      [null, null, null],
    ]);
  });

  it("gives one snapshot per worksheet, in order, trimmed to content", async () => {
    const sheets = await readBuilt((wb) => {
      const first = wb.addWorksheet("2023年 项目表");
      first.getCell("B2").value = "内容";
      first.getCell("F20").border = { top: { style: "thin" } }; // formatting alone is not content
      wb.addWorksheet("空白页");
      const third = wb.addWorksheet("说明");
      third.getCell("A1").value = "附注";
    });
    expect(sheets.map((s) => s.name)).toEqual(["2023年 项目表", "空白页", "说明"]);
    expect(sheets[0].values).toEqual([
      [null, null],
      [null, "内容"],
    ]);
    expect(sheets[0].texts).toEqual([
      ["", ""],
      ["", "内容"],
    ]);
    expect(sheets[0].numberFormats).toEqual([
      ["General", "General"],
      ["General", "General"],
    ]);
    expect(sheets[1]).toEqual({ name: "空白页", values: [], texts: [], numberFormats: [], merges: [] });
    expect(sheets[2].values).toEqual([["附注"]]);
  });
});

describe("readWorkbookFile on a workbook LibreOffice wrote (its own cached results and styles)", () => {
  it("reads values, results, formats and merges", async () => {
    const [first, second] = await readWorkbookFile(path.join(FIXTURES, "libreoffice.xlsx"));
    expect(first.name).toBe("数据 一");
    expect(first.values[0]).toEqual(["预算数", 183.6, 367.2, 45291, 0.955]);
    expect(first.texts[0]).toEqual(["预算数", "183.60", "367.2", "2023年12月31日", "95.5%"]);
    expect(first.merges).toEqual([{ top: 1, left: 0, bottom: 2, right: 1 }]);
    expect(first.values.map((row) => row[0])).toEqual([
      "预算数",
      "合并单元格",
      null,
      "#DIV/0!",
      "367.2万元",
      "≥95%",
      1234567.891,
      true,
      0.5,
    ]);
    expect(first.texts[6][0]).toBe("1,234,567.89");
    expect(first.texts[8]).toEqual(["12:00", "#REF!", "", "", ""]);
    expect(second.name).toBe("第二页");
    expect(second.values).toEqual([
      [null, null],
      [null, "第二页内容"],
    ]);
  });
});

describe("inputs that are not readable workbooks: one plain bilingual sentence each", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ dir, cleanup } = await scratchFolder()));
  afterAll(() => cleanup());

  async function failure(file: string): Promise<InputError> {
    try {
      await readWorkbookFile(file);
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      const message = (error as InputError).message;
      expect(message.startsWith(`无法读取“${file}”：`)).toBe(true);
      expect(message).toContain(`(cannot read "${file}": `);
      expect(message).not.toMatch(/\n/);
      return error as InputError;
    }
    throw new Error(`${file} was read`);
  }

  async function put(name: string, data: Uint8Array | string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, data);
    return file;
  }

  it("a missing path", async () => {
    const error = await failure(path.join(dir, "不存在.xlsx"));
    expect(error.messageZh).toContain("找不到这个文件");
    expect(error.messageEn).toContain("no such file");
  });

  it("a folder", async () => {
    const folder = path.join(dir, "一个文件夹.xlsx");
    await mkdir(folder);
    expect((await failure(folder)).messageZh).toContain("文件夹");
  });

  it("an empty file", async () => {
    expect((await failure(await put("empty.xlsx", ""))).messageZh).toContain("空的");
  });

  it("a CSV file named .xlsx", async () => {
    const file = await put("表格.xlsx", "一级指标,二级指标,三级指标\n产出指标,数量指标,会议次数\n");
    const error = await failure(file);
    expect(error.messageZh).toContain("文本文件");
    expect(error.messageEn).toContain("text file");
  });

  it("a web page named .xls", async () => {
    const file = await put("export.xls", "<html><body><table><tr><td>产出指标</td></tr></table></body></html>");
    expect((await failure(file)).messageEn).toContain("HTML");
  });

  it("an old Excel 97-2003 workbook", async () => {
    const error = await failure(path.join(FIXTURES, "legacy.xls"));
    expect(error.messageZh).toContain(".xls");
    expect(error.messageZh).toContain("另存为 .xlsx");
  });

  it("an encrypted workbook", async () => {
    const error = await failure(path.join(FIXTURES, "encrypted.xlsx"));
    expect(error.messageZh).toContain("文件已加密");
    expect(error.messageEn).toContain("encrypted");
  });

  it("a truncated workbook", async () => {
    const whole = await readFile(path.join(FIXTURES, "clean.xlsx"));
    const error = await failure(await put("truncated.xlsx", whole.subarray(0, Math.floor(whole.length / 2))));
    expect(error.messageZh).toContain("不完整或已损坏");
  });

  it("a workbook whose compressed content is damaged", async () => {
    const damaged = Uint8Array.from(await readFile(path.join(FIXTURES, "clean.xlsx")));
    const start = Math.floor(damaged.length * 0.4);
    for (let i = start; i < start + 200; i++) damaged[i] = (damaged[i] * 7 + 13) & 0xff;
    expect((await failure(await put("damaged.xlsx", damaged))).messageZh).toContain("文件已损坏");
  });

  it("a zip archive that is not a workbook", async () => {
    const file = await put("archive.xlsx", storedZip({ "readme.txt": "hello", "data/a.csv": "1,2" }));
    expect((await failure(file)).messageZh).toContain("不是 Excel 工作簿");
  });

  it("a Word document named .xlsx", async () => {
    const file = await put(
      "report.xlsx",
      storedZip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>" }),
    );
    expect((await failure(file)).messageZh).toContain("Word");
  });

  it("binary data", async () => {
    const file = await put(
      "random.xlsx",
      Uint8Array.from({ length: 512 }, (_, i) => (i * 131 + 7) % 256),
    );
    expect((await failure(file)).messageZh).toContain("不是 Excel 工作簿");
  });
});

describe("Chinese built-in number formats (ids 27–36, 50–58, written without a format code)", () => {
  it("reads a date in built-in format 31 as a date showing 2021年12月31日", async () => {
    const built = await workbookBytes((wb) => {
      const ws = wb.addWorksheet("Sheet1");
      ws.getCell("A1").value = 44561;
      ws.getCell("A1").numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell("B1").value = 0.5;
      ws.getCell("B1").numFmt = 'h"时"mm"分"';
    });
    // Rewrite the styles as Chinese Excel or WPS may: built-in ids 31 and 32, no <numFmt> code for them.
    const entries: Record<string, string> = {};
    for (const name of zipEntryNames(built) ?? []) entries[name] = zipEntry(built, name) ?? "";
    const styles = entries["xl/styles.xml"];
    const custom = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)];
    expect(custom).toHaveLength(2);
    let rewritten = styles.replace(/<numFmts[^>]*>.*<\/numFmts>/, "");
    for (const [, id, code] of custom) {
      const builtin = code.includes("年") ? "31" : "32";
      rewritten = rewritten.replaceAll(`numFmtId="${id}"`, `numFmtId="${builtin}"`);
    }
    entries["xl/styles.xml"] = rewritten;
    const [sheet] = await readWorkbookBuffer(storedZip(entries), "wps.xlsx");
    expect(sheet.values[0]).toEqual([44561, 0.5]);
    expect(sheet.numberFormats[0]).toEqual(['yyyy"年"m"月"d"日"', 'h"时"mm"分"']);
    expect(sheet.texts[0]).toEqual(["2021年12月31日", "12时00分"]);
  });
});

describe("readWorkbookSheets: one sheet at a time", () => {
  it("reads a sheet only when the one before has been taken, and fails at a damaged sheet when reached", async () => {
    const built = await workbookBytes((wb) => {
      wb.addWorksheet("第一").getCell("A1").value = "一";
      wb.addWorksheet("第二").getCell("A1").value = "二";
    });
    const entries: Record<string, string> = {};
    for (const name of zipEntryNames(built) ?? []) entries[name] = zipEntry(built, name) ?? "";
    expect(entries["xl/worksheets/sheet2.xml"]).toBeDefined();
    entries["xl/worksheets/sheet2.xml"] = entries["xl/worksheets/sheet2.xml"].replace("</sheetData>", "<row>");
    const sheets = readWorkbookSheets(storedZip(entries), "lazy.xlsx")[Symbol.iterator]();
    const first = sheets.next();
    expect(first.done).toBe(false);
    expect((first.value as SheetSnapshot).name).toBe("第一");
    expect((first.value as SheetSnapshot).values).toEqual([["一"]]);
    expect(() => sheets.next()).toThrow(InputError);
    // The whole workbook read at once fails the same way, before any sheet is given.
    await expect(readWorkbookBuffer(storedZip(entries), "lazy.xlsx")).rejects.toThrow(InputError);
  });

  it("refuses a file that is no workbook at once, before any sheet is asked for", () => {
    expect(() => readWorkbookSheets(new TextEncoder().encode("名称,目标值\n"), "list.csv")).toThrow(InputError);
  });
});
