/**
 * The annotated copy patches the package: a workbook holding what exceljs used to drop (protection,
 * a 2010 drop-down list, a sparkline, a hidden sheet, defined names, custom properties, a custom XML
 * part, a picture, an existing note) keeps every part it does not need to touch byte for byte, and the
 * painted sheet differs from its original only in style indexes, added cells and nothing else. The
 * painted sheet's part is sheet7.xml, found through the workbook's relationships, not by its name.
 */
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { HIGHLIGHT_COLORS } from "../../src/core/highlight";
import type { Issue } from "../../src/core/report";
import { writeAnnotatedCopy } from "../../src/xlsx/annotate";
import { argb } from "../../src/xlsx/colour";
import { annotatePackage } from "../../src/xlsx/patch/annotate-package";
import { scratchFolder } from "./helpers";
import { richWorkbookParts, zip } from "./rich-workbook";

function issue(severity: Issue["severity"], sheet: string, cell: string, rule: string): Issue {
  return { rule, severity, sheet, cell, table: 0, message: `${rule} 的说明`, messageEn: `about ${rule}`, fix: null };
}

/** A sheet part with every style index removed, and the cells the copy was expected to add removed. */
function withoutStyles(xml: string, added: readonly string[]): string {
  let out = xml;
  for (const ref of added) out = out.replace(new RegExp(`<c r="${ref}" s="\\d+"/>`), "");
  return out
    .replace(/<row r="\d+"><\/row>/g, "")
    .replace(/(<c\b[^>]*?) s="\d+"/g, "$1")
    .replace(/(<row\b[^>]*?) spans="[\d:]+"/g, "$1");
}

const ISSUES: Issue[] = [
  issue("error", "项目表", "A3", "level1-missing"),
  issue("warning", "项目表", "B3", "value-option-list"),
  issue("error", "项目表", "B3", "value-vague"),
  issue("warning", "项目表", "C3", "unit-missing"),
  issue("warning", "项目表", "E2", "header-extra"),
  issue("error", "项目表", "D5", "row-missing"),
  issue("warning", "项目表", "B7", "merged-finding"),
  issue("info", "项目表", "B4", "info-only"),
  issue("error", "没有这张表", "A1", "elsewhere"),
];

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

