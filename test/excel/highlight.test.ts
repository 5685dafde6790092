/**
 * Highlighting and clearing: colours, notes, the record kept in the workbook, exact restoration
 * (No Fill is not white; pattern fills and tints come back), no stacking, failures that leave
 * nothing half-applied, and what happens without ExcelApi 1.13 / 1.18.
 */
import path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { cellHighlights } from "../../src/core/highlight";
import { HostError } from "../../src/host/types";
import { HIGHLIGHT_COLORS, noteText } from "../../src/excel";
import { RECORD_NAMESPACE } from "../../src/host/record";
import { cellAt, cloneState, emptyWorkbookState, findSheet, type FakeWorkbookState } from "../fakes/excel";
import { stateFromXlsxFile } from "../fakes/excel/xlsx";
import { issue, recordRequests, setUp, tearDown, type RecordedRequest } from "./helpers";

afterEach(() => {
  jest.restoreAllMocks();
  tearDown();
});

/** A sheet whose cells carry every kind of own formatting the restore must bring back. */
function formattedWorkbook(): FakeWorkbookState {
  const state = emptyWorkbookState(["绩效目标", "第二张"]);
  const sheet = state.sheets[0]!;
  sheet.cells = {
    A2: { value: "产出指标" },
    B2: { value: "优秀 良好 一般" },
    B3: { value: "有效提高", fill: { color: "#FFFFFF", pattern: "Solid" }, font: { color: "#FF0000" } },
    B4: {
      value: 0.95,
      numberFormat: "0%",
      fill: { color: "#DDEBF7", pattern: "Gray25", patternColor: "#4472C4", tint: 0.4, patternTint: -0.2 },
      font: { color: "#1F4E78" },
    },
    B5: { value: "差", fill: { color: "#FFC7CE", pattern: "Solid" }, font: { color: "#9C0006" } },
    B6: { value: "12月底", note: { content: "我自己的备注", author: "张三" } },
    B7: { value: "≥95%" },
    B8: { value: "渐变", fill: { color: "#5B9BD5", pattern: "LinearGradient" } },
    C2: { value: "年初工作计划" },
  };
  sheet.merges = ["A2:A7"];
  state.sheets[1]!.cells = { A1: { value: "第二张" }, B2: { value: "优秀 良好" } };
  return state;
}

const findings = [
  issue("绩效目标", "A2"),
  issue("绩效目标", "B2"),
  issue("绩效目标", "B3", "warning", "指标值只说明了变化方向。", "The value names only a direction of change."),
  issue("绩效目标", "B4"),
  issue("绩效目标", "B5"),
  issue("绩效目标", "B6", "warning"),
  issue("绩效目标", "B7", "warning"),
  issue("绩效目标", "B8"),
  issue("绩效目标", "C2", "info", "建议填写指标说明。", "Consider describing the indicator."),
  issue("第二张", "B2"),
];

function fillOf(state: FakeWorkbookState, sheet: string, cell: string) {
  return cellAt(findSheet(state, sheet)!, cell)?.fill;
}

