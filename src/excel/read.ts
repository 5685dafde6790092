/**
 * Reads worksheets into SheetSnapshots, exactly what the .xlsx reader produces: the Excel executor
 * of the read plan (src/host/plans/read.ts), which lays out each round trip under the payload budget.
 *
 * Round trips: the first finds the worksheets and the active sheet's used range; the next ones
 * carry the cell data (values, and the number formats of the cells holding numbers) in row chunks
 * and the merged areas, as many as one request and one response may hold. A sheet of 20,000 × 10
 * cells is read in two round trips; a larger one takes as many more as Excel's payload cap requires.
 */
import type { CellRange } from "../core/address";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import {
  checkSheetSize,
  dedupeRanges,
  initialReadState,
  measuredCharsPerCell,
  mergeTiles,
  pending,
  planRound,
  retryState,
  sizeGuess,
  snapshotRows,
  usedOfWhole,
  type ReadState,
} from "../host/plans/read";
import type { SheetScope } from "../host/types";
import { HostError } from "../host/types";
import { parseExcelRange } from "./address";
import { officeErrorCode } from "./errors";
import type { ExcelFeatures } from "./requirements";

/** Without a documented cap (desktop Excel), keep each response to a bounded size anyway. */
const UNCAPPED_BUDGET = 64 * 1024 * 1024;

export interface WorksheetInfo {
  id: string;
  name: string;
  visibility: string;
}

/** The properties of a worksheet collection that WorksheetInfo holds, for load(). */
export const WORKSHEET_INFO_PROPERTIES = "items/id,items/name,items/visibility";

/** The worksheets of a collection loaded with WORKSHEET_INFO_PROPERTIES, in tab order. */
export function worksheetInfos(worksheets: Excel.WorksheetCollection): WorksheetInfo[] {
  return worksheets.items.map((w) => ({ id: w.id, name: w.name, visibility: w.visibility }));
}

/** Work a caller adds to the first two round trips of a read (the highlight record rides along). */
interface ReadPiggyback {
  first(context: Excel.RequestContext): void;
  /** Returns false when it queued nothing. */
  second(context: Excel.RequestContext): boolean;
}

interface ReadResult {
  snapshots: SheetSnapshot[];
  /** Every worksheet, in tab order. */
  worksheets: WorksheetInfo[];
  /** How many notes each sheet read holds, by sheet id (with ExcelApi 1.18): a paint looks up notes only where there are some. */
  noteCounts: Map<string, number>;
}

interface DataChunk {
  top: number;
  rows: number;
  range: Excel.Range;
  /** The chunk's number cells, constants and formulas: their formats are all the checker needs. */
  numbers: Excel.RangeAreas[];
  /** Every cell's format was loaded instead (the fallback when asking for number cells failed). */
  wholeFormats: boolean;
}

/** Number formats matter only where a cell holds a number (the .xlsx reader agrees: see normalizeSnapshot). */
const NUMBER_CELLS = [
  ["Constants", "Numbers"],
  ["Formulas", "Numbers"],
] as const;

interface SheetRead {
  info: WorksheetInfo;
  worksheet: Excel.Worksheet;
  /** undefined until known; null when the sheet holds no values. */
  used: CellRange | null | undefined;
  usedProbe: Excel.Range | null;
  /** A sheet of unknown size read whole in the round trip that finds its used range (see ReadState.guess). */
  speculative: {
    chunk: DataChunk;
    guess: { rows: number; cols: number };
    probes: Excel.RangeAreas[];
  } | null;
  nextRow: number;
  values: CellValue[][];
  texts: string[][];
  formats: string[][];
  merges: CellRange[];
  mergeTiles: CellRange[];
  chunks: DataChunk[];
  mergeProbes: Excel.RangeAreas[];
}

export function payloadBudget(features: ExcelFeatures): number {
  return features.payloadLimit === null ? UNCAPPED_BUDGET : Math.floor(features.payloadLimit * 0.8);
}

/**
 * Reads the sheets in scope. `known` lists the worksheets seen before (by an earlier read, paint
 * or the selection listener): their used ranges are asked for in the first round trip, which
 * saves one round trip for workbooks of several sheets. Sheets added since are found anyway.
 */
