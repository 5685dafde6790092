/**
 * Large sheets: 20,000 rows × 10 columns are read and painted in at most four round trips, and
 * 100,000 rows still work under Excel on the web's 5 MB payload cap.
 */
import { columnName } from "../../src/core/address";
import type { Issue } from "../../src/core/report";
import { WEB_PAYLOAD_LIMIT, sheetId, type FakeCell, type FakeWorkbookState } from "../fakes/excel";
import { issue, setUp, tearDown } from "./helpers";

afterEach(tearDown);

const LEVEL1 = ["产出指标", "效益指标", "满意度指标"];
const LEVEL2 = ["数量指标", "质量指标", "时效指标", "成本指标", "社会效益指标"];

/** An indicator table of `rows` rows and ten columns, laid out like the Hebei form. */
function bigSheet(rows: number): FakeWorkbookState {
  const cells: Record<string, FakeCell> = {};
  const merges: string[] = [];
  for (let r = 0; r < rows; r++) {
    const row = r + 1;
    if (r % 10 === 0) {
      cells[`A${row}`] = { value: LEVEL1[(r / 10) % 3]! };
      merges.push(`A${row}:A${Math.min(rows, row + 9)}`);
    }
    cells[`B${row}`] = { value: LEVEL2[r % 5]! };
    cells[`C${row}`] = { value: `会议次数${r}` };
    cells[`D${row}`] = { value: `重要会议召开次数${r}` };
    cells[`E${row}`] = r % 3 === 0 ? { value: 0.95, numberFormat: "0%" } : { value: "≥2次" };
    cells[`F${row}`] = { value: "年初工作计划" };
    cells[`G${row}`] = { value: 183.6, numberFormat: "0.00" };
    cells[`H${row}`] = { value: 45291, numberFormat: "yyyy-mm-dd" };
    if (r % 4 === 0) cells[`I${row}`] = { value: "备注" };
    cells[`J${row}`] = { value: r };
  }
  return {
    sheets: [{ name: "绩效目标", id: sheetId(0), cells, merges }],
    activeSheet: "绩效目标",
    customXmlParts: [],
    names: [],
  };
}

/** One finding every ten rows, on the value column, errors and warnings alternating. */
function findingsFor(rows: number): Issue[] {
  const out: Issue[] = [];
  for (let r = 5; r < rows; r += 10)
    out.push(issue("绩效目标", `E${r + 1}`, out.length % 2 === 0 ? "error" : "warning"));
  return out;
}

describe("large sheets", () => {
  test("20,000 rows × 10 columns: read and paint in at most four round trips", async () => {
    const { fake, host } = setUp(bigSheet(20_000));
    fake.resetStats();
    const [snapshot] = await host.readSheets("all");
    expect(snapshot!.values).toHaveLength(20_000);
    expect(snapshot!.values[19_999]![9]).toBe(19_999);
    expect(snapshot!.texts[3]![4]).toBe("95%");
    expect(snapshot!.merges).toHaveLength(2_000);
    await host.showFindings(findingsFor(20_000));
    expect(fake.syncCount).toBeLessThanOrEqual(4);
    expect(fake.syncs.every((s) => s.error === null)).toBe(true);
    expect(fake.state.sheets[0]!.cells.E6!.fill).toEqual({ color: "#FFC7CE", pattern: "Solid" });
  }, 60_000);

  test("20,000 rows × 10 columns under the 5 MB cap: every round trip stays under it", async () => {
    const { fake, host } = setUp(bigSheet(20_000), { platform: "OfficeOnline" });
    fake.resetStats();
    await host.readSheets("all");
    await host.showFindings(findingsFor(20_000));
    expect(fake.syncs.every((s) => s.requestChars <= WEB_PAYLOAD_LIMIT && s.responseChars <= WEB_PAYLOAD_LIMIT)).toBe(
      true,
    );
    expect(fake.syncs.filter((s) => s.error !== null).length).toBeLessThanOrEqual(1);
  }, 60_000);

  test("100,000 rows under the 5 MB cap: read whole, painted, cleared", async () => {
    const { fake, host } = setUp(bigSheet(100_000), { platform: "OfficeOnline" });
    fake.resetStats();
    const [snapshot] = await host.readSheets("all");
    expect(snapshot!.values).toHaveLength(100_000);
    expect(snapshot!.values.map((row) => row[9])).toEqual(Array.from({ length: 100_000 }, (_, i) => i));
    expect(snapshot!.merges).toHaveLength(10_000);
    const findings = findingsFor(100_000);
    await host.showFindings(findings);
    const cells = fake.state.sheets[0]!.cells;
    expect(findings.every((f) => cells[f.cell]!.fill?.pattern === "Solid")).toBe(true);
    expect(await host.clearFindings()).toBe(findings.length);
    expect(cells.E6).toEqual({ value: "≥2次" });
    // Whatever Excel on the web refused was retried smaller; every round trip that went through fits the cap.
    const passed = fake.syncs.filter((s) => s.error === null);
    expect(passed.every((s) => s.requestChars <= WEB_PAYLOAD_LIMIT && s.responseChars <= WEB_PAYLOAD_LIMIT)).toBe(true);
    expect(columnName(9)).toBe("J");
    if (process.env.EXCEL_HOST_FIGURES) process.stdout.write(`${JSON.stringify(fake.syncs)}\n`);
  }, 180_000);
});
