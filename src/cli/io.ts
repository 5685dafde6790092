/**
 * Where a command writes: standard output for results, standard error for the one-line failure.
 * Commands take it as a parameter so tests can run them in-process and capture both streams.
 */
export interface CliIO {
  /** Writes to standard output; the text is written as given (include the trailing newline). */
  out(text: string): void;
  /** Writes to standard error; the text is written as given (include the trailing newline). */
  err(text: string): void;
  /** True when standard error is a terminal (a progress line may be drawn there). */
  readonly errIsTTY?: boolean;
  /** True when standard output is a terminal. */
  readonly outIsTTY?: boolean;
  /**
   * Set once standard output can take no more (the reader went away, the disk is full): the
   * command stops its work and ends with status 2. Null while output is fine.
   */
  outputFailure?(): OutputFailure | null;
}

/** Why standard output stopped taking text. */
export interface OutputFailure {
  /** EPIPE (the reader closed the pipe), ENOSPC (disk full), or another system code. */
  code: string;
  /** One line for standard error, Chinese then English; null when quiet is right (a closed pipe). */
  line: string | null;
}

let stdoutFailure: OutputFailure | null = null;
let listening = false;

/** Describes a failed write to standard output. */
export function describeOutputFailure(error: unknown): OutputFailure {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? "EIO";
  if (code === "EPIPE" || code === "ERR_STREAM_DESTROYED") return { code, line: null };
  if (code === "ENOSPC" || code === "EDQUOT") {
    return { code, line: "写入标准输出失败：磁盘已满。 (writing standard output failed: the disk is full.)" };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code, line: `写入标准输出失败（${detail}）。 (writing standard output failed (${detail}).)` };
}

/**
 * A failed write to standard output arrives as an 'error' event; without a listener Node prints a
 * stack trace and dies. Listening turns it into a flag the commands read, and status 2.
 */
function listenForStdoutFailure(): void {
  if (listening) return;
  listening = true;
  process.stdout.on("error", recordStdoutFailure);
  // Standard error failing too leaves nothing to tell; it must not end in a stack trace either.
  process.stderr.on("error", () => {
    process.exitCode = 2;
  });
}

function recordStdoutFailure(error: unknown): void {
  if (stdoutFailure === null) {
    stdoutFailure = describeOutputFailure(error);
    if (stdoutFailure.line !== null) process.stderr.write(`${stdoutFailure.line}\n`);
  }
  process.exitCode = 2;
}

/** The process's own streams. */
export const processIO: CliIO = {
  out: (text) => {
    listenForStdoutFailure();
    if (stdoutFailure !== null) return;
    try {
      process.stdout.write(text);
    } catch (error) {
      // A synchronous stream (a file) may throw rather than emit.
      recordStdoutFailure(error);
    }
  },
  err: (text) => {
    listenForStdoutFailure();
    try {
      process.stderr.write(text);
    } catch {
      process.exitCode = 2;
    }
  },
  get errIsTTY() {
    return process.stderr.isTTY === true;
  },
  get outIsTTY() {
    return process.stdout.isTTY === true;
  },
  outputFailure: () => stdoutFailure,
};

/** An IO that keeps everything written, for tests and for callers that post-process the output. */
export function bufferIO(): CliIO & { stdout: () => string; stderr: () => string } {
  let stdout = "";
  let stderr = "";
  return {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