export async function readSheetSnapshots(
  scope: SheetScope,
  features: ExcelFeatures,
  piggyback?: ReadPiggyback,
  known: readonly WorksheetInfo[] | null = null,
): Promise<ReadResult> {
  try {
    return await readOnce(scope, features, piggyback, known);
  } catch (error) {
    // A worksheet seen before was deleted since: read again without that knowledge.
    if (known && officeErrorCode(error) === "ItemNotFound") return readOnce(scope, features, piggyback, null);
    throw error;
  }
}

async function readOnce(
  scope: SheetScope,
  features: ExcelFeatures,
  piggyback: ReadPiggyback | undefined,
  known: readonly WorksheetInfo[] | null,
): Promise<ReadResult> {
  return Excel.run(async (context) => {
    const worksheets = context.workbook.worksheets;
    worksheets.load(WORKSHEET_INFO_PROPERTIES);
    const active = worksheets.getActiveWorksheet();
    active.load("id");
    const activeUsed = active.getUsedRangeOrNullObject(true);
    activeUsed.load("address");
    const knownUsed = new Map<string, Excel.Range>();
    if (scope === "all" && known) {
      for (const info of known) {
        if (info.visibility === "VeryHidden") continue;
        const probe = worksheets.getItem(info.id).getUsedRangeOrNullObject(true);
        probe.load("address");
        knownUsed.set(info.id, probe);
      }
    }
    piggyback?.first(context);
    await context.sync();

    const infos = worksheetInfos(worksheets);
    const proxies = new Map(worksheets.items.map((w) => [w.id, w]));
    // The drop-down lists of inserted templates live on a very hidden sheet: not the user's data.
    const inScope =
      scope === "active" ? infos.filter((i) => i.id === active.id) : infos.filter((i) => i.visibility !== "VeryHidden");
    const reads: SheetRead[] = inScope.map((info) => ({
      info,
      worksheet: proxies.get(info.id)!,
      used:
        info.id === active.id
          ? usedOf(activeUsed)
          : knownUsed.has(info.id)
            ? usedOf(knownUsed.get(info.id)!)
            : undefined,
      usedProbe: null,
      speculative: null,
      nextRow: 0,
      values: [],
      texts: [],
      formats: [],
      merges: [],
      mergeTiles: [],
      chunks: [],
      mergeProbes: [],
    }));
    reads.forEach((read) => prepare(read, features));
    // The note counts ride along with the first round trip of cell data (and again on its retry).
    const noteCounts = new Map<string, OfficeExtension.ClientResult<number>>();
    const second = (ctx: Excel.RequestContext): boolean => {
      const queued = piggyback ? piggyback.second(ctx) : false;
      // A blank sheet has nothing to paint: no count, and no round trip just for one.
      const counted = features.notes ? reads.filter((read) => read.used !== null) : [];
      for (const read of counted) noteCounts.set(read.info.id, read.worksheet.notes.getCount());
      return queued || counted.length > 0;
    };

    const state = initialReadState(sizeGuess(reads.map((read) => read.used)), payloadBudget(features));
    await readRounds(context, reads, features, state, { second });

    const snapshots = reads.map((read) =>
      normalizeSnapshot({
        name: read.info.name,
        values: read.values,
        texts: read.texts,
        numberFormats: read.formats,
        merges: read.merges,
      }),
    );
    return {
      snapshots,
      worksheets: infos,
      noteCounts: new Map([...noteCounts].map(([id, count]) => [id, count.value])),
    };
  });
}

/**
 * Queues a range's cell data: its values, and the formats of its number cells (constants and
 * formulas), or every cell's format once asking for number cells has failed.
 */
function dataChunk(range: Excel.Range, top: number, rows: number, state: ReadState): DataChunk {
  if (state.wholeFormats) {
    range.load("values,numberFormat");
    return { top, rows, range, numbers: [], wholeFormats: true };
  }
  range.load("values");
  const numbers = NUMBER_CELLS.map(([type, value]) => {
    const areas = range.getSpecialCellsOrNullObject(type, value);
    areas.load("areas/items/rowIndex,areas/items/columnIndex,areas/items/numberFormat");
    return areas;
  });
  return { top, rows, range, numbers, wholeFormats: false };
}

