/** The paint and clear plans: plain data in, plain data out; no spreadsheet, no fake. */
import type { Issue } from "../../../src/core/report";
import { addressLists } from "../../../src/host/plans/address-lists";
import {
  lookupCells,
  paintFindings,
  planClear,
  planPaint,
  type CellLook,
  type NoteWrite,
  type PaintFinding,
  type PaintGroup,
  type Restore,
} from "../../../src/host/plans/highlight";
import { cellKey, noteFingerprint, type OwnFill, type RecordedCell } from "../../../src/host/record";

const ERROR_FILL = "#FFC7CE";
const ERROR_FONT = "#9C0006";
const WARNING_FILL = "#FFEB9C";
const WARNING_FONT = "#9C5700";
const NOTE = "错误：目标值为空";
const OUR_HASH = noteFingerprint(NOTE);

/** A cell's look: No Fill, automatic black text and no note unless given. */
function look(fill: Partial<CellLook["fill"]> = {}, fontColor = "#000000", note: string | null = null): CellLook {
  return {
    fill: { pattern: "None", color: "#FFFFFF", patternColor: "#000000", tint: 0, patternTint: 0, ...fill },
    fontColor,
    note,
  };
}
const solid = (color: string) => ({ pattern: "Solid", color });
const paintedError = (note: string | null = NOTE) => look(solid(ERROR_FILL), ERROR_FONT, note);

const NONE: OwnFill = { kind: "none" };
const BLUE: OwnFill = {
  kind: "fill",
  color: "#DDEBF7",
  pattern: "Solid",
  patternColor: "#000000",
  tint: 0,
  patternTint: 0,
};

function recorded(cell: string, overrides: Partial<RecordedCell> = {}): RecordedCell {
  return {
    sheetId: "S1",
    cell,
    severity: "error",
    fill: NONE,
    fontColor: "#000000",
    noteHash: OUR_HASH,
    ...overrides,
  };
}
function finding(cell: string, severity: "error" | "warning" = "error", note = NOTE): PaintFinding {
  return { sheetId: "S1", cell, severity, note };
}
const group = (cells: string[], overrides: Partial<PaintGroup> = {}): PaintGroup => ({
  sheetId: "S1",
  severity: "error",
  fill: true,
  font: true,
  cells,
  ...overrides,
});
const restore = (cell: string, overrides: Partial<Restore> = {}): Restore => ({
  sheetId: "S1",
  cell,
  fill: NONE,
  fontColor: "#000000",
  deleteNote: true,
  ...overrides,
});
const addNote = (cell: string, overrides: Partial<NoteWrite> = {}): NoteWrite => ({
  sheetId: "S1",
  cell,
  text: NOTE,
  existing: false,
  ...overrides,
});
const looksOf = (entries: Record<string, CellLook>) =>
  new Map(Object.entries(entries).map(([cell, l]) => [cellKey("S1", cell), l]));

