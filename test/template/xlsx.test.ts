import ExcelJS from "exceljs";
import { buildProjectTemplate, buildTemplate, TEMPLATE_SHEET_NAME } from "../../src/core/template";
import { LIST_SHEET_NAME } from "../../src/core/template/lists";
import { applySheetPatch, PatchTargetNotEmptyError, templateWorkbook } from "../../src/xlsx/template";

/** Writes the workbook to bytes and opens it again, as Excel would see the file. */
async function roundTrip(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const buffer = await workbook.xlsx.writeBuffer();
  const reopened = new ExcelJS.Workbook();
  await reopened.xlsx.load(buffer);
  return reopened;
}

type Validation = ExcelJS.DataValidation & { sqref?: string };

/** A cell of the reopened sheet (plain exceljs data, nothing to load). */
function cellAt(sheet: ExcelJS.Worksheet, address: string): ExcelJS.Cell {
  return sheet.getCell(address);
}

function validationAt(sheet: ExcelJS.Worksheet, address: string): Validation | undefined {
  return sheet.getCell(address).dataValidation as Validation | undefined;
}

/** The items a defined name lists on the hidden sheet. */
function namedItems(workbook: ExcelJS.Workbook, name: string): string[] {
  const ranges = workbook.definedNames.getRanges(name).ranges;
  expect(ranges).toHaveLength(1);
  const match = /!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(ranges[0]);
  expect(match).not.toBeNull();
  const [, col, top, , bottom] = match!;
  const sheet = workbook.getWorksheet(LIST_SHEET_NAME)!;
  const items: string[] = [];
  for (let r = Number(top); r <= Number(bottom ?? top); r++) items.push(String(sheet.getCell(`${col}${r}`).value));
  return items;
}

describe.each(["legacy", "2021"] as const)("an exceljs workbook holding the %s template", (framework) => {
  const { patch, layout } = buildProjectTemplate({ framework, kind: "会议" });
  let workbook: ExcelJS.Workbook;
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    workbook = await roundTrip(templateWorkbook(patch, TEMPLATE_SHEET_NAME));
    sheet = workbook.getWorksheet(TEMPLATE_SHEET_NAME)!;
  });

  test("holds the values, merges, widths and heights of the patch", () => {
    for (const cell of patch.cells) {
      if (cell.value !== null) expect(sheet.getCell(cell.row + 1, cell.col + 1).value).toBe(cell.value);
    }
    const merges = (sheet.model as { merges: string[] }).merges;
    expect(merges).toHaveLength(patch.merges.length);
    expect(merges).toEqual(expect.arrayContaining(["A1:G1", "B2:F2", "D9:E9"]));
    patch.columnWidths.forEach((width, col) => expect(sheet.getColumn(col + 1).width).toBe(width));
    patch.rowHeights.forEach((height, row) => {
      if (height !== null) expect(sheet.getRow(row + 1).height).toBe(height);
    });
  });

  test("styles labels apart from input cells: bold on grey for labels, bordered and unfilled inputs", () => {
    const label = cellAt(sheet, "A3");
    expect(label.value).toBe("项目编码");
    expect(label.font.bold).toBe(true);
    expect(label.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFE8E8E8" } });
    const input = cellAt(sheet, "B3");
    expect(input.fill === undefined || (input.fill.type === "pattern" && input.fill.pattern === "none")).toBe(true);
    expect(input.border.top?.style).toBe("thin");
    // The slave cells of a merged input carry the border too, so the frame closes.
    expect(sheet.getCell("C3").border.right?.style).toBe("thin");
    expect(input.alignment.wrapText).toBe(true);
    const title = cellAt(sheet, "A1");
    expect(title.font.bold).toBe(true);
    expect(title.font.size).toBeGreaterThan(sheet.getCell("A3").font.size ?? 11);
    expect(sheet.getCell(layout.budget.row + 1, layout.budget.col + 1).numFmt).toBe("0.00");
  });

  test("validations: level-1 list, decimal amounts, plan 0–100, prompts on free-text cells", () => {
    const firstRow = layout.rows[0].row + 1;
    expect(validationAt(sheet, `A${firstRow}`)).toMatchObject({
      type: "list",
      showInputMessage: true,
      promptTitle: "一级指标",
    });
    const budget = validationAt(sheet, "C4");
    expect(budget).toMatchObject({
      type: "decimal",
      operator: "greaterThanOrEqual",
      formulae: [0],
      showErrorMessage: true,
    });
    const plan = validationAt(sheet, "B7");
    expect(plan).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 100] });
    expect(validationAt(sheet, "F7")).toMatchObject({ type: "decimal", formulae: [0, 100] });
    expect(validationAt(sheet, "B3")).toMatchObject({ type: "any", showInputMessage: true, promptTitle: "项目编码" });
    expect(validationAt(sheet, `F${firstRow}`)?.prompt).toMatch(/≥95%/);
  });

  test("level 2 depends on the row's level 1 through named lists on a very hidden sheet", () => {
    const lists = workbook.getWorksheet(LIST_SHEET_NAME)!;
    expect(lists.state).toBe("veryHidden");
    for (const level1 of ["产出指标", "效益指标", "满意度指标"]) {
      const expected = {
        产出指标:
          framework === "legacy"
            ? ["数量指标", "质量指标", "时效指标", "成本指标"]
            : ["数量指标", "质量指标", "时效指标"],
        效益指标: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
        满意度指标: ["服务对象满意度指标"],
      }[level1];
      expect(namedItems(workbook, `二级_${framework}_${level1}`)).toEqual(expected);
    }
    if (framework === "2021") {
      expect(namedItems(workbook, "二级_2021_成本指标")).toEqual(["经济成本指标", "社会成本指标", "生态环境成本指标"]);
    }
    // Every row of a group points at its merged level-1 cell, not at the empty cell beside it.
    for (const row of layout.rows) {
      const level1Top = layout.rows.find((r) => r.level1 === row.level1)!.row + 1;
      const validation = validationAt(sheet, `B${row.row + 1}`);
      expect(validation?.type).toBe("list");
      expect(validation?.formulae?.[0]).toBe(
        `IF(ISREF(INDIRECT("二级_${framework}_"&$A$${level1Top})),INDIRECT("二级_${framework}_"&$A$${level1Top}),二级_${framework}_全部)`,
      );
    }
    expect(namedItems(workbook, `二级_${framework}_全部`)).toContain("服务对象满意度指标");
  });
});

