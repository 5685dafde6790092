/**
 * `npm run bench`: how fast the check is at the scale reviewers work at. For workbooks of about
 * 1,000, 10,000 and 50,000 indicator rows it prints the core's time, the command line's check
 * against a bare exceljs load of the same file, the add-in's round trips on the fake Excel host,
 * and peak memory; then one JSON line with every figure, so runs can be compared.
 *
 *   npm run bench                       all three sizes (a few minutes)
 *   npm run bench -- --sizes 1000,5000  other sizes
 *
 * A benchmark prints figures; it asserts nothing. Targets are reported as met or missed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { checkWorkbook } from "../../src/core/check";
import { runCheck } from "../../src/cli/check";
import { bufferIO } from "../../src/cli/io";
import { withLinearMergeLoading } from "../../src/xlsx/linear-merges";
import { readWorkbookFile } from "../../src/xlsx/read";
import { measureBatch } from "./batch";
import { checkOnFakeHost, type HostCheckFigures } from "./excel-host";
import { generateWorkbook, writeWorkbook } from "./workbook";

const DEFAULT_SIZES = [1000, 10000, 50000];

/** What the issue asks of the product on this two-core machine. */
const TARGETS = {
  coreMsAt10k: 100,
  checkVsLoadAt10k: 0.5,
  maxSyncs: 4,
  maxPayloadChars: 5 * 1024 * 1024,
  scale50kOver10k: 6,
  rssCheckVsLoadAt50k: 0.5,
  rssCheckVsLoadAt10k: 0.5,
};

