/**
 * Highlighting findings in the workbook and taking the highlights away again: the Excel executor of
 * the paint and clear plans (src/host/plans/highlight.ts), which decide what is painted, restored
 * and recorded.
 *
 * Painting takes two round trips: one reads the record of earlier highlights' cells, the current
 * fill, font colour and note of every cell concerned, and the sheets' protection; the other, in
 * this order, writes the record (earlier cells and new ones), restores cells that no longer have a
 * finding, paints the new ones, adds their notes and finally writes the record of the new
 * highlights alone. A write that fails part-way is undone by clearing everything the record names,
 * so no half-painted state is left behind.
 *
 * Cells are looked up and painted through address lists (one RangeAreas per list), not one call
 * per cell; notes are looked up one by one only on sheets that held notes at the last read. Under
 * Excel on the web's payload cap, more round trips carry the same steps.
 */
import { parseA1, toA1, type CellRange } from "../core/address";
import { HIGHLIGHT_COLORS } from "../core/highlight";
import type { Issue } from "../core/report";
import { addressLists } from "../host/plans/address-lists";
import {
  lookupCells,
  paintFindings as findingsToPaint,
  planClear,
  planPaint,
  type CellLook,
  type PaintGroup,
  type Restore,
} from "../host/plans/highlight";
import {
  RECORD_NAMESPACE,
  cellKey,
  emptyRecord,
  mergeRecords,
  parseRecord,
  serializeRecord,
  type HighlightRecord,
  type OwnFill,
} from "../host/record";
import { HostError } from "../host/types";
import { runSteps, type Step } from "./batch";
import { officeErrorCode, toHostError } from "./errors";
import { WORKSHEET_INFO_PROPERTIES, payloadBudget, worksheetInfos, type WorksheetInfo } from "./read";
import type { ExcelFeatures } from "./requirements";

/** What the host last saw of the workbook; checked against the workbook before it is trusted. */
export interface WorkbookHint {
  worksheets: WorksheetInfo[];
  partIds: string[];
  record: HighlightRecord;
  /** Notes per sheet id as the last read counted them; a sheet without any needs no note look-ups. */
  noteCounts?: ReadonlyMap<string, number>;
}

/** One worksheet proxy per sheet for a whole Excel.run: every call on a sheet then shares its path. */
function worksheetProxies(context: Excel.RequestContext): (sheetId: string) => Excel.Worksheet {
  const proxies = new Map<string, Excel.Worksheet>();
  return (sheetId) => {
    let proxy = proxies.get(sheetId);
    if (!proxy) {
      proxy = context.workbook.worksheets.getItem(sheetId);
      proxies.set(sheetId, proxy);
    }
    return proxy;
  };
}

const CELL_PROPERTIES: Excel.CellPropertiesLoadOptions = {
  format: {
    fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true },
    font: { color: true },
  },
};

/** One getCellProperties or setCellProperties call covers at most this many cells. */
const MAX_RUN_CELLS = 5_000;
/** Estimated characters per cell: reading its properties, writing them, looking up or writing its note. */
const PROPERTY_READ_CHARS = 160;
const PROPERTY_WRITE_CHARS = 130;
/** Locating a range and calling a method on it, as a request carries them. */
const CALL_CHARS = 600;
const NOTE_LOOKUP_CHARS = 500;
/** Adding a note by address on a worksheet the batch already names: the call, without its text. */
const NOTE_WRITE_OVERHEAD = 200;
/** Cells painted alike go to Excel as one address list of at most this many characters. */
const MAX_ADDRESS_CHARS = 1_000;

function upper(color: string | null | undefined): string {
  return (color ?? "").toUpperCase();
}

function fillProperties(own: OwnFill): Excel.CellPropertiesFill {
  if (own.kind === "none") return { pattern: "None" };
  return {
    color: own.color,
    pattern: own.pattern as Excel.FillPattern,
    patternColor: own.patternColor,
    tintAndShade: own.tint,
    patternTintAndShade: own.patternTint,
  };
}

