/**
 * What only the WPS host has to get right, against the WPS fake (no running WPS was available):
 * WPS's own ways (General as G/通用格式, an author line in new comments, prompts on delete and merge),
 * a write failing part-way, a protected structure, and the number of calls a large read costs.
 */
import { cellHighlights } from "../../src/core/highlight";
import type { Issue } from "../../src/core/report";
import { buildProjectTemplate } from "../../src/core/template";
import { HostError } from "../../src/host/types";
import { WpsHost } from "../../src/wps";
import { wpsApplication } from "../../src/wps/api";
import { loadRecord, RECORD_SHEET_NAME, saveRecord } from "../../src/wps/record";
import { createFakeWps, emptyWpsState, findWpsSheet, type FakeWps, type WpsWorkbookState } from "../fakes/wps";

let fake: FakeWps | null = null;
function setUp(state: WpsWorkbookState, options = {}): { fake: FakeWps; host: WpsHost } {
  fake?.uninstall();
  fake = createFakeWps(state, options).install();
  return { fake, host: new WpsHost() };
}
afterEach(() => {
  fake?.uninstall();
  fake = null;
});

function issue(sheet: string, cell: string): Issue {
  return {
    rule: "value-option-list",
    severity: "error",
    sheet,
    cell,
    table: 0,
    message: "选项",
    messageEn: "options",
    fix: null,
  };
}

function table(): WpsWorkbookState {
  const state = emptyWpsState(["表"]);
  state.sheets[0]!.cells = { A1: { value: "指标" }, B1: { value: 0.9, numberFormat: "0%" }, B2: { value: 5 } };
  return state;
}

test("General reported as G/通用格式 reads as General", async () => {
  const { host } = setUp(table(), { generalFormat: "G/通用格式" });
  const [sheet] = await host.readSheets("active");
  expect(sheet!.numberFormats).toEqual([
    ["General", "0%"],
    ["General", "General"],
  ]);
  expect(sheet!.texts[0]).toEqual(["指标", "90%"]);
});

test("a comment WPS prefixes with its author is still recognised as ours and removed on clear", async () => {
  const { fake, host } = setUp(table(), { commentPrefix: "WPS 用户:\n" });
  const before = fake.snapshot();
  await host.showFindings([issue("表", "A1")]);
  expect(fake.state.sheets[0]!.cells.A1!.comment!.text.startsWith("WPS 用户:\n")).toBe(true);
  expect(await host.clearFindings()).toBe(1);
  expect(fake.snapshot()).toEqual(before);
});

test("no prompt is left for the user: the record sheet is added and removed with alerts off", async () => {
  const { fake, host } = setUp(table());
  await host.showFindings([issue("表", "A1")]);
  expect(findWpsSheet(fake.state, RECORD_SHEET_NAME)?.visible).toBe(2);
  expect(fake.state.activeSheet).toBe("表");
  await host.clearFindings();
  expect(findWpsSheet(fake.state, RECORD_SHEET_NAME)).toBeUndefined();
  await host.insertTemplate(buildProjectTemplate({ framework: "legacy" }).patch, "new-sheet", "项目");
  expect(fake.alertsShown).toBe(0);
  expect(fake.runtime.displayAlerts).toBe(true);
});

test("a paint failing part-way takes every highlight away and says so", async () => {
  const { fake, host } = setUp(table());
  const before = fake.snapshot();
  let fonts = 0;
  fake.failOn = (member) => {
    if (member === "Font" && ++fonts === 4) throw new Error("模拟失败");
  };
  const error = await host
    .showFindings([issue("表", "A1"), issue("表", "B1"), issue("表", "B2")])
    .catch((e: unknown) => e);
  fake.failOn = null;
  expect(error).toBeInstanceOf(HostError);
  expect((error as HostError).messageZh).toMatch(/已清除全部标记/);
  expect(fake.snapshot()).toEqual(before);
});

test("a protected workbook structure refuses the first paint, before anything is written", async () => {
  const state = table();
  state.protectStructure = true;
  const { fake, host } = setUp(state);
  const before = fake.snapshot();
  await expect(host.showFindings([issue("表", "A1")])).rejects.toThrow(/工作簿结构受保护/);
  expect(fake.snapshot()).toEqual(before);
});