interface SizeFigures {
  size: number;
  indicatorRows: number;
  tables: number;
  sheets: number;
  fileBytes: number;
  generateMs: number;
  core: {
    firstMs: number;
    medianMs: number;
    /** Median CPU time of the same runs: less sensitive than wall time to other work on the machine. */
    medianCpuMs: number;
    minMs: number;
    runs: number;
    rowsPerSecond: number;
    findings: number;
  };
  cli: {
    checkMedianMs: number;
    /** Plain exceljs; null past PLAIN_EXCELJS_MAX_ROWS. */
    loadMedianMs: number | null;
    ratio: number | null;
    linearLoadMedianMs: number;
    ratioToLinear: number;
    /** Unzip every part and SAX-parse every XML part, building nothing: the floor of any reader. */
    floorMedianMs: number;
    ratioToFloor: number;
    pairs: number;
  };
  host: HostCheckFigures[];
  /** The load side is plain exceljs up to PLAIN_EXCELJS_MAX_ROWS, linear beyond (the same objects in memory). */
  memory: {
    checkPeakRssMB: number;
    loadPeakRssMB: number;
    loadMerges: "plain" | "linear";
    ratio: number;
    /** The unzip-and-parse floor alone, in a fresh process. */
    floorPeakRssMB: number;
    /** Node itself, running nothing: every process above starts from it. */
    nodePeakRssMB: number;
    /** Times of the same runs: each once, in a fresh process. */
    coldCheckMs: number;
    coldLoadMs: number;
  };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Run counts per size: enough for a stable median, few enough to keep the whole run to minutes. */
function repetitions(size: number): { coreWarmup: number; coreRuns: number; pairs: number } {
  if (size <= 2000) return { coreWarmup: 15, coreRuns: 25, pairs: 9 };
  if (size <= 20000) return { coreWarmup: 8, coreRuns: 21, pairs: 7 };
  return { coreWarmup: 3, coreRuns: 9, pairs: 5 };
}

/** Warm-up lasts this long at least: the compiler settles after a second or two of running the check. */
const WARMUP_MS = 2000;

async function measureCore(file: string, size: number): Promise<SizeFigures["core"]> {
  const sheets = await readWorkbookFile(file);
  const rows = sheets.reduce((n, s) => n + s.values.length, 0);
  if (rows === 0) throw new Error(`${file} read as empty`);
  const { coreWarmup, coreRuns } = repetitions(size);
  let started = performance.now();
  let findings = checkWorkbook(sheets).issues.length;
  const firstMs = performance.now() - started;
  const warmupStarted = performance.now();
  for (let i = 1; i < coreWarmup || performance.now() - warmupStarted < WARMUP_MS; i++) checkWorkbook(sheets);
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < coreRuns; i++) {
    started = performance.now();
    const cpuStarted = process.cpuUsage();
    findings = checkWorkbook(sheets).issues.length;
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  return {
    firstMs: round(firstMs),
    medianMs: round(median(times)),
    medianCpuMs: round(median(cpu)),
    minMs: round(Math.min(...times)),
    runs: coreRuns,
    rowsPerSecond: 0,
    findings,
  };
}

/** `target-table check <file>` in-process, exactly as the command runs it, output kept in memory. */
async function cliCheck(file: string): Promise<number> {
  const io = bufferIO();
  const started = performance.now();
  const status = await runCheck([file], io);
  const ms = performance.now() - started;
  if (status === 2) throw new Error(`check failed: ${io.stderr()}`);
  if (io.stdout().length === 0) throw new Error("check printed no report");
  return ms;
}

/**
 * exceljs alone: `new ExcelJS.Workbook().xlsx.readFile`. "plain" is exceljs as it ships, whose load is
 * quadratic in merged areas per sheet; "linear" is the same load with the merge check the reader uses
 * (src/xlsx/linear-merges.ts), the true floor of the check path.
 */
async function exceljsLoad(file: string, merges: "plain" | "linear"): Promise<number> {
  const started = performance.now();
  const workbook = new ExcelJS.Workbook();
  if (merges === "linear") withLinearMergeLoading(workbook);
  await workbook.xlsx.readFile(file);
  const ms = performance.now() - started;
  if (workbook.worksheets.length === 0) throw new Error("exceljs read no worksheet");
  return ms;
}

/**
 * The floor of any reader: unzip every part and run each XML part through the SAX parser with no
 * handler, building nothing. The check can come near it, never under it.
 */
async function unzipAndParse(file: string): Promise<number> {
  const started = performance.now();
  const parts = unzipSync(new Uint8Array(readFileSync(file)));
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\.(?:xml|rels)$/.test(name)) continue;
    new SaxesParser({ xmlns: false, position: false }).write(strFromU8(bytes)).close();
  }
  return performance.now() - started;
}

/**
 * The floor as a process of its own, loading only fflate and saxes: the same work as unzipAndParse,
 * written out as source because the bundle's copy of it would load the whole bundle.
 */
const FLOOR_SOURCE = `(file) => {
  const { unzipSync, strFromU8 } = require("fflate");
  const { SaxesParser } = require("saxes");
  const parts = unzipSync(new Uint8Array(require("node:fs").readFileSync(file)));
  for (const [name, bytes] of Object.entries(parts)) {
    if (!/\\.(?:xml|rels)$/.test(name)) continue;
    new SaxesParser({ xmlns: false, position: false }).write(strFromU8(bytes)).close();
  }
}`;

/** Fresh processes per job for peak memory. */
const COLD_RUNS = 3;

/** Past this size plain exceljs takes minutes (quadratic merge check): it is left out to keep the run short. */
const PLAIN_EXCELJS_MAX_ROWS = 20000;