describe("planPaint", () => {
  const rows: {
    name: string;
    findings: PaintFinding[];
    record?: RecordedCell[];
    looks: Record<string, CellLook>;
    notes?: boolean;
    final: RecordedCell[];
    restored?: RecordedCell[];
    paints: PaintGroup[];
    restores?: Restore[];
    noteWrites: NoteWrite[];
  }[] = [
    {
      name: "a plain cell: fill and font painted, its own look recorded, our note added",
      findings: [finding("B2")],
      looks: { B2: look() },
      final: [recorded("B2")],
      paints: [group(["B2"])],
      noteWrites: [addNote("B2")],
    },
    {
      name: "the user's own fill and font colour are what the record keeps",
      findings: [finding("B2", "warning")],
      looks: { B2: look({ ...solid("#DDEBF7") }, "#1F4E78") },
      final: [recorded("B2", { severity: "warning", fill: BLUE, fontColor: "#1F4E78" })],
      paints: [group(["B2"], { severity: "warning" })],
      noteWrites: [addNote("B2")],
    },
    {
      name: "a gradient fill is left alone: only the font is painted, no fill recorded",
      findings: [finding("B2")],
      looks: { B2: look({ pattern: "LinearGradient" }) },
      final: [recorded("B2", { fill: null })],
      paints: [group(["B2"], { fill: false })],
      noteWrites: [addNote("B2")],
    },
    {
      name: "painted again as before: nothing written, the earlier own look kept",
      findings: [finding("B2")],
      record: [recorded("B2", { fill: BLUE, fontColor: "#1F4E78" })],
      looks: { B2: paintedError() },
      final: [recorded("B2", { fill: BLUE, fontColor: "#1F4E78" })],
      paints: [],
      noteWrites: [],
    },
    {
      name: "an error becoming a warning is painted over; our note gets the new text",
      findings: [finding("B2", "warning", "警告：新的说明")],
      record: [recorded("B2")],
      looks: { B2: paintedError() },
      final: [recorded("B2", { severity: "warning", noteHash: noteFingerprint("警告：新的说明") })],
      paints: [group(["B2"], { severity: "warning" })],
      noteWrites: [addNote("B2", { text: "警告：新的说明", existing: true })],
    },
    {
      name: "a fill the user changed after the check is theirs: recorded as their own now",
      findings: [finding("B2")],
      record: [recorded("B2")],
      looks: { B2: look(solid("#DDEBF7"), ERROR_FONT, NOTE) },
      final: [recorded("B2", { fill: BLUE })],
      paints: [group(["B2"], { font: false })],
      noteWrites: [],
    },
    {
      name: "the user's own note stays, and ours is not added",
      findings: [finding("B2")],
      looks: { B2: look({}, "#000000", "我的批注") },
      final: [recorded("B2", { noteHash: null })],
      paints: [group(["B2"])],
      noteWrites: [],
    },
    {
      name: "a note of ours the user edited is theirs now",
      findings: [finding("B2")],
      record: [recorded("B2")],
      looks: { B2: paintedError("我改过的批注") },
      final: [recorded("B2", { noteHash: null })],
      paints: [],
      noteWrites: [],
    },
    {
      name: "without notes support the earlier note hash is carried over and no note is written",
      findings: [finding("B2"), finding("B3")],
      record: [recorded("B2")],
      looks: { B2: paintedError(null), B3: look() },
      notes: false,
      final: [recorded("B2"), recorded("B3", { noteHash: null })],
      paints: [group(["B3"])],
      noteWrites: [],
    },
    {
      name: "cells painted alike are grouped by sheet, severity and what is painted",
      findings: [
        finding("B2"),
        { ...finding("B3"), sheetId: "S2" },
        finding("B4", "warning"),
        finding("B5"),
        finding("B6"),
      ],
      looks: {
        B2: look(),
        B4: look(),
        B5: look({ pattern: "RectangularGradient" }),
        B6: look(),
      },
      final: [recorded("B2"), recorded("B4", { severity: "warning" }), recorded("B5", { fill: null }), recorded("B6")],
      paints: [group(["B2", "B6"]), group(["B4"], { severity: "warning" }), group(["B5"], { fill: false })],
      noteWrites: [addNote("B2"), addNote("B4"), addNote("B5"), addNote("B6")],
    },
    {
      name: "an earlier cell without a finding now is restored where it still shows ours",
      findings: [finding("B2")],
      record: [
        recorded("C2", { fill: BLUE, fontColor: "#1F4E78" }),
        recorded("C3", { severity: "warning" }),
        recorded("C4"),
        recorded("C5", { fill: null }),
      ],
      looks: {
        B2: look(),
        C2: paintedError(),
        C3: look(solid(WARNING_FILL), "#FF0000", null),
        C4: look({}, "#000000", "用户重写的批注"),
        C5: look({ pattern: "LinearGradient" }, ERROR_FONT, NOTE),
      },
      final: [recorded("B2")],
      restored: [
        recorded("C2", { fill: BLUE, fontColor: "#1F4E78" }),
        recorded("C3", { severity: "warning" }),
        recorded("C4"),
        recorded("C5", { fill: null }),
      ],
      paints: [group(["B2"])],
      restores: [
        restore("C2", { fill: BLUE, fontColor: "#1F4E78" }),
        restore("C3", { fontColor: null, deleteNote: false }),
        restore("C5", { fill: null }),
      ],
      noteWrites: [addNote("B2")],
    },
    {
      name: "without notes support a restored cell with our note stays on record, its fill forgotten",
      findings: [],
      record: [recorded("C2"), recorded("C3", { noteHash: null })],
      looks: { C2: paintedError(null), C3: paintedError(null) },
      notes: false,
      final: [recorded("C2", { fill: null })],
      restored: [recorded("C2"), recorded("C3", { noteHash: null })],
      paints: [],
      restores: [restore("C2", { deleteNote: false }), restore("C3", { deleteNote: false })],
      noteWrites: [],
    },
    {
      name: "a cell without a look is neither painted nor restored; one on record stays there unchanged",
      findings: [finding("B2"), finding("B3")],
      record: [recorded("B3", { severity: "warning" }), recorded("C2")],
      looks: {},
      final: [recorded("B3", { severity: "warning" }), recorded("C2")],
      paints: [],
      noteWrites: [],
    },
  ];
  it.each(rows)("$name", (row) => {
    const plan = planPaint({
      findings: row.findings,
      record: row.record ?? [],
      looks: looksOf(row.looks),
      notes: row.notes ?? true,
    });
    expect(plan.final).toEqual(row.final);
    expect(plan.restored).toEqual(row.restored ?? []);
    expect(plan.interim).toEqual([...(row.restored ?? []), ...row.final]);
    expect(plan.paints).toEqual(row.paints);
    expect(plan.restores).toEqual(row.restores ?? []);
    expect(plan.notes).toEqual(row.noteWrites);
  });
});