/** Runs of consecutive rows in one column, each at most MAX_RUN_CELLS long. */
function columnRuns(cells: readonly { row: number; col: number }[]): CellRange[] {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byCol.get(col) ?? [];
    rows.push(row);
    byCol.set(col, rows);
  }
  const runs: CellRange[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0]!;
    let prev = start;
    for (const row of sorted.slice(1).concat([Number.NaN])) {
      if (row === prev + 1 && row - start < MAX_RUN_CELLS) {
        prev = row;
        continue;
      }
      runs.push({ top: start, left: col, bottom: prev, right: col });
      start = row;
      prev = row;
    }
  }
  return runs;
}

/** Cells painted alike, in address lists: each list is one range-areas object whose fill and font are set at once. */
function paintSteps(sheet: (sheetId: string) => Excel.Worksheet, groups: readonly PaintGroup[]): Step[] {
  const steps: Step[] = [];
  for (const group of groups) {
    const colors = HIGHLIGHT_COLORS[group.severity];
    for (const list of addressLists(group.cells, MAX_ADDRESS_CHARS)) {
      steps.push({
        request: 6 * list.length + CALL_CHARS,
        response: 0,
        queue: () => {
          const format = sheet(group.sheetId).getRanges(list).format;
          if (group.fill) {
            format.fill.color = colors.fill;
            format.fill.pattern = "Solid";
            format.fill.tintAndShade = 0;
          }
          if (group.font) format.font.color = colors.font;
        },
      });
    }
  }
  return steps;
}

/** Reads the record parts' ids in one round trip and their contents in another. */
export class RecordLoader {
  private parts: Excel.CustomXmlPartScopedCollection | null = null;
  private xml: { id: string; xml: OfficeExtension.ClientResult<string> }[] = [];

  first(context: Excel.RequestContext): void {
    this.parts = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
    this.parts.load("items/id");
  }

  second(): boolean {
    const parts = this.parts;
    if (!parts) return false;
    this.xml = parts.items.map((part) => ({ id: part.id, xml: part.getXml() }));
    return this.xml.length > 0;
  }

  result(): { partIds: string[]; record: HighlightRecord } {
    return {
      partIds: this.xml.map((p) => p.id),
      record: mergeRecords(this.xml.map((p) => parseRecord(p.xml.value))),
    };
  }
}

/** The slow way to the hint, when the host has none: two round trips. */
export async function loadHint(): Promise<WorkbookHint> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(WORKSHEET_INFO_PROPERTIES);
    const loader = new RecordLoader();
    loader.first(context);
    await context.sync();
    if (loader.second()) await context.sync();
    const { partIds, record } = loader.result();
    return {
      worksheets: worksheetInfos(worksheets),
      partIds,
      record,
    };
  });
}

class WriteFailure extends Error {
  constructor(readonly failure: unknown) {
    super("A write failed part-way.");
  }
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}

interface SheetLookup {
  info: WorksheetInfo;
  worksheet: Excel.Worksheet;
  cells: LookupCell[];
  /** The cells' look, read as the areas of address lists (one area per cell), by list. */
  looks: Map<string, Excel.RangeCollection>;
  /** The look of cells the lists did not give one by one, read cell by cell instead. */
  properties: Map<string, { run: CellRange; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }>;
  notes: Map<string, Excel.Note>;
  /** Set when the sheet had no notes at the last read: its count is checked instead of every cell. */
  noteCount: OfficeExtension.ClientResult<number> | null;
}

