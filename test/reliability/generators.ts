/**
 * fast-check generators of sheet snapshots: random sheets built from the domain's vocabulary,
 * and random mutations of the example tables.
 */
import fc from "fast-check";
import type { CellRange } from "../../src/core/address";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";
import { cleanSheet } from "../support/clean-table";
import { huailai, julu } from "../support/seeds";

/** Words the locator, parser and rules react to: labels, level names, values, template text. */
const DOMAIN_WORDS = [
  "绩效目标表",
  "1.专项运转保障经费绩效目标表",
  "部门整体绩效目标表",
  "131001 中国人民政治协商会议巨鹿县委员会办公室本级",
  "单位：万元",
  "单位:元",
  "金额单位：万元",
  "项目编码",
  "项目代码",
  "项目名称",
  "项目支出名称",
  "部门名称",
  "预算规模及资金用途",
  "预算数",
  "年度预算数",
  "资金总额",
  "其中：财政资金",
  "财政资金",
  "其中:财政拨款",
  "其他资金",
  "资金用途",
  "资金支出计划（%）",
  "资金支出计划",
  "3月底",
  "6月底",
  "10月底",
  "12月底",
  "绩效目标",
  "年度目标",
  "一级指标",
  "二级指标",
  "三级指标",
  "指标名称",
  "绩效指标描述",
  "指标解释",
  "指标值",
  "目标值",
  "指标值确定依据",
  "指标方向",
  "符号",
  "计量单位",
  "指标值类型",
  "分值",
  "备注",
  "产出指标",
  "效益指标",
  "满意度指标",
  "成本指标",
  "一、产出指标",
  "数量指标",
  "质量指标",
  "时效指标",
  "经济成本指标",
  "社会成本指标",
  "生态环境成本指标",
  "经济效益指标",
  "社会效益指标",
  "生态效益指标",
  "可持续影响指标",
  "服务对象满意度指标",
  "社会公众或服务对象满意度指标",
  "数量",
  "满意度",
  "会议满意度",
  "经费支付及时率",
  "完成时限",
  "经费成本",
  "≥2次",
  "≥95%",
  "≤50万元",
  "＞＝９５％",
  ">=90%",
  "不低于90%",
  "控制在50万元以内",
  "183.6万元",
  "250万",
  "12月底",
  "12 月底",
  "6月30日前",
  "2023年12月31日",
  "2023.07-2024.01",
  "第三季度",
  "年内",
  "44561",
  "优秀 良好 一般",
  "合格、不合格",
  "有效提高委员参政议政",
  "进一步提升",
  "合格",
  "无安全事故",
  "目标内容1",
  "指标1",
  "≥XX次",
  "(≥**%)",
  "请填写",
  "待定",
  "……",
  "年初工作计划",
  "13052923P00584011444Y",
  "13073022P007993100016",
  "1305292",
  "#REF!",
  "#N/A",
  "#DIV/0!",
  "=SUM(A1:A3)",
  "其中",
  "（万元）",
  "：",
];

const CJK = fc.integer({ min: 0x4e00, max: 0x9fff }).map((code) => String.fromCharCode(code));
const FULL_WIDTH = fc.integer({ min: 0xff01, max: 0xff5e }).map((code) => String.fromCharCode(code));
const SPACES = fc.constantFrom(" ", "\u3000", "\u00a0", "\n", "\r\n", "\t", "");
const SYMBOLS = fc.constantFrom(
  "≥",
  "≤",
  ">",
  "<",
  "=",
  "%",
  "％",
  "万元",
  "元",
  "次",
  "月底",
  ".",
  "-",
  "、",
  "；",
  "/",
);

