/**
 * A minimal .xlsx writer for the benchmark's workbooks, laid out as Excel saves a file: shared
 * strings, built-in number formats, parts in Excel's order (worksheets before styles and shared
 * strings). exceljs's writers check each merged area against every earlier one, which makes a
 * 50,000-row workbook of a dozen merges per table take most of a minute to write; this takes seconds.
 */
import { writeFileSync } from "node:fs";
import { deflateRawSync } from "node:zlib";
import { columnName, type CellRange } from "../../src/core/address";
import type { BenchCell, BenchWorkbook } from "./workbook";

/** Excel's built-in number format ids for the formats the generator uses. */
const BUILT_IN_FORMATS: Record<string, number> = { "0.00": 2, "0%": 9 };

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

function rangeRef(range: CellRange): string {
  return `${columnName(range.left)}${range.top + 1}:${columnName(range.right)}${range.bottom + 1}`;
}

class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly strings: string[] = [];
  count = 0;

  id(text: string): number {
    this.count++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(text);
      this.index.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = this.strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.strings.length}">${items.join("")}</sst>`;
  }
}

/** Cell style index (cellXfs) for a number format: 0 General, 1 "0.00", 2 "0%". */
function styleIndex(cell: BenchCell): number {
  if (!cell.format) return 0;
  const id = BUILT_IN_FORMATS[cell.format];
  if (id === undefined) throw new Error(`The bench writer has no style for the number format ${cell.format}`);
  return id === 2 ? 1 : 2;
}

function worksheetXml(rows: (BenchCell | null)[][], merges: CellRange[], strings: SharedStrings): string {
  const parts: string[] = [
    `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    '<cols><col min="1" max="1" width="14" customWidth="1"/><col min="2" max="2" width="22" customWidth="1"/>' +
      '<col min="3" max="3" width="16" customWidth="1"/><col min="4" max="4" width="28" customWidth="1"/>' +
      '<col min="5" max="6" width="16" customWidth="1"/><col min="7" max="7" width="12" customWidth="1"/></cols>',
    "<sheetData>",
  ];
  rows.forEach((cells, r) => {
    const out: string[] = [];
    cells.forEach((cell, c) => {
      if (!cell || cell.value === null) return;
      const ref = `${columnName(c)}${r + 1}`;
      const style = styleIndex(cell);
      const s = style === 0 ? "" : ` s="${style}"`;
      if (typeof cell.value === "number") out.push(`<c r="${ref}"${s}><v>${cell.value}</v></c>`);
      else if (typeof cell.value === "boolean") out.push(`<c r="${ref}"${s} t="b"><v>${cell.value ? 1 : 0}</v></c>`);
      else out.push(`<c r="${ref}"${s} t="s"><v>${strings.id(cell.value)}</v></c>`);
    });
    if (out.length > 0) parts.push(`<row r="${r + 1}">${out.join("")}</row>`);
  });
  parts.push("</sheetData>");
  if (merges.length > 0) {
    parts.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) parts.push(`<mergeCell ref="${rangeRef(m)}"/>`);
    parts.push("</mergeCells>");
  }
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return parts.join("");
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="9" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function contentTypes(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    "</Types>"
  );
}

function workbookXml(names: string[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`);
  return (
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.join("")}</sheets></workbook>`
  );
}

function workbookRels(sheetCount: number): string {
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, i) =>
    rel(`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`),
  );
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets.join("") +
    rel(`rId${sheetCount + 1}`, "styles", "styles.xml") +
    rel(`rId${sheetCount + 2}`, "sharedStrings", "sharedStrings.xml") +
    "</Relationships>"
  );
}

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip archive of deflated entries, in the order given. */
function zip(entries: [string, string][]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const dosTime = 0; // 00:00:00
  const dosDate = ((2024 - 1980) << 9) | (1 << 5) | 1; // 2024-01-01: a fixed stamp keeps the bytes reproducible
  for (const [name, text] of entries) {
    const data = Buffer.from(text, "utf8");
    const packed = deflateRawSync(data, { level: 6 });
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(dosTime, 10);
    local.writeUInt16LE(dosDate, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt16LE(dosTime, 12);
    header.writeUInt16LE(dosDate, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBytes.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, packed);
    central.push(header, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** The workbook's bytes as .xlsx. */
export function xlsxBytes(book: BenchWorkbook): Buffer {
  const strings = new SharedStrings();
  const sheets = book.sheets.map(
    (sheet, i) =>
      [`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(sheet.rows, sheet.merges, strings)] as [string, string],
  );
  return zip([
    ["[Content_Types].xml", contentTypes(book.sheets.length)],
    ["_rels/.rels", ROOT_RELS],
    ["xl/workbook.xml", workbookXml(book.sheets.map((s) => s.name))],
    ["xl/_rels/workbook.xml.rels", workbookRels(book.sheets.length)],
    ...sheets,
    ["xl/styles.xml", STYLES_XML],
    ["xl/sharedStrings.xml", strings.xml()],
  ]);
}

export function writeXlsx(book: BenchWorkbook, file: string): void {
  writeFileSync(file, xlsxBytes(book));
}
