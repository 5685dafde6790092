/**
 * One contract, two hosts: the same tests run against the Excel host over the Excel fake and the
 * WPS host over the WPS fake, and the cross-host tests check both give the same snapshots, the same
 * findings and the same look. Verified against the two in-memory fakes only.
 */
import path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { HIGHLIGHT_COLORS, noteText } from "../../src/core/highlight";
import type { Issue } from "../../src/core/report";
import { buildProjectTemplate } from "../../src/core/template";
import { HostError } from "../../src/host/types";
import { emptyWorkbookState, type FakeWorkbookState } from "../fakes/excel";
import { stateFromXlsxFile } from "../fakes/excel/xlsx";
import { HOSTS, type Harness } from "./contract";

function issue(
  sheet: string,
  cell: string,
  severity: Issue["severity"] = "error",
  message = "指标值“优秀 良好 一般”是评价等级的选项，不是目标值。",
): Issue {
  return {
    rule: "value-option-list",
    severity,
    sheet,
    cell,
    table: 0,
    message,
    messageEn: "Grade options, not a target.",
    fix: null,
  };
}

/** Cells carrying every kind of own look a restore must bring back, plus values of every kind. */
function workbook(): FakeWorkbookState {
  const state = emptyWorkbookState(["绩效目标", "第二张", "隐藏"]);
  const sheet = state.sheets[0]!;
  sheet.cells = {
    A1: { value: "项目支出绩效目标表" },
    A2: { value: "产出指标" },
    B2: { value: "优秀 良好 一般" },
    B3: { value: "有效提高", fill: { color: "#FFFFFF", pattern: "Solid" }, font: { color: "#FF0000" } },
    B4: {
      value: 0.95,
      numberFormat: "0%",
      fill: { color: "#DDEBF7", pattern: "Gray25", patternColor: "#4472C4", tint: 0.4, patternTint: -0.2 },
      font: { color: "#1F4E78", bold: true },
    },
    B5: { value: "差", fill: { color: "#FFC7CE", pattern: "Solid" }, font: { color: "#9C0006" } },
    B6: { value: "12月底", note: { content: "我自己的备注", author: "张三" } },
    B7: { value: "≥95%" },
    B8: { value: "渐变", fill: { color: "#5B9BD5", pattern: "LinearGradient" } },
    C2: { value: 45292, numberFormat: "yyyy-mm-dd" },
    C3: { value: "#DIV/0!", formula: "=1/0" },
    C4: { value: true },
    C5: { value: 1234.5, numberFormat: "#,##0.00" },
    D9: { value: 3 },
  };
  sheet.merges = ["A2:A7"];
  state.sheets[1]!.cells = { C3: { value: "第二张" }, D4: { value: "优秀 良好" }, E4: { value: 12 } };
  state.sheets[2]!.visibility = "VeryHidden";
  state.sheets[2]!.cells = { A1: { value: "不该读到" } };
  return state;
}

const findings = [
  issue("绩效目标", "A2"),
  issue("绩效目标", "B2"),
  issue("绩效目标", "B3", "warning", "指标值只说明了变化方向。"),
  issue("绩效目标", "B4"),
  issue("绩效目标", "B5"),
  issue("绩效目标", "B6", "warning"),
  issue("绩效目标", "B7", "warning"),
  issue("绩效目标", "B8"),
  issue("绩效目标", "C2", "info", "建议填写指标说明。"),
  issue("第二张", "D4"),
];

let harnesses: Harness[] = [];
function setUp(kind: (typeof HOSTS)[number], state: FakeWorkbookState): Harness {
  harnesses.forEach((h) => h.tearDown());
  const harness = kind.setUp(state);
  harnesses = [harness];
  return harness;
}
afterEach(() => {
  harnesses.forEach((h) => h.tearDown());
  harnesses = [];
});

