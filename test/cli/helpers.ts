/** Shared by the command-line tests: running in-process or as the bundled program, and the bundle kept fresh. */
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { bufferIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { ROOT } from "../xlsx/helpers";

export const BIN = path.join(ROOT, "bin", "target-table.cjs");
export const BUNDLE = path.join(ROOT, "dist", "cli.cjs");
export const JULU = path.join(ROOT, "examples", "julu-2023.xlsx");
export const HUAILAI = path.join(ROOT, "examples", "huailai-2022.xlsx");

export interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** `target-table ...argv` in this process. Worker threads, when used, run the built bundle. */
export async function run(...argv: string[]): Promise<Run> {
  const io = bufferIO();
  const status = await main(argv, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}

/** `node bin/target-table.cjs ...argv` in a child process, no shell (so no shell expands a pattern). */
export function runNode(argv: string[], cwd = ROOT): Run {
  const result: SpawnSyncReturns<string> = spawnSync(process.execPath, [BIN, ...argv], { cwd, encoding: "utf8" });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** Like runNode, asynchronously (so that a test can do other work meanwhile). */
export function spawnNode(argv: string[], cwd = ROOT) {
  return spawn(process.execPath, [BIN, ...argv], { cwd, stdio: ["ignore", "pipe", "pipe"] });
}

function newest(folder: string): number {
  let time = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    time = Math.max(time, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return time;
}

/** Rebuilds dist/cli.cjs when it is missing or older than the sources (`npm test` builds it first). */
export function ensureBundle(): void {
  let built = -1;
  try {
    built = statSync(BUNDLE).mtimeMs;
  } catch {
    built = -1;
  }
  if (built < newest(path.join(ROOT, "src"))) {
    const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, encoding: "utf8" });
    if (build.status !== 0) throw new Error(`npm run build:cli failed: ${build.stderr}`);
  }
}

/** No stack trace, no internal error. */
export function expectNoTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at |\bat .*:\d+:\d+|Error:|内部错误|internal error/);
}
