/**
 * Nothing lost in the annotated copy (`check --out`): read back with exceljs, it equals the input cell by
 * cell in values, formulas, merges and every formatting the highlight does not paint, and sheet by sheet
 * in column widths, row heights, data validations, conditional formats, views, protection and pictures.
 * Painted cells differ in their fill and font colour only.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { parseA1, rangeContains, toA1, type CellRange } from "../../src/core/address";
import type { Issue, Report } from "../../src/core/report";
import { zipEntryNames } from "../../src/xlsx/sniff";
import { cleanRows, CLEAN_MERGES } from "../support/clean-table";
import { runCli, scratchFolder, writeWorkbook, type SheetSpec } from "./workbooks";

const ROOT = path.join(__dirname, "../..");
const HIGHLIGHT_FILL = { error: "FFFFC7CE", warning: "FFFFEB9C" } as const;
const HIGHLIGHT_FONT = { error: "FF9C0006", warning: "FF9C5700" } as const;

let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove: removeDir } = await scratchFolder());
});
afterAll(() => removeDir());

const PNG = Buffer.from(
  "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082",
  "hex",
);

/** The clean table dressed as a real unit's file: every kind of formatting, on painted and unpainted cells alike. */
function richSpec(): SheetSpec[] {
  const rows = cleanRows();
  rows[10][4] = "优秀 良好 一般"; // E11: an error, painted
  rows[13][4] = "有效提高"; // E14: a warning, painted
  rows[11][4] = "12 月底前"; // E12: an info with a fix, listed, not painted
  rows[16] = [null, null, null, null, null, null, null];
  return [
    {
      name: "项目绩效目标",
      rows,
      merges: CLEAN_MERGES,
      edit: async (ws) => {
        const fonts: Partial<ExcelJS.Font>[] = [
          { name: "宋体", size: 12, bold: true },
          { name: "仿宋_GB2312", size: 14, italic: true, underline: "double", color: { argb: "FF1F4E79" } },
          { name: "黑体", size: 10, strike: true, color: { theme: 4, tint: 0.4 } as never },
          { name: "Arial", size: 9, vertAlign: "superscript" },
        ];
        const fills: ExcelJS.Fill[] = [
          { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } },
          { type: "pattern", pattern: "darkTrellis", fgColor: { argb: "FF70AD47" }, bgColor: { argb: "FFFFFFFF" } },
          { type: "pattern", pattern: "lightGray", fgColor: { theme: 2 } as never },
          {
            type: "gradient",
            gradient: "angle",
            degree: 90,
            stops: [
              { position: 0, color: { argb: "FFFFFFFF" } },
              { position: 1, color: { argb: "FF5B9BD5" } },
            ],
          },
        ];
        const borders: Partial<ExcelJS.Borders>[] = [
          { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } },
          { bottom: { style: "double", color: { argb: "FFFF0000" } } },
          { diagonal: { up: true, down: false, style: "dashDot", color: { argb: "FF00B050" } } as never },
          { left: { style: "medium" }, right: { style: "hair" } },
        ];
        const formats = ["@", "0.00", "#,##0.00_);[Red](#,##0.00)", 'yyyy"年"m"月"d"日"'];
        const numberCells = new Set<string>();
        rows.forEach((row, r) =>
          row.forEach((v, c) => {
            if (typeof v === "number" || (v !== null && typeof v === "object")) numberCells.add(toA1(r, c));
          }),
        );
        for (let r = 0; r < 17; r++) {
          for (let c = 0; c < 8; c++) {
            const k = (r * 3 + c) % 4;
            const style: Partial<ExcelJS.Style> = {
              font: fonts[k],
              border: borders[(k + 1) % 4],
              alignment: {
                wrapText: k % 2 === 0,
                vertical: "middle",
                horizontal: k === 1 ? "center" : "left",
                indent: k === 3 ? 1 : 0,
              },
            };
            // Number cells keep their own formats; the others get varied ones.
            if (!numberCells.has(toA1(r, c))) style.numFmt = formats[k];
            if ((r + c) % 3 === 0) style.fill = fills[k];
            if (k === 2) style.protection = { locked: false };
            Object.assign(ws.getCell(toA1(r, c)), style);
          }
        }
        ws.getCell("E11").fill = fills[0]; // a painted cell with its own fill, which the highlight covers
        ws.getCell("E14").alignment = { textRotation: 45, shrinkToFit: true };
        ws.getCell("F11").note = "作者原有的批注";
        ws.getCell("H2").value = { formula: "C4*10000", result: 500000 };
        ws.getCell("H3").value = { text: "财政局网站", hyperlink: "https://czj.example.gov.cn/" };
        ws.getCell("H4").value = { richText: [{ text: "合计", font: { bold: true } }, { text: "（万元）" }] };
        ws.getCell("H5").value = new Date(Date.UTC(2024, 0, 15));
        ws.getCell("H5").numFmt = "yyyy-mm-dd";
        ws.columns.forEach((column, i) => {
          column.width = 8 + i * 3.5;
        });
        ws.getColumn(8).hidden = true;
        ws.getRow(5).height = 48;
        ws.getRow(17).hidden = true;
        ws.getCell("A10").dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: ['"产出指标,效益指标,满意度指标"'],
          showInputMessage: true,
          promptTitle: "一级指标",
          prompt: "请从列表中选择",
        };
        ws.getCell("C4").dataValidation = {
          type: "decimal",
          operator: "greaterThanOrEqual",
          formulae: [0],
          showErrorMessage: true,
          errorTitle: "金额",
          error: "请输入不小于 0 的数字",
        };
        ws.addConditionalFormatting({
          ref: "E10:E16",
          rules: [
            {
              type: "containsText",
              operator: "containsText",
              text: "≥",
              priority: 1,
              style: { font: { color: { argb: "FF006100" } } },
            },
          ],
        });
        ws.views = [{ state: "frozen", xSplit: 1, ySplit: 9, activeCell: "B10" }];
        ws.autoFilter = "A9:F16";
        ws.pageSetup = {
          orientation: "landscape",
          fitToPage: true,
          fitToWidth: 1,
          fitToHeight: 0,
          printArea: "A1:G16",
        };
        ws.headerFooter = { oddFooter: "第 &P 页，共 &N 页" };
        ws.properties.tabColor = { argb: "FFC00000" };
        const image = ws.workbook.addImage({ buffer: PNG as never, extension: "png" });
        ws.addImage(image, { tl: { col: 7, row: 0 }, ext: { width: 32, height: 32 } });
        ws.workbook.definedNames.add("'项目绩效目标'!$E$10:$E$16", "指标值");
      },
    },
    { name: "说明", rows: [["填表说明"], ["1. 金额单位为万元。"]] },
    {
      name: "Lists",
      rows: [["产出指标"], ["效益指标"], ["满意度指标"]],
      edit: (ws) => {
        ws.state = "veryHidden";
      },
    },
  ];
}

