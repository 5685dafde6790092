/**
 * The WPS fake's object model: synchronous, VBA-shaped, over a WpsWorkbookState. What each member
 * does follows the WPS JS API typings (npm et-jsapi-declare 2.5.0: members, argument order, enum
 * values) and, where the typings say nothing about behaviour, the documented VBA semantics of the same
 * object model (Excel's VBA reference, which WPS 表格 mirrors):
 *
 *   - Range.Value2: a scalar for one cell, a 2-D array (rows of columns) for several; empty is
 *     undefined; dates are serial numbers; an error reads as its COM error code (a number, not
 *     text: the case a host must not mistake for a value). Assigning converts text the way typing
 *     it would ("12" becomes a number, "'12" stays text, "=…" becomes a formula).
 *   - Range.NumberFormat, Interior.Color and the like read null over cells that differ.
 *   - Colours are BGR integers; No Fill is Pattern xlPatternNone (Color then reads white); the
 *     automatic font colour is ColorIndex xlAutomatic (Color reads 0).
 *   - Cells.Item(row, column) is one-based; Address() is absolute unless told otherwise; a
 *     comma-separated address may hold at most 255 characters.
 *   - MergeCells is true, false or null (some cells merged); MergeArea of one cell is its merged
 *     area or the cell itself.
 *   - AddComment on a cell that has a comment fails; Validation.Add where a validation exists fails.
 *   - SpecialCells fails when no cell qualifies.
 *   - On a sheet whose contents are protected, every write fails; with the workbook's structure
 *     protected, no sheet can be added, deleted, renamed, hidden or unhidden.
 *   - Range.Select works only on the active sheet; selecting fires SheetSelectionChange.
 *   - Deleting a sheet or merging over values asks the user first unless DisplayAlerts is false
 *     (the fake counts those prompts in `alertsShown`).
 */
import { columnIndex, columnName, parseA1, rangeToA1, toA1, type CellRange } from "../../../src/core/address";
import { formatCellText } from "../../../src/core/format";
import {
  XL_COLOR_INDEX_AUTOMATIC,
  XL_COLOR_INDEX_NONE,
  XL_PATTERN,
  type WpsCellState,
  type WpsSheetState,
  type WpsValidationState,
  type WpsWorkbookState,
} from "./state";

/** A failure as WPS reports it to JavaScript: an Error carrying the VBA error number. */
export class WpsFakeError extends Error {
  constructor(
    readonly number: number,
    message: string,
  ) {
    super(message);
    this.name = "WpsFakeError";
  }
}

const MAX_ADDRESS_CHARS = 255;
const WHITE = 0xffffff;

/** COM error codes of Excel's error values (CVErr(xlErrDiv0) and so on), as Value2 hands them over. */
const ERROR_CODES: Record<string, number> = {
  "#NULL!": 2000,
  "#DIV/0!": 2007,
  "#VALUE!": 2015,
  "#REF!": 2023,
  "#NAME?": 2029,
  "#NUM!": 2036,
  "#N/A": 2042,
  "#GETTING_DATA": 2043,
  "#SPILL!": 2045,
  "#CONNECT!": 2046,
  "#BLOCKED!": 2047,
  "#UNKNOWN!": 2048,
  "#FIELD!": 2049,
  "#CALC!": 2050,
  "#BUSY!": 2051,
  "#PYTHON!": 2052,
};

function errorScode(text: string): number | null {
  const code = ERROR_CODES[text];
  return code === undefined ? null : 0x800a0000 | code | 0;
}

function isError(value: unknown): value is string {
  return typeof value === "string" && value in ERROR_CODES;
}

function key(row: number, col: number): string {
  return toA1(row, col);
}

function parseArea(text: string): CellRange | null {
  const clean = text.replace(/\$/g, "").trim();
  const [a, b] = clean.split(":");
  const first = parseA1(a ?? "");
  const second = b === undefined ? first : parseA1(b);
  if (!first || !second) return null;
  return {
    top: Math.min(first.row, second.row),
    left: Math.min(first.col, second.col),
    bottom: Math.max(first.row, second.row),
    right: Math.max(first.col, second.col),
  };
}

function areaAddress(area: CellRange, rowAbsolute: boolean, colAbsolute: boolean): string {
  const cell = (r: number, c: number) => `${colAbsolute ? "$" : ""}${columnName(c)}${rowAbsolute ? "$" : ""}${r + 1}`;
  const start = cell(area.top, area.left);
  return area.top === area.bottom && area.left === area.right ? start : `${start}:${cell(area.bottom, area.right)}`;
}

function within(area: CellRange, row: number, col: number): boolean {
  return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
}

