/**
 * The paint and clear plans: from the findings, the highlight record and the current look of the
 * cells concerned, what to paint, what to restore, which notes to add or remove and what the record
 * holds afterwards. Plain data in, plain data out; each host reads the looks and writes the plan in
 * its own calls (src/excel/highlight.ts, src/wps/highlight.ts).
 *
 * The rules both hosts keep: errors win over warnings and a cell's note lists all its findings; a
 * cell is restored only where it still shows our colours (a fill or font colour the user changed
 * after the check is theirs, and stays); the user's own note is never replaced, and ours is removed
 * only while it still reads as we wrote it; a gradient fill, which cannot be written back, is left
 * alone and the cell gets only our font colour.
 */
import { HIGHLIGHT_COLORS, cellHighlights, noteText, type PaintedSeverity } from "../../core/highlight";
import type { Issue } from "../../core/report";
import { cellKey, noteFingerprint, type OwnFill, type RecordedCell } from "../record";

/**
 * A cell's look as a host reads it: colours as upper-case "#RRGGBB" (or a host's own word for the
 * automatic colour), the fill pattern by Office.js's name ("None", "Solid", "Gray25" …).
 */
export interface CellLook {
  fill: { pattern: string; color: string; patternColor: string; tint: number; patternTint: number };
  fontColor: string;
  /** The note's text, or null when the cell has none. */
  note: string | null;
}

/** A cell to paint: `sheetId` is whatever key the host records cells by (Excel: worksheet id; WPS: sheet name). */
export interface PaintFinding {
  sheetId: string;
  cell: string;
  severity: PaintedSeverity;
  /** The note listing every finding of the cell. */
  note: string;
}

/** The findings to paint, one per cell, on sheets by name (the host maps names to its keys). */
export function paintFindings(
  issues: readonly Issue[],
): { sheet: string; cell: string; severity: PaintedSeverity; note: string }[] {
  return cellHighlights(issues).map((h) => ({
    sheet: h.sheet,
    cell: h.cell,
    severity: h.severity,
    note: noteText(h.issues),
  }));
}

/** Cells painted alike on one sheet: their fill, their font colour or both in a severity's colours. */
export interface PaintGroup {
  sheetId: string;
  severity: PaintedSeverity;
  fill: boolean;
  font: boolean;
  cells: string[];
}

/** Puts a recorded cell back: its own fill and font colour where given, and our note removed. */
export interface Restore {
  sheetId: string;
  cell: string;
  fill: OwnFill | null;
  fontColor: string | null;
  deleteNote: boolean;
}

/** A note to add (or, where the cell holds an earlier note of ours, to rewrite). */
export interface NoteWrite {
  sheetId: string;
  cell: string;
  text: string;
  existing: boolean;
}

export interface PaintPlan {
  /** The record to write before anything else (earlier cells and new ones), so a failure part-way can be undone. */
  interim: RecordedCell[];
  /** The record once everything is written. */
  final: RecordedCell[];
  /** Earlier cells without a finding now, restored by this paint. */
  restored: RecordedCell[];
  restores: Restore[];
  paints: PaintGroup[];
  notes: NoteWrite[];
}

/** Which of a severity's colours the cell shows. */
function showsPaint(look: CellLook, severity: PaintedSeverity): { fill: boolean; font: boolean } {
  const colors = HIGHLIGHT_COLORS[severity];
  return {
    fill: look.fill.pattern === "Solid" && look.fill.color === colors.fill,
    font: look.fontColor === colors.font,
  };
}

/** The cell's own fill to record; null for a gradient, which cannot be written back and so is left alone. */
function ownFillOf(look: CellLook): OwnFill | null {
  const { fill } = look;
  if (fill.pattern === "None") return { kind: "none" };
  if (fill.pattern === "LinearGradient" || fill.pattern === "RectangularGradient") return null;
  return {
    kind: "fill",
    color: fill.color,
    pattern: fill.pattern,
    patternColor: fill.patternColor,
    tint: fill.tint,
    patternTint: fill.patternTint,
  };
}

/** The cell still carries the note we added (the user has neither edited nor removed it). */
function showsOurNote(look: CellLook, old: RecordedCell): boolean {
  return old.noteHash !== null && look.note !== null && noteFingerprint(look.note) === old.noteHash;
}

/**
 * What puts a recorded cell back, limited to what still shows ours. Without notes support our note
 * cannot be removed now: the cell then stays on record (`keep`) for a later clear.
 */
function restoreOf(
  look: CellLook,
  old: RecordedCell,
  notes: boolean,
): { restore: Restore | null; keep: RecordedCell | null } {
  const ours = showsPaint(look, old.severity);
  const fill = old.fill !== null && ours.fill ? old.fill : null;
  const fontColor = ours.font ? old.fontColor : null;
  const deleteNote = notes && showsOurNote(look, old);
  const keep = old.noteHash && !notes ? { ...old, fill: null } : null;
  const restore =
    fill || fontColor !== null || deleteNote
      ? { sheetId: old.sheetId, cell: old.cell, fill, fontColor, deleteNote }
      : null;
  return { restore, keep };
}