/** Cells a finding paints: errors and warnings, a merged area as a whole. */
function paintedCells(issues: readonly Issue[], merges: Map<string, CellRange[]>): Map<string, "error" | "warning"> {
  const painted = new Map<string, "error" | "warning">();
  for (const issue of issues) {
    if (issue.severity === "info") continue;
    const ref = parseA1(issue.cell)!;
    const area = merges.get(issue.sheet)?.find((m) => rangeContains(m, ref.row, ref.col)) ?? {
      top: ref.row,
      left: ref.col,
      bottom: ref.row,
      right: ref.col,
    };
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) {
        const key = `${issue.sheet}!${toA1(r, c)}`;
        if (issue.severity === "error" || !painted.has(key)) painted.set(key, issue.severity);
      }
    }
  }
  return painted;
}

/** Plain data with keys sorted and Excel's defaults left out, so equal formatting compares equal however written. */
function canonical(value: unknown, key = ""): unknown {
  if (value === undefined || value === null || DEFAULTS[key] === value) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => canonical(v));
  if (typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const raw = (value as Record<string, unknown>)[k];
    const v = canonical(k === "cellComments" && typeof raw === "string" ? raw.toLowerCase() : raw, k);
    if (v === null) continue;
    out[k] = v;
  }
  // Automatic page numbering starts at 1, as an explicit first page number of 1 does.
  if (key === "pageSetup" && out.firstPageNumber === 1) {
    delete out.firstPageNumber;
    delete out.useFirstPageNumber;
  }
  return Object.keys(out).length === 0 ? null : out;
}

