/**
 * Checking many files on every core: worker threads (node:worker_threads), each handed one file at
 * a time. The worker is the command line's own bundle (dist/cli.cjs) started with a flag in its
 * workerData (see main.ts), so there is one file to ship. Outcomes arrive in any order; the caller
 * puts them back in input order. A worker that dies (out of memory, say) costs only its file's row.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parentPort, Worker } from "node:worker_threads";
import { checkOne, errorRow, type CheckOutcome, type CheckTask } from "./checker";

/** The workerData key that makes the bundle run as a checking worker. */
export const WORKER_FLAG = "targetTableCheckWorker";

const READY = "ready";

/** Threads to use when --jobs is not given: one per core. */
export function defaultJobs(): number {
  return Math.max(1, typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length);
}

/**
 * The script a worker runs: this bundle itself; when running from the TypeScript sources (the tests),
 * the built bundle beside them; null when there is none, and the files are checked in this thread.
 */
export function workerScript(): string | null {
  if (/\.c?js$/.test(__filename)) return __filename;
  const bundle = path.join(__dirname, "..", "..", "dist", "cli.cjs");
  return existsSync(bundle) ? bundle : null;
}

/** The worker's side: check each file the main thread sends, and send back the outcome. */
export function startWorker(): void {
  const port = parentPort;
  if (port === null) return;
  port.on("message", (task: CheckTask) => {
    void checkOne(task).then((outcome) => port.postMessage(outcome));
  });
  port.postMessage(READY);
}

function workerDied(task: CheckTask, error: unknown): CheckOutcome {
  const code = (error as { code?: string } | null)?.code;
  const outOfMemory = code === "ERR_WORKER_OUT_OF_MEMORY";
  const detail = error instanceof Error ? error.message : error === null ? "exit" : String(error);
  const report = errorRow(
    task.file,
    outOfMemory
      ? {
          message: `检查“${task.file}”时内存不足，已跳过这个文件；其他文件照常检查。`,
          messageEn: `checking "${task.file}" ran out of memory; the file was skipped and the others checked as usual.`,
        }
      : {
          message: `检查“${task.file}”时工作线程意外退出（${detail}），已跳过这个文件。`,
          messageEn: `the worker checking "${task.file}" stopped unexpectedly (${detail}); the file was skipped.`,
        },
  );
  return { index: task.index, report, copy: null };
}

/**
 * Checks every task, `jobs` at a time, calling `onOutcome` as each is known (in any order).
 * Stops handing out files once `shouldStop` says so; files already being checked finish.
 */
export async function runTasks(
  tasks: readonly CheckTask[],
  jobs: number,
  onOutcome: (outcome: CheckOutcome) => void,
  shouldStop: () => boolean,
): Promise<void> {
  const threads = Math.min(jobs, tasks.length);
  const script = threads > 1 ? workerScript() : null;
  let next = 0;
  if (script !== null) next = await runInWorkers(script, threads, tasks, onOutcome, shouldStop);
  // One thread, no bundle to start workers from, or workers that could not start: this thread.
  for (; next < tasks.length && !shouldStop(); next++) onOutcome(await checkOne(tasks[next]));
}

/** Runs tasks in workers; returns how many tasks were handed out (the rest fall to the caller). */
function runInWorkers(
  script: string,
  threads: number,
  tasks: readonly CheckTask[],
  onOutcome: (outcome: CheckOutcome) => void,
  shouldStop: () => boolean,
): Promise<number> {
  return new Promise((resolve) => {
    let next = 0;
    let alive = 0;
    let startFailed = false;

    const spawn = (): void => {
      alive++;
      const worker = new Worker(script, { workerData: { [WORKER_FLAG]: true } });
      let current: CheckTask | null = null;
      let ready = false;
      let lastError: unknown = null;
      let done = false;
      const feed = (): void => {
        if (startFailed || shouldStop() || next >= tasks.length) {
          done = true;
          void worker.terminate();
          return;
        }
        current = tasks[next++];
        worker.postMessage(current);
      };
      worker.on("message", (message: CheckOutcome | typeof READY) => {
        if (message === READY) {
          ready = true;
          feed();
          return;
        }
        current = null;
        onOutcome(message);
        feed();
      });
      worker.on("error", (error) => {
        lastError = error;
      });
      worker.on("exit", () => {
        alive--;
        if (!ready) startFailed = true;
        // Files are handed out only once a worker is ready: one that never started lost none.
        if (current !== null) {
          const task: CheckTask = current;
          current = null;
          onOutcome(workerDied(task, lastError));
        }
        if (!done && !startFailed && next < tasks.length && !shouldStop()) spawn();
        if (alive === 0) resolve(next);
      });
    };
    for (let i = 0; i < threads; i++) spawn();
  });
}