/** A piece of text: a domain word, CJK characters, full-width or ASCII characters, spaces. */
const textPiece = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...DOMAIN_WORDS) },
  { weight: 2, arbitrary: fc.string({ unit: CJK, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: FULL_WIDTH, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: SPACES },
  { weight: 1, arbitrary: SYMBOLS },
  { weight: 1, arbitrary: fc.integer({ min: -1000, max: 100000 }).map(String) },
);

const cellText = fc.array(textPiece, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(""));

interface GeneratedCell {
  value: CellValue;
  text: string;
  format: string;
}

const EMPTY: GeneratedCell = { value: null, text: "", format: "General" };

const textCell = cellText.map((text): GeneratedCell => ({ value: text, text, format: "General" }));
const numberCell = fc
  .oneof(
    fc.integer({ min: -100, max: 100000 }),
    fc.double({ min: -1e6, max: 1e9, noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, 0.95, 1, 183.6, 36526, 44561, 73050, 1e21, -0),
  )
  .chain((value) =>
    fc.constantFrom("General", "0.00", "0%", "0.0%", "#,##0.00").map((format): GeneratedCell => {
      const text = format.includes("%") ? `${(value * 100).toFixed(format.includes(".0") ? 1 : 0)}%` : String(value);
      return { value, text, format };
    }),
  );
const dateCell = fc
  .integer({ min: 1, max: 2958465 })
  .chain((serial) =>
    fc
      .constantFrom("yyyy-mm-dd", "m/d/yy", 'yyyy"年"m"月"d"日"', "mm-dd")
      .map((format): GeneratedCell => ({ value: serial, text: `date:${serial}`, format })),
  );
const booleanCell = fc
  .boolean()
  .map((value): GeneratedCell => ({ value, text: value ? "TRUE" : "FALSE", format: "General" }));
const errorCell = fc
  .constantFrom("#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?")
  .map((text): GeneratedCell => ({ value: text, text, format: "General" }));

const anyCell: fc.Arbitrary<GeneratedCell> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(EMPTY) },
  { weight: 6, arbitrary: textCell },
  { weight: 2, arbitrary: numberCell },
  { weight: 1, arbitrary: dateCell },
  { weight: 1, arbitrary: booleanCell },
  { weight: 1, arbitrary: errorCell },
);

/** A grid header row in a random column order, so the locator finds tables in random sheets. */
const gridHeaderRow = (width: number): fc.Arbitrary<GeneratedCell[]> =>
  fc
    .shuffledSubarray(["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", "计量单位"], {
      minLength: 2,
    })
    .map((names) => {
      const ordered = ["一级指标", "二级指标", ...names.filter((n) => n !== "一级指标" && n !== "二级指标")];
      return Array.from({ length: width }, (_, c): GeneratedCell => {
        const text = ordered[c];
        return text === undefined ? EMPTY : { value: text, text, format: "General" };
      });
    });

const emptyRow = (width: number): GeneratedCell[] => Array.from({ length: width }, () => EMPTY);

const randomRow = (width: number): fc.Arbitrary<GeneratedCell[]> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.array(anyCell, { minLength: width, maxLength: width }) },
    { weight: 2, arbitrary: fc.constant(emptyRow(width)) },
    { weight: 1, arbitrary: gridHeaderRow(width) },
  );