/** Queues the first round trip's reads for these cells, sheet by sheet. */
function lookupSteps(
  sheet: (sheetId: string) => Excel.Worksheet,
  cellsBySheet: Map<string, LookupCell[]>,
  hint: WorkbookHint,
  features: ExcelFeatures,
): { lookups: SheetLookup[]; steps: Step[] } {
  const lookups: SheetLookup[] = [];
  const steps: Step[] = [];
  for (const [sheetId, cells] of cellsBySheet) {
    const info = hint.worksheets.find((w) => w.id === sheetId)!;
    const worksheet = sheet(sheetId);
    const noNotes = features.notes && hint.noteCounts?.get(sheetId) === 0;
    const lookup: SheetLookup = {
      info,
      worksheet,
      cells,
      looks: new Map(),
      properties: new Map(),
      notes: new Map(),
      noteCount: null,
    };
    lookups.push(lookup);
    steps.push({
      request: CALL_CHARS,
      response: 100,
      queue: () => {
        worksheet.load("protection/protected");
        if (noNotes) lookup.noteCount = worksheet.notes.getCount();
      },
    });
    for (const list of addressLists(
      cells.map((c) => c.cell),
      MAX_ADDRESS_CHARS,
    )) {
      const count = list.split(",").length;
      steps.push({
        request: 2 * list.length + CALL_CHARS,
        response: count * PROPERTY_READ_CHARS,
        queue: () => {
          const areas = worksheet.getRanges(list).areas;
          areas.load(
            "items/rowIndex,items/columnIndex,items/rowCount,items/columnCount,items/format/fill/color," +
              "items/format/fill/pattern,items/format/fill/patternColor,items/format/fill/tintAndShade," +
              "items/format/fill/patternTintAndShade,items/format/font/color",
          );
          lookup.looks.set(list, areas);
        },
      });
    }
    if (features.notes && !noNotes) {
      for (const { cell } of cells) {
        steps.push({
          request: NOTE_LOOKUP_CHARS,
          response: 100,
          queue: () => {
            const note = worksheet.notes.getItemOrNullObject(cell);
            note.load("content");
            lookup.notes.set(cell, note);
          },
        });
      }
    }
  }
  return { lookups, steps };
}

/** What the first round trip found out about each cell, by sheet id and A1 address. */
function currentCells(lookups: SheetLookup[], features: ExcelFeatures): Map<string, CellLook> {
  const out = new Map<string, CellLook>();
  for (const lookup of lookups) {
    const wanted = new Set(lookup.cells.map((c) => c.cell));
    const put = (cell: string, fill: Partial<Excel.CellPropertiesFill> | undefined, fontColor: string | undefined) => {
      if (!wanted.has(cell)) return;
      const note = features.notes ? lookup.notes.get(cell) : undefined;
      out.set(cellKey(lookup.info.id, cell), {
        fill: {
          color: upper(fill?.color ?? "#FFFFFF"),
          pattern: fill?.pattern ?? "None",
          patternColor: upper(fill?.patternColor ?? "#000000"),
          tint: fill?.tintAndShade ?? 0,
          patternTint: fill?.patternTintAndShade ?? 0,
        },
        fontColor: upper(fontColor ?? "#000000"),
        note: note && !note.isNullObject ? note.content : null,
      });
    };
    for (const areas of lookup.looks.values()) {
      for (const area of areas.items) {
        const { fill, font } = area.format;
        const known = [fill.color, fill.pattern, fill.patternColor, fill.tintAndShade, fill.patternTintAndShade];
        // Should Excel join neighbouring cells of a list into one area, its look is theirs only
        // where they all share it; otherwise they are read one by one (see lookUp).
        if (area.rowCount * area.columnCount > 1 && (known.some((v) => v === null) || font.color === null)) continue;
        for (let r = 0; r < area.rowCount; r++) {
          for (let c = 0; c < area.columnCount; c++) {
            put(toA1(area.rowIndex + r, area.columnIndex + c), fill as Excel.CellPropertiesFill, font.color);
          }
        }
      }
    }
    for (const { run, result } of lookup.properties.values()) {
      result.value.forEach((row, i) => {
        const props = row[0];
        put(toA1(run.top + i, run.left), props?.format?.fill, props?.format?.font?.color);
      });
    }
  }
  return out;
}

function protectedSheetError(name: string, action: "highlight" | "clear"): HostError {
  return action === "highlight"
    ? new HostError(
        `无法标记问题单元格：工作表“${name}”受保护。请先撤销保护（审阅 → 撤销工作表保护），再重新校验。工作簿未作任何改动。`,
        `Could not highlight the findings: worksheet "${name}" is protected. Unprotect it (Review → Unprotect Sheet) and check again. Nothing in the workbook was changed.`,
      )
    : new HostError(
        `无法清除标记：工作表“${name}”受保护。请先撤销保护（审阅 → 撤销工作表保护），再清除标记。工作簿未作任何改动。`,
        `Could not clear the highlights: worksheet "${name}" is protected. Unprotect it (Review → Unprotect Sheet) and clear again. Nothing in the workbook was changed.`,
      );
}