function overlap(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** What assigning a value does to a cell, as typing it would. */
function typedValue(input: unknown): { value: string | number | boolean | null; formula?: string; format?: string } {
  if (input === undefined || input === null || input === "") return { value: null };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  const text = String(input);
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { value: null, formula: text };
  if (/^\s*(true|false)\s*$/i.test(text)) return { value: /true/i.test(text) };
  const number = /^\s*([-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:e[-+]?\d+)?)\s*(%?)\s*$/i.exec(text);
  if (number && number[1] && /\d/.test(number[1])) {
    const n = Number(number[1].replace(/,/g, ""));
    if (Number.isFinite(n)) return number[2] ? { value: n / 100, format: "0%" } : { value: n };
  }
  const date = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/.exec(text);
  if (date) {
    const serial = Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86400000 + 25569;
    return { value: serial, format: "yyyy/m/d" };
  }
  return { value: text };
}

function hasContent(cell: WpsCellState): boolean {
  return Object.keys(cell).some((k) => (k === "value" ? cell.value !== null && cell.value !== undefined : true));
}

/** Everything the fake's objects share: the state, counters, settings and event handlers. */
export class WpsFakeRuntime {
  /** How many members the host touched (property reads and writes, method calls): the cost of crossing into WPS. */
  calls = 0;
  /** Confirmation prompts WPS would have shown the user (DisplayAlerts was true). */
  alertsShown = 0;
  displayAlerts = true;
  screenUpdating = true;
  enableEvents = true;
  readonly selectionHandlers = new Set<(sheet: unknown, range: unknown) => void>();
  /** Set to make a member fail: called with the member's name before it runs. */
  failOn: ((member: string) => void) | null = null;
  /** Prefix WPS adds to a comment's text (some builds put the author's name first); "" by default. */
  commentPrefix = "";
  /** What NumberFormat reports for General: "General", or "G/通用格式" as a Chinese WPS may. */
  generalFormat = "General";

  constructor(readonly state: WpsWorkbookState) {}

  /** Wraps an object so that every member the host touches is counted (and may be made to fail). */
  expose<T extends object>(target: T): T {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const runtime = this;
    return new Proxy(target, {
      get(obj, prop, receiver) {
        if (typeof prop === "string" && /^[A-Z]/.test(prop)) {
          runtime.calls++;
          runtime.failOn?.(prop);
        }
        return Reflect.get(obj, prop, receiver);
      },
      set(obj, prop, value, receiver) {
        if (typeof prop === "string" && /^[A-Z]/.test(prop)) {
          runtime.calls++;
          runtime.failOn?.(prop);
        }
        return Reflect.set(obj, prop, value, receiver);
      },
    });
  }

  sheetByName(name: string): WpsSheetState | undefined {
    const lower = name.toLowerCase();
    return this.state.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  assertAlive(sheet: WpsSheetState): void {
    if (!this.state.sheets.includes(sheet)) throw new WpsFakeError(424, "对象已被删除。(The worksheet was deleted.)");
  }

  assertWritable(sheet: WpsSheetState): void {
    this.assertAlive(sheet);
    if (sheet.protectContents) {
      throw new WpsFakeError(1004, "您试图更改的单元格或图表受保护，因而是只读的。(The cell is on a protected sheet.)");
    }
  }

  assertStructure(): void {
    if (this.state.protectStructure)
      throw new WpsFakeError(1004, "工作簿结构受保护。(The workbook's structure is protected.)");
  }

  fireSelection(sheet: WpsSheetState, areas: CellRange[]): void {
    if (!this.enableEvents) return;
    for (const handler of [...this.selectionHandlers]) {
      handler(this.expose(new FakeWorksheet(this, sheet)), this.expose(new FakeRange(this, sheet, areas)));
    }
  }

  activate(sheet: WpsSheetState): void {
    this.assertAlive(sheet);
    if (sheet.visible !== -1)
      throw new WpsFakeError(1004, "不能激活隐藏的工作表。(A hidden sheet cannot be activated.)");
    this.state.activeSheet = sheet.name;
  }
}

class FakeInterior {
  constructor(private readonly range: FakeRange) {}

  private read<T>(pick: (cell: WpsCellState) => T): T | null {
    return this.range.uniform(pick);
  }

  private write(apply: (cell: WpsCellState) => void): void {
    this.range.writeEach(apply);
  }

  get Pattern(): number | null {
    return this.read((c) => c.interior?.pattern ?? XL_PATTERN.none);
  }
  set Pattern(value: number) {
    this.write((c) => {
      if (value === XL_PATTERN.none) delete c.interior;
      else if (c.interior) c.interior.pattern = value;
      else c.interior = { pattern: value, color: WHITE };
    });
  }

  get Color(): number | null {
    return this.read((c) => c.interior?.color ?? WHITE);
  }
  set Color(value: number) {
    this.write((c) => {
      if (c.interior) c.interior.color = value;
      else c.interior = { pattern: XL_PATTERN.solid, color: value };
    });
  }

  get ColorIndex(): number | null {
    return this.read((c) => (c.interior ? 0 : XL_COLOR_INDEX_NONE));
  }
  set ColorIndex(value: number) {
    if (value !== XL_COLOR_INDEX_NONE) throw new Error("fake: only ColorIndex = xlColorIndexNone is modelled");
    this.write((c) => delete c.interior);
  }

  get PatternColor(): number | null {
    return this.read((c) => c.interior?.patternColor ?? 0);
  }
  set PatternColor(value: number) {
    this.write((c) => {
      if (c.interior) c.interior.patternColor = value;
    });
  }

  get PatternColorIndex(): number | null {
    return this.read((c) => (c.interior?.patternColor === undefined ? XL_COLOR_INDEX_AUTOMATIC : 0));
  }
  set PatternColorIndex(value: number) {
    if (value !== XL_COLOR_INDEX_AUTOMATIC) throw new Error("fake: only PatternColorIndex = xlAutomatic is modelled");
    this.write((c) => {
      if (c.interior) delete c.interior.patternColor;
    });
  }

  get TintAndShade(): number | null {
    return this.read((c) => c.interior?.tint ?? 0);
  }
  set TintAndShade(value: number) {
    this.write((c) => {
      if (!c.interior) return;
      if (value === 0) delete c.interior.tint;
      else c.interior.tint = value;
    });
  }

  get PatternTintAndShade(): number | null {
    return this.read((c) => c.interior?.patternTint ?? 0);
  }
  set PatternTintAndShade(value: number) {
    this.write((c) => {
      if (!c.interior) return;
      if (value === 0) delete c.interior.patternTint;
      else c.interior.patternTint = value;
    });
  }
}

class FakeFont {
  constructor(private readonly range: FakeRange) {}

  get Color(): number | null {
    return this.range.uniform((c) => c.font?.color ?? 0);
  }
  set Color(value: number) {
    this.range.writeEach((c) => {
      c.font = { ...c.font, color: value };
    });
  }

  get ColorIndex(): number | null {
    return this.range.uniform((c) => (c.font?.color === undefined ? XL_COLOR_INDEX_AUTOMATIC : 0));
  }
  set ColorIndex(value: number) {
    if (value !== XL_COLOR_INDEX_AUTOMATIC) throw new Error("fake: only ColorIndex = xlAutomatic is modelled");
    this.range.writeEach((c) => {
      if (!c.font) return;
      delete c.font.color;
      if (Object.keys(c.font).length === 0) delete c.font;
    });
  }

  get Bold(): boolean | null {
    return this.range.uniform((c) => c.font?.bold ?? false);
  }
  set Bold(value: boolean) {
    this.range.writeEach((c) => (c.font = { ...c.font, bold: value }));
  }

  get Size(): number | null {
    return this.range.uniform((c) => c.font?.size ?? 11);
  }
  set Size(value: number) {
    this.range.writeEach((c) => (c.font = { ...c.font, size: value }));
  }

  get Name(): string | null {
    return this.range.uniform((c) => c.font?.name ?? "宋体");
  }
  set Name(value: string) {
    this.range.writeEach((c) => (c.font = { ...c.font, name: value }));
  }
}

class FakeBorder {
  constructor(
    private readonly range: FakeRange,
    private readonly index: number,
  ) {}

  get LineStyle(): number | null {
    return this.range.uniform((c) => c.borders?.[this.index]?.lineStyle ?? XL_COLOR_INDEX_NONE);
  }
  set LineStyle(value: number) {
    this.range.writeEach((c) => {
      c.borders = { ...c.borders, [this.index]: { ...c.borders?.[this.index], lineStyle: value } };
    });
  }

  get Weight(): number | null {
    return this.range.uniform((c) => c.borders?.[this.index]?.weight ?? 2);
  }
  set Weight(value: number) {
    this.range.writeEach((c) => {
      const border = c.borders?.[this.index] ?? { lineStyle: 1 };
      c.borders = { ...c.borders, [this.index]: { ...border, weight: value } };
    });
  }

  get Color(): number | null {
    return this.range.uniform((c) => c.borders?.[this.index]?.color ?? 0);
  }
  set Color(value: number) {
    this.range.writeEach((c) => {
      const border = c.borders?.[this.index] ?? { lineStyle: 1 };
      c.borders = { ...c.borders, [this.index]: { ...border, color: value } };
    });
  }
}

class FakeComment {
  constructor(
    private readonly runtime: WpsFakeRuntime,
    private readonly sheet: WpsSheetState,
    private readonly address: string,
  ) {}

  private cell(): WpsCellState {
    const cell = this.sheet.cells[this.address];
    if (!cell?.comment) throw new WpsFakeError(424, "批注已被删除。(The comment was deleted.)");
    return cell;
  }

  get Author(): string {
    return this.cell().comment!.author ?? "";
  }

  /** Text() reads; Text(text) replaces the text (Start and Overwrite are not modelled). */
  Text(text?: string): string {
    const cell = this.cell();
    if (text !== undefined) {
      this.runtime.assertWritable(this.sheet);
      cell.comment = { ...cell.comment!, text };
    }
    return cell.comment!.text;
  }

  Delete(): void {
    this.runtime.assertWritable(this.sheet);
    const cell = this.cell();
    delete cell.comment;
    if (!hasContent(cell)) delete this.sheet.cells[this.address];
  }
}

class FakeValidation {
  constructor(
    private readonly runtime: WpsFakeRuntime,
    private readonly range: FakeRange,
  ) {}

  private rules(): WpsValidationState[] {
    const sheet = this.range.sheet;
    return (sheet.validations ?? []).filter((v) => this.range.areas.some((a) => overlap(parseArea(v.range)!, a)));
  }

  private single(): WpsValidationState {
    const rules = this.rules();
    if (rules.length !== 1) throw new WpsFakeError(1004, "应用程序定义或对象定义错误。(No single validation here.)");
    return rules[0]!;
  }

  Add(type: number, alertStyle = 1, operator = 1, formula1?: string, formula2?: string): void {
    this.runtime.assertWritable(this.range.sheet);
    if (this.rules().length > 0) {
      throw new WpsFakeError(1004, "应用程序定义或对象定义错误。(A validation exists here: Delete it first.)");
    }
    if (type === 3) {
      const source = String(formula1 ?? "");
      if (source === "") throw new WpsFakeError(1004, "列表来源不能为空。(The list source is empty.)");
      if (!source.startsWith("=") && source.length > 255) {
        throw new WpsFakeError(1004, "列表来源超过 255 个字符。(An inline list may hold 255 characters.)");
      }
    }
    if (type === 2 && (formula1 === undefined || formula1 === "")) {
      throw new WpsFakeError(1004, "缺少公式。(A decimal rule needs Formula1.)");
    }
    const rule: WpsValidationState = {
      range: this.range.areas.map((a) => rangeToA1(a)).join(","),
      type,
      alertStyle,
      operator,
      formula1: formula1 === undefined ? "" : String(formula1),
      formula2: formula2 === undefined ? "" : String(formula2),
      inCellDropdown: true,
      ignoreBlank: true,
      showInput: true,
      inputTitle: "",
      inputMessage: "",
      showError: true,
      errorTitle: "",
      errorMessage: "",
    };
    (this.range.sheet.validations ??= []).push(rule);
  }

  Delete(): void {
    this.runtime.assertWritable(this.range.sheet);
    const doomed = new Set(this.rules());
    for (const rule of doomed) {
      const area = parseArea(rule.range)!;
      if (!this.range.areas.some((a) => within(a, area.top, area.left) && within(a, area.bottom, area.right))) {
        throw new Error("fake: deleting part of a validation is not modelled");
      }
    }
    this.range.sheet.validations = (this.range.sheet.validations ?? []).filter((v) => !doomed.has(v));
  }

  get Type(): number {
    return this.single().type;
  }
  get Formula1(): string {
    return this.single().formula1;
  }
  get Formula2(): string {
    return this.single().formula2;
  }
  get Operator(): number {
    return this.single().operator;
  }

  private set(field: keyof WpsValidationState, value: string | boolean, limit?: number): void {
    this.runtime.assertWritable(this.range.sheet);
    if (limit !== undefined && String(value).length > limit) {
      throw new WpsFakeError(1004, `文本过长（最多 ${limit} 个字符）。(Text longer than ${limit} characters.)`);
    }
    (this.single() as unknown as Record<string, unknown>)[field] = value;
  }

  get InputTitle(): string {
    return this.single().inputTitle;
  }
  set InputTitle(value: string) {
    this.set("inputTitle", value, 32);
  }
  get InputMessage(): string {
    return this.single().inputMessage;
  }
  set InputMessage(value: string) {
    this.set("inputMessage", value, 255);
  }
  get ShowInput(): boolean {
    return this.single().showInput;
  }
  set ShowInput(value: boolean) {
    this.set("showInput", value);
  }
  get ErrorTitle(): string {
    return this.single().errorTitle;
  }
  set ErrorTitle(value: string) {
    this.set("errorTitle", value, 32);
  }
  get ErrorMessage(): string {
    return this.single().errorMessage;
  }
  set ErrorMessage(value: string) {
    this.set("errorMessage", value, 255);
  }
  get ShowError(): boolean {
    return this.single().showError;
  }
  set ShowError(value: boolean) {
    this.set("showError", value);
  }
  get InCellDropdown(): boolean {
    return this.single().inCellDropdown;
  }
  set InCellDropdown(value: boolean) {
    this.set("inCellDropdown", value);
  }
  get IgnoreBlank(): boolean {
    return this.single().ignoreBlank;
  }
  set IgnoreBlank(value: boolean) {
    this.set("ignoreBlank", value);
  }
}

export class FakeRange {
  constructor(
    readonly runtime: WpsFakeRuntime,
    readonly sheet: WpsSheetState,
    readonly areas: CellRange[],
  ) {
    if (areas.length === 0) throw new Error("fake: a range of no area");
  }

  private get first(): CellRange {
    return this.areas[0]!;
  }

  /** Every cell of every area, row by row. */
  cellsOf(): { row: number; col: number }[] {
    const out: { row: number; col: number }[] = [];
    for (const a of this.areas)
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push({ row: r, col: c });
    return out;
  }

  uniform<T>(pick: (cell: WpsCellState) => T): T | null {
    this.runtime.assertAlive(this.sheet);
    let result: T | undefined;
    let firstSeen = true;
    for (const { row, col } of this.cellsOf()) {
      const value = pick(this.sheet.cells[key(row, col)] ?? {});
      if (firstSeen) {
        result = value;
        firstSeen = false;
      } else if (JSON.stringify(value) !== JSON.stringify(result)) return null;
    }
    return result as T;
  }

  writeEach(apply: (cell: WpsCellState) => void): void {
    this.runtime.assertWritable(this.sheet);
    for (const { row, col } of this.cellsOf()) {
      const k = key(row, col);
      const cell = this.sheet.cells[k] ?? {};
      apply(cell);
      if (hasContent(cell)) this.sheet.cells[k] = cell;
      else delete this.sheet.cells[k];
    }
  }

  // ---- position and shape ----

  Address(RowAbsolute = true, ColumnAbsolute = true, _ReferenceStyle?: number, External = false): string {
    this.runtime.assertAlive(this.sheet);
    const text = this.areas.map((a) => areaAddress(a, RowAbsolute, ColumnAbsolute)).join(",");
    return External ? `[工作簿1]${this.sheet.name}!${text}` : text;
  }

  get Row(): number {
    return this.first.top + 1;
  }
  get Column(): number {
    return this.first.left + 1;
  }
  get Count(): number {
    return this.cellsOf().length;
  }
  get Rows(): { Count: number } {
    return this.runtime.expose({ Count: this.first.bottom - this.first.top + 1 });
  }
  get Columns(): { Count: number } {
    return this.runtime.expose({ Count: this.first.right - this.first.left + 1 });
  }
  get Areas(): { Count: number; Item(index: number): FakeRange } {
    const areas = this.areas;
    return this.runtime.expose({
      Count: areas.length,
      Item: (index: number) => {
        const area = areas[index - 1];
        if (!area) throw new WpsFakeError(9, "下标越界。(Subscript out of range.)");
        return this.runtime.expose(new FakeRange(this.runtime, this.sheet, [area]));
      },
    });
  }
  get Cells(): FakeRange {
    return this.runtime.expose(new FakeRange(this.runtime, this.sheet, this.areas));
  }
  /** One-based, relative to the first area's top-left cell. */
  Item(RowIndex: number, ColumnIndex = 1): FakeRange {
    const row = this.first.top + RowIndex - 1;
    const col = this.first.left + ColumnIndex - 1;
    if (row < 0 || col < 0) throw new WpsFakeError(1004, "应用程序定义或对象定义错误。");
    return this.runtime.expose(
      new FakeRange(this.runtime, this.sheet, [{ top: row, left: col, bottom: row, right: col }]),
    );
  }
  Resize(RowSize?: number, ColumnSize?: number): FakeRange {
    const rows = RowSize ?? this.first.bottom - this.first.top + 1;
    const cols = ColumnSize ?? this.first.right - this.first.left + 1;
    const { top, left } = this.first;
    return this.runtime.expose(
      new FakeRange(this.runtime, this.sheet, [{ top, left, bottom: top + rows - 1, right: left + cols - 1 }]),
    );
  }
  get Worksheet(): FakeWorksheet {
    return this.runtime.expose(new FakeWorksheet(this.runtime, this.sheet));
  }

  // ---- values ----

  get Value2(): unknown {
    this.runtime.assertAlive(this.sheet);
    const a = this.first;
    const valueAt = (r: number, c: number) => {
      const v = this.sheet.cells[key(r, c)]?.value;
      if (v === null || v === undefined) return undefined;
      return isError(v) ? errorScode(v) : v;
    };
    if (a.top === a.bottom && a.left === a.right) return valueAt(a.top, a.left);
    const rows: unknown[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: unknown[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(valueAt(r, c));
      rows.push(row);
    }
    return rows;
  }
  set Value2(input: unknown) {
    this.runtime.assertWritable(this.sheet);
    const a = this.first;
    const rows = a.bottom - a.top + 1;
    const cols = a.right - a.left + 1;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let item: unknown;
        if (Array.isArray(input)) {
          const row = Array.isArray(input[0]) ? (input as unknown[][])[r] : r === 0 ? input : undefined;
          // Excel fills the cells an array does not reach with #N/A.
          item = row === undefined || c >= row.length ? "#N/A" : row[c];
        } else item = input;
        this.setCell(a.top + r, a.left + c, item);
      }
    }
  }

  private setCell(row: number, col: number, input: unknown): void {
    const k = key(row, col);
    const cell = this.sheet.cells[k] ?? {};
    const typed = input === "#N/A" ? { value: "#N/A" } : typedValue(input);
    cell.value = typed.value;
    if (typed.formula) cell.formula = typed.formula;
    else delete cell.formula;
    if ("format" in typed && typed.format && (cell.numberFormat ?? "General") === "General")
      cell.numberFormat = typed.format;
    if (cell.value === null) delete cell.value;
    if (hasContent(cell)) this.sheet.cells[k] = cell;
    else delete this.sheet.cells[k];
  }

  get Formula(): string | null {
    return this.uniform((c) => c.formula ?? (c.value === null || c.value === undefined ? "" : String(c.value)));
  }
  set Formula(text: string) {
    this.runtime.assertWritable(this.sheet);
    for (const { row, col } of this.cellsOf()) this.setCell(row, col, text);
  }

  get HasFormula(): boolean | null {
    return this.uniform((c) => c.formula !== undefined);
  }

  /** The displayed text of the first cell. */
  get Text(): string {
    this.runtime.assertAlive(this.sheet);
    const cell = this.sheet.cells[key(this.first.top, this.first.left)];
    const value = cell?.value ?? null;
    if (isError(value)) return value;
    return formatCellText(value, cell?.numberFormat ?? "General");
  }

  get NumberFormat(): string | null {
    return this.uniform((c) => c.numberFormat ?? this.runtime.generalFormat);
  }
  set NumberFormat(format: string) {
    this.writeEach((c) => {
      if (format === "General" || format === "G/通用格式") delete c.numberFormat;
      else c.numberFormat = format;
    });
  }

  // ---- formatting ----

  get Interior(): FakeInterior {
    return this.runtime.expose(new FakeInterior(this));
  }
  get Font(): FakeFont {
    return this.runtime.expose(new FakeFont(this));
  }
  get Borders(): { Item(index: number): FakeBorder } {
    return this.runtime.expose({ Item: (index: number) => this.runtime.expose(new FakeBorder(this, index)) });
  }
  get HorizontalAlignment(): number | null {
    return this.uniform((c) => c.horizontalAlignment ?? 1);
  }
  set HorizontalAlignment(value: number) {
    this.writeEach((c) => (c.horizontalAlignment = value));
  }
  get VerticalAlignment(): number | null {
    return this.uniform((c) => c.verticalAlignment ?? -4107);
  }
  set VerticalAlignment(value: number) {
    this.writeEach((c) => (c.verticalAlignment = value));
  }
  get WrapText(): boolean | null {
    return this.uniform((c) => c.wrapText ?? false);
  }
  set WrapText(value: boolean) {
    this.writeEach((c) => {
      if (value) c.wrapText = true;
      else delete c.wrapText;
    });
  }
  get ColumnWidth(): number {
    return this.sheet.columnWidths?.[columnName(this.first.left)] ?? 8.38;
  }
  set ColumnWidth(width: number) {
    this.runtime.assertWritable(this.sheet);
    for (let c = this.first.left; c <= this.first.right; c++) (this.sheet.columnWidths ??= {})[columnName(c)] = width;
  }
  get RowHeight(): number {
    return this.sheet.rowHeights?.[String(this.first.top + 1)] ?? 13.5;
  }
  set RowHeight(height: number) {
    this.runtime.assertWritable(this.sheet);
    for (let r = this.first.top; r <= this.first.bottom; r++) (this.sheet.rowHeights ??= {})[String(r + 1)] = height;
  }

  // ---- merged cells ----

  private mergesOf(): CellRange[] {
    return this.sheet.merges.map((m) => parseArea(m)!);
  }

  get MergeCells(): boolean | null {
    this.runtime.assertAlive(this.sheet);
    return this.mergedFlag(this.mergesOf());
  }

  private mergedFlag(merges: CellRange[]): boolean | null {
    let any = false;
    let all = true;
    for (const { row, col } of this.cellsOf()) {
      const merged = merges.some((m) => within(m, row, col));
      any ||= merged;
      all &&= merged;
      if (any && !all) return null;
    }
    return all;
  }

  get MergeArea(): FakeRange {
    this.runtime.assertAlive(this.sheet);
    const { top, left } = this.first;
    const area = this.mergesOf().find((m) => within(m, top, left));
    const single =
      this.areas.length === 1 && this.first.top === this.first.bottom && this.first.left === this.first.right;
    if (area && (single || this.cellsOf().every(({ row, col }) => within(area, row, col)))) {
      return this.runtime.expose(new FakeRange(this.runtime, this.sheet, [area]));
    }
    return this.runtime.expose(new FakeRange(this.runtime, this.sheet, this.areas));
  }

  Merge(Across = false): void {
    this.runtime.assertWritable(this.sheet);
    if (Across) throw new Error("fake: Merge(true) is not modelled");
    for (const area of this.areas) {
      if (this.mergesOf().some((m) => overlap(m, area)))
        throw new Error("fake: merging over a merged area is not modelled");
      const others = [];
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          if (r === area.top && c === area.left) continue;
          const v = this.sheet.cells[key(r, c)]?.value;
          if (v !== null && v !== undefined) others.push(key(r, c));
        }
      }
      if (others.length > 0) {
        // "合并单元格时，仅保留左上角的值": WPS asks first.
        if (this.runtime.displayAlerts) this.runtime.alertsShown++;
        for (const k of others) delete this.sheet.cells[k]!.value;
      }
      this.sheet.merges.push(rangeToA1(area));
    }
  }

  UnMerge(): void {
    this.runtime.assertWritable(this.sheet);
    this.sheet.merges = this.sheet.merges.filter((m) => !this.areas.some((a) => overlap(parseArea(m)!, a)));
  }

  // ---- comments ----

  get Comment(): FakeComment | null {
    this.runtime.assertAlive(this.sheet);
    const k = key(this.first.top, this.first.left);
    return this.sheet.cells[k]?.comment ? this.runtime.expose(new FakeComment(this.runtime, this.sheet, k)) : null;
  }

  AddComment(Text?: string): FakeComment {
    this.runtime.assertWritable(this.sheet);
    const k = key(this.first.top, this.first.left);
    const cell = this.sheet.cells[k] ?? {};
    if (cell.comment) throw new WpsFakeError(1004, "应用程序定义或对象定义错误。(The cell already has a comment.)");
    cell.comment = { text: `${this.runtime.commentPrefix}${Text ?? ""}`, author: "WPS 用户" };
    this.sheet.cells[k] = cell;
    return this.runtime.expose(new FakeComment(this.runtime, this.sheet, k));
  }

  ClearComments(): void {
    this.writeEach((c) => delete c.comment);
  }

  // ---- validation ----

  get Validation(): FakeValidation {
    return this.runtime.expose(new FakeValidation(this.runtime, this));
  }

  // ---- finding cells ----

  /** xlCellTypeConstants (2) or xlCellTypeFormulas (-4123), with XlSpecialCellsValue flags (1 numbers, 2 text, 4 logical, 16 errors). */
  SpecialCells(Type: number, Value = 23): FakeRange {
    this.runtime.assertAlive(this.sheet);
    if (Type !== 2 && Type !== -4123) throw new Error(`fake: SpecialCells(${Type}) is not modelled`);
    const kind = (v: unknown) =>
      isError(v) ? 16 : typeof v === "number" ? 1 : typeof v === "boolean" ? 4 : typeof v === "string" ? 2 : 0;
    const runs: CellRange[] = [];
    for (const area of this.areas) {
      for (let r = area.top; r <= area.bottom; r++) {
        let run: CellRange | null = null;
        for (let c = area.left; c <= area.right + 1; c++) {
          const cell = c <= area.right ? this.sheet.cells[key(r, c)] : undefined;
          const isFormula = cell?.formula !== undefined;
          const v = cell?.value;
          const hit =
            cell !== undefined &&
            (Type === -4123 ? isFormula : !isFormula && v !== null && v !== undefined) &&
            (kind(v) & Value) !== 0;
          if (hit) {
            if (run) run.right = c;
            else run = { top: r, left: c, bottom: r, right: c };
          } else if (run) {
            runs.push(run);
            run = null;
          }
        }
      }
    }
    if (runs.length === 0) throw new WpsFakeError(1004, "未找到单元格。(No cells were found.)");
    // Like Excel, rows of the same span join into one rectangular area.
    const joined: CellRange[] = [];
    for (const run of runs) {
      const above = joined.find((a) => a.left === run.left && a.right === run.right && a.bottom === run.top - 1);
      if (above) above.bottom = run.bottom;
      else joined.push(run);
    }
    runs.splice(0, runs.length, ...joined);
    return this.runtime.expose(new FakeRange(this.runtime, this.sheet, runs));
  }

  // ---- selection ----

  Select(): boolean {
    this.runtime.assertAlive(this.sheet);
    if (this.runtime.state.activeSheet.toLowerCase() !== this.sheet.name.toLowerCase()) {
      throw new WpsFakeError(1004, "Range 类的 Select 方法无效。(Select works on the active sheet only.)");
    }
    this.sheet.selection = this.areas.map((a) => rangeToA1(a)).join(",");
    this.runtime.fireSelection(this.sheet, this.areas);
    return true;
  }

  Activate(): boolean {
    return this.Select();
  }

  // ---- clearing ----

  Clear(): boolean {
    this.writeEach((c) => {
      for (const k of Object.keys(c)) delete (c as Record<string, unknown>)[k];
    });
    this.UnMerge();
    return true;
  }

  ClearContents(): boolean {
    this.writeEach((c) => {
      delete c.value;
      delete c.formula;
    });
    return true;
  }

  ClearFormats(): boolean {
    this.writeEach((c) => {
      for (const k of Object.keys(c))
        if (k !== "value" && k !== "formula" && k !== "comment") delete (c as Record<string, unknown>)[k];
    });
    return true;
  }
}

