import { copyFile, readFile, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Issue } from "../../src/core/report";
import { checkWorkbook } from "../../src/core/check";
import { toA1 } from "../../src/core/address";
import { HIGHLIGHT_COLORS } from "../../src/core/highlight";
import { OutputError, writeAnnotatedCopy } from "../../src/xlsx/annotate";
import { argb } from "../../src/xlsx/colour";
import { readWorkbookFile } from "../../src/xlsx/read";
import { ROOT, scratchFolder, zipEntry } from "./helpers";

function issue(
  rule: string,
  severity: Issue["severity"],
  sheet: string,
  cell: string,
  message = `${rule} 的说明`,
): Issue {
  return { rule, severity, sheet, cell, table: 0, message, messageEn: `explanation of ${rule}`, fix: null };
}

/** A workbook with the features an annotated copy must carry over untouched. */
async function writeInput(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目表");
  const labelFont: Partial<ExcelJS.Font> = { name: "宋体", size: 12, bold: true, italic: true, underline: true };
  ws.getCell("A1").value = "绩效目标表";
  ws.getCell("A1").font = { name: "黑体", size: 16, bold: true };
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = "一级指标";
  ws.getCell("B2").value = "指标值";
  ws.getCell("C2").value = "依据";
  for (const address of ["A2", "B2", "C2"]) ws.getCell(address).font = labelFont;
  ws.getCell("A3").value = "产出指标";
  ws.mergeCells("A3:A5");
  ws.getCell("B3").value = "优秀 良好 一般";
  ws.getCell("B3").font = { name: "仿宋", size: 11, bold: true, color: { argb: "FF0000FF" } };
  ws.getCell("B4").value = 0.95;
  ws.getCell("B4").numFmt = "0%";
  ws.getCell("B5").value = { formula: "B4*100", result: 95 };
  ws.getCell("C3").value = "年初工作计划";
  ws.getCell("C3").note = "作者原有的批注";
  ws.getCell("C4").value = { formula: "UPPER(C3)", result: "年初工作计划" };
  ws.getCell("C5").value = { richText: [{ text: "根据", font: { bold: true } }, { text: "会议实际" }] };
  ws.getCell("D3").value = 1;
  ws.getCell("D4").value = {
    formula: "D3+1",
    result: 2,
    shareType: "shared",
    ref: "D4:D6",
  } as unknown as ExcelJS.CellValue;
  ws.getCell("D5").value = { sharedFormula: "D4", result: 3 };
  ws.getCell("D6").value = { sharedFormula: "D4", result: 4 };
  ws.getCell("E3").value = new Date(Date.UTC(2023, 11, 31));
  ws.getCell("E3").numFmt = "yyyy-mm-dd";
  ws.getCell("E4").value = { text: "链接", hyperlink: "https://example.org" };
  const other = wb.addWorksheet("说明");
  other.getCell("A1").value = "第二页";
  other.getCell("A1").font = labelFont;
  await wb.xlsx.writeFile(file);
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function allCells(wb: ExcelJS.Workbook): Map<string, ExcelJS.Cell> {
  const cells = new Map<string, ExcelJS.Cell>();
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => void cells.set(`${ws.name}!${cell.address}`, cell))));
  return cells;
}

