/**
 * The corpus of published tables (test/corpus/): builds each as a workbook, checks it as the command line
 * does, and prints per table and in total its findings against the expectations written from the spec:
 * precision and recall of errors and warnings, and the §2b patterns each table exercises.
 *   npm run corpus                 the report
 *   npm run corpus -- --out DIR    also write each table's workbook to DIR (to open it in Excel)
 *   npm run corpus -- --json       one JSON object instead
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../src/core/check";
import { readWorkbookBuffer } from "../src/xlsx/read";
import { PATTERNS, type CorpusTable, type Pattern } from "../test/corpus/format";
import { findingKey, scoreTable, totals, type Scored, type TableScore } from "../test/corpus/score";
import { CORPUS } from "../test/corpus/tables";
import { corpusWorkbookBytes } from "../test/corpus/workbook";

export async function runCorpus(tables: readonly CorpusTable[], outDir: string | null) {
  const scores: { table: CorpusTable; score: TableScore }[] = [];
  for (const table of tables) {
    const bytes = await corpusWorkbookBytes(table);
    if (outDir) writeFileSync(path.join(outDir, `${table.id}.xlsx`), bytes);
    const result = checkWorkbook(await readWorkbookBuffer(bytes, `${table.id}.xlsx`));
    scores.push({ table, score: scoreTable(table, result.issues) });
  }
  return scores;
}

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf("--out");
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1] ?? "corpus-workbooks") : null;
  if (outDir) mkdirSync(outDir, { recursive: true });
  const scores = await runCorpus(CORPUS, outDir);
  const all = totals(scores.map((s) => s.score));
  const bySeverity = (severity: string) =>
    totals(
      scores.map(({ score }) => ({
        id: score.id,
        matched: score.matched.filter((f) => f.severity === severity),
        unexpected: score.unexpected.filter((f) => f.severity === severity),
        missed: score.missed.filter((f) => f.severity === severity),
      })),
    );
  if (args.includes("--json")) {
    console.log(
      JSON.stringify({ tables: scores.map((s) => ({ ...s.score, patterns: s.table.patterns })), total: all }),
    );
    return;
  }
  const provinces = new Set(CORPUS.map((t) => t.province));
  console.log(
    `Corpus: ${CORPUS.length} published tables from ${provinces.size} provinces (${[...provinces].join("、")})\n`,
  );
  for (const { table, score } of scores) {
    const mark = score.unexpected.length + score.missed.length === 0 ? "ok " : "DIFF";
    console.log(
      `${mark} ${table.id.padEnd(44)} ${table.province}  matched ${score.matched.length}, false ${score.unexpected.length}, missed ${score.missed.length}  [${table.patterns.join(", ")}]`,
    );
    const known = new Set((table.knownDifferences ?? []).map((d) => d.finding));
    const tag = (kind: string, f: Scored) => (known.has(`${kind}: ${findingKey(f)}`) ? "  (known, see the table)" : "");
    for (const f of score.unexpected) console.log(`       false alarm: ${findingKey(f)}${tag("unexpected", f)}`);
    for (const f of score.missed) console.log(`       missed:      ${findingKey(f)}${tag("missed", f)}`);
  }
  console.log("\nPatterns (tables / provinces):");
  for (const pattern of Object.keys(PATTERNS) as Pattern[]) {
    const using = CORPUS.filter((t) => t.patterns.includes(pattern));
    console.log(
      `  ${pattern.padEnd(18)} ${String(using.length).padStart(2)} / ${new Set(using.map((t) => t.province)).size}`,
    );
  }
  console.log("");
  for (const [label, t] of [
    ["errors", bySeverity("error")],
    ["warnings", bySeverity("warning")],
    ["infos (layout-unsupported)", bySeverity("info")],
    ["total", all],
  ] as const) {
    console.log(
      `${label.padEnd(28)} expected ${t.matched + t.missed}, reported ${t.matched + t.unexpected}, matched ${t.matched}: precision ${percent(t.precision)}, recall ${percent(t.recall)}`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