describe("showFindings", () => {
  test("paints errors and warnings in Excel's Bad and Neutral colours, notes them, and never writes a value", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    const before = fake.snapshot();
    await host.readSheets("all");
    await host.showFindings(findings);
    const s = fake.state;
    expect(fillOf(s, "绩效目标", "B2")).toEqual({ color: HIGHLIGHT_COLORS.error.fill, pattern: "Solid" });
    expect(cellAt(findSheet(s, "绩效目标")!, "B2")?.font).toEqual({ color: HIGHLIGHT_COLORS.error.font });
    expect(fillOf(s, "绩效目标", "B3")).toEqual({ color: HIGHLIGHT_COLORS.warning.fill, pattern: "Solid" });
    expect(cellAt(findSheet(s, "绩效目标")!, "B3")?.font).toEqual({ color: HIGHLIGHT_COLORS.warning.font });
    // A gradient cannot be written back by Office.js: the fill is left alone, the text is coloured.
    expect(fillOf(s, "绩效目标", "B8")).toEqual({ color: "#5B9BD5", pattern: "LinearGradient" });
    expect(cellAt(findSheet(s, "绩效目标")!, "B8")?.font).toEqual({ color: HIGHLIGHT_COLORS.error.font });
    // Infos are listed in the pane, not painted.
    expect(cellAt(findSheet(s, "绩效目标")!, "C2")).toEqual({ value: "年初工作计划" });
    expect(cellAt(findSheet(s, "绩效目标")!, "B2")?.note?.content).toBe(
      '错误 · value-option-list：指标值“优秀 良好 一般”是评价等级的选项，不是目标值。\nError · value-option-list: The value "优秀 良好 一般" lists grade options, not a target.',
    );
    // The user's own note is never overwritten.
    expect(cellAt(findSheet(s, "绩效目标")!, "B6")?.note).toEqual({ content: "我自己的备注", author: "张三" });
    for (const sheet of s.sheets) {
      for (const [address, cell] of Object.entries(sheet.cells)) {
        const original = before.sheets.find((b) => b.id === sheet.id)!.cells[address];
        expect([address, cell.value, cell.formula, cell.numberFormat]).toEqual([
          address,
          original?.value,
          original?.formula,
          original?.numberFormat,
        ]);
      }
    }
    expect(s.customXmlParts.map((p) => p.namespaceUri)).toEqual([RECORD_NAMESPACE]);
  });

  test("then clearFindings restores every cell exactly (No Fill, white, patterns, tints, fonts, notes) and forgets the record", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    const before = fake.snapshot();
    await host.readSheets("all");
    await host.showFindings(findings);
    expect(await host.clearFindings()).toBe(9);
    expect(fake.snapshot()).toEqual(before);
    expect(fillOf(fake.state, "绩效目标", "B2")).toBeUndefined();
    expect(fillOf(fake.state, "绩效目标", "B3")).toEqual({ color: "#FFFFFF", pattern: "Solid" });
  });

  test("a hand-edited record: addresses naming no cell are skipped, other spellings read as the cell", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    const before = fake.snapshot();
    await host.readSheets("all");
    await host.showFindings([issue("绩效目标", "B3")]);
    const part = fake.state.customXmlParts[0]!;
    // Someone rewrote B3's entry as $B$3 and added entries past the sheet's edge and without an address.
    part.xml = part.xml.replace(/>B3,/, ">$B$3,").replace(/<\/sheet>/, ";XFE1,0,e;A1048577,0,w;第一行,0,e</sheet>");
    expect(part.xml).toContain("$B$3,");
    await host.readSheets("all");
    await host.showFindings([issue("绩效目标", "B3")]);
    expect(await host.clearFindings()).toBe(1);
    expect(fake.snapshot()).toEqual(before);
  });

  test("checking twice restores the first highlights before painting, so marks never stack; clearing still restores all", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    const before = fake.snapshot();
    await host.readSheets("all");
    await host.showFindings(findings);
    // The user fixed B2 and B7; B3 became an error; C2 is new.
    const second = [
      issue("绩效目标", "A2"),
      issue("绩效目标", "B3"),
      issue("绩效目标", "B4"),
      issue("绩效目标", "B5"),
      issue("绩效目标", "C2", "warning"),
      issue("第二张", "B2", "warning"),
    ];
    await host.readSheets("all");
    await host.showFindings(second);
    const s = fake.state;
    expect(cellAt(findSheet(s, "绩效目标")!, "B2")).toEqual(before.sheets[0]!.cells.B2);
    expect(cellAt(findSheet(s, "绩效目标")!, "B7")).toEqual(before.sheets[0]!.cells.B7);
    expect(fillOf(s, "绩效目标", "B3")).toEqual({ color: HIGHLIGHT_COLORS.error.fill, pattern: "Solid" });
    expect(fillOf(s, "第二张", "B2")).toEqual({ color: HIGHLIGHT_COLORS.warning.fill, pattern: "Solid" });
    expect(cellAt(findSheet(s, "绩效目标")!, "B3")?.note?.content).toMatch(/^错误 · /);
    expect(s.customXmlParts).toHaveLength(1);
    await host.showFindings(second);
    await host.clearFindings();
    expect(fake.snapshot()).toEqual(before);
  });

  test("a workbook saved, closed and reopened can still be cleared by a new session", async () => {
    const first = setUp(formattedWorkbook());
    const before = first.fake.snapshot();
    await first.host.readSheets("all");
    await first.host.showFindings(findings);
    const saved = cloneState(first.fake.state);
    const { fake, host } = setUp(saved);
    expect(await host.clearFindings()).toBe(9);
    expect(fake.snapshot()).toEqual(before);
  });

  test("a fill or font colour the user changed after the check is theirs and stays", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    await host.readSheets("all");
    await host.showFindings(findings);
    const b2 = findSheet(fake.state, "绩效目标")!.cells.B2!;
    b2.fill = { color: "#00B050", pattern: "Solid" };
    await host.clearFindings();
    expect(findSheet(fake.state, "绩效目标")!.cells.B2).toEqual({
      value: "优秀 良好 一般",
      fill: { color: "#00B050", pattern: "Solid" },
    });
  });

  test("our note is removed on clear, a note the user edited is kept", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    await host.readSheets("all");
    await host.showFindings(findings);
    findSheet(fake.state, "绩效目标")!.cells.B4!.note!.content = "已核实，保留。";
    await host.clearFindings();
    const sheet = findSheet(fake.state, "绩效目标")!;
    expect(sheet.cells.B2?.note).toBeUndefined();
    expect(sheet.cells.B4?.note?.content).toBe("已核实，保留。");
    expect(sheet.cells.B6?.note).toEqual({ content: "我自己的备注", author: "张三" });
  });

  test("a protected sheet is refused before anything is written, with a plain message", async () => {
    const state = formattedWorkbook();
    state.sheets[1]!.protection = { protected: true };
    const { fake, host } = setUp(state);
    const before = fake.snapshot();
    await host.readSheets("all");
    const failure = await host.showFindings(findings).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).messageZh).toContain("工作表“第二张”受保护");
    expect((failure as HostError).messageEn).toContain('worksheet "第二张" is protected');
    expect(fake.snapshot()).toEqual(before);
  });

  test("a write that fails part-way (the sheet got protected meanwhile) leaves nothing half-applied", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    const before = fake.snapshot();
    await host.readSheets("all");
    fake.resetStats();
    // The second round trip of showFindings is the write; Excel refuses the paint on 第二张 with AccessDenied.
    fake.beforeSync = (index) => {
      if (index === 1) findSheet(fake.state, "第二张")!.protection = { protected: true };
    };
    const failure = await host.showFindings(findings).catch((e: unknown) => e);
    fake.beforeSync = null;
    expect(fake.syncs[1]!.error).toBe("AccessDenied");
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).messageZh).toContain("受保护");
    expect((failure as HostError).messageZh).toContain("已清除全部标记");
    expect((failure as HostError).messageEn).toContain("All highlights were removed");
    const after = fake.snapshot();
    delete findSheet(after, "第二张")!.protection;
    expect(after).toEqual(before);
  });

  test("an earlier highlight survives a refused second check and can still be cleared", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    const before = fake.snapshot();
    await host.readSheets("all");
    await host.showFindings(findings);
    const painted = fake.snapshot();
    findSheet(fake.state, "第二张")!.protection = { protected: true };
    await expect(host.showFindings(findings.slice(0, 2))).rejects.toBeInstanceOf(HostError);
    const unchanged = fake.snapshot();
    delete findSheet(unchanged, "第二张")!.protection;
    expect(unchanged).toEqual(painted);
    delete findSheet(fake.state, "第二张")!.protection;
    await host.clearFindings();
    expect(fake.snapshot()).toEqual(before);
  });

  test.each(["1.9", "1.13"] as const)(
    "with ExcelApi %s there are no notes, and highlight then clear is still exact",
    async (excelApi) => {
      const { fake, host } = setUp(formattedWorkbook(), { excelApi });
      expect(host.capabilities.notes).toBe(false);
      const before = fake.snapshot();
      await host.readSheets("all");
      await host.showFindings(findings);
      expect(fillOf(fake.state, "绩效目标", "B2")).toEqual({ color: HIGHLIGHT_COLORS.error.fill, pattern: "Solid" });
      expect(cellAt(findSheet(fake.state, "绩效目标")!, "B2")?.note).toBeUndefined();
      expect(fake.syncs.every((s) => s.error === null)).toBe(true);
      await host.clearFindings();
      expect(fake.snapshot()).toEqual(before);
    },
  );

  test("with ExcelApi 1.18 the host reports notes as a capability", () => {
    const { host } = setUp(emptyWorkbookState(), { excelApi: "1.18" });
    expect(host.capabilities.notes).toBe(true);
  });

  test("clearing a workbook that was never highlighted restores nothing and writes nothing", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    const before = fake.snapshot();
    expect(await host.clearFindings()).toBe(0);
    expect(fake.snapshot()).toEqual(before);
  });

  test("painting and clearing take two round trips each once the sheets were read", async () => {
    const { fake, host } = setUp(formattedWorkbook());
    await host.readSheets("all");
    fake.resetStats();
    await host.showFindings(findings);
    expect(fake.syncCount).toBe(2);
    fake.resetStats();
    await host.clearFindings();
    expect(fake.syncCount).toBe(2);
  });
});