async function measureCli(file: string, size: number): Promise<SizeFigures["cli"]> {
  const { pairs } = repetitions(size);
  const withPlain = size <= PLAIN_EXCELJS_MAX_ROWS;
  // One unmeasured round of each, so no side pays for first-time compilation.
  await cliCheck(file);
  await exceljsLoad(file, "linear");
  await unzipAndParse(file);
  if (withPlain) await exceljsLoad(file, "plain");
  const check: number[] = [];
  const linear: number[] = [];
  const plain: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < pairs; i++) {
    // Rotate which goes first, so drift in machine load falls on every side alike.
    const jobs = [
      async () => check.push(await cliCheck(file)),
      async () => linear.push(await exceljsLoad(file, "linear")),
      async () => floor.push(await unzipAndParse(file)),
      ...(withPlain ? [async () => plain.push(await exceljsLoad(file, "plain"))] : []),
    ];
    for (let j = 0; j < jobs.length; j++) await jobs[(i + j) % jobs.length]();
  }
  const checkMedianMs = median(check);
  const linearMedianMs = median(linear);
  const plainMedianMs = withPlain ? median(plain) : null;
  return {
    checkMedianMs: round(checkMedianMs),
    loadMedianMs: plainMedianMs === null ? null : round(plainMedianMs),
    ratio: plainMedianMs === null ? null : round(checkMedianMs / plainMedianMs, 3),
    linearLoadMedianMs: round(linearMedianMs),
    ratioToLinear: round(checkMedianMs / linearMedianMs, 3),
    floorMedianMs: round(median(floor)),
    ratioToFloor: round(checkMedianMs / median(floor), 3),
    pairs,
  };
}

/**
 * The core's timings in a fresh process: the benchmark's own earlier work (other sizes, exceljs loads,
 * the fake host) leaves garbage and compiled code behind that a check in Excel or on the command line
 * does not have.
 */
