/**
 * The command line's memory, tuned for one pass over a workbook (figures in BENCHMARKS.md, "Peak
 * memory"): V8's young generation kept at its starting size, TurboFan started later and inlining
 * less (compilerFlags), and a full collection after each sheet (SheetCollector). At 10,000 indicator
 * rows on Node 20 the check peaks at 67 MB, under half of exceljs's 140 MB, against 114 MB untuned.
 *
 * The young generation: V8 doubles the young generation (up to 16 MB per semi-space on Node 20, more on later versions)
 * whenever many objects survive a minor collection. A check keeps what it reads (the sheets, then the
 * findings), so the young generation grows at once to its largest and stays there, although the data
 * kept alive is a small part of it: at 10,000 indicator rows the process peaked at 112–117 MB, of
 * which about 30 MB was an empty young generation. Kept small, survivors move to the old generation a
 * little sooner; the check is as fast (measured at 1,000 to 50,000 rows) and peaks about 30 MB lower.
 *
 * The setting is one V8 flag that V8 reads each time it would grow the young generation, so setting it
 * after start-up takes effect (unlike the heap size flags, which only the node command line can give).
 * It is set only on the Node.js versions it was measured on: on another, V8 would print an
 * "unrecognized flag" line if it had dropped the flag, and the command line prints nothing it did not
 * mean to.
 */
import { getHeapStatistics, setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/** Node.js major versions whose V8 has the flag and where its effect was measured. */
const MEASURED_MAJORS: ReadonlySet<number> = new Set([20, 22, 24]);

const FLAG = "--semi-space-growth-factor=1";

/** Whether the young generation is kept small on this Node.js version. */
export function keepsYoungGenerationSmall(version: string = process.versions.node): boolean {
  return MEASURED_MAJORS.has(Number(version.split(".")[0]));
}

/**
 * Keeps V8's young generation at its starting size. The flag is the process's, but V8 puts it back
 * to 2 each time it sets up a new thread's heap (measured: after a worker started, the main thread's
 * young generation grew to 32 MB again). So this is called when the command line's bundle is loaded,
 * before any other module (loading the bundle alone would grow it on Node 24), in the main thread and
 * in each checking worker, which loads the same bundle; and by the pool in the main thread as soon as
 * each worker is online. Does nothing on an unmeasured Node.js version.
 */
export function keepYoungGenerationSmall(): void {
  if (keepsYoungGenerationSmall()) setFlagsFromString(FLAG);
}

/**
 * TurboFan, V8's optimizing compiler, tuned for one pass over a workbook. By default it compiles many
 * functions while their work is nearly done, and inlines generously: its zones, code and pages of the
 * node binary cost the peak several MB, and the time was lost. Two settings:
 * - a later tier-up, so that only the truly hot functions (the XML scanner, the cell loops) are
 *   compiled. Node.js 20 decides by bytecode run (66 KB by default, here 1,000,000); Node.js 22 by
 *   invocations (3,000 by default, here 10,000);
 * - less inlining per compiled function: 300 bytes of inlined bytecode in all instead of 920.
 * Measured on cold checks (BENCHMARKS.md, "Peak memory at half of exceljs's"): on Node.js 20, 10,000
 * rows peak 5 MB lower and take 0.60 s instead of 0.67 s, 1,000 rows 0.19 s instead of 0.23 s, 50,000
 * rows within 4 %; on Node.js 22, 10,000 rows peak 5 MB lower and take 0.52 s instead of 0.70 s, 50,000
 * rows within 3 %. On Node.js 24 no effect beyond the noise: nothing is set.
 * V8 reads these when it decides to compile, so setting them after start-up works.
 */
export function compilerFlags(version: string = process.versions.node): string[] {
  const lessInlining = "--max-inlined-bytecode-size-cumulative=300";
  switch (Number(version.split(".")[0])) {
    case 20:
      return ["--interrupt-budget=1000000", lessInlining];
    case 22:
      return ["--invocation-count-for-turbofan=10000", lessInlining];
    default:
      return [];
  }
}

/** Sets the command line's V8 flags (see keepYoungGenerationSmall and compilerFlags). */
export function tuneV8(version: string = process.versions.node): void {
  keepYoungGenerationSmall();
  for (const flag of compilerFlags(version)) setFlagsFromString(flag);
}

/**
 * A full garbage collection after each sheet of a workbook.
 *
 * A sheet's check builds its model (every table's rows and cells) and keeps it until the sheet is
 * done: long enough to outlive the young generation, so the model moves to the old generation and
 * lies there dead after the sheet, about 5 MB per 2,500 rows. V8 collects the old generation only
 * when it has grown well past what is alive, so the dead models of earlier sheets added up to the
 * peak: at 10,000 rows in four sheets, 84 MB, and 71 MB with a collection after each sheet and the
 * compiler settings above.
 *
 * A collection takes about 7 ms at 10,000 rows and 25 ms at 50,000 (with what it leaves the next
 * allocations to do, a cold check of 50,000 rows takes about 9 % longer), so it is made only when the
 * heap has grown by `threshold` bytes since the file's check started or the last collection: a small
 * workbook never pays for it, even in a batch of hundreds.
 */
export class SheetCollector {
  private last: number;

  constructor(
    private readonly collect: () => void,
    private readonly heapUsed: () => number = () => getHeapStatistics().used_heap_size,
    private readonly threshold: number = 2 * 1024 * 1024,
  ) {
    this.last = heapUsed();
  }

  /** Called when a file's check starts: only what this file adds counts. */
  fileStarted(): void {
    this.last = this.heapUsed();
  }

  /** Called when a sheet has been checked. */
  sheetDone(): void {
    if (this.heapUsed() - this.last < this.threshold) return;
    this.collect();
    this.last = this.heapUsed();
  }
}

/**
 * V8's full collection, as a function. Node.js gives it only to contexts made while `--expose-gc` is
 * set: the flag is set, then one context made (about 1.6 MB). The flag is the process's and stays
 * set: clearing it could undo another thread's setting between that thread's setting and its context
 * (with 16 workers starting together, 1 to 3 got none), and contexts made later, such as a worker's
 * own, then have `gc` from the start. Null if V8 refuses (or exposes it under another name).
 */
export function fullCollection(): (() => void) | null {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === "function") return own as () => void;
  try {
    setFlagsFromString("--expose-gc");
    const gc: unknown = runInNewContext("gc");
    return typeof gc === "function" ? (gc as () => void) : null;
  } catch {
    return null;
  }
}

let collector: SheetCollector | null = null;

/**
 * Makes checks in this thread collect garbage between sheets. Called where the command line really
 * runs (its entry point and each checking worker), not when its modules are only imported (the tests
 * run it in their own process, whose heap is not the command line's). The collection function is
 * made when first needed; `--expose-gc` is set at once, so that workers started later have their own.
 */
export function collectBetweenSheets(): void {
  if (collector !== null) return;
  if (typeof (globalThis as { gc?: unknown }).gc !== "function") {
    try {
      setFlagsFromString("--expose-gc");
    } catch {
      // fullCollection will say null.
    }
  }
  let gc: (() => void) | null | undefined;
  collector = new SheetCollector(() => {
    if (gc === undefined) gc = fullCollection();
    gc?.();
  });
}

/** The thread's collector, when collectBetweenSheets was called. */
export function sheetCollector(): SheetCollector | null {
  return collector;
}
