/**
 * A zip package patched, not rewritten: the entries are read from the central directory, an entry the
 * caller does not replace is copied with its compressed bytes as they are (so its content is the same
 * byte for byte and costs no inflating), and only replaced or added entries are deflated anew. A part
 * is inflated only when asked for, within a size limit that stops zlib as soon as it is passed (as the
 * reader does); new parts are deflated by Node's zlib too.
 */
import { deflateRawSync, inflateRawSync } from "node:zlib";

/** One entry of the central directory, with what is needed to copy it unchanged. */
export interface ZipEntry {
  name: string;
  /** The name's bytes as stored (kept as they are when the entry is copied). */
  nameBytes: Uint8Array;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  internalAttributes: number;
  externalAttributes: number;
  localHeader: number;
}

/** The package cannot be read as a zip file; `detail` says where. */
export class ZipError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "ZipError";
  }
}

/** A part that inflates (or is stored) past the limit it was read under. */
export class ZipTooLargeError extends ZipError {
  constructor(detail: string) {
    super(detail);
    this.name = "ZipTooLargeError";
  }
}

const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)) + b[at + 3]! * 0x1000000;
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

/** The entries of a zip file's central directory, zip64 sizes and offsets included, in stored order. */
export function readZipDirectory(b: Uint8Array): { entries: ZipEntry[]; comment: Uint8Array } {
  let eocd = -1;
  for (let at = b.length - 22; at >= Math.max(0, b.length - 22 - 0xffff); at--) {
    if (u32(b, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new ZipError("no zip directory");
  let count = u16(b, eocd + 10);
  let offset = u32(b, eocd + 16);
  const comment = b.subarray(eocd + 22, Math.min(b.length, eocd + 22 + u16(b, eocd + 20)));
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(b, eocd - 20) === 0x07064b50) {
    const record = u64(b, eocd - 12);
    if (record + 56 <= b.length && u32(b, record) === 0x06064b50) {
      count = u64(b, record + 32);
      offset = u64(b, record + 48);
    }
  }
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > b.length || u32(b, at) !== 0x02014b50) throw new ZipError("the zip directory is cut off");
    let compressedSize = u32(b, at + 20);
    let size = u32(b, at + 24);
    const nameLength = u16(b, at + 28);
    const extraLength = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    let localHeader = u32(b, at + 42);
    const nameBytes = b.subarray(at + 46, at + 46 + nameLength);
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
    entries.push({
      name: utf8.decode(nameBytes),
      nameBytes,
      versionMadeBy: u16(b, at + 4),
      versionNeeded: u16(b, at + 6),
      flags: u16(b, at + 8),
      method: u16(b, at + 10),
      time: u16(b, at + 12),
      date: u16(b, at + 14),
      crc: u32(b, at + 16),
      compressedSize,
      size,
      internalAttributes: u16(b, at + 36),
      externalAttributes: u32(b, at + 38),
      localHeader,
    });
    at = extraEnd + commentLength;
  }
  return { entries, comment };
}

/** The compressed bytes of an entry, as stored. */
export function rawData(b: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localHeader;
  if (at + 30 > b.length || u32(b, at) !== 0x04034b50) throw new ZipError(`the part ${entry.name} has no local header`);
  const start = at + 30 + u16(b, at + 26) + u16(b, at + 28);
  const end = start + entry.compressedSize;
  if (end > b.length) throw new ZipError(`the part ${entry.name} is cut off`);
  return b.subarray(start, end);
}

/** zlib's smallest output chunk that is still worth a call: small parts get 64 KB. */
const MIN_CHUNK = 64 * 1024;

/** Deflate's largest ratio of inflated to compressed bytes is about 1032 to 1. */
const MAX_DEFLATE_RATIO = 1032;