function coreInFreshProcess(file: string, size: number): SizeFigures["core"] {
  const output = execFileSync(process.execPath, [__filename, "--child", "core", file, String(size)], {
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output.trim().split("\n").pop() ?? "") as SizeFigures["core"];
}

/**
 * A preload that reports the process's peak resident memory and its time from start to exit on
 * standard error, as the last line: it measures any command without changing it. On Linux the peak is
 * VmHWM, that of the process's own address space: getrusage's maxRSS also counts the copy of this
 * (large) benchmark process that the child was forked from before it started node, which made a bare
 * node look like 120 MB at 50,000 rows.
 */
const RSS_PRELOAD = `const started = Date.now();
process.on("exit", () => {
  const fs = require("node:fs");
  let maxRssKB = process.resourceUsage().maxRSS;
  try {
    const hwm = /VmHWM:\\s*(\\d+) kB/.exec(fs.readFileSync("/proc/self/status", "utf8"));
    if (hwm) maxRssKB = Number(hwm[1]);
  } catch {}
  fs.writeSync(2, "\\n" + JSON.stringify({ maxRssKB, ms: Date.now() - started }) + "\\n");
});`;

/**
 * One job in a fresh process that loads only what the job needs, so neither job's modules or garbage
 * count against the other: its peak resident memory, and its time as a user running it once sees it.
 * The check is the command line itself (dist/cli.cjs); the load is exceljs's readFile and nothing else.
 */
function coldRun(
  job: "check" | "plain" | "linear" | "floor" | "node",
  file: string,
  dir: string,
): { peakRssMB: number; ms: number } {
  const preload = path.join(dir, "rss-preload.cjs");
  writeFileSync(preload, RSS_PRELOAD);
  const root = path.resolve(__dirname, "..");
  const args =
    job === "check"
      ? ["-r", preload, path.join(root, "dist", "cli.cjs"), "check", file, "--json"]
      : job === "plain"
        ? ["-r", preload, "-e", `new (require("exceljs").Workbook)().xlsx.readFile(${JSON.stringify(file)})`]
        : job === "floor"
          ? ["-r", preload, "-e", `(${FLOOR_SOURCE})(${JSON.stringify(file)})`]
          : job === "node"
            ? ["-r", preload, "-e", "0"]
            : ["-r", preload, __filename, "--child", job, file];
  const result = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const line = result.stderr.trim().split("\n").pop() ?? "";
  if (result.status === null || result.status > 1 || !line.startsWith("{")) {
    throw new Error(`${job} run failed (status ${result.status}): ${result.stderr.slice(-500)}`);
  }
  const figures = JSON.parse(line) as { maxRssKB: number; ms: number };
  return { peakRssMB: round(figures.maxRssKB / 1024), ms: round(figures.ms) };
}

async function child(job: string, file: string, size: number): Promise<void> {
  if (job === "core") {
    process.stdout.write(`${JSON.stringify(await measureCore(file, size))}\n`);
    return;
  }
  let ms: number;
  if (job === "check") ms = await cliCheck(file);
  else if (job === "plain" || job === "linear") ms = await exceljsLoad(file, job);
  else throw new Error(`unknown child job ${job}`);
  process.stdout.write(`${JSON.stringify({ job, ms, maxRssKB: process.resourceUsage().maxRSS })}\n`);
}

function machine(): {
  nproc: number;
  cpu: string;
  node: string;
  platform: string;
  memoryGB: number;
  loadAverage: number[];
} {
  return {
    nproc: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    memoryGB: round(os.totalmem() / 1024 ** 3, 1),
    loadAverage: os.loadavg().map((n) => round(n, 2)),
  };
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function measureSize(size: number, dir: string): Promise<SizeFigures> {
  const started = performance.now();
  const book = generateWorkbook(size);
  const file = path.join(dir, `bench-${size}.xlsx`);
  writeWorkbook(book, file);
  const generateMs = performance.now() - started;
  const fileBytes = statSync(file).size;
  const shape = { indicatorRows: book.indicatorRows, tables: book.tables, sheets: book.sheets.length };
  log(
    `\n## ${shape.indicatorRows.toLocaleString("en")} indicator rows: ${shape.tables} project tables on ` +
      `${shape.sheets} sheets, ${(fileBytes / 1024 / 1024).toFixed(1)} MB (${(generateMs / 1000).toFixed(1)} s to generate)`,
  );

  // Let the generated cells go: the timings run on a heap holding only what the check holds.
  book.sheets.length = 0;
  collectGarbage();

  const core = coreInFreshProcess(file, size);
  core.rowsPerSecond = Math.round(shape.indicatorRows / (core.medianMs / 1000));
  log(
    `core checkWorkbook      median ${core.medianMs} ms over ${core.runs} runs (CPU ${core.medianCpuMs} ms, ` +
      `fastest ${core.minMs} ms, first run ${core.firstMs} ms), ` +
      `${core.rowsPerSecond.toLocaleString("en")} rows/s, ${core.findings} findings`,
  );
  collectGarbage();

  const cli = await measureCli(file, size);
  log(
    `target-table check      median ${cli.checkMedianMs} ms; exceljs load alone ` +
      (cli.loadMedianMs === null
        ? `(plain) not run at this size, minutes: quadratic in merged areas; `
        : `(plain) ${cli.loadMedianMs} ms, ratio ${cli.ratio}; `) +
      `exceljs with linear merges ${cli.linearLoadMedianMs} ms, ratio ${cli.ratioToLinear}; ` +
      `unzip-and-parse floor ${cli.floorMedianMs} ms, ratio ${cli.ratioToFloor} (${cli.pairs} rotations)`,
  );

  const loadMerges = size <= PLAIN_EXCELJS_MAX_ROWS ? "plain" : "linear";
  // A peak depends on when V8 happens to collect: each job runs COLD_RUNS times, in rotation, and the
  // median counts.
  const jobs = ["check", loadMerges, "floor", "node"] as const;
  const runs = new Map<(typeof jobs)[number], { peakRssMB: number; ms: number }[]>(jobs.map((job) => [job, []]));
  for (let i = 0; i < COLD_RUNS; i++) {
    for (let j = 0; j < jobs.length; j++) {
      const job = jobs[(i + j) % jobs.length];
      runs.get(job)!.push(coldRun(job, file, dir));
    }
  }
  const peak = (job: (typeof jobs)[number]) => median(runs.get(job)!.map((r) => r.peakRssMB));
  const spread = (job: (typeof jobs)[number]) =>
    runs
      .get(job)!
      .map((r) => Math.round(r.peakRssMB))
      .join(", ");
  const memory = {
    checkPeakRssMB: peak("check"),
    loadPeakRssMB: peak(loadMerges),
    loadMerges,
    ratio: round(peak("check") / peak(loadMerges), 3),
    floorPeakRssMB: peak("floor"),
    nodePeakRssMB: peak("node"),
    coldCheckMs: median(runs.get("check")!.map((r) => r.ms)),
    coldLoadMs: median(runs.get(loadMerges)!.map((r) => r.ms)),
  } as const;
  log(
    `peak RSS (median of ${COLD_RUNS}) check ${memory.checkPeakRssMB} MB (${spread("check")}); exceljs load ` +
      `(${loadMerges}) ${memory.loadPeakRssMB} MB (${spread(loadMerges)}); ratio ${memory.ratio}; ` +
      `unzip-and-parse floor ${memory.floorPeakRssMB} MB; node alone ${memory.nodePeakRssMB} MB ` +
      `(fresh processes: check ${memory.coldCheckMs} ms, load ${memory.coldLoadMs} ms)`,
  );

  // The fake Excel host last, on the same workbook generated again (the generator is deterministic):
  // run first, its snapshots would make the core's code serve two kinds of input during the timings.
  const again = generateWorkbook(size);
  const host: HostCheckFigures[] = [];
  for (const platform of ["PC", "OfficeOnline"] as const) {
    const figures = await checkOnFakeHost(again, platform);
    host.push({ ...figures, ms: round(figures.ms), repeatMs: round(figures.repeatMs) });
    log(
      `fake Excel (${platform.padEnd(12)}) ${figures.syncs} syncs per check (read + paint), ` +
        `${figures.repeatSyncs} on a second check` +
        (figures.refusedSyncs > 0 ? ` (${figures.refusedSyncs} refused as too large and retried)` : "") +
        `; largest request ` +
        `${(figures.maxRequestChars / 1e6).toFixed(2)} M chars, largest response ` +
        `${(figures.maxResponseChars / 1e6).toFixed(2)} M chars; ${Math.round(figures.ms)} ms`,
    );
    const trips = figures.roundTrips.map(
      (t) =>
        `${(t.requestChars / 1e6).toFixed(2)}/${(t.responseChars / 1e6).toFixed(2)}` + (t.error ? ` (${t.error})` : ""),
    );
    log(`  round trips of the first check, M chars in/out: ${trips.join(", ")}`);
    const floor = cappedFloor(figures);
    if (floor !== null) {
      log(`  under Excel on the web's 5 MB cap this work needs at least ${floor} round trips (see BENCHMARKS.md)`);
    }
  }

  return { size, ...shape, fileBytes, generateMs: round(generateMs), core, cli, host, memory };
}

/**
 * The fewest round trips the desktop's four (find the sheets; cell data; look-up of the cells to
 * paint; paint) would take if every request and response had to stay under the web's cap: each
 * phase depends on the one before, so each needs its own round trips.
 */
function cappedFloor(figures: HostCheckFigures): number | null {
  if (figures.payloadLimit !== null || figures.roundTrips.length !== 4) return null;
  const cap = TARGETS.maxPayloadChars;
  const [find, data, lookUp, paint] = figures.roundTrips;
  const trips = (t: { requestChars: number; responseChars: number }) =>
    Math.max(1, Math.ceil(t.requestChars / cap), Math.ceil(t.responseChars / cap));
  return trips(find!) + trips(data!) + trips(lookUp!) + trips(paint!);
}

/** A full collection between phases (node --expose-gc), so one phase's garbage is not charged to the next. */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

interface TargetResult {
  target: string;
  limit: number;
  measured: number | null;
  met: boolean | null;
}

function evaluateTargets(results: SizeFigures[]): TargetResult[] {
  const at = (size: number) => results.find((r) => r.size === size);
  const r10k = at(10000);
  const r50k = at(50000);
  const out: TargetResult[] = [];
  const add = (target: string, limit: number, measured: number | null) =>
    out.push({ target, limit, measured, met: measured === null ? null : measured <= limit });
  add("core median ms at 10,000 rows", TARGETS.coreMsAt10k, r10k ? r10k.core.medianMs : null);
  add("check / exceljs load at 10,000 rows", TARGETS.checkVsLoadAt10k, r10k ? r10k.cli.ratio : null);
  add("peak RSS check / exceljs load at 10,000 rows", TARGETS.rssCheckVsLoadAt10k, r10k ? r10k.memory.ratio : null);
  for (const platform of ["PC", "OfficeOnline"] as const) {
    const hosts = results.map((r) => r.host.find((h) => h.platform === platform)!);
    add(`syncs per check, any size (${platform})`, TARGETS.maxSyncs, Math.max(...hosts.map((h) => h.syncs)));
    add(
      `syncs per second check, any size (${platform})`,
      TARGETS.maxSyncs,
      Math.max(...hosts.map((h) => h.repeatSyncs)),
    );
    add(
      `largest payload chars, any size (${platform})`,
      TARGETS.maxPayloadChars,
      Math.max(...hosts.map((h) => Math.max(h.maxRequestChars, h.maxResponseChars))),
    );
  }
  add(
    "core time 50,000 / 10,000 rows",
    TARGETS.scale50kOver10k,
    r10k && r50k ? round(r50k.core.medianMs / r10k.core.medianMs, 2) : null,
  );
  add(
    "check time 50,000 / 10,000 rows",
    TARGETS.scale50kOver10k,
    r10k && r50k ? round(r50k.cli.checkMedianMs / r10k.cli.checkMedianMs, 2) : null,
  );
  add("peak RSS check / exceljs load at 50,000 rows", TARGETS.rssCheckVsLoadAt50k, r50k ? r50k.memory.ratio : null);
  return out;
}

async function main(argv: string[]): Promise<void> {
  const childAt = argv.indexOf("--child");
  if (childAt >= 0) return child(argv[childAt + 1], argv[childAt + 2], Number(argv[childAt + 3]));
  const sizesAt = argv.indexOf("--sizes");
  const sizes = sizesAt >= 0 ? argv[sizesAt + 1].split(",").map((s) => Number(s.replace(/_/g, ""))) : DEFAULT_SIZES;
  if (sizes.some((s) => !Number.isInteger(s) || s < 10)) {
    throw new Error("--sizes takes whole numbers of indicator rows, e.g. --sizes 1000,10000");
  }
  const host = machine();
  log(`# target-table benchmark`);
  log(`machine: ${host.nproc} cores, ${host.cpu}, ${host.memoryGB} GB; node ${host.node}; ${host.platform}`);
  log(`load average at start: ${host.loadAverage.join(", ")} (other work on the machine slows every figure)`);
  const dir = mkdtempSync(path.join(os.tmpdir(), "target-table-bench-"));
  const started = performance.now();
  const results: SizeFigures[] = [];
  try {
    for (const size of sizes) {
      // Start each size from a collected heap, so one size's garbage is not charged to the next.
      collectGarbage();
      results.push(await measureSize(size, dir));
    }
    measureBatch(dir, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const targets = evaluateTargets(results);
  log(`\n## targets`);
  for (const t of targets) {
    const verdict = t.met === null ? "not measured" : t.met ? "met" : "MISSED";
    log(`${t.target.padEnd(48)} ${String(t.measured ?? "-").padStart(10)}  (at most ${t.limit})  ${verdict}`);
  }
  const loadAtEnd = os.loadavg().map((n) => round(n, 2));
  log(`\ntotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average at end: ${loadAtEnd.join(", ")}`);
  log(
    JSON.stringify({
      bench: "target-table",
      version: 1,
      machine: { ...host, loadAverageAtEnd: loadAtEnd },
      results,
      targets,
    }),
  );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
