/**
 * The highlight record's serialized form is what users' saved workbooks hold: these rows pin it, so a
 * workbook painted by an earlier version still restores.
 */
import {
  RECORD_NAMESPACE,
  mergeRecords,
  noteFingerprint,
  parseRecord,
  serializeRecord,
  type HighlightRecord,
  type RecordedCell,
} from "../../src/host/record";

const plain: RecordedCell = {
  sheetId: "{S1}",
  cell: "B7",
  severity: "error",
  fill: { kind: "none" },
  fontColor: "#000000",
  noteHash: "0a1b2c3d",
};
const patterned: RecordedCell = {
  sheetId: "{S1}",
  cell: "C9",
  severity: "warning",
  fill: { kind: "fill", color: "#DDEBF7", pattern: "Gray25", patternColor: "#000000", tint: 0.4, patternTint: 0 },
  fontColor: "#1F4E78",
  noteHash: null,
};
const gradient: RecordedCell = { ...plain, sheetId: "表&<1>", cell: "D2", fill: null, fontColor: "auto" };

describe("the highlight record's serialized form", () => {
  const rows: { name: string; record: HighlightRecord; xml: string }[] = [
    {
      name: "an empty record",
      record: { cells: [] },
      xml: `<highlights xmlns="${RECORD_NAMESPACE}" version="1"><formats>[]</formats></highlights>`,
    },
    {
      name: "formats listed once, cells by sheet, the note hash only where there is one",
      record: { cells: [plain, patterned, { ...plain, cell: "B8", noteHash: null }] },
      xml:
        `<highlights xmlns="${RECORD_NAMESPACE}" version="1"><formats>` +
        `[[{&quot;kind&quot;:&quot;none&quot;},&quot;#000000&quot;],` +
        `[{&quot;kind&quot;:&quot;fill&quot;,&quot;color&quot;:&quot;#DDEBF7&quot;,&quot;pattern&quot;:&quot;Gray25&quot;,` +
        `&quot;patternColor&quot;:&quot;#000000&quot;,&quot;tint&quot;:0.4,&quot;patternTint&quot;:0},&quot;#1F4E78&quot;]]` +
        `</formats><sheet id="{S1}">B7,0,e,0a1b2c3d;C9,1,w;B8,0,e</sheet></highlights>`,
    },
    {
      name: "a fill left alone and a sheet key that needs escaping",
      record: { cells: [gradient] },
      xml:
        `<highlights xmlns="${RECORD_NAMESPACE}" version="1"><formats>[[null,&quot;auto&quot;]]</formats>` +
        `<sheet id="表&amp;&lt;1&gt;">D2,0,e,0a1b2c3d</sheet></highlights>`,
    },
  ];
  it.each(rows)("$name", ({ record, xml }) => {
    expect(serializeRecord(record)).toBe(xml);
    expect(parseRecord(xml)).toEqual(record);
  });

  it.each([
    ["no formats element", `<highlights xmlns="${RECORD_NAMESPACE}"><sheet id="a">B2,0,e</sheet></highlights>`],
    ["formats that are not JSON", `<highlights><formats>[oops</formats><sheet id="a">B2,0,e</sheet></highlights>`],
  ])("reads %s as an empty record", (_name, xml) => {
    expect(parseRecord(xml)).toEqual({ cells: [] });
  });

  it("skips entries naming a format that is not listed", () => {
    const xml = `<highlights><formats>[[{"kind":"none"},"#000000"]]</formats><sheet id="a">B2,0,w;B3,5,e;,0,e</sheet></highlights>`;
    expect(parseRecord(xml).cells).toEqual([
      { sheetId: "a", cell: "B2", severity: "warning", fill: { kind: "none" }, fontColor: "#000000", noteHash: null },
    ]);
  });

  it("reads a hand-edited address in the hosts' form, and skips one naming no cell", () => {
    const format = `[[{"kind":"none"},"#000000"]]`;
    const items = ["$B$2", "c3", " D4", "XFD1048576", "XFE1", "A1048577", "A0", "第一行", "B2:C3"];
    const xml = `<highlights><formats>${format}</formats><sheet id="a">${items.map((c) => `${c},0,e`).join(";")}</sheet></highlights>`;
    expect(parseRecord(xml).cells.map((c) => c.cell)).toEqual(["B2", "C3", "D4", "XFD1048576"]);
  });

  it("merges parts with the later entry for a cell winning", () => {
    const later = { ...plain, severity: "warning" as const };
    expect(mergeRecords([{ cells: [plain, patterned] }, { cells: [later] }]).cells).toEqual([later, patterned]);
  });

  it.each([
    ["", "811c9dc5"],
    ["a", "e40c292c"],
    ["错误：目标值为空", "5ae973da"],
  ])("fingerprints the note %j as %s", (text, hash) => {
    expect(noteFingerprint(text)).toBe(hash);
  });
});
