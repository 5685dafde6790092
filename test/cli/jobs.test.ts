/**
 * --jobs: files are checked in this thread and in worker threads (the built bundle started as a
 * worker), yet the report comes out in input order and is the same as with one thread.
 */
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { generateWorkbook, writeWorkbook } from "../../scripts/bench/workbook";
import { reportSchema } from "../../src/core/report";
import { scratchFolder } from "../xlsx/helpers";
import { ensureBundle, HUAILAI, JULU, run, runNode } from "./helpers";

// Count the workers started and the files sent to them, without changing what they do.
let workersStarted = 0;
let filesSent = 0;
jest.mock("node:worker_threads", () => {
  const actual = jest.requireActual<typeof import("node:worker_threads")>("node:worker_threads");
  class CountingWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      workersStarted++;
    }
    override postMessage(...args: Parameters<InstanceType<typeof actual.Worker>["postMessage"]>): void {
      if ((args[0] as { file?: unknown } | null)?.file !== undefined) filesSent++;
      super.postMessage(...args);
    }
  }
  return { ...actual, Worker: CountingWorker };
});

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ensureBundle();
  ({ dir, cleanup } = await scratchFolder());
  // Alternate a larger workbook and smaller ones, with a broken file, so that workers finish out of order.
  await mkdir(path.join(dir, "in"));
  for (let i = 0; i < 12; i++) {
    const name = path.join(dir, "in", `${String(i).padStart(2, "0")}.xlsx`);
    if (i === 5) await writeFile(name, "not a workbook");
    else await copyFile(i % 3 === 0 ? HUAILAI : JULU, name);
  }
});
afterAll(() => cleanup());

describe("--jobs", () => {
  it("--jobs 1 checks in this thread; --jobs 3 here and in two workers; the reports are identical and in input order", async () => {
    workersStarted = 0;
    const one = await run("check", path.join(dir, "in"), "--json", "--jobs", "1");
    expect(workersStarted).toBe(0);
    const three = await run("check", path.join(dir, "in"), "--json", "--jobs", "3");
    expect(workersStarted).toBe(2);
    expect(three.stdout).toBe(one.stdout);
    expect(three.stderr).toBe(one.stderr);
    expect(three.status).toBe(1);
    const files = reportSchema.parse(JSON.parse(three.stdout)).files;
    expect(files.map((f) => path.basename(f.file))).toEqual(
      Array.from({ length: 12 }, (_, i) => `${String(i).padStart(2, "0")}.xlsx`),
    );
    expect(files[5].error?.message).toContain("无法读取");
    expect(files.filter((f) => f.summary.errors === 12)).toHaveLength(4);
  });

  it("the text report is the same whatever the number of threads", async () => {
    const one = await run("check", path.join(dir, "in"), "--jobs", "1");
    const four = await run("check", path.join(dir, "in"), "--jobs", "4");
    expect(four.stdout).toBe(one.stdout);
    expect(four.stdout).toContain("逐个文件汇总：");
  });

  it("never starts more threads than files, and one file is checked in this thread", async () => {
    workersStarted = 0;
    await run("check", JULU, HUAILAI, "--json", "--jobs", "8");
    expect(workersStarted).toBe(1);
    workersStarted = 0;
    expect((await run("check", JULU, "--jobs", "8")).status).toBe(0);
    expect(workersStarted).toBe(0);
  });
});

describe("workers started before the inputs are listed", () => {
  it("a folder of one file: the spare workers stop, and the report is that of --jobs 1", async () => {
    const single = path.join(dir, "single");
    await mkdir(single);
    await copyFile(JULU, path.join(single, "only.xlsx"));
    const one = await run("check", single, "--json", "--jobs", "1");
    const many = runNode(["check", single, "--json", "--jobs", "4"]);
    expect(many.stdout).toBe(one.stdout);
    expect(many.status).toBe(0);
  });

  it("a usage error found while listing the inputs stops them, and the command ends at once", async () => {
    const started = Date.now();
    const result = runNode(["check", path.join(dir, "in"), "--out", path.join(dir, "copy.xlsx"), "--jobs", "4"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--out 只能用于检查单个文件");
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe("reading the next file while one is checked", () => {
  it("does not claim it: with two large files and two threads, the worker checks one", async () => {
    // Each takes this thread far longer to check than a worker takes to start.
    const large = [path.join(dir, "large-1.xlsx"), path.join(dir, "large-2.xlsx")];
    large.forEach((file, i) => writeWorkbook(generateWorkbook(3000, 7 + i, 1), file));
    filesSent = 0;
    const two = await run("check", ...large, "--json", "--jobs", "2");
    expect(filesSent).toBe(1);
    expect(two.stdout).toBe((await run("check", ...large, "--json", "--jobs", "1")).stdout);
  });

  const task = (file: string) => ({ index: 0, file, options: {}, rules: {}, copy: null });

  it("gives the same row as reading at the file's turn, for a workbook, a missing file and a folder", async () => {
    const { checkOne, readAhead } = await import("../../src/cli/checker");
    for (const file of [JULU, path.join(dir, "in", "05.xlsx"), path.join(dir, "missing.xlsx"), path.join(dir, "in")]) {
      const ahead = readAhead(file);
      const [early, late] = [await checkOne(task(file), ahead), await checkOne(task(file))];
      expect(early).toEqual(late);
    }
    const missing = await checkOne(task(path.join(dir, "missing.xlsx")), readAhead(path.join(dir, "missing.xlsx")));
    expect(missing.report.error?.message).toContain("找不到这个文件");
  });

  it("makes the annotated copy from the bytes it checked, even if the file changed since", async () => {
    const { checkOne, readAhead } = await import("../../src/cli/checker");
    const file = path.join(dir, "changing.xlsx");
    await copyFile(JULU, file);
    const ahead = readAhead(file);
    await ahead;
    // Saved again (here: replaced by something else) between the read and the copy.
    await writeFile(file, "no longer a workbook");
    const target = path.join(dir, "changing-annotated.xlsx");
    const outcome = await checkOne({ ...task(file), copy: { target, force: false } }, ahead);
    expect(outcome.report.issues.length).toBeGreaterThan(0);
    expect(outcome.copy).toEqual({ target, error: null });
    const again = await checkOne(task(target));
    expect(again.report.error).toBeUndefined();
    expect(again.report.issues).toEqual(outcome.report.issues);
  });

  it("never rejects: a file that cannot be read ahead is read, and explained, at its turn", async () => {
    const { readAhead } = await import("../../src/cli/checker");
    await expect(readAhead(path.join(dir, "missing.xlsx"))).resolves.toBeNull();
    await expect(readAhead(path.join(dir, "in"))).resolves.toBeNull();
    const bytes = await readAhead(JULU);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(bytes!.length).toBeGreaterThan(1000);
  });
});