describe.each(HOSTS)("$name host", (kind) => {
  test("reads every sheet but the very hidden one: values, texts, number formats, errors, merges", async () => {
    const { host } = setUp(kind, workbook());
    const sheets = await host.readSheets("all");
    expect(sheets.map((s) => s.name)).toEqual(["绩效目标", "第二张"]);
    const first = sheets[0]!;
    expect(first.values[1]).toEqual(["产出指标", "优秀 良好 一般", 45292, null]);
    expect(first.texts[1]![2]).toBe("2024-01-01");
    expect(first.values[2]![2]).toBe("#DIV/0!");
    expect(first.values[3]![2]).toBe(true);
    expect(first.texts[4]![2]).toBe("1,234.50");
    expect(first.numberFormats[3]![1]).toBe("0%");
    expect(first.merges).toEqual([{ top: 1, left: 0, bottom: 6, right: 0 }]);
    expect(first.values.length).toBe(9);
    // A sheet whose content starts away from A1 is still read from A1.
    expect(sheets[1]!.values[3]).toEqual([null, null, null, "优秀 良好", 12]);
    const active = await host.readSheets("active");
    expect(active.map((s) => s.name)).toEqual(["绩效目标"]);
  });

  test("paints errors and warnings in Excel's Bad and Neutral colours with notes; infos and gradients as Excel does", async () => {
    const h = setUp(kind, workbook());
    await h.host.showFindings(findings);
    const error = { fill: { color: HIGHLIGHT_COLORS.error.fill, pattern: "Solid" }, font: HIGHLIGHT_COLORS.error.font };
    expect(h.look("绩效目标", "B2")).toEqual({ ...error, note: noteText([findings[1]!]) });
    expect(h.look("绩效目标", "B3")).toMatchObject({
      fill: { color: HIGHLIGHT_COLORS.warning.fill, pattern: "Solid" },
      font: HIGHLIGHT_COLORS.warning.font,
    });
    expect(h.look("绩效目标", "B6").note).toBe("我自己的备注");
    expect(h.look("绩效目标", "B8")).toMatchObject({
      fill: { color: "#5B9BD5", pattern: "LinearGradient" },
      font: HIGHLIGHT_COLORS.error.font,
    });
    expect(h.look("绩效目标", "C2")).toEqual({ fill: null, font: null, note: null });
    expect(h.look("第二张", "D4")).toMatchObject(error);
    // The record is kept out of every reader's way.
    expect((await h.host.readSheets("all")).map((s) => s.name)).toEqual(["绩效目标", "第二张"]);
  });

  test("clear restores every cell exactly (No Fill, white, patterns, tints, fonts, notes) and forgets the record", async () => {
    const h = setUp(kind, workbook());
    const before = h.state();
    await h.host.showFindings(findings);
    expect(await h.host.clearFindings()).toBe(9);
    expect(h.state()).toEqual(before);
    expect(await h.host.clearFindings()).toBe(0);
  });

  test("checking twice never stacks marks; a colour the user changed since stays theirs", async () => {
    const h = setUp(kind, workbook());
    const before = h.state();
    await h.host.showFindings(findings);
    await h.host.showFindings([issue("绩效目标", "B3"), issue("绩效目标", "B4", "warning"), issue("绩效目标", "C5")]);
    expect(h.look("绩效目标", "B2")).toEqual({ fill: null, font: null, note: null });
    expect(h.look("绩效目标", "B4").fill).toEqual({ color: HIGHLIGHT_COLORS.warning.fill, pattern: "Solid" });
    h.userFills("绩效目标", "C5", "#00B050");
    await h.host.clearFindings();
    expect(h.look("绩效目标", "C5").fill).toEqual({ color: "#00B050", pattern: "Solid" });
    h.userFills("绩效目标", "C5", "");
    const after = h.state() as { sheets: { cells: Record<string, unknown> }[] };
    const expected = before as { sheets: { cells: Record<string, unknown> }[] };
    expect(after.sheets[0]!.cells.B4).toEqual(expected.sheets[0]!.cells.B4);
    expect(after.sheets[0]!.cells.B3).toEqual(expected.sheets[0]!.cells.B3);
  });

  test("the record lives in the workbook: saved, closed and reopened, a new host still clears exactly", async () => {
    const h = setUp(kind, workbook());
    const before = h.state();
    await h.host.showFindings(findings);
    const reopened = h.reopen();
    harnesses = [reopened];
    expect(await reopened.host.clearFindings()).toBe(9);
    expect(reopened.state()).toEqual(before);
  });

  test("a protected sheet refuses the paint before anything is written", async () => {
    const state = workbook();
    const h = setUp(kind, state);
    h.protect("第二张");
    const before = h.state();
    await expect(h.host.showFindings(findings)).rejects.toThrow(HostError);
    expect(h.state()).toEqual(before);
  });

  test("selectCell activates the sheet and selects the cell; selection changes are reported until unsubscribed", async () => {
    const h = setUp(kind, workbook());
    const seen: unknown[] = [];
    const stop = await h.host.onSelectionChanged((selection) => seen.push(selection));
    await h.host.selectCell("第二张", "D4");
    expect(h.activeSheet()).toBe("第二张");
    expect(h.selection("第二张")).toBe("D4");
    await h.userSelects("绩效目标", "B3:D7");
    await stop();
    await h.userSelects("绩效目标", "A1");
    expect(seen).toEqual([
      { sheet: "第二张", cell: "D4", range: "D4" },
      { sheet: "绩效目标", cell: "B3", range: "B3:D7" },
    ]);
  });

  test("inserts the template on a new sheet, with merges, drop-downs on named lists, and validation", async () => {
    const h = setUp(kind, workbook());
    const { patch } = buildProjectTemplate({ framework: "2021" });
    const placement = await h.host.insertTemplate(patch, "new-sheet", "项目绩效目标表");
    expect(placement.sheet).toBe("项目绩效目标表");
    expect(h.activeSheet()).toBe("项目绩效目标表");
    expect(h.visibility("下拉选项")).toBe("veryHidden");
    expect(h.merges("项目绩效目标表").length).toBe(patch.merges.length);
    expect(h.validations("项目绩效目标表").length).toBeGreaterThan(0);
    const snapshot = (await h.host.readSheets("active"))[0]!;
    expect(snapshot.values[0]![0]).toBe("项目支出绩效目标表");
    expect(checkWorkbook([snapshot]).tables.length).toBe(1);
  });

  test("refuses to insert at a selection that holds anything, and writes nothing", async () => {
    const h = setUp(kind, workbook());
    h.setSelection("绩效目标", "D5");
    const before = h.state();
    const { patch } = buildProjectTemplate({ framework: "legacy" });
    await expect(h.host.insertTemplate(patch, "selection", "x")).rejects.toThrow(/D9/);
    expect(h.state()).toEqual(before);
  });
});