test("a template insertion failing part-way takes its sheet, names and list sheet away", async () => {
  const { fake, host } = setUp(table());
  const before = fake.snapshot();
  fake.failOn = (member) => {
    if (member === "Merge") throw new Error("模拟失败");
  };
  await expect(
    host.insertTemplate(buildProjectTemplate({ framework: "2021" }).patch, "new-sheet", "项目"),
  ).rejects.toThrow(/已撤销/);
  fake.failOn = null;
  expect(fake.snapshot()).toEqual(before);
});

test("reading a sheet of 5,000 rows × 8 columns costs a bounded number of calls, not one per cell", async () => {
  const state = emptyWpsState(["大表"]);
  for (let r = 1; r <= 5000; r++) {
    for (let c = 0; c < 8; c++)
      state.sheets[0]!.cells[`${"ABCDEFGH"[c]}${r}`] =
        c === 3 ? { value: r, numberFormat: "0.00" } : { value: `第${r}行` };
  }
  state.sheets[0]!.merges = ["A1:H1", "B40:C41"];
  const { fake, host } = setUp(state);
  fake.resetStats();
  const [sheet] = await host.readSheets("active");
  expect(sheet!.values.length).toBe(5000);
  expect(sheet!.texts[9]![3]).toBe("10.00");
  expect(sheet!.merges).toEqual([
    { top: 0, left: 0, bottom: 0, right: 7 },
    { top: 39, left: 1, bottom: 40, right: 2 },
  ]);
  expect(fake.calls).toBeLessThan(1000);
});

test("painting many cells writes them through address lists of at most 255 characters", async () => {
  const state = emptyWpsState(["表"]);
  const issues: Issue[] = [];
  for (let r = 1; r <= 400; r++) {
    state.sheets[0]!.cells[`B${r}`] = { value: "优秀 良好" };
    issues.push(issue("表", `B${r}`));
  }
  const { fake, host } = setUp(state);
  const before = fake.snapshot();
  await host.showFindings(issues);
  expect(cellHighlights(issues).length).toBe(400);
  expect(fake.state.sheets[0]!.cells.B400!.interior).toEqual({ pattern: 1, color: 0xcec7ff });
  expect(await host.clearFindings()).toBe(400);
  expect(fake.snapshot()).toEqual(before);
});

test("outside WPS the host says so plainly", async () => {
  const host = new WpsHost();
  await expect(host.readSheets("all")).rejects.toThrow(/WPS/);
});

test("cells of a sheet renamed since the last check stay on record, and come back once the name does", async () => {
  const state = emptyWpsState(["表", "乙"]);
  state.sheets[0]!.cells = { A1: { value: "指标" } };
  state.sheets[1]!.cells = { A1: { value: "指标" } };
  const { fake, host } = setUp(state);
  const before = fake.snapshot();
  await host.showFindings([issue("表", "A1")]);
  // The user renames the sheet, then checks again: only the other sheet has a finding now.
  findWpsSheet(fake.state, "表")!.name = "表（改）";
  await host.showFindings([issue("乙", "A1")]);
  findWpsSheet(fake.state, "表（改）")!.name = "表";
  expect(await host.clearFindings()).toBe(2);
  expect(fake.snapshot()).toEqual(before);
});

test("a recorded address that names no cell does not stop a check, and the other cells come back", async () => {
  const { fake, host } = setUp(table());
  const before = fake.snapshot();
  await host.showFindings([issue("表", "A1")]);
  // A hand-edited record: one entry whose address names no cell.
  const app = wpsApplication()!;
  const record = loadRecord(app);
  saveRecord(app, { cells: [...record.cells, { ...record.cells[0]!, cell: "第一行" }] });
  await host.showFindings([issue("表", "B2")]);
  expect(loadRecord(app).cells.map((c) => c.cell)).toEqual(["B2"]);
  expect(await host.clearFindings()).toBe(1);
  expect(fake.snapshot()).toEqual(before);
});
