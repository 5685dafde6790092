/** The read plan: plain data in, plain data out; no spreadsheet, no fake. */
import type { CellRange } from "../../../src/core/address";
import {
  CHARS_PER_CALL,
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
  toCellValue,
  usedOfWhole,
  type ReadState,
  type SheetProgress,
  type SheetRound,
} from "../../../src/host/plans/read";
import { HostError } from "../../../src/host/types";

const box = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });
const state = (overrides: Partial<ReadState> = {}): ReadState => ({ ...initialReadState(null, 100_000), ...overrides });

describe("mergeTiles", () => {
  it.each<[number, number, CellRange[]]>([
    [1, 1, [box(0, 0, 0, 0)]],
    [2, 200, [box(0, 0, 1, 199)]],
    [5, 200, [box(0, 0, 1, 199), box(2, 0, 3, 199), box(4, 0, 4, 199)]],
    [2, 600, [box(0, 0, 0, 511), box(0, 512, 0, 599), box(1, 0, 1, 511), box(1, 512, 1, 599)]],
  ])("%i rows × %i columns", (rows, cols, tiles) => {
    expect(mergeTiles(rows, cols)).toEqual(tiles);
    for (const tile of tiles)
      expect((tile.bottom - tile.top + 1) * (tile.right - tile.left + 1)).toBeLessThanOrEqual(512);
  });
});

describe("sizeGuess", () => {
  it.each<[string, (CellRange | null | undefined)[], { rows: number; cols: number } | null]>([
    ["nothing known", [undefined, null], null],
    ["the largest known, with room to spare", [box(0, 0, 99, 6), undefined, box(3, 2, 19, 9)], { rows: 145, cols: 12 }],
  ])("%s", (_name, used, guess) => {
    expect(sizeGuess(used)).toEqual(guess);
  });
});

describe("pending", () => {
  it.each<[string, SheetProgress, boolean]>([
    ["size unknown", { used: undefined, nextRow: 0, tilesLeft: 0 }, true],
    ["blank", { used: null, nextRow: 0, tilesLeft: 0 }, false],
    ["rows left", { used: box(0, 0, 9, 3), nextRow: 9, tilesLeft: 0 }, true],
    ["merge tiles left", { used: box(0, 0, 9, 3), nextRow: 10, tilesLeft: 1 }, true],
    ["done", { used: box(0, 0, 9, 3), nextRow: 10, tilesLeft: 0 }, false],
  ])("%s", (_name, sheet, expected) => {
    expect(pending(sheet)).toBe(expected);
  });
});

describe("planRound", () => {
  const rows: {
    name: string;
    sheets: SheetProgress[];
    state: ReadState;
    mergedAreas?: boolean;
    round: SheetRound[];
  }[] = [
    {
      name: "a sheet of unknown size is measured when no guess is known",
      sheets: [{ used: undefined, nextRow: 0, tilesLeft: 0 }],
      state: state(),
      round: [{ kind: "measure" }],
    },
    {
      name: "read whole, merges tile by tile, when the guess fits the budget",
      sheets: [{ used: undefined, nextRow: 0, tilesLeft: 0 }],
      state: state({ guess: { rows: 10, cols: 100 } }),
      round: [{ kind: "whole", guess: { rows: 10, cols: 100 }, tiles: mergeTiles(10, 100) }],
    },
    {
      name: "measured when the guess would pass the budget; merges not asked where unsupported",
      sheets: [
        { used: undefined, nextRow: 0, tilesLeft: 0 },
        { used: undefined, nextRow: 0, tilesLeft: 0 },
      ],
      state: state({ guess: { rows: 100, cols: 40 } }),
      mergedAreas: false,
      round: [{ kind: "whole", guess: { rows: 100, cols: 40 }, tiles: [] }, { kind: "measure" }],
    },
    {
      name: "a known sheet in one chunk with its merge tiles",
      sheets: [
        { used: box(2, 1, 11, 4), nextRow: 2, tilesLeft: 3 },
        { used: null, nextRow: 0, tilesLeft: 0 },
      ],
      state: state(),
      round: [{ kind: "rows", chunks: [{ top: 2, rows: 10 }], mergeProbes: 3 }, { kind: "none" }],
    },
    {
      name: "rows up to the budget (16 characters a cell), the rest in a later round",
      sheets: [
        { used: box(0, 0, 999, 9), nextRow: 0, tilesLeft: 0 },
        { used: box(0, 0, 9, 9), nextRow: 0, tilesLeft: 0 },
      ],
      state: state({ budget: 16_000 }),
      round: [
        { kind: "rows", chunks: [{ top: 0, rows: 100 }], mergeProbes: 0 },
        { kind: "rows", chunks: [], mergeProbes: 0 },
      ],
    },
    {
      name: "the first chunk takes one row even when a row passes the budget",
      sheets: [{ used: box(0, 0, 4, 9), nextRow: 3, tilesLeft: 0 }],
      state: state({ budget: 100 }),
      round: [{ kind: "rows", chunks: [{ top: 3, rows: 1 }], mergeProbes: 0 }],
    },
    {
      name: "chunks of at most 200,000 cells",
      sheets: [{ used: box(0, 0, 49_999, 9), nextRow: 0, tilesLeft: 0 }],
      state: state({ budget: 64 * 1024 * 1024 }),
      round: [
        {
          kind: "rows",
          chunks: [
            { top: 0, rows: 20_000 },
            { top: 20_000, rows: 20_000 },
            { top: 40_000, rows: 10_000 },
          ],
          mergeProbes: 0,
        },
      ],
    },
    {
      name: "merge probes only as many as the request budget holds",
      sheets: [{ used: box(0, 0, 0, 0), nextRow: 1, tilesLeft: 10 }],
      state: state({ budget: 4 * CHARS_PER_CALL + 1 }),
      round: [{ kind: "rows", chunks: [], mergeProbes: 4 }],
    },
  ];
  it.each(rows)("$name", (row) => {
    expect(planRound(row.sheets, row.state, row.mergedAreas ?? true)).toEqual(row.round);
  });
});