/** Attribute values that mean "not set" in SpreadsheetML: writing them or leaving them out is the same file. */
const DEFAULTS: Record<string, unknown> = {
  horizontal: "general",
  vertical: "bottom",
  wrapText: false,
  shrinkToFit: false,
  indent: 0,
  textRotation: 0,
  numFmt: "General",
  differentFirst: false,
  differentOddEven: false,
  showRowColHeaders: false,
  showGridLines: false,
  horizontalCentered: false,
  verticalCentered: false,
  copies: 1,
  cellComments: "none",
  showErrorMessage: false,
  showInputMessage: false,
  aboveAverage: false,
  bottom: false,
  percent: false,
  rank: 0,
};

/** What a row carries besides its cells. */
function rowFacts(row: ExcelJS.Row | undefined) {
  return row ? { height: row.height, hidden: row.hidden, outlineLevel: row.outlineLevel } : null;
}

/** What a cell carries, read once into plain data. */
function cellFacts(cell: ExcelJS.Cell | undefined): Partial<ExcelJS.Cell> {
  if (!cell) return {};
  const { value, type, numFmt, font, fill, border, alignment, protection } = cell;
  // A note's text and its fonts; the box's place and size are compared apart, in the VML drawing (below).
  const note = typeof cell.note === "object" ? { texts: cell.note.texts } : cell.note;
  return { value, type, numFmt, font, fill, border, alignment, protection, note };
}

function mergesOf(worksheet: ExcelJS.Worksheet): CellRange[] {
  return (worksheet.model.merges ?? []).map((m) => {
    const [a, b] = m.split(":");
    const top = parseA1(a)!;
    const bottom = parseA1(b ?? a)!;
    return { top: top.row, left: top.col, bottom: bottom.row, right: bottom.col };
  });
}

