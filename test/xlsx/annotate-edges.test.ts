/**
 * The patched annotated copy on unusual but legal packages: strict OOXML with prefixed elements and no
 * styles, comments or sheet relationships; an empty <sheetData/>; cells and rows without references;
 * row and column formats; notes without a drawing; another sheet's drawing claiming shape ids; a merged
 * area over a whole sheet.
 */
import { strFromU8, unzipSync } from "fflate";
import { HIGHLIGHT_COLORS } from "../../src/core/highlight";
import type { Issue } from "../../src/core/report";
import { argb } from "../../src/xlsx/colour";
import { annotatePackage } from "../../src/xlsx/patch/annotate-package";
import { DECL, MAIN, PKG_REL, REL, zip } from "./rich-workbook";

const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

function issue(severity: Issue["severity"], sheet: string, cell: string): Issue {
  return {
    rule: `r-${cell}`,
    severity,
    sheet,
    cell,
    table: 0,
    message: `${cell} 的说明`,
    messageEn: `about ${cell}`,
    fix: null,
  };
}

/** The cell formats (xf elements) of a styles part, in order, as attribute maps. */
function cellFormats(styles: string): Record<string, string>[] {
  const section = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(styles)![1]!;
  return [...section.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)].map((m) =>
    Object.fromEntries([...m[1]!.matchAll(/(\w+)="([^"]*)"/g)].map((a) => [a[1]!, a[2]!])),
  );
}

function children(styles: string, section: string, child: string): string[] {
  const body = new RegExp(`<(?:\\w+:)?${section}\\b[^>]*>([\\s\\S]*?)</(?:\\w+:)?${section}>`).exec(styles)![1]!;
  const element = new RegExp(`<(?:\\w+:)?${child}\\b(?:[^>]*/>|[\\s\\S]*?</(?:\\w+:)?${child}>)`, "g");
  return [...body.matchAll(element)].map((m) => m[0]);
}

/** The fill and font colour a cell format gives, read back from the styles part. */
function look(styles: string, xf: number): { fill: string | undefined; font: string | undefined } {
  const format = cellFormats(styles)[xf]!;
  const fill = children(styles, "fills", "fill")[Number(format.fillId)] ?? "";
  const font = children(styles, "fonts", "font")[Number(format.fontId)] ?? "";
  return {
    fill: /fgColor rgb="(\w+)"/.exec(fill)?.[1],
    font: /color rgb="(\w+)"/.exec(font)?.[1],
  };
}

