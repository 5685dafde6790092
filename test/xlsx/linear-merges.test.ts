import { readFile } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import { generateWorkbook, writeWorkbook } from "../../scripts/bench/workbook";
import { withLinearMergeLoading } from "../../src/xlsx/linear-merges";
import { snapshotOf } from "../../src/xlsx/load";
import { ROOT, scratchFolder, workbookBytes } from "./helpers";

type Internals = { _merges: Record<string, { top: number; left: number; bottom: number; right: number }> };

/** Loads the bytes twice, as exceljs has it and with linear merge loading: snapshots and merge indexes. */
async function loadBoth(bytes: Uint8Array) {
  const load = async (workbook: ExcelJS.Workbook) => {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    return {
      snapshots: workbook.worksheets.map(snapshotOf),
      merges: workbook.worksheets.map((ws) =>
        Object.entries((ws as unknown as Internals)._merges).map(([address, m]) => [
          address,
          m.top,
          m.left,
          m.bottom,
          m.right,
        ]),
      ),
      mergedCells: workbook.worksheets.map((ws) => {
        const cells: string[] = [];
        ws.eachRow({ includeEmpty: true }, (row) =>
          row.eachCell({ includeEmpty: true }, (cell) => {
            if (cell.isMerged) cells.push(`${cell.address}>${cell.master.address}`);
          }),
        );
        return cells;
      }),
    };
  };
  return {
    plain: await load(new ExcelJS.Workbook()),
    linear: await load(withLinearMergeLoading(new ExcelJS.Workbook())),
  };
}

describe("linear merge loading", () => {
  it("loads merged areas of every shape exactly as exceljs does", async () => {
    const bytes = await workbookBytes((wb) => {
      const first = wb.addWorksheet("项目");
      first.getCell("A1").value = "1.专项运转保障经费绩效目标表";
      first.mergeCells("A1:G1");
      first.getCell("A4").value = "预算规模及资金用途";
      first.mergeCells("A4:A5");
      first.mergeCells("B5:G5"); // empty master: exceljs does not visit it
      first.getCell("C8").value = 183.6;
      first.getCell("C8").numFmt = "0.00";
      first.mergeCells("C8:E12");
      first.getCell("H20").value = "far";
      first.mergeCells("H20:J20");
      const second = wb.addWorksheet("Sheet2");
      for (let r = 1; r <= 300; r += 3) {
        second.getCell(r, 1).value = `产出指标${r}`;
        second.mergeCells(r, 1, r + 2, 1);
        second.getCell(r, 2).value = "数量指标";
        second.mergeCells(r, 2, r, 4);
      }
    });
    const { plain, linear } = await loadBoth(bytes);
    expect(linear.snapshots).toEqual(plain.snapshots);
    expect(linear.merges).toEqual(plain.merges);
    expect(linear.mergedCells).toEqual(plain.mergedCells);
    expect(linear.snapshots[1].merges).toHaveLength(200);
  });

  it("reads the benchmark's workbook and the example workbooks identically", async () => {
    const { dir, cleanup } = await scratchFolder();
    try {
      const file = path.join(dir, "bench.xlsx");
      writeWorkbook(generateWorkbook(600, 7), file);
      const files = [
        file,
        path.join(ROOT, "examples", "julu-2023.xlsx"),
        path.join(ROOT, "examples", "huailai-2022.xlsx"),
      ];
      for (const name of [...files, path.join(ROOT, "test", "fixtures", "libreoffice.xlsx")]) {
        const { plain, linear } = await loadBoth(new Uint8Array(await readFile(name)));
        expect(linear.snapshots).toEqual(plain.snapshots);
        expect(linear.merges).toEqual(plain.merges);
      }
    } finally {
      await cleanup();
    }
  });

  it("refuses overlapping merged areas as exceljs does", () => {
    for (const workbook of [new ExcelJS.Workbook(), withLinearMergeLoading(new ExcelJS.Workbook())]) {
      const sheet = workbook.addWorksheet("Sheet1") as unknown as { _parseMergeCells(model: object): void };
      expect(() => sheet._parseMergeCells({ mergeCells: ["A1:B2", "B2:C3"] })).toThrow(
        "Cannot merge already merged cells",
      );
    }
  });

  it("leaves workbooks that did not opt in to exceljs's own loading", () => {
    withLinearMergeLoading(new ExcelJS.Workbook()); // installs the prototype hook
    const worksheet = new ExcelJS.Workbook().addWorksheet("Sheet1");
    worksheet.mergeCells("D1:E1");
    // exceljs's own check compares with the area merged earlier; the linear one would start afresh.
    const hooked = worksheet as unknown as { _parseMergeCells(model: object): void };
    expect(() => hooked._parseMergeCells({ mergeCells: ["D1:E2"] })).toThrow("Cannot merge already merged cells");
  });
});