/** Every difference between input and copy other than the highlight itself, as readable lines. */
function differences(input: ExcelJS.Workbook, copy: ExcelJS.Workbook, issues: readonly Issue[]): string[] {
  const diffs: string[] = [];
  const differ = (where: string, a: unknown, b: unknown, key = "") => {
    const [x, y] = [JSON.stringify(canonical(a, key)), JSON.stringify(canonical(b, key))];
    if (x !== y) diffs.push(`${where}: ${x} → ${y}`);
  };
  const sheets = (workbook: ExcelJS.Workbook) => workbook.worksheets.map((w) => [w.name, w.state]);
  differ("sheets", sheets(input), sheets(copy));
  differ("defined names", input.definedNames.model, copy.definedNames.model);
  const painted = paintedCells(issues, new Map(input.worksheets.map((w) => [w.name, mergesOf(w)])));

  for (const source of input.worksheets) {
    const target = copy.worksheets.find((w) => w.name === source.name);
    if (!target) {
      diffs.push(`sheet ${source.name} missing`);
      continue;
    }
    // Everything the sheet holds besides its cells: merges, columns, validations, conditional formats, views…
    const sourceModel = source.model as unknown as Record<string, unknown>;
    const targetModel = target.model as unknown as Record<string, unknown>;
    for (const key of Object.keys(sourceModel).filter((k) => k !== "rows")) {
      differ(`${source.name} ${key}`, sourceModel[key], targetModel[key], key);
    }
    const rowCount = Math.max(source.rowCount, target.rowCount);
    const colCount = Math.max(source.columnCount, target.columnCount);
    for (let r = 1; r <= rowCount; r++) {
      differ(`${source.name} row ${r}`, rowFacts(source.findRow(r)), rowFacts(target.findRow(r)));
      for (let c = 1; c <= colCount; c++) {
        const x = cellFacts(source.findCell(r, c));
        const y = cellFacts(target.findCell(r, c));
        const where = `${source.name}!${toA1(r - 1, c - 1)}`;
        const paint = painted.get(where);
        for (const key of ["value", "type", "numFmt", "border", "alignment", "protection"] as const) {
          differ(`${where} ${key}`, x[key], y[key], key);
        }
        if (paint === undefined) {
          for (const key of ["font", "fill", "note"] as const) differ(`${where} ${key}`, x[key], y[key], key);
        } else {
          differ(`${where} font but its colour`, { ...x.font, color: null }, { ...y.font, color: null });
          differ(`${where} highlight font colour`, HIGHLIGHT_FONT[paint], y.font?.color?.argb);
          differ(
            `${where} highlight fill`,
            HIGHLIGHT_FILL[paint],
            (y.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb,
          );
        }
      }
    }
  }
  return diffs;
}

async function annotate(input: string, out: string): Promise<Issue[]> {
  const json = await runCli("check", input, "--json");
  const run = await runCli("check", input, "--out", out);
  expect(run.stderr).toBe("");
  expect(run.stdout).toContain("已写入标注副本");
  return (JSON.parse(json.stdout) as Report).files[0].issues;
}

async function load(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("the annotated copy equals its input but for the highlight", () => {
  test("a table dressed with every kind of formatting", async () => {
    const input = await writeWorkbook(path.join(dir, "格式齐全.xlsx"), richSpec());
    const out = path.join(dir, "格式齐全-标注.xlsx");
    const issues = await annotate(input, out);
    expect(issues.map((i) => `${i.severity} ${i.sheet}!${i.cell} ${i.rule}`)).toEqual([
      "error 项目绩效目标!E11 value-option-list",
      "info 项目绩效目标!E12 value-normalizable",
      "warning 项目绩效目标!E14 value-vague",
      "info 说明!A1 no-table",
    ]);
    const [before, after] = [await load(input), await load(out)];
    expect(differences(before, after, issues)).toEqual([]);
    // The author's note on F11 is kept, and the painted cells carry the findings' notes.
    const sheet = after.worksheets[0];
    expect(cellFacts(sheet.findCell(11, 6)).note).toBe("作者原有的批注");
    expect(JSON.stringify(cellFacts(sheet.findCell(11, 5)).note)).toContain("value-option-list");
  });

  test.each(["examples/julu-2023.xlsx", "examples/huailai-2022.xlsx", "test/fixtures/libreoffice.xlsx"])(
    "%s",
    async (example) => {
      const input = path.join(ROOT, example);
      const out = path.join(dir, `${path.basename(example, ".xlsx")}-标注.xlsx`);
      const issues = await annotate(input, out);
      expect(differences(await load(input), await load(out), issues)).toEqual([]);
    },
  );

  test("a file written by the template command, filled in badly (drop-downs, prompts, defined names)", async () => {
    const template = path.join(dir, "模板.xlsx");
    expect((await runCli("template", "--out", template)).status).toBe(0);
    const filled = await load(template);
    const sheet = filled.worksheets.find((w) => w.state !== "veryHidden")!;
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === null && cell.dataValidation?.type === "list") cell.value = "优秀 良好 一般";
      }),
    );
    // The values too (grade options instead of targets): a template whose inputs are all empty is only
    // "not filled in yet", which paints nothing.
    let valueColumn = 0;
    let headerRow = 0;
    sheet.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        if (cell.value === "指标值") [valueColumn, headerRow] = [c, r];
      }),
    );
    expect(valueColumn).toBeGreaterThan(0);
    for (let r = headerRow + 1; r <= headerRow + 4; r++) sheet.getCell(r, valueColumn).value = "优秀 良好 一般";
    const input = path.join(dir, "模板-已填.xlsx");
    await filled.xlsx.writeFile(input);
    const out = path.join(dir, "模板-标注.xlsx");
    const issues = await annotate(input, out);
    expect(issues.some((i) => i.severity !== "info")).toBe(true);
    expect(differences(await load(input), await load(out), issues)).toEqual([]);
  });
});

