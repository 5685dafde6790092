/**
 * The batch benchmark (issue 15): 200 small workbooks in one folder, checked by the bundled command
 * line as a reviewer runs it, with the default number of threads (one per core) and with --jobs 1,
 * side by side (the two alternate, so other work on the machine falls on both alike). Target: the
 * default run takes at most 0.7x the wall time of --jobs 1. Prints its own section and one JSON line.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { generateWorkbook, writeWorkbook } from "./workbook";

const FILES = 200;
/** Indicator rows per workbook: a small project table or two, as units submit them. */
const ROWS_PER_FILE = 30;
const PAIRS = 5;
const TARGET_RATIO = 0.7;

export interface BatchFigures {
  files: number;
  rowsPerFile: number;
  cores: number;
  defaultMs: number[];
  jobs1Ms: number[];
  defaultMedianMs: number;
  jobs1MedianMs: number;
  ratio: number;
  /** The fastest run of each, and their ratio: what the machine gives when nothing else runs on it. */
  defaultFastestMs: number;
  jobs1FastestMs: number;
  fastestRatio: number;
  target: number;
  met: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One run of `node dist/cli.cjs check <folder> --json`, output discarded; its wall time in ms. */
function timedRun(cli: string, folder: string, extra: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, "check", folder, "--json", ...extra], {
    stdio: ["ignore", "ignore", "pipe"],
    encoding: "utf8",
  });
  const ms = performance.now() - started;
  // Status 1: the generated tables carry the defects reviewers send back. Anything else is a failure.
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`check of the batch folder ended with status ${result.status}: ${result.stderr}`);
  }
  return ms;
}

/** Generates the batch in `scratch`, measures both ways, logs the section, returns the figures. */
export function measureBatch(scratch: string, log: (text: string) => void): BatchFigures {
  const root = path.join(__dirname, "..");
  // The command line as shipped: rebuild the bundle so the figures are of the current sources.
  execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: root, stdio: "inherit" });
  const cli = path.join(root, "dist", "cli.cjs");
  const folder = path.join(scratch, "batch");
  mkdirSync(folder, { recursive: true });
  try {
    for (let i = 0; i < FILES; i++) {
      const book = generateWorkbook(ROWS_PER_FILE, 20240601 + i, 1);
      writeWorkbook(book, path.join(folder, `unit-${String(i + 1).padStart(3, "0")}.xlsx`));
    }
    // One warm-up of each, so the file cache is the same for both.
    timedRun(cli, folder, []);
    timedRun(cli, folder, ["--jobs", "1"]);
    const defaultMs: number[] = [];
    const jobs1Ms: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      defaultMs.push(timedRun(cli, folder, []));
      jobs1Ms.push(timedRun(cli, folder, ["--jobs", "1"]));
    }
    const defaultMedianMs = Math.round(median(defaultMs));
    const jobs1MedianMs = Math.round(median(jobs1Ms));
    const ratio = Math.round((defaultMedianMs / jobs1MedianMs) * 100) / 100;
    const defaultFastestMs = Math.round(Math.min(...defaultMs));
    const jobs1FastestMs = Math.round(Math.min(...jobs1Ms));
    const fastestRatio = Math.round((defaultFastestMs / jobs1FastestMs) * 100) / 100;
    const figures: BatchFigures = {
      files: FILES,
      rowsPerFile: ROWS_PER_FILE,
      cores: os.availableParallelism(),
      defaultMs: defaultMs.map(Math.round),
      jobs1Ms: jobs1Ms.map(Math.round),
      defaultMedianMs,
      jobs1MedianMs,
      ratio,
      defaultFastestMs,
      jobs1FastestMs,
      fastestRatio,
      target: TARGET_RATIO,
      met: ratio <= TARGET_RATIO,
    };
    log(`\n## batch: ${FILES} workbooks of about ${ROWS_PER_FILE} indicator rows, one folder`);
    log(`default (--jobs ${figures.cores})  median ${defaultMedianMs} ms  runs ${figures.defaultMs.join(", ")}`);
    log(`--jobs 1               median ${jobs1MedianMs} ms  runs ${figures.jobs1Ms.join(", ")}`);
    log(`default / --jobs 1     ${ratio.toFixed(2)}  (at most ${TARGET_RATIO})  ${figures.met ? "met" : "MISSED"}`);
    log(`fastest runs           ${defaultFastestMs} / ${jobs1FastestMs} ms, ratio ${fastestRatio.toFixed(2)}`);
    log(JSON.stringify({ bench: "target-table-batch", version: 1, ...figures }));
    return figures;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