interface CellWrite {
  sheetId: string;
  row: number;
  col: number;
  properties: Excel.SettableCellProperties;
}

/** The fill and font colour a restore puts back, as cell properties; null when it puts back neither. */
function restoreWrite(restore: Restore): CellWrite | null {
  const format: Excel.CellPropertiesFormat = {};
  if (restore.fill) format.fill = fillProperties(restore.fill);
  if (restore.fontColor !== null) format.font = { color: restore.fontColor };
  if (!format.fill && !format.font) return null;
  const ref = parseA1(restore.cell)!;
  return { sheetId: restore.sheetId, row: ref.row, col: ref.col, properties: { format } };
}

/** The restores' steps: their fills and font colours by setCellProperties over column runs, then our notes removed. */
function restoreSteps(sheet: (sheetId: string) => Excel.Worksheet, restores: readonly Restore[]): Step[] {
  const writes = restores.map(restoreWrite).filter((write): write is CellWrite => write !== null);
  return [...propertySteps(sheet, writes), ...noteDeleteSteps(sheet, restores)];
}

function noteDeleteSteps(sheet: (sheetId: string) => Excel.Worksheet, restores: readonly Restore[]): Step[] {
  return restores
    .filter((restore) => restore.deleteNote)
    .map((restore) => ({
      request: NOTE_WRITE_OVERHEAD,
      response: 0,
      queue: () => sheet(restore.sheetId).notes.getItem(restore.cell).delete(),
    }));
}

/** setCellProperties steps over column runs of the given writes. */
function propertySteps(sheet: (sheetId: string) => Excel.Worksheet, writes: CellWrite[]): Step[] {
  const steps: Step[] = [];
  const bySheet = new Map<string, CellWrite[]>();
  for (const write of writes) {
    const list = bySheet.get(write.sheetId) ?? [];
    list.push(write);
    bySheet.set(write.sheetId, list);
  }
  for (const [sheetId, list] of bySheet) {
    const byCell = new Map(list.map((w) => [`${w.row},${w.col}`, w.properties]));
    for (const run of columnRuns(list)) {
      const size = run.bottom - run.top + 1;
      steps.push({
        request: size * PROPERTY_WRITE_CHARS + CALL_CHARS,
        response: 0,
        queue: () => {
          const data: Excel.SettableCellProperties[][] = [];
          for (let r = run.top; r <= run.bottom; r++) data.push([byCell.get(`${r},${run.left}`) ?? {}]);
          sheet(sheetId).getRangeByIndexes(run.top, run.left, size, 1).setCellProperties(data);
        },
      });
    }
  }
  return steps;
}

type LookupCell = { row: number; col: number; cell: string };

/** The cells to look up, by sheet id, in the order given; an address that does not parse is left out. */
function cellsBySheet(cells: Iterable<{ sheetId: string; cell: string }>): Map<string, LookupCell[]> {
  const bySheet = new Map<string, LookupCell[]>();
  for (const { sheetId, cell } of cells) {
    const ref = parseA1(cell);
    if (!ref) continue;
    const list = bySheet.get(sheetId) ?? [];
    list.push({ row: ref.row, col: ref.col, cell });
    bySheet.set(sheetId, list);
  }
  return bySheet;
}

interface Lookup {
  /** The worksheets as they are now. */
  worksheets: WorksheetInfo[];
  parts: Excel.CustomXmlPartScopedCollection;
  /** Someone wrote or removed a record part since the hint was taken. */
  recordChanged: boolean;
  lookups: SheetLookup[];
  /** What the look-up found of each cell, by sheet id and A1 address. */
  current: Map<string, CellLook>;
}

/**
 * The first round trip of a paint or a clear: the worksheets, the record's parts, and the look,
 * note and sheet protection of every cell concerned. Null when a worksheet of the hint was
 * deleted meanwhile: nothing is written yet, so the caller can refresh the hint and retry.
 */
