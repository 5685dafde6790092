/**
 * Unusual and hostile packages, generated in code: the reader answers each with the sheets it can
 * read or one clear InputError, within seconds and bounded memory, never a crash or a stack trace.
 */
import { inflateRawSync } from "node:zlib";
import fc from "fast-check";
import { Deflate, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { checkWorkbook } from "../../src/core/check";
import { InputError, readWorkbookBuffer } from "../../src/xlsx/read";
import { inflateEntry, readZipDirectory } from "../../src/xlsx/patch/zip";
import { readPackage, readSheetChunks, DEFAULT_READ_LIMITS } from "../../src/xlsx/reader";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";

interface Sheet {
  name: string;
  /** Part name under xl/ (worksheets/sheet1.xml by default). */
  part?: string;
  /** The relationship's Target, when it is not the part name as stored. */
  target?: string;
  xml: string;
  state?: string;
}

/** A minimal package: workbook, relationships, optional shared strings, the sheets, and extra parts. */
function book(sheets: Sheet[], extra: Zippable = {}, options: { strict?: boolean; strings?: string[] } = {}) {
  const rel = options.strict ? STRICT_REL : REL;
  const type = (kind: string) => (options.strict ? `${STRICT_REL}/${kind}` : `${REL}/${kind}`);
  const parts: Zippable = {
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${type("officeDocument")}" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `<workbook xmlns="${options.strict ? STRICT_MAIN : MAIN}" xmlns:r="${rel}"><sheets>${sheets
        .map(
          (s, i) =>
            `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ""}/>`,
        )
        .join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map(
          (s, i) =>
            `<Relationship Id="rId${i + 1}" Type="${type("worksheet")}" Target="${s.target ?? s.part ?? `worksheets/sheet${i + 1}.xml`}"/>`,
        )
        .join(
          "",
        )}${options.strings ? `<Relationship Id="rS" Type="${type("sharedStrings")}" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    ),
    ...extra,
  };
  sheets.forEach((s, i) => {
    parts[`xl/${s.part ?? `worksheets/sheet${i + 1}.xml`}`] = strToU8(s.xml);
  });
  if (options.strings) {
    parts["xl/sharedStrings.xml"] = strToU8(
      `<sst xmlns="${MAIN}">${options.strings.map((t) => `<si><t>${t}</t></si>`).join("")}</sst>`,
    );
  }
  return zipSync(parts);
}

const sheetXml = (cells: string, merges = "") =>
  `<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData>${merges ? `<mergeCells>${merges}</mergeCells>` : ""}</worksheet>`;

/** A table the core reads, as inline-string rows starting at row `from`. */
function tableRows(from = 1): string {
  const rows = [
    ["一级指标", "二级指标", "三级指标", "指标值"],
    ["产出指标", "数量指标", "培训人次", "≥200人次"],
    ["", "质量指标", "培训合格率", "≥95%"],
    ["", "时效指标", "完成时间", "12月底前"],
    ["", "成本指标", "培训成本", "≤10万元"],
    ["效益指标", "社会效益指标", "技能提升率", "≥90%"],
    ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"],
  ];
  return rows
    .map(
      (row, r) =>
        `<row r="${from + r}">${row
          .map((text, c) => (text ? `<c r="${"ABCD"[c]}${from + r}" t="inlineStr"><is><t>${text}</t></is></c>` : ""))
          .join("")}</row>`,
    )
    .join("");
}

/** `megabytes` of spaces inside a worksheet, deflated in chunks (a few hundred KB on disk). */
function spaceBomb(megabytes: number): Uint8Array {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level: 1 }, (chunk) => out.push(chunk));
  deflate.push(strToU8(`<worksheet xmlns="${MAIN}"><sheetData>`));
  const spaces = new Uint8Array(1024 * 1024).fill(0x20);
  for (let i = 0; i < megabytes; i++) deflate.push(spaces);
  deflate.push(strToU8("</sheetData></worksheet>"), true);
  const total = out.reduce((n, c) => n + c.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of out) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

/** Replaces a stored part's data with pre-deflated bytes (zipSync would inflate-check nothing, but it deflates itself). */
function withRawDeflatedPart(name: string, deflated: Uint8Array, sheets: Sheet[]): Uint8Array {
  // zipSync takes [data, { level: 0 }] as stored; we need method 8 with our bytes: build the zip by hand.
  const base = book(sheets);
  const entries = zipEntries(base);
  entries.set(name, { method: 8, data: deflated, size: 0 });
  return buildZip(entries);
}

interface RawEntry {
  method: number;
  data: Uint8Array;
  size: number;
}

function zipEntries(bytes: Uint8Array): Map<string, RawEntry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = new Map<string, RawEntry>();
  let at = 0;
  while (at + 30 <= bytes.length && view.getUint32(at, true) === 0x04034b50) {
    const method = view.getUint16(at + 8, true);
    const compressed = view.getUint32(at + 18, true);
    const size = view.getUint32(at + 22, true);
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    const start = at + 30 + nameLength + extraLength;
    entries.set(name, { method, data: bytes.slice(start, start + compressed), size });
    at = start + compressed;
  }
  return entries;
}

/** A zip of raw entries (crc left 0: the reader does not check it, as Excel repairs rather than refuses). */
function buildZip(entries: Map<string, RawEntry>): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, entry] of entries) {
    const nameBytes = strToU8(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, entry.method, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.size, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, entry.method, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.size, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.length + entry.data.length;
  }
  const directorySize = centrals.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.size, true);
  ev.setUint16(10, entries.size, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const all = [...locals, ...centrals, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function errorOf(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

describe("zip bombs", () => {
  const bomb = spaceBomb(300);

  test("a bomb in a part the check does not need is never inflated", async () => {
    const bytes = withRawDeflatedPart("xl/media/huge.bin", bomb, [{ name: "表", xml: sheetXml(tableRows()) }]);
    const started = Date.now();
    const [sheet] = await readWorkbookBuffer(bytes, "book.xlsx");
    expect(sheet.values[0][0]).toBe("一级指标");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test("a bomb in a sheet stops at the part limit within seconds, with one bilingual sentence", async () => {
    const bytes = withRawDeflatedPart("xl/worksheets/sheet1.xml", bomb, [{ name: "表", xml: sheetXml("") }]);
    const started = Date.now();
    const error = await errorOf(readWorkbookBuffer(bytes, "bomb.xlsx"));
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error.message).toMatch(
      /^无法读取“bomb.xlsx”：其中的部件 xl\/worksheets\/sheet1.xml 解压后超过 256 MB 的上限/,
    );
    expect(error.message).toContain("inflates past the 256 MB limit");
  }, 20_000);

  test("a part reads the same whatever size the directory claims for it", async () => {
    const sheet = { name: "表", xml: sheetXml(tableRows()) };
    const base = book([sheet]);
    const [expected] = await readWorkbookBuffer(base, "book.xlsx");
    const entries = zipEntries(base);
    const part = entries.get("xl/worksheets/sheet1.xml")!;
    const actual = inflateRawSync(part.data).length;
    for (const size of [0, 1, actual - 1, actual, actual + 1, 100 * 1024 * 1024, 0xffffffff]) {
      entries.set("xl/worksheets/sheet1.xml", { ...part, size });
      const [read] = await readWorkbookBuffer(buildZip(entries), "book.xlsx");
      expect(read).toEqual(expected);
    }
  });

  test("a part inflates into one buffer of its declared size, never more than its bytes can make", () => {
    const sheet = { name: "表", xml: sheetXml(tableRows()) };
    const entries = zipEntries(book([sheet]));
    const part = entries.get("xl/worksheets/sheet1.xml")!;
    const actual = inflateRawSync(part.data).length;
    const inflated = (size: number) => {
      entries.set("xl/worksheets/sheet1.xml", { ...part, size });
      const bytes = buildZip(entries);
      const entry = readZipDirectory(bytes).entries.find((e) => e.name === "xl/worksheets/sheet1.xml")!;
      return inflateEntry(bytes, entry, 256 * 1024 * 1024);
    };
    // Honest: one allocation of the part's size (+1 for zlib to see the end), no pieces joined by a copy.
    const honest = inflated(actual);
    expect(honest.length).toBe(actual);
    expect(honest.buffer.byteLength).toBe(Math.max(64 * 1024, actual + 1));
    // A directory claiming 4 GiB: no more than deflate's 1032:1 of the compressed bytes is reserved.
    const lying = inflated(0xffffffff);
    expect(lying.length).toBe(actual);
    expect(lying.buffer.byteLength).toBeLessThanOrEqual(Math.max(64 * 1024, part.data.length * 1032 + 1));
  });

  test("a bomb claiming a small size stops at the part limit all the same", async () => {
    const base = zipEntries(book([{ name: "表", xml: sheetXml("") }]));
    base.set("xl/worksheets/sheet1.xml", { method: 8, data: bomb, size: 1000 });
    const error = await errorOf(readWorkbookBuffer(buildZip(base), "bomb.xlsx"));
    expect(error.message).toContain("inflates past the 256 MB limit");
  }, 20_000);

  test("parts together stop at the total limit", () => {
    const small = { ...DEFAULT_READ_LIMITS, partBytes: 5000, totalBytes: 2000 };
    const cells = Array.from({ length: 30 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join(
      "",
    );
    const bytes = book([
      { name: "一", xml: sheetXml(cells) },
      { name: "二", xml: sheetXml(cells) },
    ]);
    expect(() => readPackage(bytes, "two.xlsx", small)).toThrow(/总大小超过/);
  });
});

describe("far-away cells and huge merged areas", () => {
  test("one stray cell at XFD1048576 costs one cell: the table is checked, the stray cell counted", async () => {
    const bytes = book([
      { name: "表", xml: sheetXml(`${tableRows()}<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`) },
    ]);
    const [sheet] = await readWorkbookBuffer(bytes, "stray.xlsx");
    expect(sheet.values).toHaveLength(7);
    expect(sheet.values[0]).toHaveLength(4);
    expect(sheet.omitted).toEqual({ cells: 1, first: "XFD1048576" });
    const { issues, summary } = checkWorkbook([sheet]);
    expect(summary.errors).toBe(0);
    expect(issues.find((i) => i.rule === "stray-content")?.message).toContain("从 XFD1048576 起");
  });

  test.each(["XFE1", "A1048577"])("a cell past Excel's limits (%s) is refused as damaged", async (address) => {
    const bytes = book([{ name: "表", xml: sheetXml(`<row><c r="${address}"><v>1</v></c></row>`) }]);
    const error = await errorOf(readWorkbookBuffer(bytes, "far.xlsx"));
    expect(error.message).toContain("超出 Excel 行列上限");
  });

  test("a legal merged area of 16.8 million cells beside the table is read, and left out where nothing is", async () => {
    const bytes = book([{ name: "表", xml: sheetXml(tableRows(), '<mergeCell ref="E1:XFD1024"/>') }]);
    const [sheet] = await readWorkbookBuffer(bytes, "merge.xlsx");
    expect(sheet.values).toHaveLength(7);
    expect(sheet.values[0]).toHaveLength(4);
    expect(sheet.merges).toEqual([]);
  });

  test("a merged area over the whole sheet shows its top-left cell only, as in Excel", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c></row>${tableRows(3)}`,
      '<mergeCell ref="A1:XFD1048576"/>',
    );
    const [sheet] = await readWorkbookBuffer(book([{ name: "表", xml }]), "whole.xlsx");
    expect(sheet.values.flat().filter((v) => v !== null)).toEqual(["标题"]);
    expect(sheet.merges).toEqual([{ top: 0, left: 0, bottom: 8, right: 3 }]);
  });
});