/** Parses "B3", "B3:D7" or "B3:D7,F1" (at most 255 characters) into areas. */
export function parseAreas(address: string): CellRange[] {
  if (address.length > MAX_ADDRESS_CHARS) {
    throw new WpsFakeError(
      1004,
      "方法 'Range' 作用于对象 '_Worksheet' 时失败。(An address of more than 255 characters.)",
    );
  }
  const areas = address.split(",").map((part) => parseArea(part));
  if (areas.some((a) => a === null))
    throw new WpsFakeError(1004, `方法 'Range' 作用于对象 '_Worksheet' 时失败。("${address}")`);
  return areas as CellRange[];
}

export class FakeWorksheet {
  constructor(
    readonly runtime: WpsFakeRuntime,
    readonly sheet: WpsSheetState,
  ) {}

  get Name(): string {
    this.runtime.assertAlive(this.sheet);
    return this.sheet.name;
  }
  set Name(name: string) {
    this.runtime.assertAlive(this.sheet);
    this.runtime.assertStructure();
    if (name.length < 1 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new WpsFakeError(1004, `工作表名称无效：“${name}”。(Invalid sheet name.)`);
    }
    const other = this.runtime.sheetByName(name);
    if (other && other !== this.sheet) throw new WpsFakeError(1004, `已有名为“${name}”的工作表。(The name is taken.)`);
    if (this.runtime.state.activeSheet === this.sheet.name) this.runtime.state.activeSheet = name;
    this.sheet.name = name;
  }

