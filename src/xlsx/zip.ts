/**
 * Reading the parts of an .xlsx package (a zip file) on demand, within limits. The central directory
 * is read once; a part is inflated only when asked for, in chunks, and the inflated bytes are counted
 * as they come: a part (or all parts together) growing past its limit stops at once with an
 * InputError, so a zip bomb costs seconds, never the machine's memory. Built on fflate's streaming
 * inflate: small, dependency-free, kept up to date, and the same code runs in a browser.
 */
import { Inflate } from "fflate";
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

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

const CHUNK = 64 * 1024;

function u16(b: Uint8Array, at: number): number {
  return b[at] | (b[at + 1] << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16)) + b[at + 3] * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

const utf8 = new TextDecoder("utf-8");

/** A part name as stored, with back slashes (some writers use them) made forward and no leading slash. */
function normalName(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "");
}

export class ZipPackage {
  private readonly entries = new Map<string, Entry>();
  /** Lower-case name → name, for writers that change the case of part names. */
  private readonly folded = new Map<string, string>();
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  ) {
    for (const entry of this.readDirectory()) {
      this.entries.set(entry.name, entry);
      this.folded.set(entry.name.toLowerCase(), entry.name);
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
    const start = this.dataStart(entry);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length) throw this.damaged(`the part ${name} is cut off`);
    let partBytes = 0;
    const take = (chunk: Uint8Array) => {
      partBytes += chunk.length;
      this.inflated += chunk.length;
      if (partBytes > this.limits.partBytes) throw this.tooLarge(name, this.limits.partBytes, "part");
      if (this.inflated > this.limits.totalBytes) throw this.tooLarge(name, this.limits.totalBytes, "total");
      sink(chunk);
    };
    if (entry.method === 0) {
      for (let at = start; at < end; at += CHUNK) take(this.bytes.subarray(at, Math.min(end, at + CHUNK)));
      return;
    }
    if (entry.method !== 8) throw this.damaged(`the part ${name} uses compression method ${entry.method}`);
    const inflate = new Inflate((chunk) => take(chunk));
    try {
      for (let at = start; at < end; at += CHUNK)
        inflate.push(this.bytes.subarray(at, Math.min(end, at + CHUNK)), false);
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

  private dataStart(entry: Entry): number {
    const at = entry.localHeader;
    if (at + 30 > this.bytes.length || u32(this.bytes, at) !== 0x04034b50) {
      throw this.damaged(`the part ${entry.name} has no local header`);
    }
    return at + 30 + u16(this.bytes, at + 26) + u16(this.bytes, at + 28);
  }

  /** The central directory's entries, zip64 sizes and offsets included. */
  private readDirectory(): Entry[] {
    const b = this.bytes;
    // The end-of-central-directory record: within the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
    let eocd = -1;
    for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
      if (u32(b, at) === 0x06054b50) {
        eocd = at;
        break;
      }
    }
    if (eocd < 0) throw this.damaged("no zip directory");
    let count = u16(b, eocd + 10);
    let offset = u32(b, eocd + 16);
    // Zip64: the record before holds the real count and offset.
    if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
      const record = u64(b, eocd - 12);
      if (record + 56 <= b.length && u32(b, record) === 0x06064b50) {
        count = u64(b, record + 32);
        offset = u64(b, record + 48);
      }
    }
    const entries: Entry[] = [];
    let at = offset;
    for (let i = 0; i < count; i++) {
      if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw this.damaged("the zip directory is cut off");
      const method = u16(b, at + 10);
      let compressedSize = u32(b, at + 20);
      let size = u32(b, at + 24);
      const nameLength = u16(b, at + 28);
      const extraLength = u16(b, at + 30);
      const commentLength = u16(b, at + 32);
      let localHeader = u32(b, at + 42);
      const name = normalName(utf8.decode(b.subarray(at + 46, at + 46 + nameLength)));
      // Zip64 extra field (id 1): the 64-bit values, in order, for those set to 0xffffffff.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = u16(b, extra);
        const length = u16(b, extra + 2);
        if (id === 1) {
          let field = extra + 4;
          if (size === 0xffffffff) {
            size = u64(b, field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, field);
            field += 8;
          }
          if (localHeader === 0xffffffff) localHeader = u64(b, field);
        }
        extra += 4 + length;
      }
      if (!name.endsWith("/")) entries.push({ name, method, compressedSize, size, localHeader });
      at = extraEnd + commentLength;
    }
    return entries;
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
