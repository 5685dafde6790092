/** The template plan: plain data in, plain data out; no spreadsheet, no fake. */
import type { CellRange } from "../../../src/core/address";
import type { PatchValidation, SheetPatch } from "../../../src/core/patch";
import { level1ListName } from "../../../src/core/template/lists";
import {
  DEFAULT_ERROR_ALERT,
  clampPrompt,
  firstFilledCell,
  listColumns,
  literal,
  numberFormatRuns,
  planTemplate,
  planValidations,
  styleGrid,
  styleGroups,
  templateArea,
  type ValidationWrite,
} from "../../../src/host/plans/template";

const box = (top: number, left: number, bottom = top, right = left): CellRange => ({ top, left, bottom, right });

function patchOf(overrides: Partial<SheetPatch>): SheetPatch {
  return {
    rowCount: 2,
    colCount: 3,
    cells: [],
    styles: {},
    merges: [],
    validations: [],
    columnWidths: [],
    rowHeights: [],
    ...overrides,
  };
}

describe("literal", () => {
  it.each<[string | number, string | number]>([
    [12, 12],
    ["项目名称", "项目名称"],
    ["12", "'12"],
    ["1,234.5", "'1,234.5"],
    ["90%", "'90%"],
    ["2024-12", "'2024-12"],
    ["12/31", "'12/31"],
    ["=SUM(A1)", "'=SUM(A1)"],
    ["+1", "'+1"],
    ["-", "'-"],
    ["@home", "'@home"],
    ["'quoted", "''quoted"],
    ["TRUE", "'TRUE"],
    [" false ", "' false "],
    ["≥90%", "≥90%"],
    ["12月底", "12月底"],
  ])("%j → %j", (value, expected) => {
    expect(literal(value)).toBe(expected);
  });
});

describe("clampPrompt", () => {
  it.each([
    [
      { title: "标题", message: "说明" },
      { title: "标题", message: "说明" },
    ],
    [
      { title: "题".repeat(40), message: "字".repeat(300) },
      { title: "题".repeat(32), message: "字".repeat(255) },
    ],
  ])("%#", (prompt, expected) => {
    expect(clampPrompt(prompt)).toEqual(expected);
  });
});