describe("applying a patch into an existing sheet", () => {
  test("at an offset, with formulas pointing at the shifted cells", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("已有内容");
    sheet.getCell("A1").value = "封面";
    const { patch, layout } = buildProjectTemplate({ framework: "legacy" });
    applySheetPatch(sheet, patch, { row: 2, col: 1 });
    const reopened = (await roundTrip(workbook)).getWorksheet("已有内容")!;
    expect(reopened.getCell("A1").value).toBe("封面");
    expect(reopened.getCell("B3").value).toBe("项目支出绩效目标表");
    const firstRow = layout.rows[0].row + 3;
    expect((reopened.getCell(firstRow, 3).dataValidation as ExcelJS.DataValidation).formulae?.[0]).toContain(
      `$B$${firstRow}`,
    );
  });

  test("refuses to write over a cell that holds anything, and writes nothing", () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("表1");
    sheet.getCell("D12").value = "已填写";
    expect(() => applySheetPatch(sheet, buildTemplate({ framework: "legacy" }))).toThrow(PatchTargetNotEmptyError);
    expect(() => applySheetPatch(sheet, buildTemplate({ framework: "legacy" }))).toThrow(/D12/);
    expect(sheet.getCell("A1").value).toBeNull();
    expect(workbook.worksheets).toHaveLength(1);
  });

  test("two templates of different frameworks in one workbook keep their own lists", async () => {
    const workbook = new ExcelJS.Workbook();
    applySheetPatch(workbook.addWorksheet("旧"), buildTemplate({ framework: "legacy" }));
    applySheetPatch(workbook.addWorksheet("新"), buildTemplate({ framework: "2021" }));
    const reopened = await roundTrip(workbook);
    expect(namedItems(reopened, "二级_legacy_产出指标")).toContain("成本指标");
    expect(namedItems(reopened, "二级_2021_产出指标")).not.toContain("成本指标");
    expect(reopened.worksheets.filter((s) => s.name === LIST_SHEET_NAME)).toHaveLength(1);
  });
});