describe("notes counted by the read", () => {
  /** Note look-ups on single cells (Worksheet.notes.getItemOrNullObject). */
  function noteLookups(requests: RecordedRequest[]): string[] {
    return requests
      .filter((r) => r.request.op === "getItemOrNullObject" && /\.notes\[/.test(r.request.path ?? ""))
      .map((r) => r.request.key!);
  }

  function noteCounts(requests: RecordedRequest[]): RecordedRequest[] {
    return requests.filter((r) => r.request.method === "getCount" && /\.notes$/.test(r.request.path ?? ""));
  }

  async function example(): Promise<FakeWorkbookState> {
    const state = await stateFromXlsxFile(path.join(__dirname, "../../examples/huailai-2022.xlsx"));
    expect(state.sheets.flatMap((s) => Object.values(s.cells)).filter((c) => c.note)).toEqual([]);
    return state;
  }

  /** The cells with a note, by sheet name and address, with the note. */
  function notesOf(state: FakeWorkbookState): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const sheet of state.sheets) {
      for (const [address, cell] of Object.entries(sheet.cells))
        if (cell.note) out[`${sheet.name}!${address}`] = cell.note;
    }
    return out;
  }

  test("a workbook without notes: a check paints and notes its findings without looking up a note per cell", async () => {
    const { fake, host } = setUp(await example());
    const sheets = await host.readSheets("all");
    const { issues } = checkWorkbook(sheets);
    const highlights = cellHighlights(issues);
    expect(highlights.length).toBeGreaterThanOrEqual(10);
    fake.resetStats();
    const requests = recordRequests();
    await host.showFindings(issues);
    expect(fake.syncs.map((s) => s.error)).toEqual([null, null]);
    expect(noteLookups(requests)).toEqual([]);
    // Instead, the sheet's count is checked once, in the look-up round trip.
    const sheetId = findSheet(fake.state, "Sheet1")!.id;
    expect(noteCounts(requests).map((r) => [r.sync, r.request.path])).toEqual([[0, `worksheets[${sheetId}].notes`]]);
    const expected: Record<string, unknown> = {};
    for (const h of highlights) expected[`${h.sheet}!${h.cell}`] = { content: noteText(h.issues), author: "Add-in" };
    expect(notesOf(fake.state)).toEqual(expected);
    for (const h of highlights) {
      expect([h.cell, cellAt(findSheet(fake.state, h.sheet)!, h.cell)?.fill?.color]).toEqual([
        h.cell,
        HIGHLIGHT_COLORS[h.severity].fill,
      ]);
    }
  });

  test("a sheet that had a note at the read gets a note look-up for every cell painted", async () => {
    const state = await example();
    state.sheets[0]!.cells.A1 = { ...state.sheets[0]!.cells.A1, note: { content: "表头说明", author: "张三" } };
    const { fake, host } = setUp(state);
    const { issues } = checkWorkbook(await host.readSheets("all"));
    const highlights = cellHighlights(issues);
    fake.resetStats();
    const requests = recordRequests();
    await host.showFindings(issues);
    expect(fake.syncCount).toBe(2);
    expect(noteCounts(requests)).toEqual([]);
    expect(noteLookups(requests).sort()).toEqual(highlights.map((h) => h.cell).sort());
    expect(findSheet(fake.state, "Sheet1")!.cells.A1!.note).toEqual({ content: "表头说明", author: "张三" });
  });

  test("a note the user adds on a finding cell after the read is kept; the other findings get ours", async () => {
    const { fake, host } = setUp(await example());
    const { issues } = checkWorkbook(await host.readSheets("all"));
    const highlights = cellHighlights(issues);
    const target = highlights.find((h) => h.severity === "error")!;
    const sheet = findSheet(fake.state, target.sheet)!;
    const users = { content: "已核实，保留。", author: "李四" };
    sheet.cells[target.cell]!.note = users;
    const before = fake.snapshot();
    fake.resetStats();
    const requests = recordRequests();
    await host.showFindings(issues);
    expect(fake.syncs.every((s) => s.error === null)).toBe(true);
    // The count gave the new note away: every cell was then looked up, the user's one too.
    expect(noteCounts(requests)).toHaveLength(1);
    expect(noteLookups(requests).sort()).toEqual(highlights.map((h) => h.cell).sort());
    const expected: Record<string, unknown> = {};
    for (const h of highlights) expected[`${h.sheet}!${h.cell}`] = { content: noteText(h.issues), author: "Add-in" };
    expected[`${target.sheet}!${target.cell}`] = users;
    expect(notesOf(fake.state)).toEqual(expected);
    expect(sheet.cells[target.cell]!.fill?.color).toBe(HIGHLIGHT_COLORS.error.fill);
    // Clearing takes our notes and colours away and leaves the user's note.
    expect(await host.clearFindings()).toBe(highlights.length);
    expect(fake.snapshot()).toEqual(before);
  });
});