  get Index(): number {
    return this.runtime.state.sheets.indexOf(this.sheet) + 1;
  }

  get Visible(): number {
    return this.sheet.visible;
  }
  set Visible(value: number) {
    this.runtime.assertAlive(this.sheet);
    this.runtime.assertStructure();
    const v = value === 2 ? 2 : value === 0 ? 0 : -1;
    if (v !== -1 && this.runtime.state.sheets.filter((s) => s.visible === -1 && s !== this.sheet).length === 0) {
      throw new WpsFakeError(1004, "工作簿中至少要有一张可见工作表。(At least one sheet must stay visible.)");
    }
    this.sheet.visible = v;
    if (v !== -1 && this.runtime.state.activeSheet === this.sheet.name) {
      this.runtime.state.activeSheet = this.runtime.state.sheets.find((s) => s.visible === -1)!.name;
    }
  }

  get ProtectContents(): boolean {
    return this.sheet.protectContents ?? false;
  }

  Activate(): void {
    this.runtime.activate(this.sheet);
  }

  Delete(): void {
    this.runtime.assertAlive(this.sheet);
    this.runtime.assertStructure();
    const sheets = this.runtime.state.sheets;
    if (sheets.filter((s) => s.visible === -1 && s !== this.sheet).length === 0) {
      throw new WpsFakeError(1004, "工作簿中至少要有一张可见工作表。(At least one sheet must stay visible.)");
    }
    // "要删除的工作表可能包含数据，是否永久删除？" unless alerts are off.
    if (this.runtime.displayAlerts) this.runtime.alertsShown++;
    sheets.splice(sheets.indexOf(this.sheet), 1);
    if (this.runtime.state.activeSheet === this.sheet.name) {
      this.runtime.state.activeSheet = sheets.find((s) => s.visible === -1)!.name;
    }
  }