describe("planValidations", () => {
  const prompt = { title: "提示", message: "请选择" };
  const long = Array.from({ length: 60 }, (_, i) => `选项${i}号`);
  const dependent: PatchValidation = {
    kind: "dependentList",
    range: box(1, 2, 3, 2),
    parentCol: 1,
    lists: { 产出指标: ["数量指标", "质量指标"], 效益指标: ["社会效益指标"] },
    fallback: ["数量指标", "质量指标", "社会效益指标"],
    listsName: "legacy",
    prompt,
  };
  const rows: {
    name: string;
    validations: PatchValidation[];
    origin?: { row: number; col: number };
    existing?: string[];
    namesPossible?: boolean;
    merges?: CellRange[];
    namedLists: string[];
    writes: ValidationWrite[];
  }[] = [
    {
      name: "free text: a prompt only, moved to the origin",
      validations: [{ kind: "text", range: box(0, 0), prompt }],
      origin: { row: 4, col: 2 },
      namedLists: [],
      writes: [{ kind: "input", area: box(4, 2), prompt }],
    },
    {
      name: "a number between bounds, with the default alert",
      validations: [{ kind: "decimal", range: box(1, 1), min: 0, max: 100 }],
      namedLists: [],
      writes: [
        {
          kind: "decimal",
          area: box(1, 1),
          operator: "between",
          formula1: 0,
          formula2: 100,
          error: DEFAULT_ERROR_ALERT,
        },
      ],
    },
    {
      name: "a lower bound only, its own alert clamped",
      validations: [
        { kind: "decimal", range: box(1, 1), min: 1, error: { title: "错".repeat(40), message: "误" }, prompt },
      ],
      namedLists: [],
      writes: [
        {
          kind: "decimal",
          area: box(1, 1),
          operator: "atLeast",
          formula1: 1,
          error: { title: "错".repeat(32), message: "误" },
          prompt,
        },
      ],
    },
    {
      name: "an upper bound only",
      validations: [{ kind: "decimal", range: box(0, 2), max: 5 }],
      namedLists: [],
      writes: [{ kind: "decimal", area: box(0, 2), operator: "atMost", formula1: 5, error: DEFAULT_ERROR_ALERT }],
    },
    {
      name: "a number without bounds: its prompt alone, or nothing",
      validations: [
        { kind: "decimal", range: box(0, 0), prompt },
        { kind: "decimal", range: box(0, 1) },
      ],
      namedLists: [],
      writes: [{ kind: "input", area: box(0, 0), prompt }],
    },
    {
      name: "a short list goes inline",
      validations: [{ kind: "list", range: box(1, 0), items: ["是", "否"] }],
      namedLists: [],
      writes: [{ kind: "list", area: box(1, 0), source: "是,否" }],
    },
    {
      name: "a long list becomes a named list",
      validations: [{ kind: "list", range: box(1, 0), items: long, prompt }],
      namedLists: [level1ListName(long)],
      writes: [{ kind: "list", area: box(1, 0), source: `=${level1ListName(long)}`, prompt }],
    },
    {
      name: "a named list the workbook already holds is not written again",
      validations: [{ kind: "list", range: box(1, 0), items: long }],
      existing: [level1ListName(long).toLowerCase()],
      namedLists: [],
      writes: [{ kind: "list", area: box(1, 0), source: `=${level1ListName(long)}` }],
    },
    {
      name: "without named lists, a long list is cut to what fits inline",
      validations: [{ kind: "list", range: box(1, 0), items: long }],
      namesPossible: false,
      namedLists: [],
      writes: [{ kind: "list", area: box(1, 0), source: long.join(",").slice(0, 255) }],
    },
    {
      name: "a dependent list: one rule per run of rows under one merged parent, through INDIRECT",
      validations: [dependent],
      merges: [box(1, 1, 2, 1)],
      origin: { row: 10, col: 0 },
      namedLists: ["二级_legacy_产出指标", "二级_legacy_效益指标", "二级_legacy_全部"],
      writes: [
        {
          kind: "list",
          area: box(11, 2, 12, 2),
          source: '=IF(ISREF(INDIRECT("二级_legacy_"&$B$12)),INDIRECT("二级_legacy_"&$B$12),二级_legacy_全部)',
          prompt,
        },
        {
          kind: "list",
          area: box(13, 2),
          source: '=IF(ISREF(INDIRECT("二级_legacy_"&$B$14)),INDIRECT("二级_legacy_"&$B$14),二级_legacy_全部)',
          prompt,
        },
      ],
    },
    {
      name: "a dependent list without named lists offers the whole list",
      validations: [dependent],
      namesPossible: false,
      namedLists: [],
      writes: [{ kind: "list", area: box(1, 2, 3, 2), source: "数量指标,质量指标,社会效益指标", prompt }],
    },
  ];
  it.each(rows)("$name", (row) => {
    const patch = patchOf({ rowCount: 4, validations: row.validations, merges: row.merges ?? [] });
    const plan = planValidations(
      patch,
      row.origin ?? { row: 0, col: 0 },
      new Set(row.existing ?? []),
      row.namesPossible ?? true,
    );
    expect(plan.namedLists.map((l) => l.name)).toEqual(row.namedLists);
    expect(plan.writes).toEqual(row.writes);
  });
});

describe("listColumns", () => {
  it("lays the lists out column by column, name above items, from the first free column", () => {
    expect(
      listColumns(
        [
          { name: "一级_a", items: ["1", "否"] },
          { name: "二级_b", items: ["x"] },
        ],
        2,
      ),
    ).toEqual([
      { name: "一级_a", range: "C1:C3", values: [["一级_a"], ["'1"], ["否"]], itemsRange: "C2:C3" },
      { name: "二级_b", range: "D1:D2", values: [["二级_b"], ["x"]], itemsRange: "D2:D2" },
    ]);
  });
});

