/**
 * The .xlsx reader: from a package's bytes to one snapshot per visible worksheet, reading only the
 * parts a check needs (the workbook, its relationships, shared strings, the number formats of the
 * styles, and the sheets the workbook lists, found through its relationships) and building the
 * snapshot straight from their XML, streamed through a SAX parser (saxes: small, standards-
 * conforming, maintained; it never holds a whole sheet's text). Elements it does not know (extLst,
 * future ones) are skipped; strict-OOXML parts read as transitional ones, since only local names count.
 * Memory follows the cells present: a cell far away costs one cell, and content lying far beyond the
 * table is left out of the snapshot and counted instead (see `SheetSnapshot.omitted`).
 */
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { parseRangeA1, toA1, type CellRange } from "../core/address";
import { formatCellText } from "../core/format";
import { isBlankCell, normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import { isDateFormat } from "../core/values";
import { BUILTIN_NUMBER_FORMATS } from "./number-formats";
import { InputError } from "./sniff";
import { DEFAULT_ZIP_LIMITS, ZipPackage, type ZipLimits } from "./zip";

/** Excel's own limits (Excel specifications and limits). */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

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

/** The local name of an element or attribute: strict OOXML and odd prefixes read as transitional. */
function local(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, optionally only a prefixed one (r:id, not Id). */
function attribute(tag: SaxesTagPlain, name: string, prefixed = false): string | undefined {
  const attributes = tag.attributes;
  // The usual spelling first: one property read per attribute, as almost every file has it.
  const usual = attributes[prefixed ? `r:${name}` : name];
  if (usual !== undefined) return usual;
  for (const key in attributes) {
    const colon = key.indexOf(":");
    if (colon >= 0 && key.length - colon - 1 === name.length && key.endsWith(name)) return attributes[key];
  }
  return undefined;
}

type Handlers = {
  open?(tag: SaxesTagPlain, name: string): void;
  close?(name: string): void;
  text?(text: string): void;
};

/** Streams a part through saxes; a malformed part is an InputError saying the workbook is damaged. */
function parsePart(pkg: ZipPackage, part: string, file: string, handlers: Handlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  if (handlers.open) parser.on("opentag", (tag) => handlers.open!(tag, local(tag.name)));
  if (handlers.close) parser.on("closetag", (tag) => handlers.close!(local(tag.name)));
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  const decoder = new TextDecoder("utf-8");
  try {
    pkg.stream(part, (chunk) => parser.write(decoder.decode(chunk, { stream: true })));
    parser.write(decoder.decode());
    parser.close();
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

/** A relationship target resolved against the folder of the part that holds the relationships. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const piece of target.replace(/\\/g, "/").split("/")) {
    if (piece === "..") parts.pop();
    else if (piece !== "." && piece !== "") parts.push(piece);
  }
  return parts.join("/");
}

/** The relationships of a part: id → target, and type suffix → first target. */
function relationships(pkg: ZipPackage, part: string, file: string) {
  const slash = part.lastIndexOf("/");
  const relsName = pkg.find(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`);
  const byId = new Map<string, { target: string; kind: string }>();
  const byType = new Map<string, string>();
  if (relsName === null) return { byId, byType };
  parsePart(pkg, relsName, file, {
    open(tag, name) {
      if (name !== "Relationship" || attribute(tag, "TargetMode") === "External") return;
      const id = attribute(tag, "Id");
      const target = attribute(tag, "Target");
      const type = attribute(tag, "Type") ?? "";
      if (!target) return;
      const resolved = resolveTarget(part, target);
      const kind = type.slice(type.lastIndexOf("/") + 1);
      if (id) byId.set(id, { target: resolved, kind });
      if (!byType.has(kind)) byType.set(kind, resolved);
    },
  });
  return { byId, byType };
}

/** Text of <t> elements inside an <si> or <is>, phonetic runs (<rPh>) left out. */
class RichText {
  private depthT = 0;
  private inPhonetic = 0;
  value = "";
  open(name: string): void {
    if (name === "rPh") this.inPhonetic++;
    else if (name === "t") this.depthT++;
  }
  close(name: string): void {
    if (name === "rPh") this.inPhonetic--;
    else if (name === "t") this.depthT--;
  }
  text(text: string): void {
    if (this.depthT > 0 && this.inPhonetic === 0) this.value += text;
  }
}

function sharedStrings(pkg: ZipPackage, part: string | null, file: string): string[] {
  const strings: string[] = [];
  if (part === null) return strings;
  let item: RichText | null = null;
  parsePart(pkg, part, file, {
    open(_, name) {
      if (name === "si") item = new RichText();
      else item?.open(name);
    },
    close(name) {
      if (name === "si" && item) {
        strings.push(item.value);
        item = null;
      } else item?.close(name);
    },
    text(text) {
      item?.text(text);
    },
  });
  return strings;
}

/** The number format of each cell style (cellXfs index → format code). */
function cellFormats(pkg: ZipPackage, part: string | null, file: string): string[] {
  if (part === null) return [];
  const custom = new Map<number, string>();
  const formats: string[] = [];
  let inCellXfs = false;
  parsePart(pkg, part, file, {
    open(tag, name) {
      if (name === "numFmt") {
        const id = Number(attribute(tag, "numFmtId"));
        const code = attribute(tag, "formatCode");
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attribute(tag, "numFmtId") ?? 0);
        formats.push(custom.get(id) ?? BUILTIN_NUMBER_FORMATS[id] ?? "General");
      }
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return formats;
}

/** The row and column of the last reference read by readReference (no object per cell). */
let refRow = 0;
let refCol = 0;

/** Reads a cell reference (A1, $B$7) into refRow and refCol; false when it is not one. */
function readReference(ref: string): boolean {
  let i = 0;
  const n = ref.length;
  if (ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < n; i++) {
    let code = ref.charCodeAt(i);
    if (code >= 97 && code <= 122) code -= 32;
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
    if (++letters > 3) return false;
  }
  if (letters === 0) return false;
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) return false;
    row = row * 10 + (code - 48);
    if (++digits > 7) return false;
  }
  if (digits === 0 || row === 0) return false;
  refRow = row - 1;
  refCol = col - 1;
  return true;
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

/** Cells as they arrive: parallel arrays, so a sheet costs what its cells cost. */
interface Cells {
  rows: number[];
  cols: number[];
  values: CellValue[];
  texts: string[];
  formats: string[];
}

function readSheet(pkg: ZipPackage, part: string, name: string, ctx: SheetContext): SheetSnapshot {
  const cells: Cells = { rows: [], cols: [], values: [], texts: [], formats: [] };
  const merges: CellRange[] = [];
  let row = -1;
  let col = -1;
  let inCell = false;
  let type = "n";
  let style = 0;
  let raw: string | null = null;
  let capturing = false;
  /** The text of an inline string (<is>), and whether the parser is inside it. */
  let inline: RichText | null = null;
  let inInline = false;

  const tooFar = (address: string) =>
    new InputError(
      ctx.file,
      `工作表“${name}”中有超出 Excel 行列上限的单元格（${address}），文件可能已损坏。`,
      `worksheet "${name}" has a cell beyond Excel's row and column limits (${address}); the file may be damaged.`,
    );

  const finishCell = () => {
    let value: CellValue = null;
    if (type === "inlineStr") value = inline ? inline.value : raw;
    else if (raw !== null) {
      switch (type) {
        case "s":
          value = ctx.strings[Number(raw)] ?? "";
          break;
        case "str":
          value = raw;
          break;
        case "b":
          value = raw.trim() === "1" || raw.trim().toLowerCase() === "true";
          break;
        case "e":
          value = raw.trim();
          break;
        case "d":
          value = isoToSerial(raw.trim());
          break;
        default: {
          const number = Number(raw);
          value = raw.trim() === "" || !Number.isFinite(number) ? null : number;
        }
      }
    }
    if (value === null) return;
    const format = ctx.formats[style] ?? "General";
    // A t="d" date is already a 1900-system serial; a 1904 workbook's date-formatted number is not.
    if (typeof value === "number" && type !== "d" && ctx.date1904 && isDateFormat(format)) value += DATE_1904_OFFSET;
    if (cells.values.length >= ctx.limits.sheetCells) {
      throw new InputError(
        ctx.file,
        `工作表“${name}”的单元格超过 ${ctx.limits.sheetCells} 个的上限，无法检查。`,
        `worksheet "${name}" has more than ${ctx.limits.sheetCells} cells, the limit; it cannot be checked.`,
      );
    }
    cells.rows.push(row);
    cells.cols.push(col);
    cells.values.push(value);
    cells.formats.push(typeof value === "number" ? format : "General");
    // Text shows as typed (a format's text section is not applied: the Excel host cannot see it either).
    cells.texts.push(
      typeof value === "string" ? value : formatCellText(value, typeof value === "number" ? format : "General"),
    );
  };

  parsePart(pkg, part, ctx.file, {
    open(tag, element) {
      if (inCell) {
        if (inInline) inline!.open(element);
        else if (element === "v") {
          capturing = true;
          raw = "";
        } else if (element === "is") {
          inline = new RichText();
          inInline = true;
        }
        return;
      }
      if (element === "c") {
        const ref = attribute(tag, "r");
        if (ref !== undefined) {
          if (!readReference(ref)) throw tooFar(ref);
          row = refRow;
          col = refCol;
        } else col++;
        if (row < 0) row = 0;
        if (row >= EXCEL_MAX_ROWS || col >= EXCEL_MAX_COLUMNS) throw tooFar(ref ?? toA1(row, col));
        inCell = true;
        type = attribute(tag, "t") ?? "n";
        style = Number(attribute(tag, "s") ?? 0) || 0;
        raw = null;
        inline = null;
        inInline = false;
      } else if (element === "row") {
        const r = Number(attribute(tag, "r"));
        row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
        if (row >= EXCEL_MAX_ROWS) throw tooFar(`${row + 1}`);
        col = -1;
      } else if (element === "mergeCell") {
        const ref = attribute(tag, "ref");
        const range = ref ? parseRangeA1(ref) : null;
        if (range && range.bottom < EXCEL_MAX_ROWS && range.right < EXCEL_MAX_COLUMNS) merges.push(range);
      }
    },
    close(element) {
      if (!inCell) return;
      if (element === "c") {
        finishCell();
        inCell = false;
      } else if (inInline) {
        if (element === "is") inInline = false;
        else inline!.close(element);
      } else if (element === "v") capturing = false;
    },
    text(text) {
      if (!inCell) return;
      if (inInline) inline!.text(text);
      else if (capturing) raw += text;
    },
  });
  return snapshotFrom(name, cells, merges, ctx);
}

/** The dense snapshot of the cells read, far-away content set aside when the rectangle would be too large. */
function snapshotFrom(name: string, cells: Cells, merges: CellRange[], ctx: SheetContext): SheetSnapshot {
  const n = cells.values.length;
  let lastRow = -1;
  let lastCol = -1;
  for (let i = 0; i < n; i++) {
    if (cells.rows[i] > lastRow) lastRow = cells.rows[i];
    if (cells.cols[i] > lastCol) lastCol = cells.cols[i];
  }
  let omitted: SheetSnapshot["omitted"] = undefined;
  if ((lastRow + 1) * (lastCol + 1) > ctx.limits.snapshotCells) {
    const rowEnd = bodyEnd(cells.rows, FAR_ROWS);
    const colEnd = bodyEnd(cells.cols, FAR_COLUMNS);
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
  const numberFormats: string[][] = Array.from({ length: rowCount }, () => new Array<string>(colCount).fill("General"));
  for (let i = 0; i < n; i++) {
    const r = cells.rows[i];
    const c = cells.cols[i];
    if (r > lastRow || c > lastCol) continue;
    values[r][c] = cells.values[i];
    texts[r][c] = cells.texts[i];
    numberFormats[r][c] = cells.formats[i];
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
      numberFormats.push(new Array<string>(colCount).fill("General"));
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
        numberFormats[r][c] = "General";
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
function bodyEnd(indexes: number[], far: number): number {
  const sorted = Float64Array.from(indexes).sort();
  const n = sorted.length;
  for (let i = 1; i < n; i++) {
    // Past a wide gap, what remains is far-away content when it is under 1% of the cells.
    if (sorted[i] - sorted[i - 1] > far && n - i <= Math.max(1, n / 100)) return sorted[i - 1];
  }
  return n === 0 ? -1 : sorted[n - 1];
}

/** Every visible worksheet of an .xlsx package (very hidden ones are machinery, never the user's). */
export function readPackage(
  bytes: Uint8Array,
  file: string,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): SheetSnapshot[] {
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
  parsePart(pkg, workbook, file, {
    open(tag, name) {
      if (name === "workbookPr") {
        const flag = attribute(tag, "date1904");
        date1904 = flag === "1" || flag === "true";
      } else if (name === "sheet") {
        const id = attribute(tag, "id", true);
        const target = id === undefined ? undefined : rels.byId.get(id);
        sheets.push({
          name: attribute(tag, "name") ?? `Sheet${sheets.length + 1}`,
          state: attribute(tag, "state") ?? "visible",
          // Chart sheets, dialog and macro sheets hold no cells to check.
          part: target === undefined || target.kind !== "worksheet" ? null : pkg.find(target.target),
        });
      }
    },
  });
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
  return sheets
    .filter((sheet) => sheet.state !== "veryHidden" && sheet.part !== null)
    .map((sheet) => readSheet(pkg, sheet.part!, sheet.name, ctx));
}