  get Cells(): FakeRange {
    return this.runtime.expose(
      new FakeRange(this.runtime, this.sheet, [{ top: 0, left: 0, bottom: 1048575, right: 16383 }]),
    );
  }

  Range(Cell1: string | FakeRange, Cell2?: string | FakeRange): FakeRange {
    this.runtime.assertAlive(this.sheet);
    const areasOf = (cell: string | FakeRange) => (typeof cell === "string" ? parseAreas(cell) : cell.areas);
    let areas = areasOf(Cell1);
    if (Cell2 !== undefined) {
      const a = areas[0]!;
      const b = areasOf(Cell2)[0]!;
      areas = [
        {
          top: Math.min(a.top, b.top),
          left: Math.min(a.left, b.left),
          bottom: Math.max(a.bottom, b.bottom),
          right: Math.max(a.right, b.right),
        },
      ];
    }
    return this.runtime.expose(new FakeRange(this.runtime, this.sheet, areas));
  }

  /** From the first to the last row and column holding anything (a value or any formatting); $A$1 when blank. */
  get UsedRange(): FakeRange {
    this.runtime.assertAlive(this.sheet);
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (area: CellRange) => {
      top = Math.min(top, area.top);
      left = Math.min(left, area.left);
      bottom = Math.max(bottom, area.bottom);
      right = Math.max(right, area.right);
    };
    for (const [address, cell] of Object.entries(this.sheet.cells)) {
      if (!hasContent(cell)) continue;
      const ref = parseA1(address)!;
      take({ top: ref.row, left: ref.col, bottom: ref.row, right: ref.col });
    }
    for (const m of this.sheet.merges) take(parseArea(m)!);
    const area = bottom < 0 ? { top: 0, left: 0, bottom: 0, right: 0 } : { top, left, bottom, right };
    return this.runtime.expose(new FakeRange(this.runtime, this.sheet, [area]));
  }
}

