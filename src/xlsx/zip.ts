/**
 * Reading the parts of an .xlsx package (a zip file) on demand, within limits. The central directory
 * is read once (by patch/zip.ts, which the annotated copy shares); a part is inflated only when asked
 * for, one at a time, by Node's zlib, told to stop at the part's limit (or at what is left of the limit
 * on all parts together): a part growing past it stops at once with an InputError, so a zip bomb costs
 * no more memory than the limit and well under a second. The reader scans each part where it lies and
 * lets it go before the next is inflated.
 */
import { inflateEntry, readZipDirectory, ZipError, ZipTooLargeError, type ZipEntry } from "./patch/zip";
import { InputError } from "./sniff";

/** Limits on what a package may inflate to; the defaults suit the largest real target-table workbooks. */
export interface ZipLimits {
  /** Inflated bytes of one part. */
  partBytes: number;
  /** Inflated bytes of every part read, together. */
  totalBytes: number;
}

/** 256 MiB per part (a 1,000,000-cell sheet is about 60 MiB of XML), 512 MiB in all. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { partBytes: 256 * 1024 * 1024, totalBytes: 512 * 1024 * 1024 };

/** A part name as stored, with back slashes (some writers use them) made forward and no leading slash. */
function normalName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  /** Lower-case name → name, for writers that change the case of part names. */
  private readonly folded = new Map<string, string>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    let directory: ZipEntry[];
    try {
      directory = readZipDirectory(bytes).entries;
    } catch (error) {
      throw this.damaged(error instanceof ZipError ? error.detail : "no zip directory", error);
    }
    for (const entry of directory) {
      if (entry.name.endsWith("/")) continue;
      const name = normalName(entry.name);
      this.entries.set(name, entry);
      this.folded.set(name.toLowerCase(), name);
    }
  }

  /** Every part name in the package. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The stored name of a part, matched exactly or else without regard to case; null when absent. */
  find(name: string): string | null {
    const n = normalName(name);
    if (this.entries.has(n)) return n;
    return this.folded.get(n.toLowerCase()) ?? null;
  }

  /** A part's inflated bytes; throws InputError past a limit or on damage. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw this.damaged(`the part ${name} is missing`);
    const left = this.limits.totalBytes - this.inflated;
    let out: Uint8Array;
    try {
      out = inflateEntry(this.bytes, entry, Math.min(this.limits.partBytes, left));
    } catch (error) {
      if (error instanceof ZipTooLargeError) {
        throw this.limits.partBytes <= left
          ? this.tooLarge(name, this.limits.partBytes, "part")
          : this.tooLarge(name, this.limits.totalBytes, "total");
      }
      throw this.damaged(error instanceof ZipError ? error.detail : `the part ${name} cannot be read`, error);
    }
    this.inflated += out.length;
    return out;
  }

  private damaged(detail: string, cause?: unknown): InputError {
    return new InputError(
      this.file,
      `文件已损坏（${detail}），无法读取工作簿；请在 Excel 中打开并重新保存后再检查。`,
      `the workbook is damaged (${detail}); open it in Excel, save it again, then check it again.`,
      { cause },
    );
  }

  private tooLarge(name: string, limit: number, which: "part" | "total"): InputError {
    const size = limit >= 1024 * 1024 ? `${Math.round(limit / 1024 / 1024)} MB` : `${limit} B`;
    return which === "part"
      ? new InputError(
          this.file,
          `其中的部件 ${name} 解压后超过 ${size} 的上限，可能是压缩炸弹或异常文件，已停止读取。`,
          `its part ${name} inflates past the ${size} limit (a zip bomb or a broken file); reading stopped.`,
        )
      : new InputError(
          this.file,
          `文件解压后的总大小超过 ${size} 的上限，可能是压缩炸弹或异常文件，已停止读取。`,
          `its parts inflate past the ${size} limit in all (a zip bomb or a broken file); reading stopped.`,
        );
  }
}
