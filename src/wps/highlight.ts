/**
 * Highlighting findings in WPS and taking the highlights away: the WPS executor of the paint and
 * clear plans (src/host/plans/highlight.ts), which the Excel host runs too. The record is written
 * before anything is painted (earlier cells and new ones) and replaced by the new cells alone at the
 * end; a failure part-way is undone by restoring everything the record names.
 *
 * WPS's API is synchronous and uncapped: cells painted alike are written through address lists of
 * at most 255 characters; each cell's current look is read member by member.
 */
import { parseA1 } from "../core/address";
import { HIGHLIGHT_COLORS } from "../core/highlight";
import type { Issue } from "../core/report";
import { addressLists } from "../host/plans/address-lists";
import {
  lookupCells,
  paintFindings as findingsToPaint,
  planClear,
  planPaint,
  type CellLook,
  type Restore,
} from "../host/plans/highlight";
import { cellKey, noteFingerprint, type HighlightRecord, type OwnFill } from "../host/record";
import { HostError } from "../host/types";
import {
  MAX_ADDRESS_CHARS,
  PATTERN_BY_NAME,
  PATTERN_NAME,
  XL_COLOR_AUTOMATIC,
  XL_PATTERN_NONE,
  XL_PATTERN_SOLID,
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

function num(value: unknown, fallback = 0): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

/** A cell's look in the plans' terms: the pattern by Office.js's name, colours as "#RRGGBB" or AUTO. */
function readLook(range: WpsRange): CellLook {
  const interior = range.Interior;
  const font = range.Font;
  const comment = range.Comment as Et.Comment | null | undefined;
  const pattern = num(interior.Pattern, XL_PATTERN_NONE);
  return {
    fill: {
      pattern: PATTERN_NAME.get(pattern) ?? String(pattern),
      color: hex(num(interior.Color, 0xffffff)),
      patternColor: num(interior.PatternColorIndex) === XL_COLOR_AUTOMATIC ? AUTO : hex(num(interior.PatternColor)),
      tint: num(interior.TintAndShade),
      patternTint: num(interior.PatternTintAndShade),
    },
    fontColor: num(font.ColorIndex) === XL_COLOR_AUTOMATIC ? AUTO : hex(num(font.Color)),
    note: comment ? comment.Text() : null,
  };
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

/** Puts a recorded cell back as the plan says. */
function restoreCell(ws: WpsWorksheet, restore: Restore): void {
  const range = ws.Range(restore.cell);
  if (restore.fill) writeFill(range, restore.fill);
  if (restore.fontColor !== null) writeFontColor(range, restore.fontColor);
  if (restore.deleteNote) (range.Comment as Et.Comment).Delete();
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
  const found = findingsToPaint(issues);
  let record: HighlightRecord;
  let sheets: Map<string, WpsWorksheet>;
  try {
    record = loadRecord(app);
    if (found.length === 0 && record.cells.length === 0) return;
    sheets = sheetMap(app);
  } catch (error) {
    throw toWpsHostError(error, "highlight");
  }
  const missing = found.find((f) => !sheets.has(f.sheet.toLowerCase()));
  if (missing) {
    throw new HostError(
      `工作簿在校验之后发生了变化（找不到工作表“${missing.sheet}”）。请重新校验。`,
      `The workbook changed after the check (worksheet "${missing.sheet}" is gone). Please check again.`,
    );
  }
  if (found.length > 0 && !canKeepRecord(app)) throw noRecordError();

  // Cells are recorded by sheet name, as the sheet is called now.
  const findings = found.map((f) => ({ ...f, sheetId: sheets.get(f.sheet.toLowerCase())!.Name }));
  const kept = record.cells.filter((c) => sheets.has(c.sheetId.toLowerCase()));
  // Cells of a sheet renamed since (the record knows sheets by name) stay on record untouched, as
  // clearing keeps them: their original look comes back once the name does.
  const elsewhere = record.cells.filter((c) => !sheets.has(c.sheetId.toLowerCase()));
  const cells = lookupCells(findings, kept);
  const sheetOf = (sheetId: string) => sheets.get(sheetId.toLowerCase())!;
  for (const name of new Set(cells.map((c) => c.sheetId.toLowerCase()))) {
    const ws = sheets.get(name)!;
    if (ws.ProtectContents) throw protectedSheetError(ws.Name, "highlight");
  }

  // Look first, write after: nothing is written before every cell has been read.
  const looks = new Map<string, CellLook>();
  try {
    for (const { sheetId, cell } of cells) looks.set(cellKey(sheetId, cell), readLook(sheetOf(sheetId).Range(cell)));
  } catch (error) {
    throw toWpsHostError(error, "highlight");
  }
  const plan = planPaint({ findings, record: kept, looks, notes: true });

  try {
    quietly(app, () => {
      saveRecord(app, { cells: [...elsewhere, ...plan.interim] });
      for (const restore of plan.restores) restoreCell(sheetOf(restore.sheetId), restore);
      for (const { sheetId, severity, fill, font, cells } of plan.paints) {
        const colors = HIGHLIGHT_COLORS[severity];
        for (const list of addressLists(cells, MAX_ADDRESS_CHARS)) {
          const range = sheetOf(sheetId).Range(list);
          if (fill) {
            range.Interior.Pattern = XL_PATTERN_SOLID;
            range.Interior.Color = bgr(colors.fill);
            range.Interior.TintAndShade = 0;
          }
          if (font) range.Font.Color = bgr(colors.font);
        }
      }
      const recorded = new Map(plan.final.map((c) => [cellKey(c.sheetId, c.cell), c]));
      for (const note of plan.notes) {
        const range = sheetOf(note.sheetId).Range(note.cell);
        const comment = note.existing ? (range.Comment as Et.Comment) : range.AddComment(note.text);
        if (note.existing) comment.Text(note.text);
        // The fingerprint is of what WPS keeps (a build may put the author's name first).
        recorded.get(cellKey(note.sheetId, note.cell))!.noteHash = noteFingerprint(comment.Text());
      }
      saveRecord(app, { cells: [...elsewhere, ...plan.final] });
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
  const locked = new Set<string>();
  const looks = new Map<string, CellLook>();
  try {
    for (const old of record.cells) {
      const ws = sheets.get(old.sheetId.toLowerCase());
      // A renamed sheet: its cells have no look and stay on record (a later check of it restores them).
      if (!ws || !parseA1(old.cell)) continue;
      looks.set(cellKey(old.sheetId, old.cell), readLook(ws.Range(old.cell)));
      if (ws.ProtectContents) {
        if (!keepProtected) throw protectedSheetError(ws.Name, "clear");
        locked.add(old.sheetId);
      }
    }
  } catch (error) {
    throw toWpsHostError(error, "clear");
  }
  // An address that names no cell on a sheet still there is dropped; a renamed sheet's cells are kept.
  const cells = record.cells.filter((c) => !sheets.has(c.sheetId.toLowerCase()) || parseA1(c.cell));
  const { restores, kept } = planClear({ record: cells, looks, locked, notes: true });
  try {
    return quietly(app, () => {
      for (const restore of restores) restoreCell(sheets.get(restore.sheetId.toLowerCase())!, restore);
      // The record goes last: if a restore fails part-way, the record still names every cell.
      saveRecord(app, { cells: kept });
      return restores.length;
    });
  } catch (error) {
    throw toWpsHostError(error, "clear");
  }
}