function mergedAreasOf(probe: Excel.RangeAreas): CellRange[] {
  if (probe.isNullObject) return [];
  const out: CellRange[] = [];
  for (const area of probe.areas.items) {
    const range = parseExcelRange(area.address);
    if (range) out.push(range);
  }
  return out;
}

function mergeProbe(worksheet: Excel.Worksheet, tile: CellRange): Excel.RangeAreas {
  const probe = worksheet
    .getRangeByIndexes(tile.top, tile.left, tile.bottom - tile.top + 1, tile.right - tile.left + 1)
    .getMergedAreasOrNullObject();
  probe.load("areas/items/address");
  return probe;
}

function usedOf(range: Excel.Range): CellRange | null {
  if (range.isNullObject) return null;
  const parsed = parseExcelRange(range.address);
  if (!parsed) throw new Error(`Unexpected used range address "${range.address}".`);
  return parsed;
}

/** Once the used range is known: data rows start at its top; merges are looked up from A1. */
function prepare(read: SheetRead, features: ExcelFeatures): void {
  const used = read.used;
  if (used === undefined || used === null) return;
  checkSheetSize(read.info.name, used);
  read.nextRow = used.top;
  if (features.mergedAreas) read.mergeTiles = mergeTiles(used.bottom + 1, used.right + 1);
}

/**
 * One round trip per call, as the read plan lays it out under the payload budget; it calls itself
 * while work is left, because the number of round trips depends on how much the sheets hold.
 * `piggyback` is work for the first round trip after the worksheets are known, dropped once that
 * round trip succeeded.
 */
async function readRounds(
  context: Excel.RequestContext,
  reads: SheetRead[],
  features: ExcelFeatures,
  state: ReadState,
  piggyback: Pick<ReadPiggyback, "second"> | undefined,
): Promise<void> {
  const piggybackQueued = piggyback ? piggyback.second(context) : false;
  const progress = reads.map((read) => ({ used: read.used, nextRow: read.nextRow, tilesLeft: read.mergeTiles.length }));
  if (!progress.some(pending)) {
    if (piggybackQueued) await context.sync();
    return;
  }
  const round = planRound(progress, state, features.mergedAreas);
  reads.forEach((read, i) => {
    read.chunks = [];
    read.mergeProbes = [];
    read.usedProbe = null;
    read.speculative = null;
    const plan = round[i]!;
    if (plan.kind === "whole") {
      // getUsedRange (not ...OrNullObject) gives A1 for a blank sheet, so methods can be called on it.
      const range = read.worksheet.getUsedRange(true);
      range.load("address");
      const probes = plan.tiles.map((tile) => mergeProbe(read.worksheet, tile));
      read.usedProbe = range;
      read.speculative = { chunk: dataChunk(range, 0, 0, state), guess: plan.guess, probes };
    } else if (plan.kind === "measure") {
      read.usedProbe = read.worksheet.getUsedRangeOrNullObject(true);
      read.usedProbe.load("address");
    } else if (plan.kind === "rows") {
      const used = read.used!;
      const cols = used.right - used.left + 1;
      for (const { top, rows } of plan.chunks) {
        read.chunks.push(dataChunk(read.worksheet.getRangeByIndexes(top, used.left, rows, cols), top, rows, state));
      }
      for (const tile of read.mergeTiles.slice(0, plan.mergeProbes)) {
        read.mergeProbes.push(mergeProbe(read.worksheet, tile));
      }
    }
  });
  try {
    await context.sync();
  } catch (error) {
    const retry = retryState(
      state,
      officeErrorCode(error),
      reads.some((read) => read.speculative),
    );
    if (retry) return readRounds(context, reads, features, retry, piggyback);
    throw error;
  }
  let next = state;
  let receivedChars = 0;
  let receivedCells = 0;
  for (const read of reads) {
    if (read.usedProbe) {
      const speculative = read.speculative;
      const used = usedOf(read.usedProbe);
      read.used = speculative && used ? usedOfWhole(used, read.usedProbe.values[0]?.[0]) : used;
      prepare(read, features);
      if (speculative && read.used) {
        const used = read.used;
        const guess = speculative.guess;
        const { values } = speculative.chunk.range;
        if (values) {
          // The data is here, whatever the sheet's size.
          const received = take(read, { ...speculative.chunk, top: used.top, rows: used.bottom - used.top + 1 });
          receivedChars += received.chars;
          receivedCells += received.cells;
        }
        for (const probe of speculative.probes) read.merges.push(...mergedAreasOf(probe));
        read.merges = dedupeRanges(read.merges.filter((m) => m.top <= used.bottom && m.left <= used.right));
        if (used.bottom < guess.rows && used.right < guess.cols) {
          // The guess held: the merged areas of every tile that matters are here too.
          read.mergeTiles = [];
        } else {
          // A larger sheet: its merged areas are asked for tile by tile (duplicates are dropped),
          // and the other sheets' sizes are no longer guessed.
          next = { ...next, guess: null };
        }
      }
    }
    for (const chunk of read.chunks) {
      const { values } = chunk.range;
      if (!values) {
        throw new HostError(
          `Excel 未返回工作表“${read.info.name}”的内容，表格可能过大。`,
          `Excel returned no data for worksheet "${read.info.name}"; the sheet may be too large.`,
        );
      }
      const received = take(read, chunk);
      receivedChars += received.chars;
      receivedCells += received.cells;
    }
    for (const probe of read.mergeProbes) read.merges.push(...mergedAreasOf(probe));
    read.mergeTiles = read.mergeTiles.slice(read.mergeProbes.length);
    read.merges = dedupeRanges(read.merges);
  }
  // Size the next round trips from what this one actually carried.
  next = { ...next, charsPerCell: measuredCharsPerCell(receivedChars, receivedCells, next.charsPerCell) };
  return readRounds(context, reads, features, next, undefined);
}