export class FakeSheets {
  constructor(private readonly runtime: WpsFakeRuntime) {}

  get Count(): number {
    return this.runtime.state.sheets.length;
  }

  Item(Index: number | string): FakeWorksheet {
    const sheets = this.runtime.state.sheets;
    const sheet = typeof Index === "number" ? sheets[Index - 1] : this.runtime.sheetByName(Index);
    if (!sheet) throw new WpsFakeError(9, "下标越界。(Subscript out of range.)");
    return this.runtime.expose(new FakeWorksheet(this.runtime, sheet));
  }

  /** A new blank sheet ("SheetN"), before or after the one given (default: before the active sheet); it becomes active. */
  Add(Before?: FakeWorksheet, After?: FakeWorksheet): FakeWorksheet {
    this.runtime.assertStructure();
    const sheets = this.runtime.state.sheets;
    let n = sheets.length + 1;
    while (this.runtime.sheetByName(`Sheet${n}`)) n++;
    const sheet: WpsSheetState = { name: `Sheet${n}`, visible: -1, cells: {}, merges: [] };
    const active = this.runtime.sheetByName(this.runtime.state.activeSheet);
    const at = After
      ? sheets.indexOf(After.sheet) + 1
      : Before
        ? sheets.indexOf(Before.sheet)
        : active
          ? sheets.indexOf(active)
          : 0;
    sheets.splice(at, 0, sheet);
    this.runtime.state.activeSheet = sheet.name;
    return this.runtime.expose(new FakeWorksheet(this.runtime, sheet));
  }
}