function noteString(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (!note) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

describe("the annotated copy of a workbook with everything exceljs used to drop", () => {
  const input = zip(richWorkbookParts());
  const { bytes: output, summary } = annotatePackage(input, ISSUES);
  const before = unzipSync(input);
  const after = unzipSync(output);

  it("counts the painted cells, a merged area once", () => {
    expect(summary).toEqual({ cells: 6, errorCells: 3, warningCells: 3 });
  });

  it("copies every part painting and notes do not need byte for byte, and loses or adds none", () => {
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    const changed = Object.keys(before).filter((name) => Buffer.compare(before[name]!, after[name]!) !== 0);
    expect(changed.sort()).toEqual(
      ["xl/comments1.xml", "xl/drawings/vmlDrawing1.vml", "xl/styles.xml", "xl/worksheets/sheet7.xml"].sort(),
    );
  });

  it("changes the painted sheet only in style indexes and the cells it had to add", () => {
    const original = strFromU8(before["xl/worksheets/sheet7.xml"]!);
    const painted = strFromU8(after["xl/worksheets/sheet7.xml"]!);
    expect(withoutStyles(painted, ["E2", "D5"])).toBe(withoutStyles(original, []));
    // The new cells sit in order: E2 at the end of row 2, D5 in a new row between rows 4 and 6.
    expect(painted).toMatch(/<c r="B2" s="\d+" t="s"><v>2<\/v><\/c><c r="E2" s="\d+"\/><\/row>/);
    expect(painted).toMatch(/<\/row><row r="5"><c r="D5" s="\d+"\/><\/row><row r="6"/);
    // Row 2's spans hint grows to cover E2.
    expect(painted).toContain('<row r="2" spans="1:5">');
    // The unpainted cells keep their style index; B3 had none and gets one after its reference.
    expect(painted).toContain('<c r="A1" s="1" t="s">');
    expect(painted).toMatch(/<c r="B3" s="\d+" t="inlineStr">/);
  });

  it("keeps every value; the copy still opens in exceljs", async () => {
    const [a, b] = [await load(input), await load(output)];
    const values = (wb: ExcelJS.Workbook) => {
      const out: [string, unknown, unknown][] = [];
      wb.eachSheet((ws) =>
        ws.eachRow((row) => row.eachCell((cell) => out.push([`${ws.name}!${cell.address}`, cell.value, cell.formula]))),
      );
      return out;
    };
    const kept = values(a).filter(([, v]) => v !== null);
    expect(kept.map(([address]) => address)).toEqual(expect.arrayContaining(["项目表!B3", "项目表!B4", "选项!A3"]));
    expect(values(b).filter(([, v]) => v !== null)).toEqual(kept);
    expect(b.getWorksheet("选项")!.state).toBe("hidden");
    expect(b.definedNames.getRanges("等级").ranges).toEqual(["'选项'!$A$1:$A$3"]);
  });

  it("paints fill and font colour only: number format, borders, alignment and font stay", async () => {
    const ws = (await load(output)).getWorksheet("项目表")!;
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const font = (a: string) => ws.getCell(a).font;
    const bad = { fill: argb(HIGHLIGHT_COLORS.error.fill), font: argb(HIGHLIGHT_COLORS.error.font) };
    const neutral = { fill: argb(HIGHLIGHT_COLORS.warning.fill), font: argb(HIGHLIGHT_COLORS.warning.font) };

    expect(fill("A3")).toBe(bad.fill);
    expect(font("A3")).toMatchObject({ name: "宋体", size: 12, bold: true, color: { argb: bad.font } });
    expect(ws.getCell("A3").border?.left?.style).toBe("thin");
    expect(fill("B3")).toBe(bad.fill); // an error and a warning: the error wins
    expect(font("B3")).toMatchObject({ name: "Calibri", size: 11, color: { argb: bad.font } });
    expect(fill("C3")).toBe(neutral.fill);
    expect(font("C3")?.color?.argb).toBe(neutral.font);
    expect(ws.getCell("C3").numFmt).toBe("0.0%");
    expect(ws.getCell("C3").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(ws.getCell("C3").border?.bottom?.style).toBe("thin");
    expect(fill("E2")).toBe(neutral.fill);
    expect(fill("D5")).toBe(bad.fill);
    // The merged area A6:B7 (the finding was on B7): its cells are painted, its note is on A6.
    for (const a of ["A6", "B6", "A7", "B7"]) expect(fill(a)).toBe(neutral.fill);
    // Unpainted cells keep their look.
    expect(fill("A2")).toBeUndefined();
    expect(font("A2")).toMatchObject({ name: "宋体", bold: true, color: { argb: "FF0000FF" } });
    expect(fill("B4")).toBeUndefined();
  });

  it("appends our findings to an existing note and adds notes to the other painted cells", async () => {
    const ws = (await load(output)).getWorksheet("项目表")!;
    const a3 = noteString(ws.getCell("A3"));
    expect(a3.startsWith("张三:\n作者原有的批注\n\n【绩效目标表校验 · target-table check】")).toBe(true);
    expect(a3).toContain("错误 · level1-missing");
    const b3 = noteString(ws.getCell("B3"));
    expect(b3.indexOf("错误 · value-vague")).toBeLessThan(b3.indexOf("警告 · value-option-list"));
    expect(noteString(ws.getCell("A6"))).toContain("警告 · merged-finding");
    expect(noteString(ws.getCell("B7"))).toBe("");
    // A new note is ours alone, heading first.
    for (const a of ["A6", "B3", "C3", "E2", "D5"]) {
      expect(noteString(ws.getCell(a)).startsWith("【绩效目标表校验 · target-table check】\n")).toBe(true);
    }
    expect(noteString(ws.getCell("B4"))).toBe("");

    const vml = strFromU8(after["xl/drawings/vmlDrawing1.vml"]!);
    // The author's box is untouched; each new note gets a box with its own shape id.
    expect(vml.startsWith(strFromU8(before["xl/drawings/vmlDrawing1.vml"]!).replace(/<\/xml>$/, ""))).toBe(true);
    const ids = [...vml.matchAll(/<v:shape id="(_x0000_s\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(6);
    const comments = strFromU8(after["xl/comments1.xml"]!);
    expect(comments).toContain("<authors><author>张三</author><author>target-table</author></authors>");
  });

  it("is written through writeAnnotatedCopy to a file exceljs opens", async () => {
    const { dir, cleanup } = await scratchFolder();
    try {
      const file = path.join(dir, "原表.xlsx");
      const copy = path.join(dir, "标注.xlsx");
      await writeFile(file, input);
      expect(await writeAnnotatedCopy(file, copy, ISSUES)).toEqual(summary);
      const written = unzipSync(new Uint8Array(await readFile(copy)));
      for (const name of Object.keys(after))
        expect([name, Buffer.compare(written[name]!, after[name]!)]).toEqual([name, 0]);
    } finally {
      await cleanup();
    }
  });
});