describe("retryState", () => {
  const guess = { rows: 10, cols: 10 };
  const rows: [string, ReadState, string | null, boolean, ReadState | null][] = [
    [
      "another failure: once more without a guess, with every cell's format",
      state({ guess }),
      "GeneralException",
      false,
      state({ retries: 1, wholeFormats: true }),
    ],
    ["another failure a second time: give up", state({ wholeFormats: true, retries: 1 }), "AccessDenied", false, null],
    ["a sheet gone: give up", state(), "ItemNotFound", false, null],
    [
      "a response too large: twice the characters per cell",
      state({ guess }),
      "ResponsePayloadSizeLimitExceeded",
      false,
      state({ retries: 1, charsPerCell: 32 }),
    ],
    [
      "a request too large: half the budget",
      state(),
      "RequestPayloadSizeLimitExceeded",
      false,
      state({ retries: 1, budget: 50_000 }),
    ],
    [
      "a request too large while sheets were read whole: measure them first, same budget",
      state({ guess }),
      "RequestPayloadSizeLimitExceeded",
      true,
      state({ retries: 1 }),
    ],
    ["refused after four retries: give up", state({ retries: 4 }), "ResponsePayloadSizeLimitExceeded", false, null],
  ];
  it.each(rows)("%s", (_name, before, code, readWhole, after) => {
    expect(retryState(before, code, readWhole)).toEqual(after);
  });
});

describe("measuredCharsPerCell", () => {
  it.each<[number, number, number, number]>([
    [0, 0, 16, 16],
    [1_000, 100, 16, 12],
    [100, 100, 16, 8],
  ])("%i characters over %i cells (was %i) → %i", (chars, cells, current, expected) => {
    expect(measuredCharsPerCell(chars, cells, current)).toBe(expected);
  });
});

describe("usedOfWhole", () => {
  it.each<[string, CellRange, unknown, CellRange | null]>([
    ["A1 holding nothing is a blank sheet", box(0, 0, 0, 0), "", null],
    ["A1 holding something", box(0, 0, 0, 0), 0, box(0, 0, 0, 0)],
    ["a larger range", box(0, 0, 3, 3), "", box(0, 0, 3, 3)],
  ])("%s", (_name, used, first, expected) => {
    expect(usedOfWhole(used, first)).toEqual(expected);
  });
});

describe("toCellValue", () => {
  it.each<[unknown, unknown]>([
    ["", null],
    [null, null],
    [undefined, null],
    [0, 0],
    [false, false],
    ["#N/A", "#N/A"],
    [{ toString: () => "x" }, "x"],
  ])("%p → %p", (value, expected) => {
    expect(toCellValue(value)).toBe(expected);
  });
});

describe("snapshotRows", () => {
  it("pads each row from column A and shows a number's format in its text", () => {
    const formats = new Map([["4,2", "0.0%"]]);
    expect(
      snapshotRows(
        3,
        1,
        [
          ["项目", ""],
          [true, 0.5],
        ],
        (r, c) => formats.get(`${r},${c}`),
      ),
    ).toEqual({
      values: [
        [null, "项目", null],
        [null, true, 0.5],
      ],
      texts: [
        ["", "项目", ""],
        ["", "TRUE", "50.0%"],
      ],
      formats: [
        ["General", "General", "General"],
        ["General", "General", "0.0%"],
      ],
    });
  });
});

describe("checkSheetSize", () => {
  it("accepts a used range of 20 million cells and refuses a larger one, in both languages", () => {
    expect(() => checkSheetSize("表1", box(0, 0, 1_999_999, 9))).not.toThrow();
    let error: unknown;
    try {
      checkSheetSize("表1", box(0, 0, 1_999_999, 10));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HostError);
    expect((error as HostError).messageZh).toContain("工作表“表1”的已用区域过大（22000000 个单元格）");
    expect((error as HostError).messageEn).toContain('worksheet "表1" is too large (22000000 cells)');
  });
});

describe("dedupeRanges", () => {
  it("keeps each range once, in first-seen order", () => {
    expect(dedupeRanges([box(0, 0, 1, 1), box(2, 2, 3, 3), box(0, 0, 1, 1)])).toEqual([
      box(0, 0, 1, 1),
      box(2, 2, 3, 3),
    ]);
  });
});
