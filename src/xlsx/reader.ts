/**
 * The .xlsx reader: from a package's bytes to one snapshot per visible worksheet, reading only the
 * parts a check needs (the workbook, its relationships, shared strings, the number formats of the
 * styles, and the sheets the workbook lists, found through its relationships) and building the
 * snapshot straight from their bytes: each part is inflated on its own and run through a tokenizer that
 * builds no object per tag (scan.ts), so a cell costs what is kept of it, and no two parts are held at once.
 * Elements it does not know (extLst, future ones) are skipped; strict-OOXML parts read as transitional
 * ones, since only local names count. Memory follows the cells present: a cell far away costs one
 * cell, and content lying far beyond the table is left out of the snapshot and counted instead (see
 * `SheetSnapshot.omitted`). The snapshots are read-only: rows of number formats holding no number are
 * one shared, frozen row.
 */
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, parseRangeA1, toA1, type CellRange } from "../core/address";
import { formatCellText } from "../core/format";
import { isBlankCell, normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { isDateFormat } from "../core/values";
import { BUILTIN_NUMBER_FORMATS } from "./number-formats";
import { partNamed } from "./part-names";
import {
  ascii,
  decodeText,
  findAttribute,
  found,
  foundText,
  sameBytes,
  utf8Text,
  XmlScanner,
  type XmlHandler,
} from "./scan";
import { InputError } from "./sniff";
import { DEFAULT_ZIP_LIMITS, ZipPackage, type ZipLimits } from "./zip";

export interface ReadLimits extends ZipLimits {
  /** Cells present in one sheet. */
  sheetCells: number;
  /** Cells of the rectangle a snapshot spans (rows × columns), after far-away content is set aside. */
  snapshotCells: number;
}

/**
 * 10 million cells present per sheet; a snapshot of at most 20 million cells, the add-in's limit for a
 * sheet's used range (src/excel/read.ts).
 */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  ...DEFAULT_ZIP_LIMITS,
  sheetCells: 10_000_000,
  snapshotCells: 20_000_000,
};

/** Content this far (rows, columns) beyond the rest of the sheet is far away: set aside when the rectangle is too large. */
const FAR_ROWS = 1000;
const FAR_COLUMNS = 100;

interface SheetEntry {
  name: string;
  state: string;
  part: string | null;
}

/** An attribute's name: matched as written (`r:id`, `t`), else by its local part under any prefix. */
interface AttributeName {
  exact: Uint8Array;
  local: Uint8Array;
}

function attributeName(name: string, prefixed = false): AttributeName {
  return { exact: ascii(prefixed ? `r:${name}` : name), local: ascii(name) };
}

/** An attribute of the start tag being reported, as text; undefined when it is absent. */
function attribute(scanner: XmlScanner, from: number, to: number, name: AttributeName): string | undefined {
  const b = scanner.buffer;
  return findAttribute(b, from, to, name.exact, name.local) ? foundText(b) : undefined;
}

/** Handlers of a small part (relationships, workbook, styles): local names as text, attributes on demand. */
abstract class TagHandler implements XmlHandler {
  abstract element(scanner: XmlScanner, name: string, from: number, to: number): void;
  open(scanner: XmlScanner, _name: number, local: number, nameEnd: number, from: number, to: number): void {
    this.element(scanner, utf8Text(scanner.buffer, local, nameEnd), from, to);
  }
  /** An end tag, by local name (only for handlers that define it: no string is made otherwise). */
  ended?(name: string): void;
  close(scanner: XmlScanner, local: number, nameEnd: number): void {
    this.ended?.(utf8Text(scanner.buffer, local, nameEnd));
  }
  text(): void {}
  flush(): void {}
}

/** UTF-16 text is made UTF-8 for the tokenizer this many bytes at a time. */
const UTF16_CHUNK = 1 << 20;

/**
 * Scans a part written in UTF-16 (a package may hold such parts; its byte-order mark says which order)
 * as UTF-8, a chunk at a time, so it costs no copy of the whole part.
 */
function pushUtf16(scanner: XmlScanner, bytes: Uint8Array, encoding: "utf-16le" | "utf-16be"): void {
  // The decoder drops the byte-order mark at the start and keeps a character cut by a chunk's end.
  const decoder = new TextDecoder(encoding);
  const encoder = new TextEncoder();
  for (let at = 0; at < bytes.length; at += UTF16_CHUNK) {
    const end = Math.min(bytes.length, at + UTF16_CHUNK);
    scanner.push(encoder.encode(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length })));
  }
}