async function lookUp(
  context: Excel.RequestContext,
  sheet: (sheetId: string) => Excel.Worksheet,
  cells: Map<string, LookupCell[]>,
  hint: WorkbookHint,
  features: ExcelFeatures,
  budget: number,
): Promise<Lookup | null> {
  const worksheets = context.workbook.worksheets;
  const parts = context.workbook.customXmlParts.getByNamespace(RECORD_NAMESPACE);
  const base: Step = {
    request: CALL_CHARS,
    response: 1_000,
    queue: () => {
      worksheets.load(WORKSHEET_INFO_PROPERTIES);
      parts.load("items/id");
    },
  };
  const { lookups, steps } = lookupSteps(sheet, cells, hint, features);
  try {
    await runSteps(context, [base, ...steps], budget, "reads");
  } catch (error) {
    if (officeErrorCode(error) === "ItemNotFound") return null;
    throw error;
  }
  // A note added since the read: look up every cell after all (the caller retries with a fresh hint).
  if (lookups.some((l) => l.noteCount !== null && l.noteCount.value > 0)) return null;
  let current = currentCells(lookups, features);
  // Cells the address lists did not give one by one: read them cell by cell (one more round trip).
  const fallback: Step[] = [];
  for (const lookup of lookups) {
    const missing = lookup.cells.filter((c) => !current.has(cellKey(lookup.info.id, c.cell)));
    for (const run of columnRuns(missing)) {
      const size = run.bottom - run.top + 1;
      fallback.push({
        request: CALL_CHARS,
        response: size * PROPERTY_READ_CHARS,
        queue: () => {
          const range = lookup.worksheet.getRangeByIndexes(run.top, run.left, size, 1);
          lookup.properties.set(`${run.top},${run.left}`, { run, result: range.getCellProperties(CELL_PROPERTIES) });
        },
      });
    }
  }
  if (fallback.length > 0) {
    await runSteps(context, fallback, budget, "reads");
    current = currentCells(lookups, features);
  }
  return {
    current,
    worksheets: worksheetInfos(worksheets),
    parts,
    recordChanged: !sameIds(
      parts.items.map((p) => p.id),
      hint.partIds,
    ),
    lookups,
  };
}

/** The record step: replaces the given parts with one holding these cells (with no cells, none). */
function recordStep(
  context: Excel.RequestContext,
  replaced: () => readonly Excel.CustomXmlPart[],
  record: HighlightRecord,
  written: (part: Excel.CustomXmlPart | null) => void,
): Step {
  const xml = serializeRecord(record);
  return {
    request: xml.length + 500,
    response: 100,
    queue: () => {
      replaced().forEach((part) => part.delete());
      let part: Excel.CustomXmlPart | null = null;
      if (record.cells.length > 0) {
        part = context.workbook.customXmlParts.add(xml);
        part.load("id");
      }
      written(part);
    },
  };
}

/**
 * Paints the findings, restoring earlier highlights first. Returns null when the hint turned out
 * stale (nothing was written), so the caller can refresh it and try once more.
 */
