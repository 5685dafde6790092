/**
 * Writing a file the user asked for (an annotated copy, a findings report) without ever losing one:
 * the content goes to a temporary file created exclusively next to the target, which then takes the
 * target's name. Without --force an existing file is never replaced, even one that appears meanwhile.
 */
import { link, open, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import { threadId } from "node:worker_threads";
import { OutputError } from "../xlsx/annotate";

export function existsRefusal(target: string): OutputError {
  return new OutputError(
    target,
    "文件已存在，不会覆盖。请换一个文件名，或加 --force 覆盖。",
    "the file already exists and will not be overwritten; choose another name, or add --force to replace it.",
  );
}

/** A hidden name in the target's folder, unique to this process, thread and call. */
async function temporaryName(target: string): Promise<string> {
  // Loaded here, not with the bundle: a plain check never writes a file.
  const { randomBytes } = await import("node:crypto");
  const tag = `${process.pid}-${threadId}-${randomBytes(4).toString("hex")}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}.tmp${path.extname(target)}`);
}

/** Gives `temporary` the name `target`: atomically refusing an existing target unless `force`. */
async function place(temporary: string, target: string, force: boolean): Promise<void> {
  if (force) {
    await rename(temporary, target);
    return;
  }
  try {
    // A hard link fails if the target exists, so nothing is replaced even in a race.
    await link(temporary, target);
    await unlink(temporary);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw existsRefusal(target);
    // File systems without hard links (FAT, exFAT, some network shares): check, then rename.
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK", "EINVAL"].includes(code ?? "")) throw error;
  }
  if (await stat(target).catch(() => null)) throw existsRefusal(target);
  await rename(temporary, target);
}

/**
 * Creates `target` through `write`, which is handed the temporary file's name (already created,
 * empty) to fill. On any failure the temporary file is removed and the target left as it was.
 */
export async function writeExclusive(
  target: string,
  force: boolean,
  write: (temporary: string) => Promise<void>,
): Promise<void> {
  if (!force && (await stat(target).catch(() => null))) throw existsRefusal(target);
  const temporary = await temporaryName(target);
  try {
    const handle = await open(temporary, "wx");
    await handle.close();
    await write(temporary);
    await place(temporary, target, force);
  } catch (cause) {
    await unlink(temporary).catch(() => undefined);
    if (cause instanceof OutputError) throw cause.file === target ? cause : renamed(cause, target);
    const detail = cause instanceof Error ? cause.message : String(cause);
    const code = (cause as NodeJS.ErrnoException | null)?.code;
    if (code === "ENOSPC" || code === "EDQUOT") {
      throw new OutputError(target, "磁盘已满。", "the disk is full.", { cause });
    }
    throw new OutputError(target, `写入失败（${detail}）。`, `writing failed (${detail}).`, { cause });
  }
}

/** An OutputError raised about the temporary file, said of the target instead. */
function renamed(error: OutputError, target: string): OutputError {
  const zhPrefix = `无法写入“${error.file}”：`;
  const enPrefix = `cannot write "${error.file}": `;
  const reasonZh = error.messageZh.startsWith(zhPrefix) ? error.messageZh.slice(zhPrefix.length) : error.messageZh;
  const reasonEn = error.messageEn.startsWith(enPrefix) ? error.messageEn.slice(enPrefix.length) : error.messageEn;
  return new OutputError(target, reasonZh, reasonEn, { cause: error });
}

/** Writes bytes to `target` exclusively (see writeExclusive). */
export function writeBytesExclusive(target: string, force: boolean, bytes: Uint8Array): Promise<void> {
  return writeExclusive(target, force, async (temporary) => {
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(bytes);
    } finally {
      await handle.close();
    }
  });
}
