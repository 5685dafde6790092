/**
 * Painting many cells: cells of one colour go to Excel as address lists (a few calls, not one per
 * cell), the look-up before painting uses the same lists, and a write round trip Excel refuses as
 * too large is sent again in halves with the same result.
 */
import { columnName } from "../../src/core/address";
import type { Issue } from "../../src/core/report";
import { ExcelHost, HIGHLIGHT_COLORS } from "../../src/excel";
import { detectFeatures } from "../../src/excel/requirements";
import { cellAt, emptyWorkbookState, findSheet, type FakeWorkbookState } from "../fakes/excel";
import { FakeWorksheet } from "../fakes/excel/objects";
import { issue, recordRequests, setUp, tearDown } from "./helpers";

afterEach(() => {
  jest.restoreAllMocks();
  tearDown();
});

/** 600 rows of text in A:C; findings on every other row of B (errors) and every third of C (warnings). */
function bigSheet(): { state: FakeWorkbookState; findings: Issue[] } {
  const state = emptyWorkbookState(["绩效目标"]);
  const cells: FakeWorkbookState["sheets"][number]["cells"] = {};
  const findings: Issue[] = [];
  for (let r = 1; r <= 600; r++) {
    for (let c = 0; c < 3; c++) cells[`${columnName(c)}${r}`] = { value: `第${r}行${c}` };
    if (r % 2 === 0) findings.push(issue("绩效目标", `B${r}`));
    if (r % 3 === 0)
      findings.push(issue("绩效目标", `C${r}`, "warning", "指标值只说明了变化方向。", "Direction only."));
  }
  // One cell with its own patterned fill, which the look-up must read and a clear must bring back.
  cells.B2 = { value: "自有格式", fill: { color: "#DDEBF7", pattern: "Gray25", patternColor: "#4472C4", tint: 0.4 } };
  state.sheets[0]!.cells = cells;
  return { state, findings };
}

describe("painting many cells", () => {
  test("500 cells are looked up and painted with a few calls each way, every cell in its colours", async () => {
    const { state, findings } = bigSheet();
    // ExcelApi 1.13: no notes, so the calls counted are the look-ups and the paint alone.
    const { fake, host } = setUp(state, { excelApi: "1.13" });
    await host.readSheets("all");
    fake.resetStats();
    await host.showFindings(findings);
    expect(fake.syncs.map((s) => s.error)).toEqual([null, null]);
    const [lookUp, paint] = fake.syncs;
    const painted = new Set(findings.map((f) => f.cell)).size;
    expect(painted).toBe(500);
    // One call per cell would be at least 500 actions each way.
    expect(lookUp!.actions).toBeLessThan(40);
    expect(paint!.actions).toBeLessThan(60);
    const sheet = findSheet(fake.state, "绩效目标")!;
    for (const f of findings) {
      const cell = cellAt(sheet, f.cell)!;
      const colors = HIGHLIGHT_COLORS[f.severity as "error" | "warning"];
      // B6, B12, ... carry both an error and a warning: the error wins.
      const expected = findings.some((g) => g.cell === f.cell && g.severity === "error")
        ? HIGHLIGHT_COLORS.error
        : colors;
      expect(cell.fill).toMatchObject({ color: expected.fill, pattern: "Solid" });
      expect(cell.fill?.tint ?? 0).toBe(0);
      expect(cell.font?.color).toBe(expected.font);
    }
    expect(cellAt(sheet, "A2")?.fill).toBeUndefined();
    // Clearing reads the look through the same lists and restores the patterned fill exactly.
    await host.clearFindings();
    expect(cellAt(sheet, "B2")?.fill).toEqual({
      color: "#DDEBF7",
      pattern: "Gray25",
      patternColor: "#4472C4",
      tint: 0.4,
    });
    expect(cellAt(sheet, "B4")?.fill).toBeUndefined();
    expect(cellAt(sheet, "C3")?.font).toBeUndefined();
  });

  test("a look-up or a write refused as too large is sent again in halves, with the same result", async () => {
    const { state, findings } = bigSheet();
    const expected = setUp(structuredClone(state));
    await expected.host.readSheets("all");
    await expected.host.showFindings(findings);
    const want = expected.fake.snapshot();
    tearDown();

    // Excel enforces a cap below both the look-up's response and the paint's request (about 105,000
    // and 131,000 characters); the host believes in a far larger one, so both are refused once.
    const { fake } = setUp(structuredClone(state), { platform: "OfficeOnline", payloadLimit: 100_000 });
    const host = new ExcelHost({ ...detectFeatures(), payloadLimit: 50_000_000 });
    await host.readSheets("all");
    fake.resetStats();
    await host.showFindings(findings);
    const errors = fake.syncs.map((s) => s.error).filter((e) => e !== null);
    expect(errors).toContain("ResponsePayloadSizeLimitExceeded");
    expect(errors).toContain("RequestPayloadSizeLimitExceeded");
    expect(
      errors.every((e) => e === "ResponsePayloadSizeLimitExceeded" || e === "RequestPayloadSizeLimitExceeded"),
    ).toBe(true);
    expect(fake.snapshot()).toEqual(want);
  });
});

describe("if Excel joined the cells of an address list into larger areas", () => {
  test("cells whose looks differ are read one by one, and a clear still restores each exactly", async () => {
    const state = emptyWorkbookState(["绩效目标"]);
    state.sheets[0]!.cells = {
      B2: { value: "一", fill: { color: "#DDEBF7", pattern: "Solid" } },
      B3: { value: "二", font: { color: "#FF0000" } },
      B4: { value: "三" },
      C2: { value: "四" },
      C3: { value: "五" },
    };
    const findings = ["B2", "B3", "B4", "C2", "C3"].map((cell) => issue("绩效目标", cell));
    const { fake, host } = setUp(state, { excelApi: "1.13" });
    const before = fake.snapshot();
    // Join vertical neighbours: "B2,B3,B4,C2,C3" becomes "B2:B4,C2:C3".
    const original = FakeWorksheet.prototype.getRanges;
    jest.spyOn(FakeWorksheet.prototype, "getRanges").mockImplementation(function (this: FakeWorksheet, address) {
      return original.call(this, joinColumns(address ?? ""));
    });
    const requests = recordRequests();
    await host.readSheets("all");
    await host.showFindings(findings);
    const sheet = findSheet(fake.state, "绩效目标")!;
    for (const cell of ["B2", "B3", "B4", "C2", "C3"]) expect(cellAt(sheet, cell)?.fill?.color).toBe("#FFC7CE");
    // B2:B4 differ in look, so they were read cell by cell; C2:C3 share theirs and were not.
    expect(requests.filter((r) => r.request.method === "getCellProperties").length).toBeGreaterThan(0);
    await host.clearFindings();
    expect(fake.snapshot()).toEqual(before);
  });
});

function joinColumns(address: string): string {
  const cells = address.split(",").map((a) => /^([A-Z]+)(\d+)$/.exec(a.trim())!);
  const out: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    let j = i;
    while (
      j + 1 < cells.length &&
      cells[j + 1]![1] === cells[i]![1] &&
      Number(cells[j + 1]![2]) === Number(cells[j]![2]) + 1
    )
      j++;
    out.push(j === i ? cells[i]![0] : `${cells[i]![0]}:${cells[j]![0]}`);
    i = j;
  }
  return out.join(",");
}