function noteString(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (!note) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

describe("writeAnnotatedCopy", () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let input: string;
  let output: string;
  const issues: Issue[] = [
    issue("value-option-list", "error", "项目表", "B3", "指标值“优秀 良好 一般”是评价等级的选项"),
    issue("timeliness-format", "warning", "项目表", "B3"),
    issue("basis-missing", "warning", "项目表", "C3"),
    issue("level1-missing", "error", "项目表", "A3"),
    issue("description-missing", "info", "项目表", "B4"),
    issue("unit-missing", "warning", "项目表", "B5"),
    issue("no-table", "info", "说明", "A1"),
  ];

  beforeAll(async () => {
    ({ dir, cleanup } = await scratchFolder());
    input = path.join(dir, "原 表格.xlsx");
    output = path.join(dir, "标注 副本.xlsx");
    await writeInput(input);
  });
  afterAll(() => cleanup());

  it("never writes the input and changes no value or formula", async () => {
    const before = await readFile(input);
    const beforeTime = (await stat(input)).mtimeMs;
    const summary = await writeAnnotatedCopy(input, output, issues);
    expect(summary).toEqual({ cells: 4, errorCells: 2, warningCells: 2 });
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
    expect((await stat(input)).mtimeMs).toBe(beforeTime);

    const original = allCells(await load(input));
    const annotated = allCells(await load(output));
    expect([...annotated.keys()].sort()).toEqual([...original.keys()].sort());
    for (const [key, cell] of original) {
      const copy = annotated.get(key)!;
      expect([key, copy.value]).toEqual([key, cell.value]);
      expect([key, copy.formula]).toEqual([key, cell.formula]);
      expect([key, copy.numFmt]).toEqual([key, cell.numFmt]);
    }
    expect(await readWorkbookFile(output)).toEqual(await readWorkbookFile(input));
  });

  it("paints errors and warnings in Excel's Bad and Neutral colours, keeping every other font attribute", async () => {
    const wb = await load(output);
    const ws = wb.getWorksheet("项目表")!;
    const fill = (address: string) => (ws.getCell(address).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const fontColour = (address: string) => ws.getCell(address).font?.color?.argb;

    // B3 has an error and a warning: the error's colours win.
    expect(fill("B3")).toBe(argb(HIGHLIGHT_COLORS.error.fill));
    expect(fontColour("B3")).toBe(argb(HIGHLIGHT_COLORS.error.font));
    expect(ws.getCell("B3").font).toMatchObject({ name: "仿宋", size: 11, bold: true });
    expect(fill("C3")).toBe(argb(HIGHLIGHT_COLORS.warning.fill));
    expect(fontColour("C3")).toBe(argb(HIGHLIGHT_COLORS.warning.font));
    expect(fill("B5")).toBe(argb(HIGHLIGHT_COLORS.warning.fill));

    // A merged area is painted whole; its note sits on the top-left cell.
    for (const address of ["A3", "A4", "A5"]) expect(fill(address)).toBe(argb(HIGHLIGHT_COLORS.error.fill));
    expect(ws.getCell("A3").font).toMatchObject({ size: 11, color: { argb: argb(HIGHLIGHT_COLORS.error.font) } });

    // Infos are listed, never painted; cells without findings keep their look, shared styles included.
    expect(fill("B4")).toBeUndefined();
    expect(ws.getCell("B4").note).toBeUndefined();
    for (const address of ["A2", "B2", "C2"]) {
      expect(ws.getCell(address).font).toEqual({ name: "宋体", size: 12, bold: true, italic: true, underline: true });
      expect(fill(address)).toBeUndefined();
    }
    expect(wb.getWorksheet("说明")!.getCell("A1").font).toMatchObject({ name: "宋体", bold: true });
    expect((wb.getWorksheet("说明")!.getCell("A1").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    expect(ws.getCell("A1").font).toMatchObject({ name: "黑体", size: 16, bold: true });
    expect(ws.getCell("A1").font?.color).toBeUndefined();
  });

  it("explains each painted cell in a note, Chinese then English, errors first", async () => {
    const ws = (await load(output)).getWorksheet("项目表")!;
    const b3 = noteString(ws.getCell("B3"));
    expect(b3).toContain("错误 · value-option-list：指标值“优秀 良好 一般”是评价等级的选项");
    expect(b3).toContain("Error · value-option-list: explanation of value-option-list");
    expect(b3).toContain("警告 · timeliness-format：");
    expect(b3.indexOf("value-option-list")).toBeLessThan(b3.indexOf("timeliness-format"));
    expect(b3.indexOf("错误 · value-option-list")).toBeLessThan(b3.indexOf("Error · value-option-list"));
    expect(noteString(ws.getCell("A3"))).toContain("错误 · level1-missing");
    expect(noteString(ws.getCell("B5"))).toContain("警告 · unit-missing");
  });

  it("sizes each new note's box for its text and keeps an existing note's box as the author left it", async () => {
    const shapes = (xml: string | null) =>
      new Map(
        [
          ...(xml ?? "").matchAll(
            /<x:Anchor>([^<]*)<\/x:Anchor>[\s\S]*?<x:Row>(\d+)<\/x:Row>\s*<x:Column>(\d+)<\/x:Column>/g,
          ),
        ].map((m) => [toA1(Number(m[2]), Number(m[3])), m[1]!.split(",").map(Number)]),
      );
    const before = shapes(zipEntry(await readFile(input), "xl/drawings/vmlDrawing1.vml"));
    const after = shapes(zipEntry(await readFile(output), "xl/drawings/vmlDrawing1.vml"));
    expect([...before.keys()]).toEqual(["C3"]);
    expect([...after.keys()].sort()).toEqual(["A3", "B3", "B5", "C3"]);
    expect(after.get("C3")).toEqual(before.get("C3"));
    for (const address of ["A3", "B3", "B5"]) {
      const [left, , top, , right, , bottom] = after.get(address)!;
      // At least 56 characters wide in this sheet's default 9-character columns, and several rows high.
      expect(right! - left!).toBeGreaterThanOrEqual(6);
      expect(bottom! - top!).toBeGreaterThanOrEqual(4);
    }
  });

  it("keeps an existing note and appends the findings after it", async () => {
    const ws = (await load(output)).getWorksheet("项目表")!;
    const c3 = noteString(ws.getCell("C3"));
    expect(c3.startsWith("作者原有的批注")).toBe(true);
    expect(c3.indexOf("警告 · basis-missing")).toBeGreaterThan(c3.indexOf("作者原有的批注"));
  });

  it("refuses to write over the input, by the same path or through a link", async () => {
    const before = await readFile(input);
    await expect(writeAnnotatedCopy(input, input, issues)).rejects.toBeInstanceOf(OutputError);
    const sameByOtherSpelling = path.join(dir, ".", "子目录", "..", path.basename(input));
    await expect(writeAnnotatedCopy(input, sameByOtherSpelling, issues)).rejects.toBeInstanceOf(OutputError);
    const link = path.join(dir, "link.xlsx");
    await symlink(input, link);
    await expect(writeAnnotatedCopy(input, link, issues)).rejects.toBeInstanceOf(OutputError);
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
  });

  it("overwrites an earlier annotated copy and leaves no temporary file behind", async () => {
    const again = path.join(dir, "again.xlsx");
    await writeFile(again, "old content");
    await writeAnnotatedCopy(input, again, issues.slice(0, 1));
    const ws = (await load(again)).getWorksheet("项目表")!;
    expect((ws.getCell("B3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe(argb(HIGHLIGHT_COLORS.error.fill));
    expect((ws.getCell("C3").fill as ExcelJS.FillPattern | undefined)?.fgColor).toBeUndefined();
    const { readdir } = await import("node:fs/promises");
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});

describe("an annotated copy of seed 001 (examples/huailai-2022.xlsx) with the real findings", () => {
  it("paints the 12 error cells and 10 warning cells, and nothing else", async () => {
    const { dir, cleanup } = await scratchFolder();
    try {
      const input = path.join(dir, "怀来 2022.xlsx");
      await copyFile(path.join(ROOT, "examples", "huailai-2022.xlsx"), input);
      const { issues } = checkWorkbook(await readWorkbookFile(input));
      const output = path.join(dir, "怀来 2022 标注.xlsx");
      const summary = await writeAnnotatedCopy(input, output, issues);
      expect(summary).toEqual({ cells: 22, errorCells: 12, warningCells: 10 });
      const ws = (await load(output)).getWorksheet("Sheet1")!;
      const painted: string[] = [];
      ws.eachRow((row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const fill = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
          if (fill) painted.push(`${cell.address}:${fill === argb(HIGHLIGHT_COLORS.error.fill) ? "error" : "warning"}`);
        }),
      );
      const expected = issues
        .filter((i) => i.severity !== "info")
        .map((i) => `${i.cell}:${i.severity}`)
        .concat(
          // The goals cell is merged over B:G, so its whole area is painted.
          ...issues
            .filter((i) => i.rule === "placeholder-text")
            .map((i) => ["C", "D", "E", "F", "G"].map((col) => `${col}${i.cell.slice(1)}:error`)),
        );
      expect(painted.sort()).toEqual(expected.sort());
    } finally {
      await cleanup();
    }
  });
});
