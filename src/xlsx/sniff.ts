/**
 * Recognising what a file really is before handing it to exceljs, so that every input that is not
 * a readable .xlsx workbook gets one plain, bilingual sentence instead of a parser's stack trace.
 */
import { HostError } from "../host/types";

/** A file the user named cannot be read as a workbook; the message says why, Chinese first. */
export class InputError extends HostError {
  constructor(
    readonly file: string,
    reasonZh: string,
    reasonEn: string,
    options?: { cause?: unknown },
  ) {
    super(`无法读取“${file}”：${reasonZh}`, `cannot read "${file}": ${reasonEn}`, options);
    this.name = "InputError";
  }
}

type InputKind =
  | { kind: "xlsx" }
  | { kind: "empty" }
  | { kind: "encrypted" }
  | { kind: "xls" }
  | { kind: "ole-other" }
  | { kind: "truncated-zip" }
  | { kind: "zip-other"; what: "word" | "powerpoint" | "xlsb" | "ods" | "unknown" }
  | { kind: "text"; what: "html" | "xml-spreadsheet" | "text" }
  | { kind: "unknown" };

const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** Finds a name as it is stored in a compound file's directory (UTF-16LE). */
function containsUtf16(bytes: Uint8Array, name: string): boolean {
  const needle = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) needle[i * 2] = name.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function readUint16(bytes: Uint8Array, at: number): number {
  return bytes[at] | (bytes[at + 1] << 8);
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16)) + bytes[at + 3] * 0x1000000;
}

