/** Defects the generated inputs found in the checking core, each pinned by the smallest table that showed it. */
import { checkWorkbook } from "../../src/core/check";
import { headerColumnKey } from "../../src/core/locate";
import { parseA1, parseRangeA1, rangeContains } from "../../src/core/address";
import { cleanRows, CLEAN_MERGES } from "../support/clean-table";
import { sheetOf, type TestCell } from "../support/sheet";

/** The clean table with its grid header over two rows: 绩效指标 groups the sub-columns named in the row below. */
function twoRowHeaderRows(): TestCell[][] {
  const rows = cleanRows();
  // prettier-ignore
  rows.splice(8, 1,
    ["一级指标", "二级指标", "绩效指标", null, null, null, null],
    [null, null, "三级指标", "绩效指标描述", "指标值", "指标值确定依据", null],
  );
  return rows;
}
const TWO_ROW_MERGES = [
  ...CLEAN_MERGES.filter((m) => !/^A1[04]:/.test(m)),
  "A9:A10",
  "B9:B10",
  "C9:F9",
  "A11:A14",
  "A15:A16",
];

describe("a grid header over two rows with a grouping heading", () => {
  test("is one table with no findings, not a broken grid and a headless one", () => {
    const result = checkWorkbook([sheetOf("项目", twoRowHeaderRows(), TWO_ROW_MERGES)]);
    expect(result.tables.map((t) => t.range)).toEqual(["A1:G17"]);
    expect(result.issues).toEqual([]);
  });

  test("still reports a missing indicator group under it", () => {
    const rows = twoRowHeaderRows();
    rows.splice(16, 1);
    const result = checkWorkbook([sheetOf("项目", rows, TWO_ROW_MERGES)]);
    expect(result.issues.map((i) => `${i.rule} ${i.cell}`)).toEqual(["level1-missing A9"]);
  });
});

test("a finding in a merged area that starts outside the grid lies inside its table's range", () => {
  // A bare grid from column B; row 4's level-1 cell is merged in from column A.
  // prettier-ignore
  const rows: TestCell[][] = [
    [null, "一级指标", "二级指标", "三级指标", "指标值"],
    [null, "产出指标", "数量指标", "召开会议次数", "≥6次"],
    [null, null, "质量指标", "会议材料准确率", "≥98%"],
    ["未知指标", null, "时效指标", "完成时限", "12月底前"],
  ];
  const result = checkWorkbook([sheetOf("表", rows, ["A4:B4"])]);
  const unknown = result.issues.find((i) => i.rule === "level1-unknown");
  expect(unknown?.cell).toBe("A4");
  for (const issue of result.issues) {
    const ref = parseA1(issue.cell)!;
    const range = parseRangeA1(result.tables[issue.table ?? 0].range)!;
    expect(rangeContains(range, ref.row, ref.col)).toBe(true);
  }
});

test("a huge cell of brackets is not read as a grid header name", () => {
  // Stripping bracketed notes from such a text was quadratic: 0.5 s per cell of 32,767 characters.
  expect(headerColumnKey("（".repeat(32767))).toBeNull();
  expect(headerColumnKey("三级指标（指标名称）")).toBe("level3");
});
