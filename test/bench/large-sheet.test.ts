/** A single sheet far larger than any reviewer's still gets a full report. */
import { checkWorkbook } from "../../src/core/check";
import { normalizeSnapshot, type CellValue } from "../../src/core/snapshot";

it("checks a sheet with 150,000 findings (more arguments than one call may take)", () => {
  const rows: CellValue[][] = [["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]];
  for (let i = 0; i < 50000; i++) {
    // Three warnings a row: the description repeats the name, the value has no unit, no basis.
    rows.push([i === 0 ? "产出指标" : null, i === 0 ? "数量指标" : null, `会议${i}`, `会议${i}`, "5", null]);
  }
  const snapshot = normalizeSnapshot({
    name: "Sheet1",
    values: rows,
    texts: rows.map((row) => row.map((v) => (v === null ? "" : String(v)))),
    numberFormats: [],
    merges: [],
  });
  const result = checkWorkbook([snapshot]);
  const count = (rule: string) => result.issues.filter((issue) => issue.rule === rule).length;
  expect(count("description-repeats-name")).toBe(50000);
  expect(count("unit-missing")).toBe(50000);
  expect(count("basis-missing")).toBe(50000);
  expect(result.summary.warnings).toBeGreaterThanOrEqual(150000);
});