/** The entry names of a zip's central directory, or null when the archive is cut short or damaged. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  // The end-of-central-directory record sits in the last 22 bytes plus up to 64 KiB of comment.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= earliest; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const count = readUint16(bytes, eocd + 10);
  const size = readUint32(bytes, eocd + 12);
  const offset = readUint32(bytes, eocd + 16);
  if (offset === 0xffffffff || count === 0xffff) return []; // zip64: leave the details to the reader
  if (offset + size > eocd) return null;
  const names: string[] = [];
  const decoder = new TextDecoder("utf-8");
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > eocd || readUint32(bytes, at) !== 0x02014b50) return null;
    const nameLength = readUint16(bytes, at + 28);
    const extraLength = readUint16(bytes, at + 30);
    const commentLength = readUint16(bytes, at + 32);
    const localOffset = readUint32(bytes, at + 42);
    if (localOffset + 30 > offset || readUint32(bytes, localOffset) !== 0x04034b50) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (startsWith(sample, [0xef, 0xbb, 0xbf]) || startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) {
    return true;
  }
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  if (control > sample.length / 100) return false;
  // UTF-8 or GB18030 text both pass: neither has NUL bytes, and control characters are rare.
  return true;
}

export function sniffInput(bytes: Uint8Array): InputKind {
  if (bytes.length === 0) return { kind: "empty" };
  if (startsWith(bytes, CFB)) {
    if (containsUtf16(bytes, "EncryptedPackage") || containsUtf16(bytes, "EncryptionInfo"))
      return { kind: "encrypted" };
    if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return { kind: "xls" };
    return { kind: "ole-other" };
  }
  if (startsWith(bytes, ZIP_LOCAL) || startsWith(bytes, ZIP_EMPTY)) {
    const names = zipEntryNames(bytes);
    if (names === null) return { kind: "truncated-zip" };
    if (names.length === 0 && startsWith(bytes, ZIP_LOCAL)) return { kind: "xlsx" }; // zip64: let the reader decide
    if (names.some((n) => /^xl\/workbook\d*\.xml$/i.test(n))) return { kind: "xlsx" };
    if (names.some((n) => /^xl\/workbook\d*\.bin$/i.test(n))) return { kind: "zip-other", what: "xlsb" };
    if (names.some((n) => /^word\//i.test(n))) return { kind: "zip-other", what: "word" };
    if (names.some((n) => /^ppt\//i.test(n))) return { kind: "zip-other", what: "powerpoint" };
    if (names.includes("content.xml") && names.includes("mimetype")) return { kind: "zip-other", what: "ods" };
    return { kind: "zip-other", what: "unknown" };
  }
  if (looksLikeText(bytes)) {
    const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 2048)).toLowerCase();
    if (/<html|<table|<!doctype html/.test(head)) return { kind: "text", what: "html" };
    if (head.includes("urn:schemas-microsoft-com:office:spreadsheet")) return { kind: "text", what: "xml-spreadsheet" };
    return { kind: "text", what: "text" };
  }
  return { kind: "unknown" };
}

/** The sentence for an input that is not a readable workbook; null when it looks like one. */
export function describeUnreadable(file: string, kind: InputKind): InputError | null {
  const fail = (zh: string, en: string) => new InputError(file, zh, en);
  switch (kind.kind) {
    case "xlsx":
      return null;
    case "empty":
      return fail("文件是空的（0 字节）。", "the file is empty (0 bytes).");
    case "encrypted":
      return fail(
        "文件已加密，请先在 Excel 中取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密）后再检查。",
        "the workbook is encrypted; remove its password in Excel (File → Info → Protect Workbook → Encrypt with Password), then check it again.",
      );
    case "xls":
      return fail(
        "这是旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中另存为 .xlsx 后再检查。",
        "this is an old Excel 97-2003 workbook (.xls); save it as .xlsx in Excel, then check it again.",
      );
    case "ole-other":
      return fail(
        "这是旧版 Office 文件（不是 .xlsx 工作簿），请在 Excel 中另存为 .xlsx 后再检查。",
        "this is an old Office file, not an .xlsx workbook; save it as .xlsx in Excel, then check it again.",
      );
    case "truncated-zip":
      return fail(
        "文件不完整或已损坏（可能下载或复制时中断），请重新获取原文件。",
        "the file is incomplete or corrupt (perhaps a download or copy was cut short); get the original file again.",
      );
    case "zip-other": {
      const what = {
        word: ["这是 Word 文档，不是 Excel 工作簿。", "this is a Word document, not an Excel workbook."],
        powerpoint: [
          "这是 PowerPoint 演示文稿，不是 Excel 工作簿。",
          "this is a PowerPoint presentation, not an Excel workbook.",
        ],
        xlsb: [
          "这是 Excel 二进制工作簿（.xlsb），请在 Excel 中另存为 .xlsx 后再检查。",
          "this is an Excel binary workbook (.xlsb); save it as .xlsx in Excel, then check it again.",
        ],
        ods: [
          "这是 OpenDocument 表格（.ods），请另存为 .xlsx 后再检查。",
          "this is an OpenDocument spreadsheet (.ods); save it as .xlsx, then check it again.",
        ],
        unknown: ["这是一个压缩包，但不是 Excel 工作簿。", "this is a zip archive, but not an Excel workbook."],
      }[kind.what];
      return fail(what[0], what[1]);
    }
    case "text": {
      const what = {
        html: [
          "这是网页（HTML）文件，只是扩展名像 Excel 文件；请在 Excel 中打开并另存为 .xlsx 后再检查。",
          "this is a web page (HTML) with a spreadsheet's name; open it in Excel and save it as .xlsx, then check it again.",
        ],
        "xml-spreadsheet": [
          "这是 XML 电子表格 2003 文件，请在 Excel 中另存为 .xlsx 后再检查。",
          "this is an XML Spreadsheet 2003 file; save it as .xlsx in Excel, then check it again.",
        ],
        text: [
          "这是文本文件（例如 CSV），不是 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx 后再检查。",
          "this is a text file (such as CSV), not an Excel workbook; open it in Excel and save it as .xlsx, then check it again.",
        ],
      }[kind.what];
      return fail(what[0], what[1]);
    }
    case "unknown":
      return fail("这不是 Excel 工作簿（.xlsx）。", "this is not an Excel workbook (.xlsx).");
  }
}