describe("parts found by relationships, not by names", () => {
  test("a sheet part with another name is read", async () => {
    const bytes = book([{ name: "项目表", part: "sheets/data-part.xml", xml: sheetXml(tableRows()) }]);
    const [sheet] = await readWorkbookBuffer(bytes, "named.xlsx");
    expect(sheet.name).toBe("项目表");
    expect(sheet.values[1][2]).toBe("培训人次");
  });

  test("a target written percent-encoded finds its part under either spelling", async () => {
    // [sheet, part as the ZIP stores it, Target as the relationship writes it]
    const parts: [string, string, string][] = [
      // The usual: the ZIP holds the decoded name.
      ["一", "worksheets/表 1.xml", "worksheets/%E8%A1%A8%201.xml"],
      // Some writers store the encoded spelling itself.
      ["二", "worksheets/sheet%202.xml", "worksheets/sheet%202.xml"],
      // An absolute target with a fragment.
      ["三", "worksheets/sheet3.xml", "/xl/worksheets/sheet3.xml#part"],
      // A "#" left unescaped in a file name, and an escaped one.
      ["四", "worksheets/C#.xml", "worksheets/C#.xml"],
      ["五", "worksheets/D#.xml", "worksheets/D%23.xml"],
      // A stray "%" beside valid escapes.
      ["六", "worksheets/a%b 表.xml", "worksheets/a%b%20%E8%A1%A8.xml"],
      // Written unescaped, stored escaped.
      ["七", "worksheets/%E8%A1%A8.xml", "worksheets/表.xml"],
    ];
    const bytes = book(parts.map(([name, part, target]) => ({ name, part, target, xml: sheetXml(tableRows()) })));
    const sheets = await readWorkbookBuffer(bytes, "encoded.xlsx");
    expect(sheets.map((s) => [s.name, s.values[1][2]])).toEqual(parts.map(([name]) => [name, "培训人次"]));
  });

  test("a sheet part the workbook does not list is ignored", async () => {
    const bytes = book([{ name: "表", xml: sheetXml(tableRows()) }], {
      "xl/worksheets/sheet9.xml": strToU8(
        sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>孤立</t></is></c></row>'),
      ),
    });
    const sheets = await readWorkbookBuffer(bytes, "orphan.xlsx");
    expect(sheets.map((s) => s.name)).toEqual(["表"]);
  });

  test("very hidden sheets are machinery and are left out; hidden ones are read", async () => {
    const bytes = book([
      { name: "表", xml: sheetXml(tableRows()) },
      { name: "隐藏", xml: sheetXml(tableRows()), state: "hidden" },
      { name: "列表", xml: sheetXml(tableRows()), state: "veryHidden" },
    ]);
    expect((await readWorkbookBuffer(bytes, "hidden.xlsx")).map((s) => s.name)).toEqual(["表", "隐藏"]);
  });
});

