import path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbookFile } from "../../src/xlsx/read";
import { generateWorkbook, toSnapshots, writeWorkbook } from "../../scripts/bench/workbook";
import { xlsxBytes } from "../../scripts/bench/xlsx-writer";
import { scratchFolder } from "../xlsx/helpers";

describe("the benchmark's workbooks", () => {
  it("are the same for the same seed, to the byte", () => {
    const a = generateWorkbook(400, 11);
    const b = generateWorkbook(400, 11);
    expect(a).toEqual(b);
    expect(xlsxBytes(a).equals(xlsxBytes(b))).toBe(true);
    expect(generateWorkbook(400, 12)).not.toEqual(a);
  });

  it("hold about the indicator rows asked for, as project tables spread over four sheets", () => {
    const book = generateWorkbook(2000);
    expect(book.indicatorRows).toBeGreaterThanOrEqual(2000);
    expect(book.indicatorRows).toBeLessThan(2000 + 4 * 16);
    expect(book.sheets).toHaveLength(4);
    const result = checkWorkbook(toSnapshots(book));
    expect(result.tables).toHaveLength(book.tables);
    expect(result.tables.every((t) => t.kind === "project")).toBe(true);
    expect(new Set(result.tables.map((t) => t.framework))).toEqual(new Set(["legacy", "2021"]));
  });

  it("read back from the written file exactly as generated", async () => {
    const { dir, cleanup } = await scratchFolder();
    try {
      const book = generateWorkbook(500, 3);
      const file = path.join(dir, "bench.xlsx");
      writeWorkbook(book, file);
      expect(await readWorkbookFile(file)).toEqual(toSnapshots(book));
    } finally {
      await cleanup();
    }
  });

  it("carry a realistic share of the defects reviewers send back, and mostly clean tables", () => {
    const book = generateWorkbook(3000);
    const result = checkWorkbook(toSnapshots(book));
    const byRule = new Map<string, number>();
    for (const issue of result.issues) byRule.set(issue.rule, (byRule.get(issue.rule) ?? 0) + 1);
    for (const rule of [
      "value-option-list",
      "value-vague",
      "unit-missing",
      "description-repeats-name",
      "placeholder-text",
      "spending-plan-unit",
      "budget-sources-mismatch",
      "project-code-format",
      "satisfaction-target",
      "value-normalizable",
      "indicator-duplicate",
    ]) {
      expect(byRule.get(rule) ?? 0).toBeGreaterThan(0);
    }
    // Nothing structural goes wrong: every table is found and read as a project table.
    expect(byRule.get("no-table") ?? 0).toBe(0);
    expect(byRule.get("header-block-missing") ?? 0).toBe(0);
    expect(byRule.get("project-name-missing") ?? 0).toBe(0);
    const tablesWithErrors = new Set(result.issues.filter((i) => i.severity === "error").map((i) => i.table));
    expect(tablesWithErrors.size / result.tables.length).toBeGreaterThan(0.2);
    expect(tablesWithErrors.size / result.tables.length).toBeLessThan(0.8);
  });
});