/** Non-overlapping merged areas inside a rows × cols sheet (Excel forbids overlaps). */
export const mergesWithin = (
  rows: number,
  cols: number,
  existing: readonly CellRange[] = [],
): fc.Arbitrary<CellRange[]> =>
  fc
    .array(
      fc.record({
        top: fc.nat({ max: Math.max(0, rows - 1) }),
        left: fc.nat({ max: Math.max(0, cols - 1) }),
        height: fc.integer({ min: 1, max: 6 }),
        width: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 8 },
    )
    .map((candidates) => {
      const taken: CellRange[] = [...existing];
      const added: CellRange[] = [];
      for (const c of candidates) {
        const area = {
          top: c.top,
          left: c.left,
          bottom: Math.min(rows - 1, c.top + c.height - 1),
          right: Math.min(cols - 1, c.left + c.width - 1),
        };
        if (area.bottom === area.top && area.right === area.left) continue;
        if (taken.some((t) => overlaps(t, area))) continue;
        taken.push(area);
        added.push(area);
      }
      return added;
    });

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function snapshotOf(name: string, grid: GeneratedCell[][], merges: CellRange[]): SheetSnapshot {
  return {
    name,
    values: grid.map((row) => row.map((cell) => cell.value)),
    texts: grid.map((row) => row.map((cell) => cell.text)),
    numberFormats: grid.map((row) => row.map((cell) => cell.format)),
    merges,
  };
}

const sheetName = fc.oneof(
  fc.constantFrom("Sheet1", "2023年项目", "预算项目绩效目标", "项目 绩效", "2021", "表1"),
  fc.string({ unit: CJK, minLength: 1, maxLength: 10 }),
);

/** A random sheet of up to 40 rows and 10 columns, as a host would hand it over (normalised). */
const randomSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({ rows: fc.integer({ min: 0, max: 40 }), cols: fc.integer({ min: 1, max: 10 }) })
  .chain(({ rows, cols }) =>
    fc
      .record({
        name: sheetName,
        grid: fc.array(randomRow(cols), { minLength: rows, maxLength: rows }),
        merges: mergesWithin(rows, cols),
      })
      .map(({ name, grid, merges }) => normalizeSnapshot(snapshotOf(name, grid, merges))),
  );

/** A workbook of one to three random sheets with distinct names. */
export const randomWorkbook: fc.Arbitrary<SheetSnapshot[]> = fc
  .array(randomSheet, { minLength: 1, maxLength: 3 })
  .map((sheets) => sheets.map((sheet, i) => ({ ...sheet, name: `${sheet.name}${i === 0 ? "" : ` (${i + 1})`}` })));

// ---- Mutations of the example tables ----

/** The example tables the mutations start from. */
export const EXAMPLES: Record<string, () => SheetSnapshot> = {
  julu,
  huailai,
  clean: () => cleanSheet(),
};

type Mutation =
  | { kind: "delete"; row: number; col: number }
  | { kind: "swap"; a: [number, number]; b: [number, number] }
  | { kind: "merge"; top: number; left: number; height: number; width: number }
  | { kind: "unmerge"; index: number }
  | { kind: "fullWidth"; row: number; col: number }
  | { kind: "spaces"; row: number; col: number; space: string; at: number }
  | { kind: "huge"; row: number; col: number; length: number; repeat: string }
  | { kind: "replace"; row: number; col: number; cell: GeneratedCell }
  | { kind: "insertRow"; row: number }
  | { kind: "deleteRow"; row: number }
  | { kind: "numberToText"; row: number; col: number };

// Mostly inside the example tables (16 and 31 rows, 7 columns), sometimes beyond them.
const coordinate = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 32 }) },
  { weight: 1, arbitrary: fc.nat({ max: 45 }) },
);
const column = fc.oneof({ weight: 4, arbitrary: fc.nat({ max: 6 }) }, { weight: 1, arbitrary: fc.nat({ max: 10 }) });
/** Each kind of mutation equally likely, except huge text, which is slow to check and needs fewer runs. */
const often = <T>(arbitrary: fc.Arbitrary<T>) => ({ weight: 3, arbitrary });

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  often(fc.record({ kind: fc.constant("delete" as const), row: coordinate, col: column })),
  often(
    fc.record({
      kind: fc.constant("swap" as const),
      a: fc.tuple(coordinate, column),
      b: fc.tuple(coordinate, column),
    }),
  ),
  often(
    fc.record({
      kind: fc.constant("merge" as const),
      top: coordinate,
      left: column,
      height: fc.integer({ min: 1, max: 5 }),
      width: fc.integer({ min: 1, max: 4 }),
    }),
  ),
  often(fc.record({ kind: fc.constant("unmerge" as const), index: fc.nat({ max: 12 }) })),
  often(fc.record({ kind: fc.constant("fullWidth" as const), row: coordinate, col: column })),
  often(
    fc.record({
      kind: fc.constant("spaces" as const),
      row: coordinate,
      col: column,
      space: fc.constantFrom(" ", "  ", "\u3000", "\u00a0", "\n", "\t", " \n "),
      at: fc.nat({ max: 30 }),
    }),
  ),
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("huge" as const),
      row: coordinate,
      col: column,
      length: fc.constantFrom(1000, 5000, 32767),
      // "" repeats the cell's own text; the others once made a pattern scan quadratic.
      repeat: fc.constantFrom("", "（", "(", "1 ", "≥", "优秀 ", "（万元）"),
    }),
  },
  often(fc.record({ kind: fc.constant("replace" as const), row: coordinate, col: column, cell: anyCell })),
  often(fc.record({ kind: fc.constant("insertRow" as const), row: coordinate })),
  often(fc.record({ kind: fc.constant("deleteRow" as const), row: coordinate })),
  often(fc.record({ kind: fc.constant("numberToText" as const), row: coordinate, col: column })),
);

/** Half-width ASCII to full-width (what an IME in full-width mode types). */
function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)).replace(/ /g, "\u3000");
}

interface MutableSheet {
  name: string;
  cells: GeneratedCell[][];
  merges: CellRange[];
}

function toMutable(snapshot: SheetSnapshot): MutableSheet {
  return {
    name: snapshot.name,
    cells: snapshot.values.map((row, r) =>
      row.map((value, c) => ({ value, text: snapshot.texts[r][c], format: snapshot.numberFormats[r][c] })),
    ),
    merges: snapshot.merges.map((m) => ({ ...m })),
  };
}

function cellAt(sheet: MutableSheet, row: number, col: number): GeneratedCell {
  while (sheet.cells.length <= row) sheet.cells.push([]);
  const cells = sheet.cells[row];
  while (cells.length <= col) cells.push(EMPTY);
  return cells[col];
}