describe("planTemplate", () => {
  const title = { bold: true, fill: "#DDEBF7", border: true };
  const percent = { numberFormat: "0%" };
  const patch = patchOf({
    rowCount: 2,
    colCount: 4,
    cells: [
      { row: 0, col: 0, value: "项目", style: "title" },
      { row: 0, col: 1, value: "2024", style: "title" },
      { row: 0, col: 3, value: "", style: "percent" },
      { row: 1, col: 1, value: 0.5, style: "percent" },
      { row: 1, col: 2, value: "=A1", style: "percent" },
    ],
    styles: { title, percent },
    merges: [box(0, 0, 0, 1)],
    columnWidths: [12, null, 8.5],
    rowHeights: [null, 30],
  });

  const origin = { row: 2, col: 1 };
  it("gives values, widths, heights and merges in sheet coordinates at the origin", () => {
    expect(planTemplate(patch, origin)).toEqual({
      area: box(2, 1, 3, 4),
      values: [
        { row: 2, col: 1, items: ["项目", "'2024"] },
        { row: 3, col: 2, items: [0.5, "'=A1"] },
      ],
      columnWidths: [
        { col: 1, characters: 12 },
        { col: 3, characters: 8.5 },
      ],
      rowHeights: [{ row: 3, points: 30 }],
      merges: [box(2, 1, 2, 2)],
    });
  });

  it("gives the styles over the area, for a host that sets them at once", () => {
    expect(styleGrid(patch)).toEqual([
      [title, title, null, percent],
      [null, percent, percent, null],
    ]);
    expect(numberFormatRuns(patch, origin)).toEqual([
      { row: 2, col: 4, items: ["0%"] },
      { row: 3, col: 2, items: ["0%", "0%"] },
    ]);
  });

  it("groups the cells styled alike, for a host that writes address lists", () => {
    expect(styleGroups(patch, origin)).toEqual({
      styles: [
        { style: title, cells: ["B3", "C3"] },
        { style: percent, cells: ["E3", "C4", "D4"] },
      ],
      formats: [{ format: "0%", cells: ["E3", "C4", "D4"] }],
    });
  });

  it("refuses a patch naming a style it does not hold", () => {
    const broken = patchOf({ cells: [{ row: 0, col: 0, value: "x", style: "missing" }] });
    expect(() => styleGrid(broken)).toThrow(/unknown style "missing"/);
    expect(() => numberFormatRuns(broken, { row: 0, col: 0 })).toThrow(/unknown style "missing"/);
    expect(() => styleGroups(broken, { row: 0, col: 0 })).toThrow(/unknown style "missing"/);
  });

  it("knows the area from the patch's size", () => {
    expect(templateArea(patchOf({ rowCount: 19, colCount: 7 }), { row: 2, col: 2 })).toEqual(box(2, 2, 20, 8));
  });
});

describe("firstFilledCell", () => {
  const area = box(2, 2, 3, 3);
  it.each<[string, unknown[][], [number, number] | null, string | null]>([
    [
      "an empty area",
      [
        ["", ""],
        [null, undefined],
      ],
      null,
      null,
    ],
    [
      "a value",
      [
        ["", ""],
        ["", 0],
      ],
      null,
      "D4",
    ],
    [
      "a formula showing nothing",
      [
        ["", ""],
        ["", ""],
      ],
      [1, 0],
      "C4",
    ],
    [
      "the first of several, row by row",
      [
        ["", "x"],
        ["y", ""],
      ],
      null,
      "D3",
    ],
    ["a cell the values leave out", [[""]], null, null],
  ])("%s", (_name, values, formulaAt, expected) => {
    const hasFormula = (r: number, c: number) => formulaAt !== null && r === formulaAt[0] && c === formulaAt[1];
    expect(firstFilledCell(area, values, hasFormula)).toBe(expected);
  });
});