describe("both hosts", () => {
  async function withEach<T>(state: FakeWorkbookState, work: (h: Harness) => Promise<T>): Promise<T[]> {
    const out: T[] = [];
    for (const kind of HOSTS) out.push(await work(setUp(kind, state)));
    return out;
  }

  test.each(["huailai-2022.xlsx", "julu-2023.xlsx"])("give the same snapshots and findings for %s", async (file) => {
    const state = await stateFromXlsxFile(path.join(__dirname, "../../examples", file));
    const [excel, wps] = await withEach(state, async (h) => {
      const sheets = await h.host.readSheets("all");
      return { sheets, check: checkWorkbook(sheets) };
    });
    expect(wps!.sheets).toEqual(excel!.sheets);
    expect(wps!.check.issues).toEqual(excel!.check.issues);
    expect(excel!.check.issues.length).toBeGreaterThan(0);
  });

  test("paint the same cells the same way, and restore them the same way", async () => {
    const state = await stateFromXlsxFile(path.join(__dirname, "../../examples/julu-2023.xlsx"));
    const cells: string[] = [];
    const [excel, wps] = await withEach(state, async (h) => {
      const sheets = await h.host.readSheets("all");
      const { issues } = checkWorkbook(sheets);
      await h.host.showFindings(issues);
      if (cells.length === 0) for (const i of issues) if (i.severity !== "info") cells.push(`${i.sheet}!${i.cell}`);
      const looks = cells.map((c) => h.look(c.split("!")[0]!, c.split("!")[1]!));
      const restored = await h.host.clearFindings();
      const after = cells.map((c) => h.look(c.split("!")[0]!, c.split("!")[1]!));
      return { looks, restored, after };
    });
    expect(wps).toEqual(excel);
  });

  test("insert the same template: same values, merges, validations and named lists", async () => {
    const { patch } = buildProjectTemplate({ framework: "legacy", kind: "会议" });
    const [excel, wps] = await withEach(emptyWorkbookState(["Sheet1"]), async (h) => {
      const placement = await h.host.insertTemplate(patch, "new-sheet", "项目绩效目标表");
      const snapshot = (await h.host.readSheets("active"))[0];
      return {
        placement,
        snapshot,
        merges: h.merges(placement.sheet),
        validations: h.validations(placement.sheet),
        names: h.names(),
        lists: (await Promise.resolve(h.sheetNames())).filter((n) => n === "下拉选项"),
      };
    });
    expect(wps).toEqual(excel);
  });
});