/** Streams a part through the tokenizer; a malformed part is an InputError saying the workbook is damaged. */
function scanPart(pkg: ZipPackage, part: string, file: string, handler: XmlHandler): void {
  const scanner = new XmlScanner(handler);
  try {
    // The part is scanned where it lies and let go before the next one is inflated.
    const bytes = pkg.read(part);
    if (bytes[0] === 0xff && bytes[1] === 0xfe) pushUtf16(scanner, bytes, "utf-16le");
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) pushUtf16(scanner, bytes, "utf-16be");
    else scanner.push(bytes);
    scanner.end();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(
      file,
      `文件已损坏（${part} 不是有效的 XML），无法读取工作簿；请在 Excel 中打开并重新保存后再检查。`,
      `the workbook is damaged (${part} is not well-formed XML); open it in Excel, save it again, then check it again.`,
      { cause: error },
    );
  }
}

const TARGET_MODE = attributeName("TargetMode");
const ID = attributeName("Id");
const TARGET = attributeName("Target");
const TYPE = attributeName("Type");

/** The relationships of a part: id → target, and type suffix → first target. */
function relationships(pkg: ZipPackage, part: string, file: string) {
  const slash = part.lastIndexOf("/");
  const relsName = pkg.find(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  const byId = new Map<string, { target: string; kind: string }>();
  const byType = new Map<string, string>();
  if (relsName === null) return { byId, byType };
  scanPart(
    pkg,
    relsName,
    file,
    new (class extends TagHandler {
      element(scanner: XmlScanner, name: string, from: number, to: number): void {
        if (name !== "Relationship" || attribute(scanner, from, to, TARGET_MODE) === "External") return;
        const id = attribute(scanner, from, to, ID);
        const target = attribute(scanner, from, to, TARGET);
        const type = attribute(scanner, from, to, TYPE) ?? "";
        if (!target) return;
        // The part's stored name when the package has it; else the name it should have (found missing later).
        const resolved = partNamed(part, target, (name) => pkg.find(name));
        const kind = type.slice(type.lastIndexOf("/") + 1);
        if (id) byId.set(id, { target: resolved, kind });
        if (!byType.has(kind)) byType.set(kind, resolved);
      }
    })(),
  );
  return { byId, byType };
}

const NAME_C = ascii("c");
const NAME_V = ascii("v");
const NAME_T = ascii("t");
const NAME_IS = ascii("is");
const NAME_SI = ascii("si");
const NAME_RPH = ascii("rPh");
const NAME_ROW = ascii("row");
const NAME_MERGE_CELL = ascii("mergeCell");

/** An escaped character of a string (ST_Xstring): _x000D_ is a carriage return, _x005F_ a "_". */
const XSTRING_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * The text of a <t> with its _xHHHH_ escapes read as Excel reads them (Excel writes control characters,
 * such as the CR of a CR LF line end, this way; openpyxl in lower case).
 */
function unescapeXstring(text: string): string {
  return text.replace(XSTRING_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of <t> elements inside an <si> or <is>, phonetic runs (<rPh>) left out: one per handler,
 * reset for each string.
 */
class RichText {
  private depthT = 0;
  private inPhonetic = 0;
  /** Where the text of the <t> being read starts in `value`: its escapes are read when it ends. */
  private start = 0;
  value = "";
  reset(): void {
    this.depthT = 0;
    this.inPhonetic = 0;
    this.value = "";
  }
  open(b: Uint8Array, local: number, nameEnd: number): void {
    if (sameBytes(b, local, nameEnd, NAME_RPH)) this.inPhonetic++;
    else if (sameBytes(b, local, nameEnd, NAME_T) && this.depthT++ === 0) this.start = this.value.length;
  }
  close(b: Uint8Array, local: number, nameEnd: number): void {
    if (sameBytes(b, local, nameEnd, NAME_RPH)) this.inPhonetic--;
    else if (sameBytes(b, local, nameEnd, NAME_T) && --this.depthT === 0 && this.value.includes("_x", this.start)) {
      this.value = this.value.slice(0, this.start) + unescapeXstring(this.value.slice(this.start));
    }
  }
  text(b: Uint8Array, start: number, end: number, plain: boolean, cdata: boolean): void {
    if (this.depthT > 0 && this.inPhonetic === 0) {
      this.value += plain ? utf8Text(b, start, end) : decodeText(b, start, end, false, cdata);
    }
  }
}

class SharedStrings implements XmlHandler {
  readonly strings: string[] = [];
  private readonly item = new RichText();
  private inItem = false;
  open(scanner: XmlScanner, _name: number, local: number, nameEnd: number): void {
    const b = scanner.buffer;
    if (sameBytes(b, local, nameEnd, NAME_SI)) {
      this.item.reset();
      this.inItem = true;
    } else if (this.inItem) this.item.open(b, local, nameEnd);
  }
  close(scanner: XmlScanner, local: number, nameEnd: number): void {
    const b = scanner.buffer;
    if (sameBytes(b, local, nameEnd, NAME_SI) && this.inItem) {
      this.strings.push(this.item.value);
      this.item.value = "";
      this.inItem = false;
    } else if (this.inItem) this.item.close(b, local, nameEnd);
  }
  text(scanner: XmlScanner, start: number, end: number, plain: boolean, cdata: boolean): void {
    if (this.inItem) this.item.text(scanner.buffer, start, end, plain, cdata);
  }
  flush(): void {}
}

function sharedStrings(pkg: ZipPackage, part: string | null, file: string): string[] {
  if (part === null) return [];
  const handler = new SharedStrings();
  scanPart(pkg, part, file, handler);
  return handler.strings;
}

const NUM_FMT_ID = attributeName("numFmtId");
const FORMAT_CODE = attributeName("formatCode");

/** The number format of each cell style (cellXfs index → format code). */
function cellFormats(pkg: ZipPackage, part: string | null, file: string): string[] {
  if (part === null) return [];
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellXfs = false;
  scanPart(
    pkg,
    part,
    file,
    new (class extends TagHandler {
      element(scanner: XmlScanner, name: string, from: number, to: number): void {
        if (name === "numFmt") {
          const id = Number(attribute(scanner, from, to, NUM_FMT_ID));
          const code = attribute(scanner, from, to, FORMAT_CODE);
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(attribute(scanner, from, to, NUM_FMT_ID) ?? 0);
          formats.push(custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? "General");
        }
      }
      override ended(name: string): void {
        if (name === "cellXfs") inCellXfs = false;
      }
    })(),
  );
  return formats;
}

/** The row and column of the last reference read by readReference (no object per cell). */
let refRow = 0;
let refCol = 0;

/** Reads a cell reference (A1, $B$7) from [start, end) of `b` into refRow and refCol; false when it is not one. */
function readReference(b: Uint8Array, start: number, end: number): boolean {
  let i = start;
  if (b[i] === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < end; i++) {
    let code = b[i];
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    if (++letters > 3) return false;
  }
  if (letters === 0) return false;
  if (i < end && b[i] === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < end; i++) {
    const code = b[i];
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
    if (++digits > 7) return false;
  }
  if (digits === 0 || row === 0) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

/** Reads a cell reference written with entities or line ends, as text. */
function readReferenceText(ref: string): boolean {
  const bytes = new TextEncoder().encode(ref);
  return readReference(bytes, 0, bytes.length);
}

const POWERS_OF_TEN = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written in [start, end) as Number() reads it, for the common spelling (an optional minus,
 * at most 15 digits, an optional decimal point): both the digits and the power of ten are exact
 * doubles, so their quotient is the correctly rounded value, as Number's. NaN for any other spelling
 * (an exponent, spaces, more digits), which the caller reads as text.
 */
function plainNumber(b: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = i < end && b[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; i < end; i++) {
    const c = b[i];
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e && fraction < 0) fraction = 0;
    else return NaN;
  }
  if (digits === 0 || digits > 15) return NaN;
  const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
  return negative ? -value : value;
}

/** A whole number of at most 9 digits written in [start, end), or -1. */
function plainIndex(b: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** Days between the 1904 and the 1900 date systems: a 1904 workbook's date serial plus this is Excel's usual one. */
const DATE_1904_OFFSET = 1462;

/** An ISO date of a t="d" cell (strict OOXML) as a 1900-system serial. */
function isoToSerial(text: string): number | null {
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  if (Number.isNaN(ms)) return null;
  return Math.round((ms / 86400000 + 25569) * 1e9) / 1e9;
}

interface SheetContext {
  file: string;
  strings: string[];
  formats: string[];
  date1904: boolean;
  limits: ReadLimits;
}

/** Cells as they arrive: parallel arrays (positions packed), so a sheet costs what its cells cost. */
class Cells {
  length = 0;
  rows = new Int32Array(1024);
  cols = new Int32Array(1024);
  values: CellValue[] = [];
  /** Each cell's number format ("General" for a cell not holding a number). */
  formats: string[] = [];

  push(row: number, col: number, value: CellValue, format: string): void {
    if (this.length === this.rows.length) {
      const rows = new Int32Array(this.length * 2);
      rows.set(this.rows);
      this.rows = rows;
      const cols = new Int32Array(this.length * 2);
      cols.set(this.cols);
      this.cols = cols;
    }
    this.rows[this.length] = row;
    this.cols[this.length] = col;
    this.length++;
    this.values.push(value);
    this.formats.push(format);
  }
}

/** The t attribute of a cell. */
const enum CellType {
  Number,
  Shared,
  Str,
  Inline,
  Boolean,
  Error,
  Date,
}

const CELL_TYPES: ReadonlyMap<string, CellType> = new Map([
  ["s", CellType.Shared],
  ["str", CellType.Str],
  ["inlineStr", CellType.Inline],
  ["b", CellType.Boolean],
  ["e", CellType.Error],
  ["d", CellType.Date],
]);
const TYPE_BYTES: [Uint8Array, CellType][] = [...CELL_TYPES].map(([text, type]) => [ascii(text), type]);

function cellType(b: Uint8Array, start: number, end: number): CellType {
  for (const [bytes, type] of TYPE_BYTES) if (sameBytes(b, start, end, bytes)) return type;
  return CellType.Number;
}

const REF = attributeName("r");
const T = attributeName("t");
const S = attributeName("s");

/** Builds one sheet's cells from the tokens of its part. */
class SheetReader implements XmlHandler {
  readonly cells = new Cells();
  readonly merges: CellRange[] = [];
  private row = -1;
  private col = -1;
  private inCell = false;
  private type = CellType.Number;
  private style = 0;
  /** The text of <v>: null before one is seen; "" and `pending` while its text is still offsets. */
  private raw: string | null = null;
  private pending = false;
  private pendingStart = 0;
  private pendingEnd = 0;
  private pendingPlain = true;
  private pendingCdata = false;
  private capturing = false;
  private buffer: Uint8Array = new Uint8Array(0);
  /** The text of an inline string (<is>), and whether the scanner is inside it. */
  private readonly inline = new RichText();
  private hasInline = false;
  private inInline = false;

  constructor(
    private readonly name: string,
    private readonly ctx: SheetContext,
  ) {}

  private tooFar(address: string): InputError {
    return new InputError(
      this.ctx.file,
      `工作表“${this.name}”中有超出 Excel 行列上限的单元格（${address}），文件可能已损坏。`,
      `worksheet "${this.name}" has a cell beyond Excel's row and column limits (${address}); the file may be damaged.`,
    );
  }

  open(scanner: XmlScanner, _name: number, local: number, nameEnd: number, from: number, to: number): void {
    const b = scanner.buffer;
    if (this.inCell) {
      if (this.inInline) this.inline.open(b, local, nameEnd);
      else if (sameBytes(b, local, nameEnd, NAME_V)) {
        this.capturing = true;
        this.raw = "";
        this.pending = false;
      } else if (sameBytes(b, local, nameEnd, NAME_IS)) {
        this.inline.reset();
        this.hasInline = true;
        this.inInline = true;
      }
      return;
    }
    if (sameBytes(b, local, nameEnd, NAME_C)) {
      if (findAttribute(b, from, to, REF.exact, REF.local)) {
        const ok = found.plain ? readReference(b, found.start, found.end) : readReferenceText(foundText(b));
        if (!ok) throw this.tooFar(foundText(b));
        this.row = refRow;
        this.col = refCol;
      } else this.col++;
      if (this.row < 0) this.row = 0;
      if (this.row >= EXCEL_MAX_ROWS || this.col >= EXCEL_MAX_COLUMNS) {
        throw this.tooFar(findAttribute(b, from, to, REF.exact, REF.local) ? foundText(b) : toA1(this.row, this.col));
      }
      this.inCell = true;
      this.type = !findAttribute(b, from, to, T.exact, T.local)
        ? CellType.Number
        : found.plain
          ? cellType(b, found.start, found.end)
          : (CELL_TYPES.get(foundText(b)) ?? CellType.Number);
      let style = 0;
      if (findAttribute(b, from, to, S.exact, S.local)) {
        style = found.plain ? plainIndex(b, found.start, found.end) : -1;
        if (style < 0) style = Number(foundText(b)) || 0;
      }
      this.style = style;
      this.raw = null;
      this.pending = false;
      this.capturing = false;
      this.hasInline = false;
      this.inInline = false;
    } else if (sameBytes(b, local, nameEnd, NAME_ROW)) {
      let r = NaN;
      if (findAttribute(b, from, to, REF.exact, REF.local)) {
        r = found.plain ? plainIndex(b, found.start, found.end) : -1;
        if (r < 0) r = Number(foundText(b));
      }
      this.row = Number.isInteger(r) && r > 0 ? r - 1 : this.row + 1;
      if (this.row >= EXCEL_MAX_ROWS) throw this.tooFar(`${this.row + 1}`);
      this.col = -1;
    } else if (sameBytes(b, local, nameEnd, NAME_MERGE_CELL)) {
      const ref = findAttribute(b, from, to, REF_MERGE.exact, REF_MERGE.local) ? foundText(b) : undefined;
      const range = ref ? parseRangeA1(ref) : null;
      if (range && range.bottom < EXCEL_MAX_ROWS && range.right < EXCEL_MAX_COLUMNS) this.merges.push(range);
    }
  }

  close(scanner: XmlScanner, local: number, nameEnd: number): void {
    if (!this.inCell) return;
    const b = scanner.buffer;
    if (sameBytes(b, local, nameEnd, NAME_C)) {
      this.buffer = b;
      this.finishCell();
      this.inCell = false;
    } else if (this.inInline) {
      if (sameBytes(b, local, nameEnd, NAME_IS)) this.inInline = false;
      else this.inline.close(b, local, nameEnd);
    } else if (sameBytes(b, local, nameEnd, NAME_V)) this.capturing = false;
  }

  text(scanner: XmlScanner, start: number, end: number, plain: boolean, cdata: boolean): void {
    if (!this.inCell) return;
    const b = scanner.buffer;
    if (this.inInline) this.inline.text(b, start, end, plain, cdata);
    else if (this.capturing) {
      if (this.raw === "" && !this.pending) {
        // The usual case: the whole of <v> in one run, read from its bytes when the cell ends.
        this.pending = true;
        this.pendingStart = start;
        this.pendingEnd = end;
        this.pendingPlain = plain;
        this.pendingCdata = cdata;
        this.buffer = b;
      } else {
        this.settle();
        this.raw += plain ? utf8Text(b, start, end) : decodeText(b, start, end, false, cdata);
      }
    }
  }

  /** The text of <v> kept as offsets, made a string (before the scanner's buffer moves). */
  private settle(): void {
    if (!this.pending) return;
    this.pending = false;
    const b = this.buffer;
    this.raw = this.pendingPlain
      ? utf8Text(b, this.pendingStart, this.pendingEnd)
      : decodeText(b, this.pendingStart, this.pendingEnd, false, this.pendingCdata);
  }

  flush(): void {
    this.settle();
  }

  private finishCell(): void {
    const ctx = this.ctx;
    const type = this.type;
    let value: CellValue = null;
    if (type === CellType.Inline) {
      if (this.hasInline) value = this.inline.value;
      else {
        this.settle();
        value = this.raw;
      }
    } else if (this.pending && this.pendingPlain && (type === CellType.Number || type === CellType.Shared)) {
      // Straight from the bytes: no string for a number or a shared string's index.
      this.pending = false;
      const b = this.buffer;
      if (type === CellType.Shared) {
        const index = plainIndex(b, this.pendingStart, this.pendingEnd);
        value =
          index >= 0 ? (ctx.strings[index] ?? "") : this.rawValue(utf8Text(b, this.pendingStart, this.pendingEnd));
      } else {
        const number = plainNumber(b, this.pendingStart, this.pendingEnd);
        value = Number.isNaN(number) ? this.rawValue(utf8Text(b, this.pendingStart, this.pendingEnd)) : number;
      }
    } else {
      this.settle();
      if (this.raw !== null) value = this.rawValue(this.raw);
    }
    if (value === null) return;
    const format = ctx.formats[this.style] ?? "General";
    // A t="d" date is already a 1900-system serial; a 1904 workbook's date-formatted number is not.
    if (typeof value === "number" && type !== CellType.Date && ctx.date1904 && isDateFormat(format)) {
      value += DATE_1904_OFFSET;
    }
    if (this.cells.length >= ctx.limits.sheetCells) {
      throw new InputError(
        ctx.file,
        `工作表“${this.name}”的单元格超过 ${ctx.limits.sheetCells} 个的上限，无法检查。`,
        `worksheet "${this.name}" has more than ${ctx.limits.sheetCells} cells, the limit; it cannot be checked.`,
      );
    }
    this.cells.push(this.row, this.col, value, typeof value === "number" ? format : "General");
  }

  /** A cell's value from the text of its <v>, by its type. */
  private rawValue(raw: string): CellValue {
    switch (this.type) {
      case CellType.Shared:
        return this.ctx.strings[Number(raw)] ?? "";
      case CellType.Str:
      case CellType.Inline:
        // <v> is an escaped string too: a formula's text result with a line break holds _x000D_.
        return raw.includes("_x") ? unescapeXstring(raw) : raw;
      case CellType.Boolean:
        return raw.trim() === "1" || raw.trim().toLowerCase() === "true";
      case CellType.Error:
        return raw.trim();
      case CellType.Date:
        return isoToSerial(raw.trim());
      default: {
        const number = Number(raw);
        return raw.trim() === "" || !Number.isFinite(number) ? null : number;
      }
    }
  }
}

const REF_MERGE = attributeName("ref");

function readSheet(pkg: ZipPackage, part: string, name: string, ctx: SheetContext): SheetSnapshot {
  const reader = new SheetReader(name, ctx);
  scanPart(pkg, part, ctx.file, reader);
  return snapshotFrom(name, reader.cells, reader.merges, ctx);
}

/**
 * A worksheet part's snapshot from its bytes in the chunks given (shared strings and cell formats as
 * the workbook would give them): the reader's own path, which takes a part whole, but can take it in
 * pieces cut anywhere (the tests do).
 */
export function readSheetChunks(
  chunks: Iterable<Uint8Array>,
  name: string,
  strings: string[] = [],
  formats: string[] = [],
): SheetSnapshot {
  const ctx: SheetContext = { file: "sheet.xml", strings, formats, date1904: false, limits: DEFAULT_READ_LIMITS };
  const reader = new SheetReader(name, ctx);
  const scanner = new XmlScanner(reader);
  for (const chunk of chunks) scanner.push(chunk);
  scanner.end();
  return snapshotFrom(name, reader.cells, reader.merges, ctx);
}

/** The dense snapshot of the cells read, far-away content set aside when the rectangle would be too large. */
function snapshotFrom(name: string, cells: Cells, merges: CellRange[], ctx: SheetContext): SheetSnapshot {
  const n = cells.length;
  let lastRow = -1;
  let lastCol = -1;
  for (let i = 0; i < n; i++) {
    if (cells.rows[i] > lastRow) lastRow = cells.rows[i];
    if (cells.cols[i] > lastCol) lastCol = cells.cols[i];
  }
  let omitted: SheetSnapshot["omitted"] = undefined;
  if ((lastRow + 1) * (lastCol + 1) > ctx.limits.snapshotCells) {
    const rowEnd = bodyEnd(cells.rows.subarray(0, n), FAR_ROWS);
    const colEnd = bodyEnd(cells.cols.subarray(0, n), FAR_COLUMNS);
    let count = 0;
    let first: { row: number; col: number } | null = null;
    for (let i = 0; i < n; i++) {
      if (cells.rows[i] <= rowEnd && cells.cols[i] <= colEnd) continue;
      count++;
      if (!first || cells.rows[i] < first.row || (cells.rows[i] === first.row && cells.cols[i] < first.col)) {
        first = { row: cells.rows[i], col: cells.cols[i] };
      }
    }
    if ((rowEnd + 1) * (colEnd + 1) > ctx.limits.snapshotCells) {
      throw new InputError(
        ctx.file,
        `工作表“${name}”的内容区域超过 ${ctx.limits.snapshotCells} 个单元格的上限，无法检查。`,
        `worksheet "${name}" spans more than ${ctx.limits.snapshotCells} cells, the limit; it cannot be checked.`,
      );
    }
    lastRow = rowEnd;
    lastCol = colEnd;
    if (first) omitted = { cells: count, first: toA1(first.row, first.col) };
  }
  const rowCount = lastRow + 1;
  const colCount = lastCol + 1;
  const values: CellValue[][] = Array.from({ length: rowCount }, () => new Array<CellValue>(colCount).fill(null));
  const texts: string[][] = Array.from({ length: rowCount }, () => new Array<string>(colCount).fill(""));
  // Most rows hold no number: they share one frozen row of "General" (a row of its own is made when a
  // number comes), which spares a third of a large snapshot's arrays.
  const generalRow: readonly string[] = Object.freeze(new Array<string>(colCount).fill("General"));
  const numberFormats = new Array<string[]>(rowCount).fill(generalRow as string[]);
  for (let i = 0; i < n; i++) {
    const r = cells.rows[i];
    const c = cells.cols[i];
    if (r > lastRow || c > lastCol) continue;
    const value = cells.values[i];
    const format = cells.formats[i];
    values[r][c] = value;
    // Text shows as typed (a format's text section is not applied: the Excel host cannot see it either).
    texts[r][c] = typeof value === "string" ? value : formatCellText(value, format);
    if (format !== "General") {
      if (numberFormats[r] === generalRow) numberFormats[r] = new Array<string>(colCount).fill("General");
      numberFormats[r][c] = format;
    }
  }
  // A merged area with content in its top-left cell belongs to the sheet's extent, as far as the limit
  // allows: one reaching past it (A1:XFD1048576 is legal) is cut at the cells' extent.
  const filled = (m: CellRange) => m.top <= lastRow && m.left <= lastCol && values[m.top][m.left] !== null;
  let bottom = lastRow;
  let right = lastCol;
  for (const m of merges) {
    if (!filled(m)) continue;
    const b = Math.max(bottom, m.bottom);
    const r = Math.max(right, m.right);
    if ((b + 1) * (r + 1) <= ctx.limits.snapshotCells) {
      bottom = b;
      right = r;
    }
  }
  for (let r = 0; r <= bottom; r++) {
    if (r > lastRow) {
      values.push(new Array<CellValue>(colCount).fill(null));
      texts.push(new Array<string>(colCount).fill(""));
      numberFormats.push(generalRow as string[]);
    }
  }
  const kept = merges
    .filter((m) => m.top <= bottom && m.left <= right)
    .map((m) => ({ top: m.top, left: m.left, bottom: Math.min(m.bottom, bottom), right: Math.min(m.right, right) }));
  // A merged area's value lives in its top-left cell only, as Excel shows it.
  for (const m of kept) {
    for (let r = m.top; r <= Math.min(m.bottom, lastRow); r++) {
      for (let c = r === m.top ? m.left + 1 : m.left; c <= Math.min(m.right, lastCol); c++) {
        values[r][c] = null;
        texts[r][c] = "";
        if (numberFormats[r][c] !== "General") numberFormats[r][c] = "General";
      }
    }
  }
  const raw = { name, values, texts, numberFormats, merges: kept };
  const snapshot = isCanonical(raw) ? withSortedMerges(raw) : normalizeSnapshot(raw);
  return omitted ? { ...snapshot, omitted } : snapshot;
}

/**
 * True when the rectangle is already what normalizeSnapshot would make of it: its last row and its last
 * column hold content and no merged area reaches past them. Then the copy is spared (a large sheet's
 * snapshot is the reader's largest allocation).
 */
function isCanonical(s: SheetSnapshot): boolean {
  const rows = s.values.length;
  const cols = rows === 0 ? 0 : s.values[0].length;
  if (rows === 0 || cols === 0) return false;
  const lastRowFilled = s.values[rows - 1].some((v, c) => !isBlankCell(v, s.texts[rows - 1][c]));
  const lastColFilled = s.values.some((row, r) => !isBlankCell(row[cols - 1], s.texts[r][cols - 1]));
  return lastRowFilled && lastColFilled && s.merges.every((m) => m.bottom < rows && m.right < cols);
}

/** normalizeSnapshot's merged areas: within the sheet, more than one cell, sorted by position. */
function withSortedMerges(s: SheetSnapshot): SheetSnapshot {
  const merges = s.merges
    .filter((m) => m.bottom > m.top || m.right > m.left)
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return { ...s, merges };
}

/** The last index of the sheet's body: where a gap of `far` or more empty indexes leaves only a little behind. */
function bodyEnd(indexes: Int32Array, far: number): number {
  const sorted = Float64Array.from(indexes).sort();
  const n = sorted.length;
  for (let i = 1; i < n; i++) {
    // Past a wide gap, what remains is far-away content when it is under 1% of the cells.
    if (sorted[i] - sorted[i - 1] > far && n - i <= Math.max(1, n / 100)) return sorted[i - 1];
  }
  return n === 0 ? -1 : sorted[n - 1];
}

const DATE_1904 = attributeName("date1904");
const RELATIONSHIP_ID = attributeName("id", true);
const NAME = attributeName("name");
const STATE = attributeName("state");

/** Every visible worksheet of an .xlsx package (very hidden ones are machinery, never the user's). */
export function readPackage(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): SheetSnapshot[] {
  return [...readPackageSheets(bytes, file, limits)];
}

/**
 * readPackage's sheets one at a time: the workbook, its relationships, shared strings and styles are
 * read at once (a damaged workbook part fails here), each sheet's part when its turn comes, so only
 * the sheet in hand need be held. A damaged sheet part fails when it is reached.
 */
export function readPackageSheets(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Iterable<SheetSnapshot> {
  const pkg = new ZipPackage(bytes, file, limits);
  const rootRels = relationships(pkg, "", file);
  const workbookPart = rootRels.byType.get("officeDocument") ?? pkg.find("xl/workbook.xml") ?? null;
  const workbook = workbookPart === null ? null : pkg.find(workbookPart);
  if (workbook === null) {
    throw new InputError(
      file,
      "文件中没有工作簿部件，不是有效的 Excel 工作簿；请在 Excel 中打开并重新保存后再检查。",
      "it holds no workbook part and is not a valid Excel workbook; open it in Excel, save it again, then check it again.",
    );
  }
  const rels = relationships(pkg, workbook, file);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  scanPart(
    pkg,
    workbook,
    file,
    new (class extends TagHandler {
      element(scanner: XmlScanner, name: string, from: number, to: number): void {
        if (name === "workbookPr") {
          const flag = attribute(scanner, from, to, DATE_1904);
          date1904 = flag === "1" || flag === "true";
        } else if (name === "sheet") {
          const id = attribute(scanner, from, to, RELATIONSHIP_ID);
          const target = id === undefined ? undefined : rels.byId.get(id);
          sheets.push({
            name: attribute(scanner, from, to, NAME) ?? `Sheet${sheets.length + 1}`,
            state: attribute(scanner, from, to, STATE) ?? "visible",
            // Chart sheets, dialog and macro sheets hold no cells to check.
            part: target === undefined || target.kind !== "worksheet" ? null : pkg.find(target.target),
          });
        }
      }
    })(),
  );
  const stringsPart = rels.byType.get("sharedStrings");
  const stylesPart = rels.byType.get("styles");
  const ctx: SheetContext = {
    file,
    strings: sharedStrings(pkg, stringsPart === undefined ? null : pkg.find(stringsPart), file),
    formats: cellFormats(pkg, stylesPart === undefined ? null : pkg.find(stylesPart), file),
    date1904,
    limits,
  };
  // A sheet whose part is missing (a chart sheet, a broken link) has nothing to check.
  const visible = sheets.filter((sheet) => sheet.state !== "veryHidden" && sheet.part !== null);
  return (function* () {
    for (const sheet of visible) yield readSheet(pkg, sheet.part!, sheet.name, ctx);
  })();
}