/** The cells whose look a paint needs: every finding's, then every recorded cell without a finding now. */
export function lookupCells(
  findings: readonly PaintFinding[],
  record: readonly RecordedCell[],
): { sheetId: string; cell: string }[] {
  const keys = new Set(findings.map((f) => cellKey(f.sheetId, f.cell)));
  const cells: { sheetId: string; cell: string }[] = [...findings];
  for (const old of record) {
    const key = cellKey(old.sheetId, old.cell);
    if (keys.has(key)) continue;
    keys.add(key);
    cells.push(old);
  }
  return cells;
}

export interface PaintInput {
  findings: readonly PaintFinding[];
  /** The record's cells on sheets that still exist. */
  record: readonly RecordedCell[];
  /**
   * The look of every cell concerned (found and recorded), by cellKey. A cell without one is neither
   * painted nor restored; if it is on record, it stays there unchanged.
   */
  looks: ReadonlyMap<string, CellLook>;
  /** Whether the host can read and write notes. */
  notes: boolean;
}

/** Paints the findings, restoring the earlier highlights that no longer have one. */
export function planPaint({ findings, record, looks, notes }: PaintInput): PaintPlan {
  const oldByKey = new Map(record.map((c) => [cellKey(c.sheetId, c.cell), c]));
  const newKeys = new Set(findings.map((f) => cellKey(f.sheetId, f.cell)));
  const final: RecordedCell[] = [];
  const groups = new Map<string, PaintGroup>();
  const noteWrites: NoteWrite[] = [];
  for (const finding of findings) {
    const key = cellKey(finding.sheetId, finding.cell);
    const look = looks.get(key);
    const old = oldByKey.get(key);
    if (!look) {
      // Not painted; a cell painted before keeps its record, so its own look can still come back.
      if (old) final.push(old);
      continue;
    }
    const stillOurs = old ? showsPaint(look, old.severity) : { fill: false, font: false };
    // Where our paint still shows, the cell's own look is the one recorded before it.
    const ownFill = old && old.fill !== null && stillOurs.fill ? old.fill : ownFillOf(look);
    const ownFont = old && stillOurs.font ? old.fontColor : look.fontColor;
    const painted = showsPaint(look, finding.severity);
    const fill = ownFill !== null && !painted.fill;
    const font = !painted.font;
    if (fill || font) {
      const group = `${finding.sheetId}\n${finding.severity}\n${fill}\n${font}`;
      const entry = groups.get(group) ?? {
        sheetId: finding.sheetId,
        severity: finding.severity,
        fill,
        font,
        cells: [],
      };
      entry.cells.push(finding.cell);
      groups.set(group, entry);
    }
    let noteHash: string | null = old?.noteHash ?? null;
    if (notes) {
      // The user's own note stays, and ours is not added.
      if (look.note === null || (old !== undefined && showsOurNote(look, old))) {
        noteHash = noteFingerprint(finding.note);
        if (look.note !== finding.note) {
          noteWrites.push({
            sheetId: finding.sheetId,
            cell: finding.cell,
            text: finding.note,
            existing: look.note !== null,
          });
        }
      } else noteHash = null;
    }
    final.push({
      sheetId: finding.sheetId,
      cell: finding.cell,
      severity: finding.severity,
      fill: ownFill,
      fontColor: ownFont,
      noteHash,
    });
  }
  const restored: RecordedCell[] = [];
  const restores: Restore[] = [];
  for (const [key, old] of oldByKey) {
    if (newKeys.has(key)) continue;
    const look = looks.get(key);
    if (!look) {
      // Not restored now, so not forgotten: it stays on record, as a clear keeps it.
      final.push(old);
      continue;
    }
    restored.push(old);
    const { restore, keep } = restoreOf(look, old, notes);
    if (restore) restores.push(restore);
    if (keep) final.push(keep);
  }
  return {
    interim: [...restored, ...final],
    final,
    restored,
    restores,
    paints: [...groups.values()],
    notes: noteWrites,
  };
}

export interface ClearInput {
  /** The record's cells, less those the host drops (on a deleted sheet, or at an address that names no cell). */
  record: readonly RecordedCell[];
  /** The look of the recorded cells, by cellKey. A cell without one (its sheet renamed, say) stays on record. */
  looks: ReadonlyMap<string, CellLook>;
  /** Sheets (by key) that are protected now: their cells cannot be restored and stay on record while they show ours. */
  locked: ReadonlySet<string>;
  notes: boolean;
}

export interface ClearPlan {
  restores: Restore[];
  /** What the record holds afterwards (usually nothing). */
  kept: RecordedCell[];
}

/** Restores every recorded cell that still shows ours, and removes our notes. */
export function planClear({ record, looks, locked, notes }: ClearInput): ClearPlan {
  const kept: RecordedCell[] = [];
  const restores: Restore[] = [];
  for (const old of record) {
    const look = looks.get(cellKey(old.sheetId, old.cell));
    if (!look) {
      kept.push(old);
      continue;
    }
    if (locked.has(old.sheetId)) {
      const ours = showsPaint(look, old.severity);
      if ((old.fill !== null && ours.fill) || ours.font || showsOurNote(look, old)) kept.push(old);
      continue;
    }
    const { restore, keep } = restoreOf(look, old, notes);
    if (restore) restores.push(restore);
    if (keep) kept.push(keep);
  }
  return { restores, kept };
}
