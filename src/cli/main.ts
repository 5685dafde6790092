/**
 * The command line's entry point (bundled into dist/cli.cjs; bin/target-table.cjs calls main).
 * Dispatches to the subcommands and guarantees the exit-status contract: a failure is one line on
 * standard error with status 2, never a stack trace.
 */
// First: it sets up the process before the other modules are evaluated.
import "./start";
import { isMainThread, workerData } from "node:worker_threads";
import packageJson from "../../package.json";
import { runCheck } from "./check";
import { collectBetweenSheets } from "./heap";
import { processIO, type CliIO } from "./io";
import { startWorker, WORKER_FLAG } from "./pool";
import { runSchema } from "./schema";
import { runTemplate } from "./template";
import { requestedLanguage, usageError, usageText, UsageError } from "./usage";

export { runCheck } from "./check";
export type { CliIO } from "./io";
// For the tests of the worker threads' start and of the collection between sheets (test/cli/heap.test.ts).
export { fullCollection } from "./heap";
export { stopWorkers, warmWorkers } from "./pool";

export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  try {
    const [command, ...rest] = argv;
    switch (command) {
      case "check":
        return await runCheck(rest, io);
      case "template":
        return await runTemplate(rest, io);
      case "schema":
        return await runSchema(rest, io);
      case "--help":
      case "-h":
      case "help":
        io.out(usageText(requestedLanguage(rest)));
        return 0;
      case "--version":
      case "-v":
      case "-V":
        io.out(`${packageJson.version}\n`);
        return 0;
      case undefined:
        throw usageError(
          "缺少命令，例如 target-table check 文件.xlsx。",
          "a command is missing, e.g. target-table check book.xlsx",
        );
      default:
        if (/\.xlsx?$/i.test(command)) {
          throw usageError(
            `未知命令“${command}”；检查文件请用 target-table check ${command}。`,
            `unknown command "${command}"; to check a file, use target-table check ${command}`,
          );
        }
        throw usageError(`未知命令“${command}”。`, `unknown command "${command}"`);
    }
  } catch (error) {
    const line =
      error instanceof UsageError
        ? error.message
        : `内部错误：${error instanceof Error ? error.message : String(error)} (internal error)`;
    io.err(`${line}\n`);
    return 2;
  }
}

/**
 * The command line as a program (bin/target-table.cjs, `node dist/cli.cjs`): main, in a process of its
 * own, whose checks collect garbage between sheets (src/cli/heap.ts). Tests call main in their process.
 */
export function runProgram(argv: string[]): Promise<number> {
  collectBetweenSheets();
  return main(argv);
}

// The same bundle is the checking worker when started with the flag (see pool.ts), and runs the
// command line when started directly (`node dist/cli.cjs check …`); bin/target-table.cjs calls main.
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_FLAG] === true) {
  collectBetweenSheets();
  startWorker();
} else if (isMainThread && typeof require !== "undefined" && require.main === module) {
  void runProgram(process.argv.slice(2)).then((code) => {
    process.exitCode = process.exitCode === 2 ? 2 : code;
  });
}