describe("cell content", () => {
  test("an unknown element inside a cell is skipped, the rest of the sheet read", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v><extLst><ext uri="x"><foo>ignored 99</foo></ext></extLst></c><c r="B1"><v>42</v></c></row>` +
        `<row r="2"><c r="A2"><future:thing xmlns:future="urn:f">7</future:thing><v>3</v></c></row>`,
    );
    const [sheet] = await readWorkbookBuffer(book([{ name: "表", xml }], {}, { strings: ["文字"] }), "ext.xlsx");
    expect(sheet.values).toEqual([
      ["文字", 42],
      [3, null],
    ]);
  });

  test("inline strings, rich runs and phonetic runs", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>≥95%</t></is></c>` +
        `<c r="B1" t="inlineStr"><is><r><t>培训</t></r><r><rPr><b/></rPr><t>人次</t></r><rPh><t>ジンジ</t></rPh></is></c></row>`,
    );
    const [sheet] = await readWorkbookBuffer(book([{ name: "表", xml }]), "inline.xlsx");
    expect(sheet.values[0]).toEqual(["≥95%", "培训人次"]);
  });

  test("shared and array formulas read as their cached results; booleans, errors and strings", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f t="shared" si="0" ref="B1:B2">A1*2</f><v>4</v></c>` +
        `<c r="C1"><f t="array" ref="C1">SUM(A1:B1)</f><v>6</v></c><c r="D1" t="b"><f>TRUE()</f><v>1</v></c></row>` +
        `<row r="2"><c r="A2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="B2"><f t="shared" si="0"/><v>0</v></c><c r="C2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row>`,
    );
    const [sheet] = await readWorkbookBuffer(book([{ name: "表", xml }]), "formulas.xlsx");
    expect(sheet.values).toEqual([
      [2, 4, 6, true],
      ["#DIV/0!", 0, "ab", null],
    ]);
  });

  test("strict OOXML reads as transitional", async () => {
    const xml = `<worksheet xmlns="${STRICT_MAIN}"><sheetData>${tableRows()}<row r="9"><c r="A9" t="d"><v>2021-12-31T00:00:00</v></c></row></sheetData></worksheet>`;
    const [sheet] = await readWorkbookBuffer(book([{ name: "严格", xml }], {}, { strict: true }), "strict.xlsx");
    expect(sheet.name).toBe("严格");
    expect(sheet.values[1][3]).toBe("≥200人次");
    expect(sheet.values[8][0]).toBe(44561);
  });

  test("U+FEFF inside a part is text: kept in strings, values and sheet names, as Excel keeps it", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>&amp;\ufeff内联</t></is></c>` +
        `<c r="C1" t="str"><v>\ufeff公式</v></c></row>`,
    );
    const [sheet] = await readWorkbookBuffer(
      book([{ name: "\ufeff表", xml }], {}, { strings: ["\ufeff一级指标"] }),
      "bom.xlsx",
    );
    expect(sheet.name).toBe("\ufeff表");
    expect(sheet.values).toEqual([["\ufeff一级指标", "&\ufeff内联", "\ufeff公式"]]);
  });

  test("_xHHHH_ escapes in shared and inline strings read as Excel reads them", async () => {
    // Excel writes the CR of a CR LF as _x000D_ and a literal "_x" sequence with its "_" escaped (_x005F_);
    // openpyxl writes the escapes in lower case. Each <t> is read on its own.
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
        `<c r="C1" t="inlineStr"><is><r><t>≥95%_x000d_</t></r><r><t>_x00</t></r><r><t>0A_</t></r><rPh><t>_x0041_</t></rPh></is></c></row>`,
    );
    const [sheet] = await readWorkbookBuffer(
      book([{ name: "表", xml }], {}, { strings: ["培训_x000D_\n人次", "_x005F_x000D_ 与 _x_ 与 _x12_"] }),
      "escapes.xlsx",
    );
    expect(sheet.values).toEqual([["培训\r\n人次", "_x000D_ 与 _x_ 与 _x12_", "≥95%\r_x000A_"]]);
  });

  test("_xHHHH_ escapes in a formula's text result read as Excel reads them", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="str"><f>A2&amp;CHAR(13)</f><v>培训_x000D_人次</v></c>` +
        `<c r="B1" t="str"><f>"_x"</f><v>_x005F_x0041_ 与 _x_</v></c><c r="C1" t="str"><f>"a"</f><v>≥95%</v></c></row>`,
    );
    const [sheet] = await readWorkbookBuffer(book([{ name: "表", xml }]), "formula-escapes.xlsx");
    expect(sheet.values).toEqual([["培训\r人次", "_x0041_ 与 _x_", "≥95%"]]);
  });

  test("parts written in UTF-16, in either byte order, read as in UTF-8", async () => {
    const utf16 = (text: string, bigEndian: boolean) => {
      const bytes = new Uint8Array((text.length + 1) * 2);
      const view = new DataView(bytes.buffer);
      for (let i = 0; i <= text.length; i++)
        view.setUint16(i * 2, i === 0 ? 0xfeff : text.charCodeAt(i - 1), !bigEndian);
      return bytes;
    };
    // A comment long enough that a character outside the BMP is cut by the end of the first 1 MiB read.
    const body = sheetXml(
      `${tableRows()}<row r="9"><c r="A9" t="s"><v>0</v></c><c r="B9" t="inlineStr"><is><t>𠀀</t></is></c></row>`,
    );
    const head = `<?xml version="1.0" encoding="UTF-16"?>\r\n<!--`;
    const pad = 1024 * 512 - 2 - (head.length + 3 + body.indexOf("𠀀"));
    const xml = `${head}${"x".repeat(pad)}-->${body}`;
    expect(xml.indexOf("𠀀") + 1).toBe(1024 * 512 - 1);
    const parts = unzipSync(book([{ name: "表", xml }], {}, { strings: ["𠀀 outside the BMP"] }));
    const plain = await readWorkbookBuffer(zipSync(parts), "utf8.xlsx");
    for (const name of [
      "xl/worksheets/sheet1.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/sharedStrings.xml",
    ]) {
      parts[name] = utf16(new TextDecoder().decode(parts[name]), name.endsWith(".rels"));
    }
    const sheets = await readWorkbookBuffer(zipSync(parts), "utf16.xlsx");
    expect(sheets).toEqual(plain);
    expect(sheets[0].values[1][3]).toBe("≥200人次");
    expect(sheets[0].values[8]).toEqual(["𠀀 outside the BMP", "𠀀", null, null]);
  });

  test("a sheet that is not well-formed XML is one clear InputError", async () => {
    const error = await errorOf(
      readWorkbookBuffer(book([{ name: "表", xml: "<worksheet><sheetData><row>" }]), "bad.xlsx"),
    );
    expect(error.message).toContain("不是有效的 XML");
  });
});

describe("spellings read from the bytes", () => {
  test("attributes under any prefix, in either quote, in any order, with entities", async () => {
    const xml =
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData>` +
      `<x:row r='1'><x:c s='0' t='s' r='A1'><x:v>0</x:v></x:c><x:c x:r="B1" x:t="&#115;"><x:v>1</x:v></x:c>` +
      `<x:c r="C1" t="inlineStr"><x:is><x:t>a &amp; b</x:t></x:is></x:c><x:c r="&#68;1"><x:v>7</x:v></x:c></x:row>` +
      `<x:row r="2"><x:c r = "A2" t = "n" ><x:v>2.5</x:v></x:c><x:c r="B2" t="str"><x:v>&lt;&#x4E2D;&gt;</x:v></x:c></x:row>` +
      `</x:sheetData></x:worksheet>`;
    const [sheet] = await readWorkbookBuffer(book([{ name: "表", xml }], {}, { strings: ["文字", "第二"] }), "q.xlsx");
    expect(sheet.values).toEqual([
      ["文字", "第二", "a & b", 7],
      [2.5, "<中>", null, null],
    ]);
  });

  test("a value in CDATA, split by a comment, with line ends, or given twice", async () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="str"><v><![CDATA[a<b>&amp;]]></v></c><c r="B1"><v>1<!-- note -->2</v></c>` +
        `<c r="C1" t="str"><v>one\r\ntwo\rthree</v></c><c r="D1"><v>5</v><v>6</v></c>` +
        `<c r="E1" t="inlineStr"><is><t><![CDATA[<x>]]></t><t>&#x41;</t></is></c><c r="F1" t="s"><v> 1 </v></c></row>`,
    );
    const [sheet] = await readWorkbookBuffer(book([{ name: "表", xml }], {}, { strings: ["零", "一"] }), "v.xlsx");
    expect(sheet.values).toEqual([["a<b>&amp;", 12, "one\ntwo\nthree", 6, "<x>A", "一"]]);
  });

  test("numbers in every spelling read as Number() reads them", async () => {
    const digits = fc.string({ unit: fc.constantFrom(..."0123456789"), maxLength: 20 });
    const spelling = fc.oneof(
      fc
        .tuple(
          fc.constantFrom("", "-", "+", " ", "\t"),
          digits,
          fc.constantFrom("", ".", ","),
          digits,
          fc.constantFrom("", "e5", "E-3", "e+400", "e"),
          fc.constantFrom("", " ", "\n"),
        )
        .map((parts) => parts.join("")),
      fc.constantFrom(
        "",
        " ",
        "-0",
        "0",
        "-",
        ".",
        "Infinity",
        "NaN",
        "0x1F",
        "1_000",
        "１２",
        "1e400",
        "9007199254740993",
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(spelling, { minLength: 1, maxLength: 40 }), async (spellings) => {
        const rows = spellings
          .map(
            (text, i) =>
              `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>x</t></is></c><c r="B${i + 1}"><v>${text}</v></c>` +
              `<c r="C${i + 1}" t="inlineStr"><is><t>end</t></is></c></row>`,
          )
          .join("");
        const [sheet] = await readWorkbookBuffer(book([{ name: "数", xml: sheetXml(rows) }]), "n.xlsx");
        const expected = spellings.map((text) => {
          const number = Number(text);
          return ["x", text.trim() === "" || !Number.isFinite(number) ? null : number, "end"];
        });
        expect(sheet.values).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  test("the same sheet cut into chunks of every size from 1 to 64 bytes", () => {
    const xml =
      `\ufeff<?xml version="1.0"?>\r\n<x:worksheet xmlns:x="${MAIN}"><x:dimension ref="A1:F3"/><x:sheetData>` +
      `<x:row r="1"><x:c r="A1" t="s" s="1"><x:v>1</x:v></x:c><x:c r='B1' t="inlineStr"><x:is><x:r><x:t>培&amp;训</x:t></x:r>` +
      `<x:rPh><x:t>x</x:t></x:rPh></x:is></x:c><x:c r="C1" s="1"><x:v>-12.375</x:v></x:c><x:c r="D1" t="str">` +
      `<x:f>"&lt;"</x:f><x:v><![CDATA[<&>]]></x:v></x:c><x:c r="E1" t="b"><x:v>1</x:v></x:c><x:c r="F1" t="e"><x:v>#N/A</x:v></x:c></x:row>` +
      `<x:row r="3"><x:c r="A3"><x:v>1.5E+3</x:v></x:c><x:c r="B3"><x:v>4<!-- c -->2</x:v></x:c><x:c r="C3" t="str"><x:v>a\r\nb</x:v></x:c></x:row>` +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="E3:F3"/></x:mergeCells><x:extLst><x:ext uri="u"/></x:extLst></x:worksheet>`;
    const bytes = strToU8(xml);
    const whole = readSheetChunks([bytes], "块", ["零", "一"], ["General", "0.00"]);
    expect(whole.values).toEqual([
      ["一", "培&训", -12.375, "<&>", true, "#N/A"],
      [null, null, null, null, null, null],
      [1500, 42, "a\nb", null, null, null],
    ]);
    expect(whole.texts[0][2]).toBe("-12.38");
    for (let size = 1; size <= 64; size++) {
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.slice(at, at + size));
      expect(readSheetChunks(chunks, "块", ["零", "一"], ["General", "0.00"])).toEqual(whole);
    }
  });

  test("rows without a number share one frozen row of number formats; a row with one has its own", () => {
    const xml = sheetXml(
      `<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>值</t></is></c></row>` +
        `<row r="2"><c r="A2" t="inlineStr"><is><t>金额</t></is></c><c r="B2" s="1"><v>12.5</v></c></row>` +
        `<row r="3"><c r="A3" t="inlineStr"><is><t>说明</t></is></c><c r="B3" t="inlineStr"><is><t>无</t></is></c></row>`,
    );
    const sheet = readSheetChunks([strToU8(xml)], "格式", [], ["General", "0.00"]);
    expect(sheet.numberFormats).toEqual([
      ["General", "General"],
      ["General", "0.00"],
      ["General", "General"],
    ]);
    expect(sheet.numberFormats[0]).toBe(sheet.numberFormats[2]);
    expect(Object.isFrozen(sheet.numberFormats[0])).toBe(true);
    expect(() => {
      sheet.numberFormats[0][1] = "0%";
    }).toThrow(TypeError);
    expect(Object.isFrozen(sheet.numberFormats[1])).toBe(false);
    expect(sheet.texts[1][1]).toBe("12.50");
  });
});
