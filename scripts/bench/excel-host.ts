/**
 * The add-in's check on the fake Excel host: read every sheet, check, paint the findings, and
 * count the round trips (context.sync) and the largest payload each way, as Excel would see them.
 */
import { columnName, type CellRange } from "../../src/core/address";
import { checkWorkbook } from "../../src/core/check";
import { createExcelHost } from "../../src/excel";
import {
  createFakeExcel,
  sheetId,
  WEB_PAYLOAD_LIMIT,
  type FakeCell,
  type FakePlatform,
  type FakeWorkbookState,
} from "../../test/fakes/excel";
import { displayText, type BenchWorkbook } from "./workbook";

export interface HostCheckFigures {
  platform: FakePlatform;
  /** Payload cap the fake enforced, in characters of JSON (null: none, as on desktop). */
  payloadLimit: number | null;
  /** The first click of 校验 after the pane opened. */
  syncs: number;
  /** Largest request and response of any one sync Excel carried out, of either click, in characters of JSON. */
  maxRequestChars: number;
  maxResponseChars: number;
  /** A second click on the same workbook: the host knows its sheets, and restores the first click's marks. */
  repeatSyncs: number;
  /** Round trips Excel refused as too large, of either click (the host retried them smaller). */
  refusedSyncs: number;
  findings: number;
  ms: number;
  repeatMs: number;
  /** Every round trip of the first click, in order: actions, and request and response sizes in characters. */
  roundTrips: { actions: number; requestChars: number; responseChars: number; error: string | null }[];
}

function a1(range: CellRange): string {
  const from = `${columnName(range.left)}${range.top + 1}`;
  const to = `${columnName(range.right)}${range.bottom + 1}`;
  return from === to ? from : `${from}:${to}`;
}

/** The generated workbook as the fake's state: one FakeSheet per sheet, merged areas included. */
function fakeState(book: BenchWorkbook): FakeWorkbookState {
  return {
    sheets: book.sheets.map((sheet, index) => {
      const cells: Record<string, FakeCell> = {};
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (!cell || cell.value === null) return;
          const fake: FakeCell = { value: cell.value };
          if (cell.format) {
            fake.numberFormat = cell.format;
            fake.text = displayText(cell);
          }
          cells[`${columnName(c)}${r + 1}`] = fake;
        }),
      );
      return { name: sheet.name, id: sheetId(index), cells, merges: sheet.merges.map(a1) };
    }),
    activeSheet: book.sheets[0].name,
    customXmlParts: [],
    names: [],
  };
}

/** One click of 校验 on a fresh copy of the workbook: read all sheets, check, paint. */
export async function checkOnFakeHost(book: BenchWorkbook, platform: FakePlatform): Promise<HostCheckFigures> {
  const payloadLimit = platform === "OfficeOnline" ? WEB_PAYLOAD_LIMIT : null;
  const fake = createFakeExcel(fakeState(book), { platform, payloadLimit }).install();
  try {
    const host = createExcelHost();
    const click = async () => {
      fake.resetStats();
      const started = performance.now();
      const sheets = await host.readSheets("all");
      const result = checkWorkbook(sheets);
      await host.showFindings(result.issues);
      const ms = performance.now() - started;
      // A round trip Excel refused (payload too large) still counts: the host retries it smaller.
      return { syncs: [...fake.syncs], ms, findings: result.issues.length };
    };
    const first = await click();
    const repeat = await click();
    const all = [...first.syncs, ...repeat.syncs];
    // Sizes of the round trips Excel carried out; a refused one is reported by count.
    const carried = all.filter((s) => s.error === null);
    return {
      platform,
      payloadLimit,
      syncs: first.syncs.length,
      maxRequestChars: Math.max(0, ...carried.map((s) => s.requestChars)),
      maxResponseChars: Math.max(0, ...carried.map((s) => s.responseChars)),
      repeatSyncs: repeat.syncs.length,
      refusedSyncs: all.filter((s) => s.error !== null).length,
      findings: first.findings,
      ms: first.ms,
      repeatMs: repeat.ms,
      roundTrips: first.syncs.map((s) => ({
        actions: s.actions,
        requestChars: s.requestChars,
        responseChars: s.responseChars,
        error: s.error,
      })),
    };
  } finally {
    fake.uninstall();
  }
}