class FakeName {
  constructor(
    private readonly runtime: WpsFakeRuntime,
    private readonly name: string,
  ) {}

  private entry() {
    const entry = this.runtime.state.names.find((n) => n.name.toLowerCase() === this.name.toLowerCase());
    if (!entry) throw new WpsFakeError(424, "名称已被删除。(The name was deleted.)");
    return entry;
  }

  get Name(): string {
    return this.entry().name;
  }
  get RefersTo(): string {
    return this.entry().refersTo;
  }
  Delete(): void {
    this.runtime.assertStructure();
    const entry = this.entry();
    this.runtime.state.names.splice(this.runtime.state.names.indexOf(entry), 1);
  }
}

export class FakeNames {
  constructor(private readonly runtime: WpsFakeRuntime) {}

  get Count(): number {
    return this.runtime.state.names.length;
  }

  Item(Index: number | string): FakeName {
    const names = this.runtime.state.names;
    const entry =
      typeof Index === "number" ? names[Index - 1] : names.find((n) => n.name.toLowerCase() === Index.toLowerCase());
    if (!entry) throw new WpsFakeError(1004, "应用程序定义或对象定义错误。(No such name.)");
    return this.runtime.expose(new FakeName(this.runtime, entry.name));
  }

  /** A name refers to a formula ("=下拉选项!$A$2:$A$5") or a range; an existing name is redefined. */
  Add(Name: string, RefersTo: string | FakeRange, Visible = true): FakeName {
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(Name) || /^[A-Za-z]{1,3}\d+$/.test(Name)) {
      throw new WpsFakeError(1004, `名称无效：“${Name}”。(Invalid name.)`);
    }
    const refersTo =
      typeof RefersTo === "string"
        ? RefersTo
        : `=${/^[\p{L}\p{N}_]+$/u.test(RefersTo.sheet.name) ? RefersTo.sheet.name : `'${RefersTo.sheet.name.replace(/'/g, "''")}'`}!${RefersTo.Address()}`;
    const names = this.runtime.state.names;
    const existing = names.find((n) => n.name.toLowerCase() === Name.toLowerCase());
    if (existing) existing.refersTo = refersTo;
    else names.push({ name: Name, refersTo, ...(Visible ? {} : { visible: false }) });
    return this.runtime.expose(new FakeName(this.runtime, Name));
  }
}

export class FakeWorkbook {
  constructor(private readonly runtime: WpsFakeRuntime) {}

  get Name(): string {
    return "工作簿1";
  }
  get Worksheets(): FakeSheets {
    return this.runtime.expose(new FakeSheets(this.runtime));
  }
  get Sheets(): FakeSheets {
    return this.Worksheets;
  }
  get ActiveSheet(): FakeWorksheet {
    const sheet = this.runtime.sheetByName(this.runtime.state.activeSheet);
    if (!sheet) throw new Error("fake: no active sheet");
    return this.runtime.expose(new FakeWorksheet(this.runtime, sheet));
  }
  get Names(): FakeNames {
    return this.runtime.expose(new FakeNames(this.runtime));
  }
  get ProtectStructure(): boolean {
    return this.runtime.state.protectStructure ?? false;
  }
}

/** A column letter and row, for tests: "C" + 5 → the zero-based column. */
export function columnOf(letter: string): number {
  return columnIndex(letter);
}
