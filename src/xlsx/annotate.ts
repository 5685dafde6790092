/**
 * The .xlsx host's write: an annotated copy of the checked workbook, its error and warning cells
 * painted in Excel's "Bad" and "Neutral" styles and explained in cell notes, as the add-in shows them.
 * The copy is the input's package patched (src/xlsx/patch): only the painted cells' style indexes, the
 * styles, and the notes' parts change; every other part is copied byte for byte. The input is never written.
 */
import { realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Issue } from "../core/report";
import { HostError } from "../host/types";
import { annotatePackage, type AnnotationSummary } from "./patch/annotate-package";
import { readInputBytes } from "./read";

/** The annotated copy cannot be written where asked; the message says why, Chinese first. */
export class OutputError extends HostError {
  constructor(
    readonly file: string,
    reasonZh: string,
    reasonEn: string,
    options?: { cause?: unknown },
  ) {
    super(`无法写入“${file}”：${reasonZh}`, `cannot write "${file}": ${reasonEn}`, options);
    this.name = "OutputError";
  }
}

/** True when two paths name the same file (after resolving links), so that a copy would overwrite its source. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ra, rb] = await Promise.all([resolveExisting(a), resolveExisting(b)]);
  if (ra === rb) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function resolveExisting(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      return path.join(await realpath(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/**
 * Writes an annotated copy of `input` to `output`. Refuses an output that is the input itself.
 * The copy is written beside the output under a temporary name, then renamed, so a failure never
 * leaves half a workbook behind. The copy is made from the file's bytes, never rewritten: from
 * `checked`, the bytes the findings came from, when given (so a file saved again in the meantime
 * is not painted with findings of its earlier version), else from the file as it is now.
 */
export async function writeAnnotatedCopy(
  input: string,
  output: string,
  issues: readonly Issue[],
  checked?: Uint8Array,
): Promise<AnnotationSummary> {
  if (await isSameFile(input, output)) {
    throw new OutputError(
      output,
      "标注副本不能覆盖被检查的原文件，请换一个文件名。",
      "the annotated copy may not overwrite the workbook being checked; choose another file name.",
    );
  }
  const bytes = checked ?? (await readInputBytes(input));
  let annotated: { bytes: Uint8Array; summary: AnnotationSummary };
  try {
    annotated = annotatePackage(bytes, issues);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new OutputError(
      output,
      `无法在原工作簿的结构上添加标注（${detail}）；原文件未改动。`,
      `the workbook's package could not be annotated (${detail}); the input is unchanged.`,
      { cause },
    );
  }
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, annotated.bytes);
    await rename(temporary, output);
  } catch (cause) {
    await unlink(temporary).catch(() => undefined);
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new OutputError(output, `写入失败（${detail}）。`, `writing failed (${detail}).`, {
      cause,
    });
  }
  return annotated.summary;
}