/** Stores a chunk that arrived; returns what it cost, for sizing the next round trips. */
function take(read: SheetRead, chunk: DataChunk): { chars: number; cells: number } {
  const values = chunk.range.values;
  const formats = chunkFormats(chunk, read.used!.left, read.used!.right);
  const rows = snapshotRows(chunk.top, read.used!.left, values, (r, c) => formats.byCell.get(`${r},${c}`));
  rows.values.forEach((row, i) => {
    read.values[chunk.top + i] = row;
    read.texts[chunk.top + i] = rows.texts[i]!;
    read.formats[chunk.top + i] = rows.formats[i]!;
  });
  read.nextRow = chunk.top + chunk.rows;
  return { chars: JSON.stringify(values).length + formats.chars, cells: values.length * (values[0]?.length ?? 0) };
}

interface ChunkFormats {
  /** Number formats by "row,col" (sheet coordinates) of the chunk's number cells. */
  byCell: Map<string, string>;
  /** What they cost in the response, for sizing the next round trips. */
  chars: number;
}

function chunkFormats(chunk: DataChunk, left: number, right: number): ChunkFormats {
  const byCell = new Map<string, string>();
  let chars = 0;
  const bottom = chunk.top + chunk.rows - 1;
  if (chunk.wholeFormats) {
    const formats = chunk.range.numberFormat ?? [];
    chars += JSON.stringify(formats).length;
    formats.forEach((row, i) =>
      row.forEach((format, j) => {
        if (format !== "General") byCell.set(`${chunk.top + i},${left + j}`, String(format));
      }),
    );
  }
  for (const areas of chunk.numbers) {
    if (areas.isNullObject) continue;
    for (const area of areas.areas.items) {
      const formats = area.numberFormat;
      chars += JSON.stringify(formats).length + 40;
      formats.forEach((row, i) =>
        row.forEach((format, j) => {
          const r = area.rowIndex + i;
          const c = area.columnIndex + j;
          // Only what lies inside the chunk: the look-up is not trusted to stay within its range.
          if (r >= chunk.top && r <= bottom && c >= left && c <= right) byCell.set(`${r},${c}`, String(format));
        }),
      );
    }
  }
  return { byCell, chars };
}
