/**
 * Inserting the project template: on a new sheet with a unique name, or at the selection only
 * when every target cell is empty; drop-downs through named lists and INDIRECT; a failure part-way
 * is taken away again.
 */
import { buildTemplate } from "../../src/core/template";
import { HostError } from "../../src/host/types";
import { LIST_SHEET_NAME } from "../../src/core/template/lists";
import { sanitizeSheetName, uniqueSheetName } from "../../src/core/template/sheet-name";
import { cellAt, emptyWorkbookState, findSheet } from "../fakes/excel";
import { setUp, tearDown } from "./helpers";

afterEach(tearDown);

const patch = buildTemplate({ framework: "legacy" });

describe("insertTemplate", () => {
  test("on a new sheet: unique name, every patch value, merges, widths, drop-downs; the new sheet is active", async () => {
    const state = emptyWorkbookState(["项目绩效目标表", "项目绩效目标表 (2)"]);
    const { fake, host } = setUp(state);
    const placement = await host.insertTemplate(patch, "new-sheet", "项目绩效目标表");
    expect(placement.sheet).toBe("项目绩效目标表 (3)");
    expect(placement.range).toBe(`A1:${String.fromCharCode(64 + patch.colCount)}${patch.rowCount}`);
    const sheet = findSheet(fake.state, placement.sheet)!;
    expect(fake.state.activeSheet).toBe(placement.sheet);
    for (const cell of patch.cells) {
      if (cell.value === null || cell.value === "") continue;
      const address = `${String.fromCharCode(65 + cell.col)}${cell.row + 1}`;
      expect([address, cellAt(sheet, address)?.value]).toEqual([address, cell.value]);
    }
    expect(sheet.merges).toHaveLength(patch.merges.length);
    expect(Object.keys(sheet.columnWidths ?? {}).length).toBeGreaterThan(0);
    const lists = findSheet(fake.state, LIST_SHEET_NAME)!;
    expect(lists.visibility).toBe("VeryHidden");
    expect(fake.state.names.map((n) => n.name)).toEqual(
      expect.arrayContaining(["二级_legacy_产出指标", "二级_legacy_全部"]),
    );
    const dependent = (sheet.dataValidations ?? [])
      .map((v) => JSON.stringify(v.rule))
      .filter((r) => r.includes("INDIRECT"));
    expect(dependent.length).toBeGreaterThan(0);
    expect(dependent[0]).toContain('INDIRECT(\\"二级_legacy_\\"&$A$');
    // A fresh template reads back as a table the checker finds.
    const snapshots = await host.readSheets("all");
    expect(snapshots.map((s) => s.name)).toEqual(["项目绩效目标表", "项目绩效目标表 (2)", "项目绩效目标表 (3)"]);
  });

  test("a second template reuses the named lists instead of failing on names that exist", async () => {
    const { fake, host } = setUp(emptyWorkbookState());
    await host.insertTemplate(patch, "new-sheet", "绩效目标");
    // Nothing to look at before writing in a workbook without lists: no round trip for it.
    expect(fake.syncs).toHaveLength(3);
    const names = fake.state.names.length;
    await host.insertTemplate(patch, "new-sheet", "绩效目标");
    // The list sheet's extent is read before the lists are added to it; no round trip is empty.
    expect(fake.syncs).toHaveLength(7);
    expect(fake.syncs.filter((s) => s.actions === 0)).toEqual([]);
    expect(fake.state.names).toHaveLength(names);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1", "绩效目标", LIST_SHEET_NAME, "绩效目标 (2)"]);
  });

  test("at the selection when every target cell is empty", async () => {
    const state = emptyWorkbookState(["Sheet1"]);
    state.sheets[0]!.cells = { A1: { value: "左上角已有内容" } };
    state.sheets[0]!.selection = "C3";
    const { fake, host } = setUp(state);
    const placement = await host.insertTemplate(patch, "selection", "ignored");
    expect(placement.sheet).toBe("Sheet1");
    expect(placement.range.startsWith("C3:")).toBe(true);
    expect(cellAt(fake.state.sheets[0]!, "A1")).toEqual({ value: "左上角已有内容" });
    const first = patch.cells.find((c) => typeof c.value === "string" && c.value !== "")!;
    const address = `${String.fromCharCode(67 + first.col)}${first.row + 3}`;
    expect(cellAt(fake.state.sheets[0]!, address)?.value).toBe(first.value);
  });

  test("refused at the selection when any target cell holds something, and nothing is written", async () => {
    const state = emptyWorkbookState(["Sheet1"]);
    state.sheets[0]!.cells = { E20: { value: 0, numberFormat: "0.00" } };
    state.sheets[0]!.selection = "B2";
    const { fake, host } = setUp(state);
    const before = fake.snapshot();
    const failure = await host.insertTemplate(patch, "selection", "x").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).messageZh).toContain("E20 已有内容");
    expect((failure as HostError).messageEn).toContain("cell E20");
    expect(fake.snapshot()).toEqual(before);
  });

  test("refused at the selection when a merged area reaches into the target (ExcelApi 1.13)", async () => {
    const state = emptyWorkbookState(["Sheet1"]);
    state.sheets[0]!.cells = { A1: { value: "标题" } };
    state.sheets[0]!.merges = ["A1:D3"];
    state.sheets[0]!.selection = "B3";
    const { fake, host } = setUp(state, { excelApi: "1.13" });
    const before = fake.snapshot();
    const failure = await host.insertTemplate(patch, "selection", "x").catch((e: unknown) => e);
    expect((failure as HostError).messageZh).toContain("合并单元格 A1:D3");
    expect(fake.snapshot()).toEqual(before);
  });

  test("without ExcelApi 1.13 a write into a merged area fails and what was written is taken away", async () => {
    const state = emptyWorkbookState(["Sheet1"]);
    state.sheets[0]!.cells = { A1: { value: "标题" } };
    state.sheets[0]!.merges = ["A1:D3"];
    state.sheets[0]!.selection = "B3";
    const { fake, host } = setUp(state, { excelApi: "1.9" });
    const failure = await host.insertTemplate(patch, "selection", "x").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).messageZh).toContain("已撤销");
    const sheet = fake.state.sheets[0]!;
    expect(sheet.cells).toEqual({ A1: { value: "标题" } });
    expect(sheet.merges).toEqual(["A1:D3"]);
    expect(sheet.dataValidations ?? []).toEqual([]);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.state.names).toEqual([]);
  });

  test("a protected target sheet is refused with a plain message", async () => {
    const state = emptyWorkbookState(["Sheet1"]);
    state.sheets[0]!.protection = { protected: true };
    const { fake, host } = setUp(state);
    const before = fake.snapshot();
    const failure = await host.insertTemplate(patch, "selection", "x").catch((e: unknown) => e);
    expect((failure as HostError).messageZh).toContain("受保护");
    expect(fake.snapshot()).toEqual(before);
  });

  test("a protected workbook structure: no new sheet; at the selection the drop-downs fall back to plain lists", async () => {
    const state = emptyWorkbookState(["Sheet1"]);
    state.structureProtected = true;
    const { fake, host } = setUp(state);
    await expect(host.insertTemplate(patch, "new-sheet", "x")).rejects.toThrow(/结构受保护/);
    await host.insertTemplate(patch, "selection", "x");
    expect(fake.state.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.state.names).toEqual([]);
    const rules = (fake.state.sheets[0]!.dataValidations ?? []).map((v) => JSON.stringify(v.rule));
    expect(rules.some((r) => r.includes("INDIRECT"))).toBe(false);
    expect(rules.some((r) => r.includes("数量指标,质量指标"))).toBe(true);
  });

  test("sheet names follow Excel's rules", () => {
    expect(sanitizeSheetName("a/b:c*d?[e]")).toBe("a_b_c_d__e_");
    expect(sanitizeSheetName("''")).toBe("项目绩效目标表");
    expect(uniqueSheetName("X".repeat(40), ["X".repeat(31)])).toBe(`${"X".repeat(27)} (2)`);
    expect(uniqueSheetName("sheet1", ["Sheet1"])).toBe("sheet1 (2)");
  });
});