/** An entry's inflated bytes; throws ZipError past `limit` bytes, on damage or an unknown method. */
export function inflateEntry(b: Uint8Array, entry: ZipEntry, limit: number): Uint8Array {
  const data = rawData(b, entry);
  if (entry.flags & 1) throw new ZipError(`the part ${entry.name} is encrypted`);
  if (entry.method === 0) {
    if (data.length > limit) throw new ZipTooLargeError(`the part ${entry.name} is larger than ${limit} bytes`);
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`the part ${entry.name} uses compression method ${entry.method}`);
  const tooLarge = () => new ZipTooLargeError(`the part ${entry.name} inflates past ${limit} bytes`);
  let out: Uint8Array;
  try {
    // One output buffer of the size the directory gives (+1, or zlib would add a chunk to find the
    // end): no 16 KB pieces joined by a copy. A wrong size only costs that copy again. A size past the
    // limit, or past what the compressed bytes can inflate to, is not trusted: a directory claiming
    // 4 GiB for every part would otherwise reserve 256 MiB for each.
    const chunkSize = Math.max(MIN_CHUNK, Math.min(entry.size + 1, limit + 1, data.length * MAX_DEFLATE_RATIO + 1));
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit), chunkSize });
  } catch (error) {
    // zlib stops as soon as the output passes the limit: a bomb costs the limit at most.
    if ((error as { code?: string } | null)?.code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
    throw new ZipError(`the part ${entry.name} cannot be inflated`);
  }
  if (out.length > limit) throw tooLarge();
  return out;
}

let crcTable: Uint32Array | null = null;

/** CRC-32 of the bytes, as zip stores it. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** What the new package holds at one place: an entry of the old package copied, or new content. */
export type ZipItem =
  { kind: "copy"; entry: ZipEntry } | { kind: "new"; name: string; data: Uint8Array; like?: ZipEntry };

/** DOS time and date of now, for new entries. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * Writes a zip file holding `items` in order. A copied entry keeps its compressed bytes, CRC, dates and
 * attributes (its local header is written fresh from the directory, so a data descriptor is no longer
 * needed); new content is deflated. The archive comment is kept.
 */
export function writeZip(source: Uint8Array, items: readonly ZipItem[], comment: Uint8Array): Uint8Array {
  const encoder = new TextEncoder();
  const now = dosNow();
  const pieces: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const item of items) {
    let header: Omit<ZipEntry, "localHeader" | "name">;
    let data: Uint8Array;
    if (item.kind === "copy") {
      header = item.entry;
      data = rawData(source, item.entry);
    } else {
      const like = item.like;
      data = deflateRawSync(item.data, { level: 6 });
      header = {
        nameBytes: like?.nameBytes ?? encoder.encode(item.name),
        versionMadeBy: like?.versionMadeBy ?? 20,
        versionNeeded: 20,
        // Only the UTF-8 name flag is kept: the data is deflated with no descriptor and no encryption.
        flags: (like?.flags ?? 0x800) & 0x800,
        method: 8,
        time: like?.time ?? now.time,
        date: like?.date ?? now.date,
        crc: crc32(item.data),
        compressedSize: data.length,
        size: item.data.length,
        internalAttributes: like?.internalAttributes ?? 0,
        externalAttributes: like?.externalAttributes ?? 0,
      };
    }
    if (offset + 30 + header.nameBytes.length + data.length > 0xfffffffe || header.size > 0xfffffffe) {
      throw new ZipError("the annotated copy would be larger than 4 GB");
    }
    const local = new Uint8Array(30 + header.nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, header.versionNeeded, true);
    lv.setUint16(6, header.flags & ~0x8, true);
    lv.setUint16(8, header.method, true);
    lv.setUint16(10, header.time, true);
    lv.setUint16(12, header.date, true);
    lv.setUint32(14, header.crc, true);
    lv.setUint32(18, header.compressedSize, true);
    lv.setUint32(22, header.size, true);
    lv.setUint16(26, header.nameBytes.length, true);
    local.set(header.nameBytes, 30);
    const entry = new Uint8Array(46 + header.nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, header.versionMadeBy, true);
    cv.setUint16(6, header.versionNeeded, true);
    cv.setUint16(8, header.flags & ~0x8, true);
    cv.setUint16(10, header.method, true);
    cv.setUint16(12, header.time, true);
    cv.setUint16(14, header.date, true);
    cv.setUint32(16, header.crc, true);
    cv.setUint32(20, header.compressedSize, true);
    cv.setUint32(24, header.size, true);
    cv.setUint16(28, header.nameBytes.length, true);
    cv.setUint16(36, header.internalAttributes, true);
    cv.setUint32(38, header.externalAttributes, true);
    cv.setUint32(42, offset, true);
    entry.set(header.nameBytes, 46);
    pieces.push(local, data);
    central.push(entry);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  if (items.length > 0xfffe || offset + centralSize > 0xfffffffe) {
    throw new ZipError("the annotated copy would need a zip64 directory");
  }
  const end = new Uint8Array(22 + comment.length);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, items.length, true);
  ev.setUint16(10, items.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  ev.setUint16(20, comment.length, true);
  end.set(comment, 22);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const piece of [...pieces, ...central, end]) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}
