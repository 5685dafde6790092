/**
 * The corpus of published tables: each table, built as a workbook and checked as the command line does,
 * gives exactly its expected errors, warnings and layout infos, apart from the differences it lists as
 * known (each with its reason); the totals stay at or above 0.95 precision and recall.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import { readWorkbookBuffer } from "../../src/xlsx/read";
import { PATTERNS, type Pattern } from "./format";
import { findingKey, scoreTable, totals, type TableScore } from "./score";
import { CORPUS } from "./tables";
import { corpusWorkbookBytes } from "./workbook";

const scores = new Map<string, TableScore>();

beforeAll(async () => {
  for (const table of CORPUS) {
    const bytes = await corpusWorkbookBytes(table);
    const { issues } = checkWorkbook(await readWorkbookBuffer(bytes, `${table.id}.xlsx`));
    scores.set(table.id, scoreTable(table, issues));
  }
}, 60_000);

test("the index lists every table file, and each file's id is its name", () => {
  const files = readdirSync(path.join(__dirname, "tables"))
    .filter((name) => name.endsWith(".ts") && name !== "index.ts")
    .map((name) => name.slice(0, -3));
  expect(CORPUS.map((t) => t.id).sort()).toEqual(files.sort());
});

/**
 * §2b patterns for which the stored pages searched so far held a real table from only one province (or
 * none): each is covered by its own unit tests in test/core/layouts.test.ts. The test fails when one of
 * them gains its second province (remove it here) or another pattern falls below two.
 */
const THIN_PATTERNS: Pattern[] = ["level-synonyms", "unit-none", "date-serial-split", "flat-list"];

test("at least 30 tables from at least 12 provinces; every §2b pattern in two provinces but the thin ones", () => {
  expect(CORPUS.length).toBeGreaterThanOrEqual(30);
  expect(new Set(CORPUS.map((t) => t.province)).size).toBeGreaterThanOrEqual(12);
  const thin = (Object.keys(PATTERNS) as Pattern[]).filter(
    (pattern) => new Set(CORPUS.filter((t) => t.patterns.includes(pattern)).map((t) => t.province)).size < 2,
  );
  expect(thin).toEqual(THIN_PATTERNS);
});

describe.each(CORPUS.map((t) => [t.id, t] as const))("%s", (id, table) => {
  test("gives its expected findings, apart from its known differences", () => {
    const score = scores.get(id)!;
    const differences = [
      ...score.unexpected.map((f) => `unexpected: ${findingKey(f)}`),
      ...score.missed.map((f) => `missed: ${findingKey(f)}`),
    ].sort();
    expect(differences).toEqual((table.knownDifferences ?? []).map((d) => d.finding).sort());
  });
});

test("precision and recall of at least 0.95 over the corpus", () => {
  const total = totals([...scores.values()]);
  expect(total.precision).toBeGreaterThanOrEqual(0.95);
  expect(total.recall).toBeGreaterThanOrEqual(0.95);
});
