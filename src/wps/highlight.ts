/**
 * Highlighting findings in WPS and taking the highlights away, with the Excel host's semantics
 * (src/excel/highlight.ts): the same colours and notes, the record written before anything is
 * painted (earlier cells and new ones) and replaced by the new cells alone at the end, a failure
 * part-way undone by restoring everything the record names, and a cell restored only where it
 * still shows our colours (a colour the user changed since is theirs, and stays). The user's own
 * comment is never overwritten.
 *
 * WPS's API is synchronous and uncapped: cells painted alike are written through address lists of
 * at most 255 characters; each cell's current look is read member by member.
 */
import { parseA1 } from "../core/address";
import { HIGHLIGHT_COLORS, cellHighlights, noteText, type PaintedSeverity } from "../core/highlight";
import type { Issue } from "../core/report";
import { cellKey, noteFingerprint, type HighlightRecord, type OwnFill, type RecordedCell } from "../host/record";
import { HostError } from "../host/types";
import {
  PATTERN_BY_NAME,
  PATTERN_NAME,
  XL_COLOR_AUTOMATIC,
  XL_PATTERN_LINEAR_GRADIENT,
  XL_PATTERN_NONE,
  XL_PATTERN_RECTANGULAR_GRADIENT,
  XL_PATTERN_SOLID,
  addressLists,
  bgr,
  hex,
  quietly,
  worksheets,
  type WpsApplication,
  type WpsRange,
  type WpsWorksheet,
} from "./api";
import { protectedSheetError, toWpsHostError } from "./errors";
import { canKeepRecord, loadRecord, noRecordError, saveRecord } from "./record";

/** The automatic colour, recorded as such so that it comes back automatic rather than black. */
const AUTO = "auto";