describe("a strict OOXML package with prefixed elements, no styles, no notes and an empty sheet", () => {
  const parts = {
    "[Content_Types].xml":
      `${DECL}<Types xmlns="${TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      `<Override PartName="/xl/grids/first.xml" ContentType="${WORKSHEET_TYPE}"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${STRICT_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${DECL}<x:workbook xmlns:x="${STRICT_MAIN}" xmlns:rel="${STRICT_REL}"><x:sheets><x:sheet name="表" sheetId="1" rel:id="g1"/></x:sheets></x:workbook>`,
    "xl/_rels/workbook.xml.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="g1" Type="${STRICT_REL}/worksheet" Target="grids/first.xml"/></Relationships>`,
    "xl/grids/first.xml": `${DECL}<x:worksheet xmlns:x="${STRICT_MAIN}"><x:sheetData/><x:pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></x:worksheet>`,
  };
  const { bytes, summary } = annotatePackage(zip(parts), [issue("error", "表", "B2"), issue("warning", "表", "A1")]);
  const out = unzipSync(bytes);
  const text = (name: string) => strFromU8(out[name]!);

  it("adds the painted cells to the empty sheet data, in order, with the sheet's prefix", () => {
    expect(summary).toEqual({ cells: 2, errorCells: 1, warningCells: 1 });
    const sheet = text("xl/grids/first.xml");
    expect(sheet).toMatch(
      /<x:sheetData><x:row r="1"><x:c r="A1" s="(\d+)"\/><\/x:row><x:row r="2"><x:c r="B2" s="(\d+)"\/><\/x:row><\/x:sheetData>/,
    );
    // The notes' link goes after the page margins, bound to the strict relationships namespace.
    expect(sheet).toContain(`<x:legacyDrawing xmlns:r="${STRICT_REL}" r:id="rId2"/></x:worksheet>`);
  });

  it("makes a styles part in the strict namespace with the Bad and Neutral looks", () => {
    const styles = text("xl/styles.xml");
    expect(styles).toContain(`<styleSheet xmlns="${STRICT_MAIN}">`);
    const sheet = text("xl/grids/first.xml");
    const [, a1, b2] = /r="A1" s="(\d+)".*r="B2" s="(\d+)"/.exec(sheet)!;
    expect(look(styles, Number(b2))).toEqual({
      fill: argb(HIGHLIGHT_COLORS.error.fill),
      font: argb(HIGHLIGHT_COLORS.error.font),
    });
    expect(look(styles, Number(a1))).toEqual({
      fill: argb(HIGHLIGHT_COLORS.warning.fill),
      font: argb(HIGHLIGHT_COLORS.warning.font),
    });
    expect(text("xl/_rels/workbook.xml.rels")).toContain(`Type="${STRICT_REL}/styles" Target="styles.xml"`);
  });

  it("adds comments, a drawing, the sheet's relationships and their content types", () => {
    const rels = text("xl/grids/_rels/first.xml.rels");
    expect(rels).toContain(`<Relationship Id="rId1" Type="${STRICT_REL}/comments" Target="../comments1.xml"/>`);
    expect(rels).toContain(
      `<Relationship Id="rId2" Type="${STRICT_REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
    );
    const comments = text("xl/comments1.xml");
    expect(comments).toContain(`<comments xmlns="${STRICT_MAIN}">`);
    expect(comments).toMatch(/<comment ref="B2" authorId="0">[\s\S]*错误 · r-B2：B2 的说明/);
    expect(text("xl/drawings/vmlDrawing1.vml")).toMatch(/<x:Row>1<\/x:Row><x:Column>1<\/x:Column>/);
    const types = text("[Content_Types].xml");
    expect(types).toContain('<Override PartName="/xl/comments1.xml"');
    expect(types).toContain('<Default Extension="vml"');
    expect(types).toContain('<Override PartName="/xl/styles.xml"');
    // Parts nobody needed stay as they were.
    expect(text("xl/workbook.xml")).toBe(parts["xl/workbook.xml"]);
  });
});

describe("parts named by percent-encoded targets", () => {
  const rels = (target: string) =>
    `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="s1" Type="${REL}/worksheet" Target="${target}"/></Relationships>`;
  const parts = (stored: string, target: string) => ({
    "[Content_Types].xml": `${DECL}<Types xmlns="${TYPES}"><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="表" sheetId="1" r:id="s1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": rels(target),
    [`xl/${stored}`]: `${DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`,
  });

  it.each([
    ["the decoded name", "worksheets/表 1.xml", "worksheets/%E8%A1%A8%201.xml"],
    ["the encoded spelling", "worksheets/sheet%201.xml", "worksheets/sheet%201.xml"],
  ])("paints a sheet stored under %s", (_, stored, target) => {
    const { bytes, summary } = annotatePackage(zip(parts(stored, target)), [issue("error", "表", "A1")]);
    expect(summary).toEqual({ cells: 1, errorCells: 1, warningCells: 0 });
    const out = unzipSync(bytes);
    expect(strFromU8(out[`xl/${stored}`]!)).toMatch(/<c r="A1" s="\d+"><v>1<\/v><\/c>/);
    const slash = stored.lastIndexOf("/");
    const sheetRels = `xl/${stored.slice(0, slash)}/_rels/${stored.slice(slash + 1)}.rels`;
    expect(strFromU8(out[sheetRels]!)).toContain('Target="../comments1.xml"');
    // Its relationships part sits beside it under the stored name, so Excel finds the notes.
    expect(
      Object.keys(out)
        .filter((name) => name.includes("%") || name.includes(" "))
        .sort(),
    ).toEqual([`xl/${stored}`, sheetRels].sort());
  });
});

describe("cells and rows without references, row and column formats, notes without a drawing", () => {
  const sheet =
    `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><cols><col min="4" max="4" width="12" style="2" customWidth="1"/></cols>` +
    "<sheetData>" +
    // Row 1, implied cells A1, B1, C1.
    '<row><c t="inlineStr"><is><t>一</t></is></c><c><v>2</v></c><c s="1"><v>3</v></c></row>' +
    // Row 2 (implied), formatted by row style 1; D2 and F2 are missing.
    '<row s="1" customFormat="1"><c r="A2"><v>4</v></c><c r="E2"><v>5</v></c></row>' +
    // Row 4 has only C4; D4 is missing and its column has style 2.
    '<row r="4"><c r="C4"><v>6</v></c></row>' +
    '</sheetData><legacyDrawing r:id="rId9"/></worksheet>';
  const parts = {
    "[Content_Types].xml":
      `${DECL}<Types xmlns="${TYPES}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="${WORKSHEET_TYPE}"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${WORKSHEET_TYPE}"/>` +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/xl/drawings/vmlDrawing1.vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/></Types>',
    "_rels/.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="甲" sheetId="1" r:id="rId1"/><sheet name="乙" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels":
      `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    "xl/styles.xml":
      `${DECL}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' +
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    "xl/worksheets/sheet1.xml": sheet,
    // The other sheet has notes in a drawing that claims shape-id block 1; its comments are linked but it has no relationship for rId9.
    "xl/worksheets/_rels/sheet1.xml.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments1.xml"/></Relationships>`,
    "xl/comments1.xml":
      `${DECL}<comments xmlns="${MAIN}"><authors><author>甲</author></authors><commentList>` +
      '<comment ref="B1" authorId="0"><text><t>原有</t></text></comment></commentList></comments>',
    "xl/worksheets/sheet2.xml": `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData/><legacyDrawing r:id="rId1"/></worksheet>`,
    "xl/worksheets/_rels/sheet2.xml.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
    "xl/drawings/vmlDrawing1.vml":
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      '<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><br></xml>',
  };
  const issues = ["B1", "C1", "D2", "F2", "D4", "A3"].map((cell) => issue("warning", "甲", cell));
  const { bytes } = annotatePackage(zip(parts), issues);
  const out = unzipSync(bytes);
  const text = (name: string) => strFromU8(out[name]!);
  const sheetOut = text("xl/worksheets/sheet1.xml");
  const styles = text("xl/styles.xml");
  const xfOf = (ref: string) => Number(new RegExp(`<c r="${ref}" s="(\\d+)"`).exec(sheetOut)?.[1]);
  const implied = (n: number) => Number([...sheetOut.matchAll(/<c( s="(\d+)")?[ >]/g)][n]?.[2]);

  it("paints implied cells in place and adds missing ones between them, in order", () => {
    expect(sheetOut).toMatch(
      /<row><c t="inlineStr"><is><t>一<\/t><\/is><\/c><c s="\d+"><v>2<\/v><\/c><c s="\d+"><v>3<\/v><\/c><\/row>/,
    );
    expect(sheetOut).toMatch(
      /<c r="A2"><v>4<\/v><\/c><c r="D2" s="\d+"\/><c r="E2"><v>5<\/v><\/c><c r="F2" s="\d+"\/><\/row>/,
    );
    expect(sheetOut).toMatch(
      /<row r="3"><c r="A3" s="\d+"\/><\/row><row r="4"><c r="C4"><v>6<\/v><\/c><c r="D4" s="\d+"\/><\/row>/,
    );
    // The sheet's own link (rId9 named nothing) is left as it is, and now names the new drawing.
    expect(sheetOut).toContain('<legacyDrawing r:id="rId9"/>');
    expect(text("xl/worksheets/_rels/sheet1.xml.rels")).toContain(
      `<Relationship Id="rId9" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing2.vml"/>`,
    );
    expect(sheetOut.match(/legacyDrawing/g)).toHaveLength(1);
  });

  it("derives a new cell's format from its row's or column's format, and keeps each number format", () => {
    const formats = cellFormats(styles);
    const neutral = { fill: argb(HIGHLIGHT_COLORS.warning.fill), font: argb(HIGHLIGHT_COLORS.warning.font) };
    // B1 had no format (0), C1 had 1 (a date), D2 takes its row's 1, D4 its column's 2, A3 nothing (0).
    expect(formats[implied(1)]!.numFmtId).toBe("0");
    expect(formats[implied(2)]!.numFmtId).toBe("14");
    expect(formats[xfOf("D2")]!.numFmtId).toBe("14");
    expect(formats[xfOf("F2")]!.numFmtId).toBe("14");
    expect(formats[xfOf("D4")]!.numFmtId).toBe("10");
    expect(formats[xfOf("A3")]!.numFmtId).toBe("0");
    for (const xf of [implied(1), implied(2), xfOf("D2"), xfOf("D4"), xfOf("A3")])
      expect(look(styles, xf)).toEqual(neutral);
    // One fill and one font for the severity, one format per format painted.
    expect(children(styles, "fills", "fill")).toHaveLength(3);
    expect(children(styles, "fonts", "font")).toHaveLength(2);
    expect(formats).toHaveLength(6);
    expect(styles).toContain('<cellXfs count="6">');
  });

  it("appends to a note written as plain text, and gives the notes a drawing of their own", () => {
    const comments = text("xl/comments1.xml");
    expect(comments).toContain('<comment ref="B1" authorId="0"><text><t xml:space="preserve">原有\n\n【绩效目标表校验');
    expect(comments).toContain("<author>甲</author><author>target-table</author>");
    // The sheet linked rId9 to nothing: the drawing is made under a fresh name, with the next free id block.
    const drawings = Object.keys(out)
      .filter((n) => n.endsWith(".vml"))
      .sort();
    expect(drawings).toEqual(["xl/drawings/vmlDrawing1.vml", "xl/drawings/vmlDrawing2.vml"]);
    expect(text("xl/drawings/vmlDrawing1.vml")).toBe(parts["xl/drawings/vmlDrawing1.vml"]);
    const vml = text("xl/drawings/vmlDrawing2.vml");
    expect(vml).toContain('<o:idmap v:ext="edit" data="2"/>');
    expect(vml).toContain('id="_x0000_s2049"');
    // Every painted cell has a box, B1's note included (it had none).
    expect(vml.match(/<x:ClientData ObjectType="Note">/g)).toHaveLength(6);
  });
});

describe("a merged area over a whole sheet", () => {
  it("paints its top-left cell and the cells that exist, in an instant", () => {
    const parts = {
      "[Content_Types].xml": `${DECL}<Types xmlns="${TYPES}"><Default Extension="xml" ContentType="application/xml"/></Types>`,
      "_rels/.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="全" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      "xl/_rels/workbook.xml.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      "xl/worksheets/sheet1.xml":
        `${DECL}<worksheet xmlns="${MAIN}"><sheetData><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>` +
        '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
    };
    const started = Date.now();
    const { bytes, summary } = annotatePackage(zip(parts), [issue("error", "全", "C3")]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(summary).toEqual({ cells: 1, errorCells: 1, warningCells: 0 });
    const sheet = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toMatch(
      /<sheetData><row r="1"><c r="A1" s="1"\/><\/row><row r="1048576"><c r="XFD1048576" s="1"><v>1<\/v><\/c><\/row>/,
    );
    expect(strFromU8(unzipSync(bytes)["xl/comments1.xml"]!)).toContain('<comment ref="A1"');
  });
});