describe("planClear", () => {
  const rows: {
    name: string;
    record: RecordedCell[];
    looks: Record<string, CellLook>;
    locked?: string[];
    notes?: boolean;
    restores: Restore[];
    kept: RecordedCell[];
  }[] = [
    {
      name: "every cell still showing ours is put back and forgotten",
      record: [recorded("B2", { fill: BLUE }), recorded("B3", { severity: "warning", noteHash: null })],
      looks: { B2: paintedError(), B3: look(solid(WARNING_FILL), WARNING_FONT) },
      restores: [restore("B2", { fill: BLUE }), restore("B3", { deleteNote: false })],
      kept: [],
    },
    {
      name: "a cell the user recoloured since is forgotten without a write",
      record: [recorded("B2", { noteHash: null })],
      looks: { B2: look(solid("#00FF00"), "#0000FF") },
      restores: [],
      kept: [],
    },
    {
      name: "on a protected sheet a cell stays on record while it shows something of ours",
      record: [recorded("B2"), recorded("B3"), recorded("B4")],
      looks: { B2: paintedError(null), B3: look({}, "#000000", NOTE), B4: look() },
      locked: ["S1"],
      restores: [],
      kept: [recorded("B2"), recorded("B3")],
    },
    {
      name: "a cell without a look (its sheet renamed) stays on record",
      record: [recorded("B2"), recorded("B3")],
      looks: { B3: paintedError() },
      restores: [restore("B3")],
      kept: [recorded("B2")],
    },
    {
      name: "without notes support our note stays, and so does the cell on record",
      record: [recorded("B2", { fill: BLUE })],
      looks: { B2: paintedError() },
      notes: false,
      restores: [restore("B2", { fill: BLUE, deleteNote: false })],
      kept: [recorded("B2", { fill: null })],
    },
  ];
  it.each(rows)("$name", (row) => {
    const plan = planClear({
      record: row.record,
      looks: looksOf(row.looks),
      locked: new Set(row.locked ?? []),
      notes: row.notes ?? true,
    });
    expect(plan.restores).toEqual(row.restores);
    expect(plan.kept).toEqual(row.kept);
  });
});

describe("lookupCells", () => {
  it("lists every finding's cell, then each recorded cell without a finding, once", () => {
    expect(
      lookupCells(
        [finding("B2"), { ...finding("B2"), sheetId: "S2" }],
        [recorded("B2"), recorded("C2"), recorded("C2")],
      ),
    ).toEqual([finding("B2"), { ...finding("B2"), sheetId: "S2" }, recorded("C2")]);
  });
});

describe("paintFindings", () => {
  const base = { rule: "r", sheet: "表1", table: 0, messageEn: "", fix: null };
  it("gives one finding per cell, the error winning, its note listing every finding", () => {
    const issues = [
      { ...base, cell: "B2", severity: "warning", message: "警告一" },
      { ...base, cell: "B2", severity: "error", message: "错误一" },
      { ...base, cell: "C3", severity: "info", message: "提示" },
    ] as Issue[];
    const found = paintFindings(issues);
    expect(found.map((f) => [f.sheet, f.cell, f.severity])).toEqual([["表1", "B2", "error"]]);
    expect(found[0]!.note).toContain("警告一");
    expect(found[0]!.note).toContain("错误一");
  });
});

describe("addressLists", () => {
  it.each<[string, string[], number, string[]]>([
    ["none", [], 255, []],
    ["one list when it fits", ["A1", "B2", "C3"], 8, ["A1,B2,C3"]],
    ["a new list where the next cell would pass the limit", ["A1", "B2", "C3"], 7, ["A1,B2", "C3"]],
    ["a cell longer than the limit alone", ["AA100", "B2"], 4, ["AA100", "B2"]],
  ])("%s", (_name, cells, max, lists) => {
    expect(addressLists(cells, max)).toEqual(lists);
  });

  it("holds every cell once, in order, within the limit", () => {
    const cells = Array.from({ length: 2_000 }, (_, i) => `${String.fromCharCode(65 + (i % 26))}${i + 1}`);
    const lists = addressLists(cells, 1_000);
    expect(lists.length).toBeGreaterThan(1);
    expect(lists.every((list) => list.length <= 1_000)).toBe(true);
    expect(lists.join(",").split(",")).toEqual(cells);
  });
});
