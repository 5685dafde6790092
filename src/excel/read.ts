/**
 * Reads worksheets into SheetSnapshots, exactly what the .xlsx reader produces.
 *
 * Round trips: the first finds the worksheets and the active sheet's used range; the next ones
 * carry the cell data (values, and the number formats of the cells holding numbers) in row chunks
 * and the merged areas, as many as one request and one response may hold. A sheet of 20,000 × 10
 * cells is read in two round trips; a larger one takes as many more as Excel's payload cap requires.
 */
import type { CellRange } from "../core/address";
import { formatCellText } from "../core/format";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import type { SheetScope } from "../host/types";
import { HostError } from "../host/types";
import { parseExcelRange } from "./address";
import { officeErrorCode } from "./errors";
import type { ExcelFeatures } from "./requirements";

/** A table's cell costs about 8 characters of JSON in values (Chinese text); start cautiously above that. */
const INITIAL_CHARS_PER_CELL = 16;
/** One Range read; far below Excel's five-million-cell limit for a single range. */
const MAX_CHUNK_CELLS = 200_000;
/** A tile of at most 512 cells cannot hold more than 512 merged areas, Excel's limit per call. */
const MERGE_TILE_CELLS = 512;
/** What one queued call (locating a range, calling a method, loading) adds to a request, in characters. */
const CHARS_PER_CALL = 600;
/** Without a documented cap (desktop Excel), keep each response to a bounded size anyway. */
const UNCAPPED_BUDGET = 64 * 1024 * 1024;
/** A used range beyond this is stray content far away, not a table: refuse rather than stall Excel. */
const MAX_SHEET_CELLS = 20_000_000;
/** Retries of a round trip that Excel refused as too large, each with a halved estimate. */
const PAYLOAD_RETRIES = 4;

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
  /** A sheet of unknown size read whole in the round trip that finds its used range (see `guess`). */
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

    const rounds: RoundState = {
      guess: sizeGuess(reads),
      wholeFormats: false,
      charsPerCell: INITIAL_CHARS_PER_CELL,
      budget: payloadBudget(features),
      retries: 0,
      piggyback: { second },
    };
    await readRounds(context, reads, features, rounds);

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
function dataChunk(range: Excel.Range, top: number, rows: number, state: RoundState): DataChunk {
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

/** Rows and columns from A1 of the largest used range known, with room to spare; null when none is known. */
function sizeGuess(reads: readonly SheetRead[]): { rows: number; cols: number } | null {
  let rows = 0;
  let cols = 0;
  for (const read of reads) {
    if (!read.used) continue;
    rows = Math.max(rows, read.used.bottom + 1);
    cols = Math.max(cols, read.used.right + 1);
  }
  if (rows === 0) return null;
  return { rows: Math.ceil(rows * 1.25) + 20, cols: cols + 2 };
}

/** getUsedRange's answer: A1 holding nothing is a blank sheet. */
function usedOfWhole(range: Excel.Range): CellRange | null {
  const parsed = usedOf(range);
  if (!parsed) return null;
  const single = parsed.top === parsed.bottom && parsed.left === parsed.right;
  const first = range.values[0]?.[0];
  return single && (first === "" || first === null || first === undefined) ? null : parsed;
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
  const cells = (used.bottom - used.top + 1) * (used.right - used.left + 1);
  if (cells > MAX_SHEET_CELLS) {
    throw new HostError(
      `工作表“${read.info.name}”的已用区域过大（${cells} 个单元格），多半有远处的零散内容。请删除表格以外的内容后重试。`,
      `The used range of worksheet "${read.info.name}" is too large (${cells} cells), probably because of stray content far away. Delete what lies outside the table and try again.`,
    );
  }
  read.nextRow = used.top;
  if (features.mergedAreas) read.mergeTiles = mergeTiles(used.bottom + 1, used.right + 1);
}

/** Tiles covering rows 0..rows-1 and columns 0..cols-1, each of at most 512 cells (Excel's merged-area limit per call). */
export function mergeTiles(rows: number, cols: number): CellRange[] {
  const tileCols = Math.min(cols, MERGE_TILE_CELLS);
  const tileRows = Math.max(1, Math.floor(MERGE_TILE_CELLS / tileCols));
  const tiles: CellRange[] = [];
  for (let top = 0; top < rows; top += tileRows) {
    for (let left = 0; left < cols; left += tileCols) {
      tiles.push({ top, left, bottom: Math.min(rows, top + tileRows) - 1, right: Math.min(cols, left + tileCols) - 1 });
    }
  }
  return tiles;
}

interface RoundState {
  /**
   * The size (rows and columns from A1) to assume for a sheet whose used range is not known yet:
   * its data and merged areas are then asked for in the same round trip as its used range. Null
   * once a guess turned out wrong or a round trip was refused, and when no sheet's size is known.
   */
  guess: { rows: number; cols: number } | null;
  /** Load every cell's number format with the values (after a failed attempt to ask for number cells). */
  wholeFormats: boolean;
  charsPerCell: number;
  budget: number;
  retries: number;
  /** Work for the first round trip after the worksheets are known; dropped once that round trip succeeded. */
  piggyback?: Pick<ReadPiggyback, "second">;
}

function pending(read: SheetRead): boolean {
  if (read.used === undefined) return true;
  if (read.used === null) return false;
  return read.nextRow <= read.used.bottom || read.mergeTiles.length > 0;
}

/**
 * One round trip per call, as full as the payload budget allows; it calls itself while work is
 * left, because the number of round trips depends on how much the sheets hold.
 */
async function readRounds(
  context: Excel.RequestContext,
  reads: SheetRead[],
  features: ExcelFeatures,
  state: RoundState,
): Promise<void> {
  const piggybackQueued = state.piggyback ? state.piggyback.second(context) : false;
  if (!reads.some(pending)) {
    if (piggybackQueued) await context.sync();
    return;
  }
  let response = 0;
  let request = 0;
  for (const read of reads) {
    read.chunks = [];
    read.mergeProbes = [];
    read.usedProbe = null;
    read.speculative = null;
    if (read.used === undefined) {
      const guess = state.guess;
      const guessChars = guess ? guess.rows * guess.cols * state.charsPerCell : Infinity;
      if (guess && response + guessChars <= state.budget) {
        // Read it whole on the assumption that it is no larger than the sheets already known.
        // getUsedRange (not ...OrNullObject) gives A1 for a blank sheet, so methods can be called on it.
        const range = read.worksheet.getUsedRange(true);
        range.load("address");
        const tiles = features.mergedAreas ? mergeTiles(guess.rows, guess.cols) : [];
        const probes = tiles.map((tile) => {
          const probe = read.worksheet
            .getRangeByIndexes(tile.top, tile.left, tile.bottom - tile.top + 1, tile.right - tile.left + 1)
            .getMergedAreasOrNullObject();
          probe.load("areas/items/address");
          return probe;
        });
        read.usedProbe = range;
        read.speculative = { chunk: dataChunk(range, 0, 0, state), guess, probes };
        response += guessChars;
        request += (3 + tiles.length) * CHARS_PER_CALL;
      } else {
        read.usedProbe = read.worksheet.getUsedRangeOrNullObject(true);
        read.usedProbe.load("address");
        request += CHARS_PER_CALL;
      }
      continue;
    }
    if (read.used === null) continue;
    const used = read.used;
    const cols = used.right - used.left + 1;
    const rowChars = cols * state.charsPerCell;
    let row = read.nextRow;
    const maxRows = Math.max(1, Math.floor(MAX_CHUNK_CELLS / cols));
    while (row <= used.bottom) {
      const fit = Math.floor((state.budget - response) / rowChars);
      // The first chunk of a round trip takes at least one row, so that a very wide row still gets read.
      const rows = Math.min(used.bottom - row + 1, response === 0 ? Math.max(fit, 1) : fit, maxRows);
      if (rows <= 0) break;
      read.chunks.push(dataChunk(read.worksheet.getRangeByIndexes(row, used.left, rows, cols), row, rows, state));
      response += rows * rowChars;
      request += 3 * CHARS_PER_CALL;
      row += rows;
    }
    while (read.mergeTiles.length > read.mergeProbes.length && request + CHARS_PER_CALL <= state.budget) {
      const tile = read.mergeTiles[read.mergeProbes.length]!;
      const probe = read.worksheet
        .getRangeByIndexes(tile.top, tile.left, tile.bottom - tile.top + 1, tile.right - tile.left + 1)
        .getMergedAreasOrNullObject();
      probe.load("areas/items/address");
      read.mergeProbes.push(probe);
      request += CHARS_PER_CALL;
    }
  }
  try {
    await context.sync();
  } catch (error) {
    const code = officeErrorCode(error);
    const refused = code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded";
    if (
      !refused &&
      code !== "ItemNotFound" &&
      state.retries < PAYLOAD_RETRIES &&
      (!state.wholeFormats || state.guess)
    ) {
      // A read that failed otherwise ran nothing. What this host asks beyond plain cell data is
      // where Excel may object (a sheet read whole may reach a far-off stray cell; asking for the
      // number cells may not be allowed on a protected sheet): ask again without either.
      state.retries++;
      state.guess = null;
      state.wholeFormats = true;
      return readRounds(context, reads, features, state);
    }
    if (refused && state.retries < PAYLOAD_RETRIES) {
      // Sheets of unknown size read whole were too much: they are measured first from now on,
      // which is all the retry needs; otherwise the next round trips ask for less.
      const readWhole = state.guess !== null && reads.some((read) => read.speculative);
      state.retries++;
      state.guess = null;
      if (code === "ResponsePayloadSizeLimitExceeded") state.charsPerCell *= 2;
      else if (!readWhole) state.budget = Math.floor(state.budget / 2);
      return readRounds(context, reads, features, state);
    }
    throw error;
  }
  state.piggyback = undefined;
  let receivedChars = 0;
  let receivedCells = 0;
  for (const read of reads) {
    if (read.usedProbe) {
      const speculative = read.speculative;
      read.used = speculative ? usedOfWhole(read.usedProbe) : usedOf(read.usedProbe);
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
        read.merges = dedupe(read.merges.filter((m) => m.top <= used.bottom && m.left <= used.right));
        if (used.bottom < guess.rows && used.right < guess.cols) {
          // The guess held: the merged areas of every tile that matters are here too.
          read.mergeTiles = [];
        } else {
          // A larger sheet: its merged areas are asked for tile by tile (duplicates are dropped),
          // and the other sheets' sizes are no longer guessed.
          state.guess = null;
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
    read.merges = dedupe(read.merges);
  }
  // Size the next round trips from what this one actually carried.
  if (receivedCells > 0) state.charsPerCell = Math.max(8, Math.ceil((receivedChars / receivedCells) * 1.15));
  return readRounds(context, reads, features, state);
}

/** Stores a chunk that arrived; returns what it cost, for sizing the next round trips. */
function take(read: SheetRead, chunk: DataChunk): { chars: number; cells: number } {
  const values = chunk.range.values;
  const formats = chunkFormats(chunk, read.used!.left, read.used!.right);
  store(read, chunk.top, values, formats);
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

function store(read: SheetRead, top: number, values: unknown[][], formats: ChunkFormats): void {
  const left = read.used!.left;
  values.forEach((row, i) => {
    const r = top + i;
    const valueRow: CellValue[] = new Array(left).fill(null);
    const textRow: string[] = new Array(left).fill("");
    const formatRow: string[] = new Array(left).fill("General");
    row.forEach((value, c) => {
      const cellValue = toCellValue(value);
      // Only a number shows its format; the displayed text is worked out as the .xlsx reader does,
      // so both hosts give one snapshot (and a number in a narrow column is not read as "####").
      const format = typeof cellValue === "number" ? (formats.byCell.get(`${r},${left + c}`) ?? "General") : "General";
      valueRow.push(cellValue);
      textRow.push(formatCellText(cellValue, format));
      formatRow.push(format);
    });
    read.values[r] = valueRow;
    read.texts[r] = textRow;
    read.formats[r] = formatRow;
  });
}

/** Excel reports an empty cell as ""; the snapshot says null. Dates are already serials, errors their text. */
function toCellValue(value: unknown): CellValue {
  if (value === "" || value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

function dedupe(ranges: CellRange[]): CellRange[] {
  const seen = new Set<string>();
  return ranges.filter((r) => {
    const key = `${r.top},${r.left},${r.bottom},${r.right}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
