/**
 * Checking many files on every core: worker threads (node:worker_threads) beside this thread, each
 * handed a file or two at a time. The worker is the command line's own bundle (dist/cli.cjs) started with a flag in its
 * workerData (see main.ts), so there is one file to ship. Outcomes arrive in any order; the caller
 * puts them back in input order. A worker that dies (out of memory, say) costs only its file's row.
 */
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parentPort, Worker } from "node:worker_threads";
import { checkOne, errorRow, readAhead, type CheckOutcome, type CheckTask, type ReadAhead } from "./checker";
import { tuneV8 } from "./heap";

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
  // One file at a time, in the order sent; a file sent ahead is read from disk at once, while the
  // one before it is checked.
  let chain: Promise<void> = Promise.resolve();
  port.on("message", (task: CheckTask) => {
    const ahead = readAhead(task.file);
    chain = chain.then(() => checkOne(task, ahead).then((outcome) => port.postMessage(outcome)));
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

/** The files still to check; a worker that could not start gives its files back. */
class TaskQueue {
  private next = 0;
  private readonly returned: CheckTask[] = [];
  constructor(private readonly tasks: readonly CheckTask[]) {}

  take(): CheckTask | null {
    return this.returned.shift() ?? (this.next < this.tasks.length ? this.tasks[this.next++] : null);
  }

  /** The file `take` would give now, left in the queue. */
  peek(): CheckTask | null {
    return this.returned[0] ?? (this.next < this.tasks.length ? this.tasks[this.next] : null);
  }

  giveBack(tasks: readonly CheckTask[]): void {
    this.returned.push(...tasks);
  }
}

/** Files handed to a worker ahead of time, so it never waits while this thread is busy checking. */
const PREFETCH = 2;

/**
 * Checks every task on `jobs` threads, calling `onOutcome` as each is known (in any order). This
 * thread checks files too, beside jobs - 1 workers: each worker compiles the code afresh, so one
 * fewer worker is less work thrown away. Workers started early (`warmWorkers`) are used first.
 * Stops handing out files once `shouldStop` says so.
 */
export async function runTasks(
  tasks: readonly CheckTask[],
  jobs: number,
  onOutcome: (outcome: CheckOutcome) => void,
  shouldStop: () => boolean,
  warm: readonly WarmWorker[] = [],
): Promise<void> {
  const threads = Math.min(jobs, tasks.length);
  const script = threads > 1 ? workerScript() : null;
  // Warm workers beyond what this run needs are stopped at once.
  const adopted = script === null ? [] : warm.slice(0, threads - 1);
  stopWorkers(warm.slice(adopted.length));
  const queue = new TaskQueue(tasks);
  const workers =
    script === null ? Promise.resolve() : runWorkers(script, threads - 1, adopted, queue, onOutcome, shouldStop);
  const checkHere = async (): Promise<void> => {
    // The next file in the queue is read while this one is checked, without claiming it: a worker
    // that asks first still gets it (then that read was in vain).
    let ahead: { task: CheckTask; bytes: ReadAhead } | null = null;
    while (!shouldStop()) {
      // Let the workers' messages in between two files (a check runs without a pause, and a file
      // read ahead is already there): a worker that has become ready takes files now.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const task = queue.take();
      if (task === null) break;
      const bytes = ahead !== null && ahead.task === task ? ahead.bytes : null;
      const next = queue.peek();
      ahead = next === null ? null : { task: next, bytes: readAhead(next.file) };
      onOutcome(await checkOne(task, bytes));
    }
  };
  await checkHere();
  await workers;
  // Files given back by workers that could not start.
  await checkHere();
}

/**
 * A worker started before the files to check are known (see `warmWorkers`): it loads the bundle
 * while this thread is still listing folders. Its first message may come before `runWorkers`
 * adopts it, so what happened so far is noted here.
 */
export interface WarmWorker {
  worker: Worker;
  ready: boolean;
  exited: boolean;
  error: unknown;
}

function startWorkerThread(script: string): WarmWorker {
  const worker = new Worker(script, { workerData: { [WORKER_FLAG]: true } });
  // Setting up the worker's heap put V8's young generation setting back to its default.
  worker.once("online", () => tuneV8());
  const warm: WarmWorker = { worker, ready: false, exited: false, error: null };
  worker.on("message", (message: unknown) => {
    if (message === READY) warm.ready = true;
  });
  worker.on("error", (error) => {
    warm.error = error;
  });
  worker.once("exit", () => {
    warm.exited = true;
  });
  return warm;
}

/**
 * Starts the workers a run of `jobs` threads will use (jobs - 1 of them: this thread checks files
 * too) before its inputs are listed, so their start-up overlaps this thread's. None when there is
 * no bundle to run or only one thread.
 */
export function warmWorkers(jobs: number): WarmWorker[] {
  const script = jobs > 1 ? workerScript() : null;
  return script === null ? [] : Array.from({ length: jobs - 1 }, () => startWorkerThread(script));
}

/** Stops warm workers a run did not use (fewer files than threads, or no run at all). */
export function stopWorkers(warm: readonly WarmWorker[]): void {
  for (const { worker } of warm) void worker.terminate();
}

/**
 * Runs `count` workers (the warm ones first, then new ones) that take files from the queue until it
 * is empty; resolves when all have exited.
 */
function runWorkers(
  script: string,
  count: number,
  warm: WarmWorker[],
  queue: TaskQueue,
  onOutcome: (outcome: CheckOutcome) => void,
  shouldStop: () => boolean,
): Promise<void> {
  return new Promise((resolve) => {
    let alive = 0;
    let startFailed = false;

    const adopt = (started: WarmWorker): void => {
      alive++;
      const { worker } = started;
      const inFlight: CheckTask[] = [];
      let ready = started.ready;
      let done = false;
      const feed = (): void => {
        while (!done && inFlight.length < PREFETCH) {
          const task = startFailed || shouldStop() ? null : queue.take();
          if (task === null) {
            if (inFlight.length === 0) {
              done = true;
              void worker.terminate();
            }
            return;
          }
          inFlight.push(task);
          worker.postMessage(task);
        }
      };
      const exited = (): void => {
        alive--;
        if (!ready) startFailed = true;
        // The worker checks its files one by one: the first still in flight is the one it died on;
        // the others go back to be checked elsewhere.
        const [culprit, ...innocent] = inFlight.splice(0);
        if (culprit !== undefined) onOutcome(workerDied(culprit, started.error));
        queue.giveBack(innocent);
        if (!done && !startFailed && !shouldStop()) {
          const more = queue.take();
          if (more !== null) {
            queue.giveBack([more]);
            adopt(startWorkerThread(script));
          }
        }
        if (alive === 0) resolve();
      };
      worker.on("message", (message: CheckOutcome | typeof READY) => {
        if (message === READY) {
          ready = true;
          feed();
          return;
        }
        const at = inFlight.findIndex((task) => task.index === message.index);
        if (at >= 0) inFlight.splice(at, 1);
        onOutcome(message);
        feed();
      });
      if (started.exited) {
        exited();
        return;
      }
      worker.once("exit", exited);
      if (ready) feed();
    };
    for (let i = 0; i < count; i++) adopt(warm[i] ?? startWorkerThread(script));
  });
}
