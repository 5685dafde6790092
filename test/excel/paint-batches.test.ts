/**
 * Painting many cells: cells of one colour go to Excel as address lists (a few calls, not one per
 * cell), the look-up before painting uses the same lists, and a write round trip Excel refuses as
 * too large is sent again in halves with the same result.
 */
import { columnName } from "../../src/core/address";
import type { Issue } from "../../src/core/report";
import { ExcelHost, HIGHLIGHT_COLORS } from "../../src/excel";
import { addressLists } from "../../src/excel/highlight";
import { detectFeatures } from "../../src/excel/requirements";
import { cellAt, emptyWorkbookState, findSheet, type FakeWorkbookState } from "../fakes/excel";
import { issue, setUp, tearDown } from "./helpers";

afterEach(tearDown);

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

describe("address lists", () => {
  test("hold every cell once, in order, and stay within 1,000 characters", () => {
    const cells = Array.from({ length: 2_000 }, (_, i) => `${columnName(i % 30)}${i + 1}`);
    const lists = addressLists(cells);
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.every((list) => list.length <= 1_000)).toBe(true);
    expect(lists.join(",").split(",")).toEqual(cells);
    expect(addressLists([])).toEqual([]);
  });
});

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

  test("a write round trip refused as too large is sent again in halves, with the same result", async () => {
    const { state, findings } = bigSheet();
    const expected = setUp(structuredClone(state));
    await expected.host.readSheets("all");
    await expected.host.showFindings(findings);
    const want = expected.fake.snapshot();
    tearDown();

    // Excel enforces a cap above the look-up's response (about 91,000 characters) and below the
    // paint's request (about 131,000); the host believes in a far larger one, so its paint is refused.
    const { fake } = setUp(structuredClone(state), { platform: "OfficeOnline", payloadLimit: 100_000 });
    const host = new ExcelHost({ ...detectFeatures(), payloadLimit: 50_000_000 });
    await host.readSheets("all");
    fake.resetStats();
    await host.showFindings(findings);
    const refused = fake.syncs.filter((s) => s.error === "RequestPayloadSizeLimitExceeded");
    expect(refused.length).toBeGreaterThan(0);
    expect(fake.syncs.every((s) => s.error === null || s.error === "RequestPayloadSizeLimitExceeded")).toBe(true);
    expect(fake.snapshot()).toEqual(want);
  });
});
