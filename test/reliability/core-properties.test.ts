/**
 * Property-based tests of the checking core: random sheets and random mutations of the example tables.
 * Invariants: checkWorkbook never throws; every finding lies inside its sheet and its table's range;
 * the same input gives the same report and is left unchanged; the report validates against reportSchema.
 */
import fc from "fast-check";
import { parseA1, parseRangeA1, rangeContains } from "../../src/core/address";
import { checkWorkbook, type CheckOptions, type WorkbookCheck } from "../../src/core/check";
import { reportSchema, summarize } from "../../src/core/report";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { mutatedExample, randomWorkbook, EXAMPLES } from "./generators";

/** Runs per property; the total is asserted at the end so the recorded figure stays true. */
const RUNS = { randomWorkbooks: 1500, mutatedExamples: 1500, mutationChains: 300 };
const EXPECTED_CASES = RUNS.randomWorkbooks + RUNS.mutatedExamples + RUNS.mutationChains;
let generatedCases = 0;

const checkOptions: fc.Arbitrary<CheckOptions> = fc.record(
  {
    framework: fc.constantFrom("auto" as const, "legacy" as const, "2021" as const),
    year: fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }),
  },
  { requiredKeys: [] },
);

/** Broken invariants of one result for its input, as readable sentences; empty when all hold. */
function invariantViolations(sheets: readonly SheetSnapshot[], result: WorkbookCheck): string[] {
  const problems: string[] = [];
  const sheetIndex = new Map(sheets.map((s, i) => [s.name, i]));
  let previous: [number, number, number] = [-1, -1, -1];
  for (const issue of result.issues) {
    const where = `${issue.rule} at ${issue.sheet}!${issue.cell}`;
    const index = sheetIndex.get(issue.sheet);
    const ref = parseA1(issue.cell);
    if (index === undefined || !ref) {
      problems.push(`${where}: unknown sheet or bad address`);
      continue;
    }
    const sheet = sheets[index];
    const width = Math.max(0, ...sheet.values.map((row) => row.length));
    if (ref.row >= sheet.values.length || ref.col >= width) {
      problems.push(`${where} lies outside the sheet (${sheet.values.length}×${width})`);
    }
    if (issue.table !== null) {
      const table = result.tables[issue.table];
      const range = table ? parseRangeA1(table.range) : null;
      if (!table || table.sheet !== issue.sheet || !range || !rangeContains(range, ref.row, ref.col)) {
        problems.push(`${where} lies outside its table ${table ? `${table.sheet}!${table.range}` : issue.table}`);
      }
    }
    if (issue.fix !== null && issue.fix.cell !== issue.cell)
      problems.push(`${where} offers a fix for ${issue.fix.cell}`);
    const position: [number, number, number] = [index, ref.row, ref.col];
    if (compare(position, previous) < 0) problems.push(`${where} is out of order`);
    previous = position;
  }
  for (const table of result.tables) {
    const range = parseRangeA1(table.range);
    const sheet = sheets[sheetIndex.get(table.sheet) ?? -1];
    if (!range || !sheet || range.bottom >= sheet.values.length) {
      problems.push(`table ${table.sheet}!${table.range} lies outside its sheet`);
    }
  }
  const summary = summarize(result.issues);
  if (JSON.stringify(summary) !== JSON.stringify(result.summary)) problems.push("the summary miscounts the findings");
  const parsed = reportSchema.safeParse({ version: 1, files: [{ file: "工作簿.xlsx", ...result }] });
  if (!parsed.success) problems.push(`the report does not validate: ${parsed.error.message}`);
  return problems;
}

/** Checks the input, then every invariant: never throws, input unchanged, same input same report. */
function assertInvariants(sheets: SheetSnapshot[], options: CheckOptions): void {
  const before = structuredClone(sheets);
  let result: WorkbookCheck;
  try {
    result = checkWorkbook(sheets, options);
  } catch (error) {
    throw new Error(`checkWorkbook threw: ${(error as Error).stack ?? String(error)}`);
  }
  const input = JSON.stringify(before);
  if (JSON.stringify(sheets) !== input) throw new Error("checkWorkbook changed its input");
  const problems = invariantViolations(sheets, result);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  if (JSON.stringify(checkWorkbook(JSON.parse(input), options)) !== JSON.stringify(result)) {
    throw new Error("the same input gave a different report");
  }
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

describe("checkWorkbook on generated input", () => {
  afterAll(() => {
    expect(generatedCases).toBe(EXPECTED_CASES);
  });

  test(`random workbooks (${RUNS.randomWorkbooks} cases): text incl. CJK and indicator words, numbers, dates, booleans, errors, merges, empty rows`, () => {
    fc.assert(
      fc.property(randomWorkbook, checkOptions, (sheets, options) => {
        generatedCases++;
        assertInvariants(sheets, options);
      }),
      { numRuns: RUNS.randomWorkbooks },
    );
  }, 60_000);

  test(`mutated example tables (${RUNS.mutatedExamples} cases): cells deleted, swapped, merged, full-width, stray spaces, huge text`, () => {
    fc.assert(
      fc.property(mutatedExample, checkOptions, (sheet, options) => {
        generatedCases++;
        assertInvariants([sheet], options);
      }),
      { numRuns: RUNS.mutatedExamples },
    );
  }, 60_000);

  test(`the three examples mutated together in one workbook (${RUNS.mutationChains} cases)`, () => {
    fc.assert(
      fc.property(fc.array(mutatedExample, { minLength: 2, maxLength: 3 }), checkOptions, (sheets, options) => {
        generatedCases++;
        const named = sheets.map((sheet, i) => ({ ...sheet, name: `${sheet.name}${i}` }));
        assertInvariants(named, options);
      }),
      { numRuns: RUNS.mutationChains },
    );
  }, 60_000);
});

describe("the invariant checker itself", () => {
  test("the unmutated examples pass it", () => {
    for (const example of Object.values(EXAMPLES)) assertInvariants([example()], {});
  });

  test("it names each kind of broken invariant", () => {
    const sheets = [EXAMPLES.julu()];
    const result = checkWorkbook(sheets);
    expect(invariantViolations(sheets, result)).toEqual([]);
    const first = result.issues[0];
    const tampered: WorkbookCheck = {
      tables: [...result.tables, { ...result.tables[0], range: "A1:G99" }],
      issues: [
        { ...first, cell: "Z99" },
        { ...first, cell: "A1", table: 0, fix: { cell: "B2", value: "x" } },
        { ...first, cell: "H1", table: null },
        { ...first, rule: "Not A Rule", cell: "A1", table: 5 },
      ],
      summary: result.summary,
    };
    const problems = invariantViolations(sheets, tampered).join("\n");
    expect(problems).toMatch(/Z99 lies outside the sheet/);
    expect(problems).toMatch(/Z99 lies outside its table/);
    expect(problems).toMatch(/offers a fix for B2/);
    expect(problems).toMatch(/H1 lies outside the sheet/);
    expect(problems).toMatch(/A1 lies outside its table 5/);
    expect(problems).toMatch(/is out of order/);
    expect(problems).toMatch(/A1:G99 lies outside its sheet/);
    expect(problems).toMatch(/summary miscounts/);
    expect(problems).toMatch(/does not validate/);
  });
});