export async function paintFindings(
  issues: readonly Issue[],
  hint: WorkbookHint,
  features: ExcelFeatures,
): Promise<WorkbookHint | null> {
  const found = findingsToPaint(issues);
  // Nothing to paint and nothing painted before: no round trip at all.
  if (found.length === 0 && hint.record.cells.length === 0 && hint.partIds.length === 0) return hint;
  const idByName = new Map(hint.worksheets.map((w) => [w.name.toLowerCase(), w.id]));
  if (found.some((f) => !idByName.has(f.sheet.toLowerCase()))) return null;
  const known = new Set(hint.worksheets.map((w) => w.id));
  const findings = found.map((f) => ({ ...f, sheetId: idByName.get(f.sheet.toLowerCase())! }));
  const record = hint.record.cells.filter((c) => known.has(c.sheetId));
  const cells = cellsBySheet(lookupCells(findings, record));

  const budget = payloadBudget(features);
  try {
    return await Excel.run(async (context) => {
      const sheet = worksheetProxies(context);
      const lookup = await lookUp(context, sheet, cells, hint, features, budget);
      if (lookup === null) return null;
      const freshIds = new Map(lookup.worksheets.map((w) => [w.name.toLowerCase(), w.id]));
      const renamed = found.some((f) => freshIds.get(f.sheet.toLowerCase()) !== idByName.get(f.sheet.toLowerCase()));
      if (lookup.recordChanged || renamed) return null;
      const locked = lookup.lookups.find((l) => l.worksheet.protection.protected);
      if (locked) throw protectedSheetError(locked.info.name, "highlight");

      const plan = planPaint({ findings, record, looks: lookup.current, notes: features.notes });
      const noteSteps: Step[] = plan.notes.map((note) => ({
        request: note.text.length + NOTE_WRITE_OVERHEAD,
        response: 0,
        queue: () => {
          const worksheet = sheet(note.sheetId);
          if (note.existing) worksheet.notes.getItem(note.cell).content = note.text;
          else worksheet.notes.add(note.cell, note.text);
        },
      }));

      // The record of earlier and new cells goes first, so a failure part-way can be undone;
      // once everything is written, the record of the new cells alone replaces it.
      let recordPart: Excel.CustomXmlPart | null = null;
      const steps = [
        recordStep(
          context,
          () => lookup.parts.items,
          { cells: plan.interim },
          (part) => (recordPart = part),
        ),
        ...restoreSteps(sheet, plan.restores),
        ...paintSteps(sheet, plan.paints),
        ...noteSteps,
      ];
      if (plan.restored.length > 0) {
        steps.push(
          recordStep(
            context,
            () => (recordPart ? [recordPart] : []),
            { cells: plan.final },
            (part) => (recordPart = part),
          ),
        );
      }
      try {
        await runSteps(context, steps, budget, "writes");
      } catch (error) {
        throw new WriteFailure(error);
      }
      const written = recordPart as Excel.CustomXmlPart | null;
      return { worksheets: lookup.worksheets, partIds: written ? [written.id] : [], record: { cells: plan.final } };
    });
  } catch (error) {
    if (error instanceof WriteFailure) throw error;
    throw toHostError(error, "highlight");
  }
}

/**
 * Restores every recorded cell that still shows our paint and removes our notes, then forgets
 * the record. With keepProtected, cells on protected sheets stay on record instead of failing.
 * Returns null when the hint was stale (nothing written).
 */
export async function clearHighlights(
  hint: WorkbookHint,
  features: ExcelFeatures,
  keepProtected: boolean,
): Promise<{ hint: WorkbookHint; restored: number } | null> {
  const known = new Set(hint.worksheets.map((w) => w.id));
  // Cells of a deleted worksheet, or at an address that names no cell, have nothing left to restore.
  const record = hint.record.cells.filter((c) => known.has(c.sheetId) && parseA1(c.cell));
  const cells = cellsBySheet(record);
  const budget = payloadBudget(features);
  try {
    return await Excel.run(async (context) => {
      const sheet = worksheetProxies(context);
      const lookup = await lookUp(context, sheet, cells, hint, features, budget);
      if (lookup === null || lookup.recordChanged) return null;
      const { lookups } = lookup;
      const locked = new Set(lookups.filter((l) => l.worksheet.protection.protected).map((l) => l.info.id));
      if (locked.size > 0 && !keepProtected) {
        throw protectedSheetError(lookups.find((l) => locked.has(l.info.id))!.info.name, "clear");
      }
      const { restores, kept } = planClear({ record, looks: lookup.current, locked, notes: features.notes });
      let keptPart: Excel.CustomXmlPart | null = null;
      // The record goes last: if a restore fails part-way, the record still names every cell.
      const recordWrite = recordStep(
        context,
        () => lookup.parts.items,
        { cells: kept },
        (part) => (keptPart = part),
      );
      await runSteps(context, [...restoreSteps(sheet, restores), recordWrite], budget, "writes");
      const written = keptPart as Excel.CustomXmlPart | null;
      return {
        hint: {
          worksheets: lookup.worksheets,
          partIds: written ? [written.id] : [],
          record: kept.length > 0 ? { cells: kept } : emptyRecord(),
        },
        restored: restores.length,
      };
    });
  } catch (error) {
    throw toHostError(error, "clear");
  }
}

export function isWriteFailure(error: unknown): error is WriteFailure {
  return error instanceof WriteFailure;
}