function put(sheet: MutableSheet, row: number, col: number, cell: GeneratedCell): void {
  cellAt(sheet, row, col);
  sheet.cells[row][col] = cell;
}

function textOf(value: string): GeneratedCell {
  return { value, text: value, format: "General" };
}

/** Moves merged areas as rows are inserted (delta 1) or deleted (delta -1) at a row. */
function shiftMerges(merges: CellRange[], at: number, delta: 1 | -1): CellRange[] {
  const out: CellRange[] = [];
  for (const m of merges) {
    if (delta === 1) {
      if (m.top >= at) out.push({ ...m, top: m.top + 1, bottom: m.bottom + 1 });
      else if (m.bottom >= at) out.push({ ...m, bottom: m.bottom + 1 });
      else out.push(m);
    } else {
      if (m.top > at) out.push({ ...m, top: m.top - 1, bottom: m.bottom - 1 });
      else if (m.bottom >= at) {
        const shrunk = { ...m, bottom: m.bottom - 1 };
        if (shrunk.bottom >= shrunk.top) out.push(shrunk);
      } else out.push(m);
    }
  }
  return out;
}

function applyMutation(sheet: MutableSheet, m: Mutation): void {
  switch (m.kind) {
    case "delete":
      put(sheet, m.row, m.col, EMPTY);
      break;
    case "swap": {
      const a = cellAt(sheet, m.a[0], m.a[1]);
      const b = cellAt(sheet, m.b[0], m.b[1]);
      put(sheet, m.a[0], m.a[1], b);
      put(sheet, m.b[0], m.b[1], a);
      break;
    }
    case "merge": {
      const area = { top: m.top, left: m.left, bottom: m.top + m.height - 1, right: m.left + m.width - 1 };
      if (area.bottom === area.top && area.right === area.left) break;
      // Merging in Excel over existing merged areas absorbs them; keep the areas overlap-free the same way.
      sheet.merges = sheet.merges.filter((existing) => !overlaps(existing, area));
      sheet.merges.push(area);
      cellAt(sheet, area.bottom, area.right);
      break;
    }
    case "unmerge":
      sheet.merges.splice(m.index % Math.max(1, sheet.merges.length), 1);
      break;
    case "fullWidth": {
      const cell = cellAt(sheet, m.row, m.col);
      if (cell.text !== "") put(sheet, m.row, m.col, textOf(toFullWidth(cell.text)));
      break;
    }
    case "spaces": {
      const cell = cellAt(sheet, m.row, m.col);
      const at = Math.min(m.at, cell.text.length);
      const text = cell.text.slice(0, at) + m.space + cell.text.slice(at);
      put(sheet, m.row, m.col, typeof cell.value === "number" ? { ...cell, text } : textOf(text));
      break;
    }
    case "huge": {
      const cell = cellAt(sheet, m.row, m.col);
      const seed = m.repeat !== "" ? m.repeat : cell.text === "" ? "提高" : cell.text;
      put(sheet, m.row, m.col, textOf(seed.repeat(Math.ceil(m.length / seed.length)).slice(0, m.length)));
      break;
    }
    case "replace":
      put(sheet, m.row, m.col, m.cell);
      break;
    case "insertRow":
      if (m.row <= sheet.cells.length) {
        sheet.cells.splice(m.row, 0, []);
        sheet.merges = shiftMerges(sheet.merges, m.row, 1);
      }
      break;
    case "deleteRow":
      if (m.row < sheet.cells.length) {
        sheet.cells.splice(m.row, 1);
        sheet.merges = shiftMerges(sheet.merges, m.row, -1);
      }
      break;
    case "numberToText": {
      const cell = cellAt(sheet, m.row, m.col);
      if (typeof cell.value === "number") put(sheet, m.row, m.col, textOf(cell.text));
      break;
    }
  }
}

/** Applies mutations to an example table; the result is normalised as a host would hand it over. */
function mutate(example: SheetSnapshot, mutations: readonly Mutation[]): SheetSnapshot {
  const sheet = toMutable(example);
  for (const m of mutations) applyMutation(sheet, m);
  const width = Math.max(0, ...sheet.cells.map((row) => row.length));
  const cells = sheet.cells.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? EMPTY));
  return normalizeSnapshot(snapshotOf(sheet.name, cells, sheet.merges));
}

export const mutatedExample: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    example: fc.constantFrom(...Object.keys(EXAMPLES)),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }),
  })
  .map(({ example, mutations }) => mutate(EXAMPLES[example](), mutations));