test("the comparison sees a changed fill, font, border, width, validation, value or highlight", async () => {
  const input = await writeWorkbook(path.join(dir, "对照.xlsx"), richSpec());
  const issues: Issue[] = [
    { rule: "value-option-list", severity: "error", sheet: "项目绩效目标", cell: "E11", table: 0 },
  ].map((i) => ({ ...i, message: "说明", messageEn: "Explanation", fix: null }) as Issue);
  const tampered = await load(input);
  const sheet = tampered.worksheets[0];
  Object.assign(sheet.getCell("A2"), { fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FF000000" } } });
  Object.assign(sheet.getCell("E11"), { font: { name: "Arial" }, border: {} });
  sheet.getColumn(3).width = 99;
  sheet.getCell("A10").dataValidation = { type: "whole", formulae: [1] };
  sheet.getCell("D16").value = "改过的描述";
  const lines = differences(await load(input), tampered, issues).join("\n");
  for (const expected of [
    /项目绩效目标!A2 fill/,
    /项目绩效目标!E11 font but its colour/,
    /项目绩效目标!E11 border/,
    /项目绩效目标!E11 highlight fill/,
    /项目绩效目标 cols/,
    /项目绩效目标 dataValidations/,
    /项目绩效目标!D16 value/,
  ]) {
    expect(lines).toMatch(expected);
  }
});

describe("parts of the file an office suite adds (LibreOffice-made fixture: chart, picture, comment, list, conditional format, name)", () => {
  const RICH = path.join(__dirname, "fixtures/rich.xlsx");

  test("cells, validations, conditional formats, the comment, the picture and the name survive", async () => {
    const out = path.join(dir, "rich-标注.xlsx");
    const issues = await annotate(RICH, out);
    expect(issues.filter((i) => i.severity === "error").map((i) => i.cell)).toContain("E4");
    expect(differences(await load(RICH), await load(out), issues)).toEqual([]);
    const parts = zipEntryNames(await readFile(out))!;
    for (const part of ["xl/media/image1.png", "xl/drawings/drawing1.xml", "xl/comments1.xml"]) {
      expect(parts).toContain(part);
    }
  });

  // The copy patches the package: parts painting does not need are copied byte for byte.
  test("the chart, the custom document properties and the note's box survive byte for byte", async () => {
    const out = path.join(dir, "rich-部件.xlsx");
    await annotate(RICH, out);
    const before = unzipSync(new Uint8Array(await readFile(RICH)));
    const after = unzipSync(new Uint8Array(await readFile(out)));
    for (const part of [
      "xl/charts/chart1.xml",
      "docProps/custom.xml",
      "xl/drawings/drawing1.xml",
      "xl/media/image1.png",
    ]) {
      expect(after[part]).toEqual(before[part]);
    }
    // The author's note box: every <x:Anchor> of the original VML drawing is still there, unchanged.
    const anchors = (vml: Uint8Array) => strFromU8(vml).match(/<x:Anchor>[^<]*<\/x:Anchor>/g) ?? [];
    const kept = anchors(after["xl/drawings/vmlDrawing1.vml"]);
    for (const anchor of anchors(before["xl/drawings/vmlDrawing1.vml"])) expect(kept).toContain(anchor);
  });
});
