/**
 * Reads worksheets into SheetSnapshots, exactly what the .xlsx reader produces.
 *
 * Round trips: the first finds the worksheets and the active sheet's used range; the next ones
 * carry the cell data (values, text, number formats) in row chunks and the merged areas, as
 * many as one request and one response may hold. A sheet of 20,000 × 10 cells is read in two
 * round trips; a larger one takes as many more as Excel's payload cap requires.
 */
import type { CellRange } from "../core/address";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../core/snapshot";
import type { SheetScope } from "../host/types";
import { HostError } from "../host/types";
import { parseExcelRange } from "./address";
import { officeErrorCode } from "./errors";
import type { ExcelFeatures } from "./requirements";

/** An empty General cell costs 16 characters of JSON (values, text, format); a table's cells about 30. */
const INITIAL_CHARS_PER_CELL = 32;
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
export interface ReadPiggyback {
  first(context: Excel.RequestContext): void;
  /** Returns false when it queued nothing. */
  second(context: Excel.RequestContext): boolean;
}

export interface ReadResult {
  snapshots: SheetSnapshot[];
  /** Every worksheet, in tab order. */
  worksheets: WorksheetInfo[];
}

interface DataChunk {
  top: number;
  rows: number;
  range: Excel.Range;
}

interface SheetRead {
  info: WorksheetInfo;
  worksheet: Excel.Worksheet;
  /** undefined until known; null when the sheet holds no values. */
  used: CellRange | null | undefined;
  usedProbe: Excel.Range | null;
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

    const rounds = { charsPerCell: INITIAL_CHARS_PER_CELL, budget: payloadBudget(features), retries: 0, piggyback };
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
    return { snapshots, worksheets: infos };
  });
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
  charsPerCell: number;
  budget: number;
  retries: number;
  piggyback?: ReadPiggyback;
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
    if (read.used === undefined) {
      read.usedProbe = read.worksheet.getUsedRangeOrNullObject(true);
      read.usedProbe.load("address");
      request += CHARS_PER_CALL;
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
      const range = read.worksheet.getRangeByIndexes(row, used.left, rows, cols);
      range.load("values,text,numberFormat");
      read.chunks.push({ top: row, rows, range });
      response += rows * rowChars;
      request += CHARS_PER_CALL;
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
    if (
      (code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded") &&
      state.retries < PAYLOAD_RETRIES
    ) {
      state.retries++;
      if (code === "ResponsePayloadSizeLimitExceeded") state.charsPerCell *= 2;
      else state.budget = Math.floor(state.budget / 2);
      return readRounds(context, reads, features, state);
    }
    throw error;
  }
  state.piggyback = undefined;
  let receivedChars = 0;
  let receivedCells = 0;
  for (const read of reads) {
    if (read.usedProbe) {
      read.used = usedOf(read.usedProbe);
      prepare(read, features);
    }
    for (const chunk of read.chunks) {
      const { values, text, numberFormat } = chunk.range;
      if (!values || !text || !numberFormat) {
        throw new HostError(
          `Excel 未返回工作表“${read.info.name}”的内容，表格可能过大。`,
          `Excel returned no data for worksheet "${read.info.name}"; the sheet may be too large.`,
        );
      }
      store(read, chunk.top, values, text, numberFormat);
      receivedChars +=
        JSON.stringify(values).length + JSON.stringify(text).length + JSON.stringify(numberFormat).length;
      receivedCells += values.length * (values[0]?.length ?? 0);
      read.nextRow = chunk.top + chunk.rows;
    }
    for (const probe of read.mergeProbes) {
      if (!probe.isNullObject) {
        for (const area of probe.areas.items) {
          const range = parseExcelRange(area.address);
          if (range) read.merges.push(range);
        }
      }
    }
    read.mergeTiles = read.mergeTiles.slice(read.mergeProbes.length);
    read.merges = dedupe(read.merges);
  }
  // Size the next round trips from what this one actually carried.
  if (receivedCells > 0) state.charsPerCell = Math.max(8, Math.ceil((receivedChars / receivedCells) * 1.15));
  return readRounds(context, reads, features, state);
}

function store(read: SheetRead, top: number, values: unknown[][], text: string[][], formats: string[][]): void {
  const left = read.used!.left;
  values.forEach((row, i) => {
    const r = top + i;
    const valueRow: CellValue[] = new Array(left).fill(null);
    const textRow: string[] = new Array(left).fill("");
    const formatRow: string[] = new Array(left).fill("General");
    row.forEach((value, c) => {
      const cellValue = toCellValue(value);
      valueRow.push(cellValue);
      textRow.push(text[i]?.[c] ?? "");
      // An empty cell's format means nothing to the checker and the .xlsx reader cannot see it: both say General.
      formatRow.push(cellValue === null ? "General" : (formats[i]?.[c] ?? "General"));
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