interface CurrentCell {
  pattern: number;
  color: string;
  patternColor: string;
  tint: number;
  patternTint: number;
  fontColor: string;
  note: string | null;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function readCell(range: WpsRange): CurrentCell {
  const interior = range.Interior;
  const font = range.Font;
  const comment = range.Comment as Et.Comment | null | undefined;
  return {
    pattern: num(interior.Pattern, XL_PATTERN_NONE),
    color: hex(num(interior.Color, 0xffffff)),
    patternColor: num(interior.PatternColorIndex) === XL_COLOR_AUTOMATIC ? AUTO : hex(num(interior.PatternColor)),
    tint: num(interior.TintAndShade),
    patternTint: num(interior.PatternTintAndShade),
    fontColor: num(font.ColorIndex) === XL_COLOR_AUTOMATIC ? AUTO : hex(num(font.Color)),
    note: comment ? comment.Text() : null,
  };
}

function showsPaint(now: CurrentCell, severity: PaintedSeverity): { fill: boolean; font: boolean } {
  const colors = HIGHLIGHT_COLORS[severity];
  return { fill: now.pattern === XL_PATTERN_SOLID && now.color === colors.fill, font: now.fontColor === colors.font };
}

function ownFillOf(now: CurrentCell): OwnFill | null {
  if (now.pattern === XL_PATTERN_NONE) return { kind: "none" };
  // As in Excel: a gradient cannot be written back, so such a cell keeps its fill and gets only the font colour.
  if (now.pattern === XL_PATTERN_LINEAR_GRADIENT || now.pattern === XL_PATTERN_RECTANGULAR_GRADIENT) return null;
  return {
    kind: "fill",
    color: now.color,
    pattern: PATTERN_NAME.get(now.pattern) ?? String(now.pattern),
    patternColor: now.patternColor,
    tint: now.tint,
    patternTint: now.patternTint,
  };
}

function showsOurNote(now: CurrentCell, old: RecordedCell): boolean {
  return old.noteHash !== null && now.note !== null && noteFingerprint(now.note) === old.noteHash;
}

function writeFill(range: WpsRange, own: OwnFill): void {
  const interior = range.Interior;
  if (own.kind === "none") {
    interior.Pattern = XL_PATTERN_NONE;
    return;
  }
  interior.Pattern = PATTERN_BY_NAME[own.pattern] ?? Number(own.pattern);
  interior.Color = bgr(own.color);
  if (own.patternColor === AUTO) interior.PatternColorIndex = XL_COLOR_AUTOMATIC;
  else interior.PatternColor = bgr(own.patternColor);
  interior.TintAndShade = own.tint;
  interior.PatternTintAndShade = own.patternTint;
}

function writeFontColor(range: WpsRange, color: string): void {
  if (color === AUTO) range.Font.ColorIndex = XL_COLOR_AUTOMATIC;
  else range.Font.Color = bgr(color);
}

/** The sheets by lower-case name. */
function sheetMap(app: WpsApplication): Map<string, WpsWorksheet> {
  return new Map(worksheets(app).map((ws) => [ws.Name.toLowerCase(), ws]));
}

/** Puts a recorded cell back where it still shows ours; true when anything was written. */
function restoreCell(ws: WpsWorksheet, now: CurrentCell, old: RecordedCell): boolean {
  const range = ws.Range(old.cell);
  const ours = showsPaint(now, old.severity);
  let wrote = false;
  if (old.fill !== null && ours.fill) {
    writeFill(range, old.fill);
    wrote = true;
  }
  if (ours.font) {
    writeFontColor(range, old.fontColor);
    wrote = true;
  }
  if (showsOurNote(now, old)) {
    (range.Comment as Et.Comment).Delete();
    wrote = true;
  }
  return wrote;
}

class PartialWrite extends Error {
  constructor(readonly failure: unknown) {
    super("A write failed part-way.");
  }
}

export function isPartialWrite(error: unknown): error is PartialWrite {
  return error instanceof PartialWrite;
}

/** Paints the findings, restoring earlier highlights first. */
export function paintFindings(app: WpsApplication, issues: readonly Issue[]): void {
  const findings = cellHighlights(issues).map((h) => ({ ...h, note: noteText(h.issues) }));
  let record: HighlightRecord;
  let sheets: Map<string, WpsWorksheet>;
  try {
    record = loadRecord(app);
    if (findings.length === 0 && record.cells.length === 0) return;
    sheets = sheetMap(app);
  } catch (error) {
    throw toWpsHostError(error, "highlight");
  }
  const missing = findings.find((f) => !sheets.has(f.sheet.toLowerCase()));
  if (missing) {
    throw new HostError(
      `工作簿在校验之后发生了变化（找不到工作表“${missing.sheet}”）。请重新校验。`,
      `The workbook changed after the check (worksheet "${missing.sheet}" is gone). Please check again.`,
    );
  }
  if (findings.length > 0 && !canKeepRecord(app)) throw noRecordError();

  const newByKey = new Map(findings.map((f) => [cellKey(sheets.get(f.sheet.toLowerCase())!.Name, f.cell), f]));
  const oldByKey = new Map(
    record.cells.filter((c) => sheets.has(c.sheetId.toLowerCase())).map((c) => [cellKey(c.sheetId, c.cell), c]),
  );
  const restoredOld = [...oldByKey].filter(([key]) => !newByKey.has(key)).map(([, old]) => old);
  const involved = new Set([
    ...findings.map((f) => f.sheet.toLowerCase()),
    ...restoredOld.map((c) => c.sheetId.toLowerCase()),
  ]);
  for (const name of involved) {
    const ws = sheets.get(name)!;
    if (ws.ProtectContents) throw protectedSheetError(ws.Name, "highlight");
  }

  // Look first, write after: nothing is written before every cell has been read.
  const current = new Map<string, CurrentCell>();
  try {
    for (const [key, f] of newByKey) current.set(key, readCell(sheets.get(f.sheet.toLowerCase())!.Range(f.cell)));
    for (const old of restoredOld)
      current.set(cellKey(old.sheetId, old.cell), readCell(sheets.get(old.sheetId.toLowerCase())!.Range(old.cell)));
  } catch (error) {
    throw toWpsHostError(error, "highlight");
  }

  const finalCells: RecordedCell[] = [];
  const paints = new Map<
    string,
    { ws: WpsWorksheet; severity: PaintedSeverity; fill: boolean; font: boolean; cells: string[] }
  >();
  const notes: { ws: WpsWorksheet; cell: string; text: string; existing: boolean; record: RecordedCell }[] = [];
  for (const [key, f] of newByKey) {
    const ws = sheets.get(f.sheet.toLowerCase())!;
    const now = current.get(key)!;
    const old = oldByKey.get(key);
    const stillOurs = old ? showsPaint(now, old.severity) : { fill: false, font: false };
    const ownFill = old && old.fill !== null && stillOurs.fill ? old.fill : ownFillOf(now);
    const ownFont = old && stillOurs.font ? old.fontColor : now.fontColor;
    const painted = showsPaint(now, f.severity);
    const fill = ownFill !== null && !painted.fill;
    if (fill || !painted.font) {
      const group = `${ws.Name}\n${f.severity}\n${fill}\n${!painted.font}`;
      const entry = paints.get(group) ?? { ws, severity: f.severity, fill, font: !painted.font, cells: [] };
      entry.cells.push(f.cell);
      paints.set(group, entry);
    }
    const cell: RecordedCell = {
      sheetId: ws.Name,
      cell: f.cell,
      severity: f.severity,
      fill: ownFill,
      fontColor: ownFont,
      noteHash: null,
    };
    // The user's own note stays, and ours is not added.
    if (now.note === null || (old !== undefined && showsOurNote(now, old))) {
      cell.noteHash = noteFingerprint(f.note);
      if (now.note !== f.note)
        notes.push({ ws, cell: f.cell, text: f.note, existing: now.note !== null, record: cell });
    }
    finalCells.push(cell);
  }

  try {
    quietly(app, () => {
      saveRecord(app, { cells: [...restoredOld, ...finalCells] });
      for (const old of restoredOld)
        restoreCell(sheets.get(old.sheetId.toLowerCase())!, current.get(cellKey(old.sheetId, old.cell))!, old);
      for (const { ws, severity, fill, font, cells } of paints.values()) {
        const colors = HIGHLIGHT_COLORS[severity];
        for (const list of addressLists(cells)) {
          const range = ws.Range(list);
          if (fill) {
            range.Interior.Pattern = XL_PATTERN_SOLID;
            range.Interior.Color = bgr(colors.fill);
            range.Interior.TintAndShade = 0;
          }
          if (font) range.Font.Color = bgr(colors.font);
        }
      }
      for (const note of notes) {
        const range = note.ws.Range(note.cell);
        const comment = note.existing ? (range.Comment as Et.Comment) : range.AddComment(note.text);
        if (note.existing) comment.Text(note.text);
        // The fingerprint is of what WPS keeps (a build may put the author's name first).
        note.record.noteHash = noteFingerprint(comment.Text());
      }
      saveRecord(app, { cells: finalCells });
    });
  } catch (error) {
    throw new PartialWrite(error);
  }
}

/**
 * Restores every recorded cell that still shows our paint and removes our notes, then forgets the
 * record. With keepProtected, cells on protected sheets stay on record instead of failing.
 * Returns how many cells were restored.
 */
export function clearHighlights(app: WpsApplication, keepProtected: boolean): number {
  let record: HighlightRecord;
  let sheets: Map<string, WpsWorksheet>;
  try {
    record = loadRecord(app);
    sheets = sheetMap(app);
  } catch (error) {
    throw toWpsHostError(error, "clear");
  }
  if (record.cells.length === 0) return 0;
  const kept: RecordedCell[] = [];
  const todo: { ws: WpsWorksheet; old: RecordedCell; now: CurrentCell }[] = [];
  try {
    for (const old of record.cells) {
      const ws = sheets.get(old.sheetId.toLowerCase());
      // A renamed sheet: its cells stay on record (a later check of it restores them).
      if (!ws || !parseA1(old.cell)) {
        if (ws === undefined) kept.push(old);
        continue;
      }
      const now = readCell(ws.Range(old.cell));
      if (ws.ProtectContents) {
        if (!keepProtected) throw protectedSheetError(ws.Name, "clear");
        const ours = showsPaint(now, old.severity);
        if ((old.fill !== null && ours.fill) || ours.font || showsOurNote(now, old)) kept.push(old);
        continue;
      }
      todo.push({ ws, old, now });
    }
  } catch (error) {
    throw toWpsHostError(error, "clear");
  }
  try {
    return quietly(app, () => {
      let restored = 0;
      for (const { ws, old, now } of todo) if (restoreCell(ws, now, old)) restored++;
      // The record goes last: if a restore fails part-way, the record still names every cell.
      saveRecord(app, { cells: kept });
      return restored;
    });
  } catch (error) {
    throw toWpsHostError(error, "clear");
  }
}
