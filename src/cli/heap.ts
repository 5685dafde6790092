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
import { setFlagsFromString } from "node:v8";

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
