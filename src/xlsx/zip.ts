/**
 * Reading the parts of an .xlsx package (a zip file) on demand, within limits. The central directory
 * is read once (by patch/zip.ts, which the annotated copy shares); a part is inflated only when asked for, in chunks, and the inflated bytes are counted
 * as they come: a part (or all parts together) growing past its limit stops at once with an
 * InputError, so a zip bomb costs seconds, never the machine's memory. Built on fflate's streaming
 * inflate: small, dependency-free, kept up to date, and the same code runs in a browser.
 */
import { Inflate } from "fflate";
import { rawData, readZipDirectory, ZipError, type ZipEntry } from "./patch/zip";
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

const CHUNK = 64 * 1024;

const utf8 = new TextDecoder("utf-8");

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

  /** Feeds a part's inflated bytes to `sink` in chunks; throws InputError past a limit or on damage. */
  stream(name: string, sink: (chunk: Uint8Array) => void): void {
    const entry = this.entries.get(name);
    if (!entry) throw this.damaged(`the part ${name} is missing`);
    let data: Uint8Array;
    try {
      data = rawData(this.bytes, entry);
    } catch (error) {
      throw this.damaged(error instanceof ZipError ? error.detail : `the part ${name} cannot be read`, error);
    }
    let partBytes = 0;
    const take = (chunk: Uint8Array) => {
      partBytes += chunk.length;
      this.inflated += chunk.length;
      if (partBytes > this.limits.partBytes) throw this.tooLarge(name, this.limits.partBytes, "part");
      if (this.inflated > this.limits.totalBytes) throw this.tooLarge(name, this.limits.totalBytes, "total");
      sink(chunk);
    };
    if (entry.method === 0) {
      for (let at = 0; at < data.length; at += CHUNK) take(data.subarray(at, Math.min(data.length, at + CHUNK)));
      return;
    }
    if (entry.method !== 8) throw this.damaged(`the part ${name} uses compression method ${entry.method}`);
    if (entry.flags & 1) throw this.damaged(`the part ${name} is encrypted`);
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for (let at = 0; at < data.length; at += CHUNK)
        inflate.push(data.subarray(at, Math.min(data.length, at + CHUNK)));
      inflate.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw this.damaged(`the part ${name} cannot be inflated`, error);
    }
  }

  /** A part's inflated bytes. */
  read(name: string): Uint8Array {
    const chunks: Uint8Array[] = [];
    let length = 0;
    this.stream(name, (chunk) => {
      chunks.push(chunk.slice());
      length += chunk.length;
    });
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  }

  /** A part as text (UTF-8, a byte-order mark dropped). */
  text(name: string): string {
    return utf8.decode(this.read(name));
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
