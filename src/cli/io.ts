/**
 * Where a command writes: standard output for results, standard error for the one-line failure.
 * Commands take it as a parameter so tests can run them in-process and capture both streams.
 */
export interface CliIO {
  /** Writes to standard output; the text is written as given (include the trailing newline). */
  out(text: string): void;
  /** Writes to standard error; the text is written as given (include the trailing newline). */
  err(text: string): void;
}

/** The process's own streams. */
export const processIO: CliIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
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
