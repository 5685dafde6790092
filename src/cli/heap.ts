/**
 * The command line's memory: V8's young generation kept at its starting size.
 *
 * V8 doubles the young generation (up to 16 MB per semi-space on Node 20, more on later versions)
 * whenever many objects survive a minor collection. A check keeps what it reads (the sheets, then the
 * findings), so the young generation grows at once to its largest and stays there, although the data
 * kept alive is a small part of it: at 10,000 indicator rows the process peaked at 112–117 MB, of
 * which about 30 MB was an empty young generation. Kept small, survivors move to the old generation a
 * little sooner; the check is as fast (measured at 1,000 to 50,000 rows) and peaks about 30 MB lower.
 * Figures in BENCHMARKS.md, "Peak memory".
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
 * Node.js 20's V8 hands a function to TurboFan, its optimizing compiler, once it has run about 66 KB
 * of its bytecode. A check is one pass over the workbook, so many functions were compiled while
 * their work was nearly done: at 10,000 indicator rows the compiler's zones and code cost 3 to 4 MB
 * of the peak and the run was slower. With 15 times that budget only the truly hot functions (the
 * XML scanner, the cell loops) are compiled: the check peaks 3 to 4 MB lower and a cold check takes
 * 0.57 s instead of 0.67 s at 10,000 rows, 0.19 s instead of 0.23 s at 1,000; 50,000 rows take about
 * as long. Later versions decide by invocation counts, with Maglev between the tiers: not set there.
 * V8 reads the budget each time it resets a function's counter, so setting it after start-up works.
 */
const LATER_TIER_UP = "--interrupt-budget=1000000";

/** Sets the command line's V8 flags (see keepYoungGenerationSmall and LATER_TIER_UP). */
export function tuneV8(version: string = process.versions.node): void {
  keepYoungGenerationSmall();
  if (Number(version.split(".")[0]) === 20) setFlagsFromString(LATER_TIER_UP);
}

/**
 * A full garbage collection between the sheets of a workbook.
 *
 * A sheet's check builds its model (every table's rows and cells) and keeps it until the sheet is
 * done: long enough to outlive the young generation, so the model moves to the old generation and
 * lies there dead after the sheet, about 5 MB per 2,500 rows. V8 collects the old generation only
 * when it has grown well past what is alive, so the dead models of earlier sheets added up to the
 * peak: at 10,000 rows in four sheets, 84 MB against 71 MB with a collection after each sheet.
 *
 * A collection takes about 8 ms at 10,000 rows, 25 ms at 50,000, so it is made only when the heap has
 * grown by `threshold` bytes since the last one: a small workbook never pays for it.
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

  /** Called when a sheet has been checked. */
  sheetDone(): void {
    if (this.heapUsed() - this.last < this.threshold) return;
    this.collect();
    this.last = this.heapUsed();
  }
}

/**
 * V8's full collection, as a function. Node.js gives it only to a context made while `--expose-gc` is
 * set; the flag is set for the moment it takes to make one, then cleared. Null if V8 refuses.
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
  } finally {
    setFlagsFromString("--no-expose-gc");
  }
}

let collector: SheetCollector | null = null;

/**
 * Makes checks in this thread collect garbage between sheets. Called where the command line really
 * runs (its entry point and each checking worker), not when its modules are only imported (the tests
 * run it in their own process, whose heap is not the command line's).
 */
export function collectBetweenSheets(): void {
  if (collector !== null) return;
  const gc = fullCollection();
  if (gc !== null) collector = new SheetCollector(gc);
}

/** The thread's collector, when collectBetweenSheets was called. */
export function sheetCollector(): SheetCollector | null {
  return collector;
}
