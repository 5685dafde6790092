/**
 * The Excel object model subset the add-in uses, as proxies over the fake workbook state:
 * workbook, worksheets, ranges (values, text, number formats, cell properties, merges,
 * data validation), notes, named items, custom XML parts, protection and the
 * selection-changed event.
 */
import type { CellRange } from "../../../src/core/address";
import { EXCEL_ERRORS } from "../../../src/core/values";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  cellKey,
  contains,
  formatRange,
  intersects,
  parseSheetAddress,
  qualifiedAddress,
} from "./address";
import {
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  apiFormula,
  apiNumberFormat,
  apiText,
  apiValue,
  applyCellProperties,
  assertCanEditCells,
  assertCanEditObjects,
  assertCanFormat,
  cellEnsure,
  cellGet,
  clearArea,
  eachCell,
  columnLetters,
  mergeArea,
  mergesOf,
  readCellProperties,
  rangeKey,
  sheetById,
  sheetByKey,
  tidyCell,
  unmergeArea,
  usedRange,
  writeNumberFormat,
  writeValue,
} from "./model";
import {
  FakeClientObject,
  FakeCollection,
  FakeRequestContext,
  officeError,
  type FakeClientResult,
  type SelectionHandler,
} from "./runtime";
import type { FakeCell, FakeDataValidation as DataValidationEntry, FakeHyperlink, FakeSheet } from "./state";

interface SheetRef {
  sheetId: string;
}
interface RangeRef {
  sheetId: string;
  range: CellRange;
}
interface AreasRef {
  sheetId: string;
  areas: CellRange[];
}
interface NoteRef {
  sheetId: string;
  row: number;
  col: number;
}
interface NameRef {
  name: string;
}
interface PartRef {
  id: string;
}
type WorkbookRef = "workbook";

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;

function validateSheetName(state: { sheets: FakeSheet[] }, name: string, self?: FakeSheet): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    SHEET_NAME_FORBIDDEN.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    throw officeError("InvalidArgument", `"${name}" is not a valid worksheet name.`);
  }
  const clash = state.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
  if (clash) throw officeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
}

function sheetOf(ctx: FakeRequestContext, ref: SheetRef): FakeSheet {
  return sheetById(ctx.engine.state, ref.sheetId);
}

// ---------------------------------------------------------------------------------------------

export class FakeWorkbook extends FakeClientObject<WorkbookRef> {
  constructor(context: FakeRequestContext) {
    super(context, "workbook", () => "workbook");
    this.adopt("workbook");
  }

  get worksheets(): FakeWorksheetCollection {
    return this.nav("worksheets", () => new FakeWorksheetCollection(this.context));
  }

  get names(): FakeNamedItemCollection {
    return this.nav("names", () => new FakeNamedItemCollection(this.context));
  }

  get customXmlParts(): FakeCustomXmlPartCollection {
    return this.nav("customXmlParts", () => new FakeCustomXmlPartCollection(this.context));
  }

  get protection(): FakeWorkbookProtection {
    return this.nav("protection", () => new FakeWorkbookProtection(this.context));
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, "workbook.getSelectedRange()", () => {
      const state = this.state;
      const sheet = sheetByKey(state, state.activeSheet);
      if (!sheet) throw officeError("ItemNotFound", "No active worksheet.");
      const selection = sheet.selection ?? "A1";
      if (selection.includes(",")) throw officeError("InvalidSelection", "More than one range is selected.");
      const parsed = parseSheetAddress(selection);
      if (!parsed) throw officeError("InvalidSelection");
      return { sheetId: sheet.id, range: parsed.range };
    }).created({ op: "getSelectedRange" });
  }

  protected scalarNames(): string[] {
    return [];
  }
  protected readProperty(property: string): unknown {
    throw officeError("InvalidArgument", `workbook has no property "${property}".`);
  }
  protected override navigationNames(): string[] {
    return ["worksheets", "names", "customXmlParts", "protection"];
  }
  protected override navigation(name: string): FakeClientObject<unknown> {
    if (name === "worksheets") return this.worksheets as FakeClientObject<unknown>;
    if (name === "names") return this.names as FakeClientObject<unknown>;
    if (name === "customXmlParts") return this.customXmlParts as FakeClientObject<unknown>;
    if (name === "protection") return this.protection as FakeClientObject<unknown>;
    return super.navigation(name);
  }
}

class FakeWorkbookProtection extends FakeClientObject<WorkbookRef> {
  constructor(context: FakeRequestContext) {
    super(context, "workbook.protection", () => "workbook");
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  protected scalarNames(): string[] {
    return ["protected"];
  }
  protected readProperty(property: string): unknown {
    if (property === "protected") return !!this.state.structureProtected;
    throw officeError("InvalidArgument", `workbook.protection has no property "${property}".`);
  }
}

// ---------------------------------------------------------------------------------------------

class FakeEventHandlerResult {
  constructor(
    readonly context: FakeRequestContext,
    private readonly handler: SelectionHandler,
  ) {}
  remove(): void {
    this.context.enqueue({
      request: { op: "removeHandler", event: "worksheets.onSelectionChanged" },
      run: () => {
        this.context.engine.selectionHandlers.delete(this.handler);
        return undefined;
      },
    });
  }
}

class FakeSelectionChangedEvent {
  constructor(private readonly context: FakeRequestContext) {}
  add(handler: SelectionHandler): FakeEventHandlerResult {
    this.context.enqueue({
      request: { op: "addHandler", event: "worksheets.onSelectionChanged" },
      requires: "1.9",
      run: () => {
        this.context.engine.selectionHandlers.add(handler);
        return undefined;
      },
    });
    return new FakeEventHandlerResult(this.context, handler);
  }
}

class FakeWorksheetCollection extends FakeCollection<WorkbookRef, SheetRef, FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, "workbook.worksheets", () => "workbook");
  }

  get onSelectionChanged(): FakeSelectionChangedEvent {
    return new FakeSelectionChangedEvent(this.context);
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets[${key}]`, () => {
      const sheet = sheetByKey(this.state, key);
      if (!sheet) throw officeError("ItemNotFound", `No worksheet "${key}".`);
      return { sheetId: sheet.id };
    }).created({ op: "getItem", key });
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets[${key}]?`, () => {
      const sheet = sheetByKey(this.state, key);
      return sheet ? { sheetId: sheet.id } : null;
    }).created({ op: "getItemOrNullObject", key });
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, "worksheets.getActiveWorksheet()", () => {
      const sheet = sheetByKey(this.state, this.state.activeSheet);
      if (!sheet) throw officeError("ItemNotFound", "No active worksheet.");
      return { sheetId: sheet.id };
    }).created({ op: "getActiveWorksheet" });
  }

  add(name?: string): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets.add(${name ?? ""})`, () => {
      const state = this.state;
      if (state.structureProtected) throw officeError("AccessDenied", "The workbook's structure is protected.");
      let sheetName = name;
      if (sheetName === undefined) {
        let n = state.sheets.length + 1;
        while (sheetByKey(state, `Sheet${n}`)) n++;
        sheetName = `Sheet${n}`;
      }
      validateSheetName(state, sheetName);
      const sheet: FakeSheet = { name: sheetName, id: this.engine.nextId("SHEET"), cells: {}, merges: [] };
      state.sheets.push(sheet);
      return { sheetId: sheet.id };
    }).created({ op: "add", name: name ?? null });
  }

  getCount(): FakeClientResult<number> {
    return this.queueResult("getCount", [], () => this.state.sheets.length);
  }

  protected itemRefs(): SheetRef[] {
    return this.state.sheets.map((s) => ({ sheetId: s.id }));
  }

  protected itemProxy(ref: SheetRef): FakeWorksheet {
    return new FakeWorksheet(this.context, `worksheets[${ref.sheetId}]`, () => ref).adopt(ref);
  }
}

export class FakeWorksheet extends FakeClientObject<SheetRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => SheetRef | null) {
    super(context, path, resolver);
  }

  /** Queues the creation at its place in the batch (internal to the fake). */
  created(request: Record<string, unknown>): this {
    return this.queueCreation(request);
  }

  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueSet("name", value, (ref) => {
      const sheet = sheetOf(this.context, ref);
      validateSheetName(this.state, value, sheet);
      if (this.state.activeSheet === sheet.name) this.state.activeSheet = value;
      sheet.name = value;
    });
  }
  get id(): string {
    return this.loaded("id");
  }
  get position(): number {
    return this.loaded("position");
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(value: string) {
    this.queueSet("visibility", value, (ref) => {
      const state = this.state;
      const sheet = sheetOf(this.context, ref);
      if (!["Visible", "Hidden", "VeryHidden"].includes(value))
        throw officeError("InvalidArgument", `Unknown visibility "${value}".`);
      if (state.structureProtected) throw officeError("AccessDenied", "The workbook's structure is protected.");
      if (value !== "Visible") {
        const visible = state.sheets.filter((s) => s !== sheet && (s.visibility ?? "Visible") === "Visible");
        if (visible.length === 0) throw officeError("InvalidOperation", "A workbook must keep one visible worksheet.");
        if (state.activeSheet.toLowerCase() === sheet.name.toLowerCase()) state.activeSheet = visible[0]!.name;
      }
      sheet.visibility = value === "Visible" ? undefined : (value as FakeSheet["visibility"]);
      if (!sheet.visibility) delete sheet.visibility;
    });
  }

  get protection(): FakeWorksheetProtection {
    return this.nav(
      "protection",
      () => new FakeWorksheetProtection(this.context, `${this.path}.protection`, () => this.target()),
    );
  }

  get notes(): FakeNoteCollection {
    return this.nav("notes", () => new FakeNoteCollection(this.context, `${this.path}.notes`, () => this.target()));
  }

  activate(): void {
    this.queueCall("activate", [], (ref) => {
      const sheet = sheetOf(this.context, ref);
      if ((sheet.visibility ?? "Visible") !== "Visible")
        throw officeError("InvalidOperation", "A hidden worksheet cannot be activated.");
      this.state.activeSheet = sheet.name;
    });
  }

  delete(): void {
    this.queueCall("delete", [], (ref) => {
      const state = this.state;
      if (state.structureProtected) throw officeError("AccessDenied", "The workbook's structure is protected.");
      const sheet = sheetOf(this.context, ref);
      const others = state.sheets.filter((s) => s !== sheet && (s.visibility ?? "Visible") === "Visible");
      if (others.length === 0) throw officeError("InvalidOperation", "A workbook must keep one visible worksheet.");
      state.sheets = state.sheets.filter((s) => s !== sheet);
      if (state.activeSheet.toLowerCase() === sheet.name.toLowerCase()) state.activeSheet = others[0]!.name;
    });
  }

  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, `${this.path}.getRange(${address ?? ""})`, () => {
      const ref = this.target();
      if (address === undefined || address === "")
        return { sheetId: ref.sheetId, range: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      const parsed = parseSheetAddress(address);
      if (!parsed || (parsed.sheet !== null && sheetByKey(this.state, parsed.sheet)?.id !== ref.sheetId)) {
        throw officeError("InvalidArgument", `"${address}" is not an address on this worksheet.`);
      }
      return { sheetId: ref.sheetId, range: parsed.range };
    }).created({ op: "getRange", address: address ?? null });
  }

  /** Several areas by address ("A1:B2, C5" or "A1:B2; C5"), as a RangeAreas (ExcelApi 1.9). */
  getRanges(address?: string): FakeRangeAreas {
    const parts = (address ?? "").split(/[,;]/).filter((part) => part.trim() !== "");
    // The path names the areas by count: a request carries the address once, not with every later call.
    return new FakeRangeAreas(this.context, `${this.path}.getRanges(${parts.length} areas)`, () => {
      const ref = this.target();
      if (parts.length === 0) {
        return { sheetId: ref.sheetId, areas: [{ top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }] };
      }
      const areas = parts.map((part) => {
        const parsed = parseSheetAddress(part);
        if (!parsed || (parsed.sheet !== null && sheetByKey(this.state, parsed.sheet)?.id !== ref.sheetId)) {
          throw officeError("InvalidArgument", `"${part.trim()}" is not an address on this worksheet.`);
        }
        return parsed.range;
      });
      return { sheetId: ref.sheetId, areas };
    }).created({ op: "getRanges", address: address ?? null }, "1.9");
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return new FakeRange(
      this.context,
      `${this.path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        const ref = this.target();
        const range = {
          top: startRow,
          left: startColumn,
          bottom: startRow + rowCount - 1,
          right: startColumn + columnCount - 1,
        };
        if (
          rowCount < 1 ||
          columnCount < 1 ||
          range.top < 0 ||
          range.left < 0 ||
          range.bottom >= MAX_ROWS ||
          range.right >= MAX_COLUMNS
        ) {
          throw officeError("InvalidArgument", "The indexes are outside the worksheet.");
        }
        return { sheetId: ref.sheetId, range };
      },
    ).created({ op: "getRangeByIndexes", args: [startRow, startColumn, rowCount, columnCount] });
  }

  getCell(row: number, column: number): FakeRange {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, `${this.path}.getUsedRangeOrNullObject(${valuesOnly ? "true" : ""})`, () => {
      const ref = this.target();
      const used = usedRange(sheetOf(this.context, ref), !!valuesOnly);
      return used ? { sheetId: ref.sheetId, range: used } : null;
    }).created({ op: "getUsedRangeOrNullObject", valuesOnly: !!valuesOnly });
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.context, `${this.path}.getUsedRange(${valuesOnly ? "true" : ""})`, () => {
      const ref = this.target();
      const used = usedRange(sheetOf(this.context, ref), !!valuesOnly);
      if (!used) return { sheetId: ref.sheetId, range: { top: 0, left: 0, bottom: 0, right: 0 } };
      return { sheetId: ref.sheetId, range: used };
    }).created({ op: "getUsedRange", valuesOnly: !!valuesOnly });
  }

  protected scalarNames(): string[] {
    return ["name", "id", "position", "visibility"];
  }

  protected readProperty(property: string, ref: SheetRef): unknown {
    const sheet = sheetOf(this.context, ref);
    switch (property) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.state.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility ?? "Visible";
      default:
        throw officeError("InvalidArgument", `Worksheet has no property "${property}".`);
    }
  }

  protected override navigationNames(): string[] {
    return ["protection"];
  }

  protected override navigation(name: string): FakeClientObject<unknown> {
    if (name === "protection") return this.protection as FakeClientObject<unknown>;
    return super.navigation(name);
  }
}

class FakeWorksheetProtection extends FakeClientObject<SheetRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => SheetRef | null) {
    super(context, path, resolver);
  }
  get protected(): boolean {
    return this.loaded("protected");
  }
  get options(): Record<string, boolean> {
    return this.loaded("options");
  }
  protect(options?: { allowFormatCells?: boolean; allowEditObjects?: boolean }): void {
    this.queueCall("protect", [options ?? null], (ref) => {
      const sheet = sheetOf(this.context, ref);
      if (sheet.protection?.protected) throw officeError("InvalidOperation", "The worksheet is already protected.");
      sheet.protection = { protected: true, ...(options ?? {}) };
    });
  }
  unprotect(): void {
    this.queueCall("unprotect", [], (ref) => {
      delete sheetOf(this.context, ref).protection;
    });
  }
  protected scalarNames(): string[] {
    return ["protected", "options"];
  }
  protected readProperty(property: string, ref: SheetRef): unknown {
    const p = sheetOf(this.context, ref).protection;
    if (property === "protected") return !!p?.protected;
    if (property === "options")
      return { allowFormatCells: !!p?.allowFormatCells, allowEditObjects: !!p?.allowEditObjects };
    throw officeError("InvalidArgument", `WorksheetProtection has no property "${property}".`);
  }
}

// ---------------------------------------------------------------------------------------------

export class FakeRange extends FakeClientObject<RangeRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => RangeRef | null) {
    super(context, path, resolver);
  }

  /** Queues the creation at its place in the batch (internal to the fake). */
  created(request: Record<string, unknown>, requires?: "1.9" | "1.13" | "1.18"): this {
    return this.queueCreation(request, requires);
  }

  get address(): string {
    return this.loaded("address");
  }
  get addressLocal(): string {
    return this.loaded("addressLocal");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get rowIndex(): number {
    return this.loaded("rowIndex");
  }
  get columnIndex(): number {
    return this.loaded("columnIndex");
  }
  get cellCount(): number {
    return this.loaded("cellCount");
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(input: unknown) {
    this.queueSet("values", input, (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanEditCells(sheet);
      this.eachInput(ref, input, (r, c, v) => writeValue(sheet, r, c, v));
    });
  }
  get text(): string[][] {
    return this.loaded("text");
  }
  get numberFormat(): string[][] {
    return this.loaded("numberFormat");
  }
  set numberFormat(input: unknown) {
    this.queueSet("numberFormat", input, (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanFormat(sheet);
      this.eachInput(ref, input, (r, c, v) => writeNumberFormat(sheet, r, c, v));
    });
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }
  /** The top-left cell's link, as Excel reports it for a range (ExcelApi 1.7, within every set the fake offers). */
  get hyperlink(): FakeHyperlink | null {
    return this.loaded("hyperlink");
  }
  set hyperlink(input: FakeHyperlink | null) {
    this.queueSet("hyperlink", input, (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanEditCells(sheet);
      if (input !== null && (typeof input !== "object" || (!input.documentReference && !input.address))) {
        throw officeError("InvalidArgument", "A hyperlink needs an address or a document reference.");
      }
      for (let r = ref.range.top; r <= ref.range.bottom; r++) {
        for (let c = ref.range.left; c <= ref.range.right; c++) {
          const cell = cellEnsure(sheet, r, c);
          if (input === null) delete cell.hyperlink;
          else {
            cell.hyperlink = { ...input };
            // Excel shows the link's text in the cell.
            if (input.textToDisplay !== undefined) {
              cell.value = input.textToDisplay;
              delete cell.formula;
              delete cell.text;
            }
          }
        }
      }
    });
  }

  get worksheet(): FakeWorksheet {
    return this.nav(
      "worksheet",
      () => new FakeWorksheet(this.context, `${this.path}.worksheet`, () => ({ sheetId: this.target().sheetId })),
    );
  }

  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.context, `${this.path}.format`, () => this.target()));
  }

  get dataValidation(): FakeDataValidation {
    return this.nav(
      "dataValidation",
      () => new FakeDataValidation(this.context, `${this.path}.dataValidation`, () => this.target()),
    );
  }

  /** Applies a 2D input (or one value for every cell) over the range; sizes must match, as in Excel. */
  private eachInput(ref: RangeRef, input: unknown, write: (row: number, col: number, value: unknown) => void): void {
    const { range } = ref;
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    if (!Array.isArray(input)) {
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) write(range.top + r, range.left + c, input);
      return;
    }
    if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw officeError("InvalidArgument", `The array does not match the size of the range (${rows}×${cols}).`);
    }
    input.forEach((row: unknown[], r) => row.forEach((v, c) => write(range.top + r, range.left + c, v)));
  }

  private derived(label: string, compute: (ref: RangeRef) => RangeRef | null, requires?: "1.13"): FakeRange {
    return new FakeRange(this.context, `${this.path}.${label}`, () => compute(this.target())).created(
      { op: label },
      requires,
    );
  }

  getCell(row: number, column: number): FakeRange {
    return this.derived(`getCell(${row},${column})`, (ref) => {
      const r = ref.range.top + row;
      const c = ref.range.left + column;
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLUMNS)
        throw officeError("InvalidArgument", "The cell is outside the worksheet.");
      return { sheetId: ref.sheetId, range: { top: r, left: c, bottom: r, right: c } };
    });
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derived(`getResizedRange(${deltaRows},${deltaColumns})`, (ref) => {
      const range = { ...ref.range, bottom: ref.range.bottom + deltaRows, right: ref.range.right + deltaColumns };
      if (
        range.bottom < range.top ||
        range.right < range.left ||
        range.bottom >= MAX_ROWS ||
        range.right >= MAX_COLUMNS
      ) {
        throw officeError("InvalidArgument", "The resized range is outside the worksheet.");
      }
      return { sheetId: ref.sheetId, range };
    });
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derived(`getOffsetRange(${rowOffset},${columnOffset})`, (ref) => {
      const range = {
        top: ref.range.top + rowOffset,
        left: ref.range.left + columnOffset,
        bottom: ref.range.bottom + rowOffset,
        right: ref.range.right + columnOffset,
      };
      if (range.top < 0 || range.left < 0 || range.bottom >= MAX_ROWS || range.right >= MAX_COLUMNS) {
        throw officeError("InvalidArgument", "The offset range is outside the worksheet.");
      }
      return { sheetId: ref.sheetId, range };
    });
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.derived(`getUsedRangeOrNullObject(${valuesOnly ? "true" : ""})`, (ref) => {
      const used = usedRange(sheetOf(this.context, ref), !!valuesOnly);
      if (!used || !intersects(used, ref.range)) return null;
      return {
        sheetId: ref.sheetId,
        range: {
          top: Math.max(used.top, ref.range.top),
          left: Math.max(used.left, ref.range.left),
          bottom: Math.min(used.bottom, ref.range.bottom),
          right: Math.min(used.right, ref.range.right),
        },
      };
    });
  }

  /** Merged areas whose top-left cell lies in this range (what Excel returns), at most 512. */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    const areas = new FakeRangeAreas(this.context, `${this.path}.getMergedAreasOrNullObject()`, () => {
      const ref = this.target();
      const found = mergesOf(sheetOf(this.context, ref)).filter(
        (m) =>
          m.top >= ref.range.top && m.top <= ref.range.bottom && m.left >= ref.range.left && m.left <= ref.range.right,
      );
      if (found.length > 512) throw officeError("InvalidOperation", "The range holds more than 512 merged areas.");
      return found.length === 0 ? null : { sheetId: ref.sheetId, areas: found };
    });
    return areas.created({ op: "getMergedAreasOrNullObject" }, "1.13");
  }

  /**
   * The cells of one kind (constants or formulas, of the given value types) as rectangles: runs
   * of neighbouring cells in a row, joined with the rows below that have the same run. Null when
   * there are none (getSpecialCells would throw ItemNotFound).
   */
  getSpecialCellsOrNullObject(cellType: string, cellValueType = "All"): FakeRangeAreas {
    const areas = new FakeRangeAreas(
      this.context,
      `${this.path}.getSpecialCellsOrNullObject(${cellType},${cellValueType})`,
      () => {
        const ref = this.target();
        if (cellType !== "Constants" && cellType !== "Formulas") {
          throw officeError("InvalidArgument", `The fake has no special cells of type "${cellType}".`);
        }
        const wanted = specialValueKinds(cellValueType);
        const sheet = sheetOf(this.context, ref);
        const matches = (cell: FakeCell | undefined): boolean => {
          if (!cell || !!cell.formula !== (cellType === "Formulas")) return false;
          const value = cell.value;
          if (value === undefined || value === null || value === "") return false;
          return wanted.has(valueKind(value));
        };
        const found = specialAreas(ref.range, (r, c) => matches(cellGet(sheet, r, c)));
        return found.length === 0 ? null : { sheetId: ref.sheetId, areas: found };
      },
    );
    return areas.created({ op: "getSpecialCellsOrNullObject", cellType, cellValueType }, "1.9");
  }

  getCellProperties(options: Record<string, unknown>): FakeClientResult<Record<string, unknown>[][]> {
    return this.queueResult("getCellProperties", [options], (ref) => {
      const sheet = sheetOf(this.context, ref);
      const out: Record<string, unknown>[][] = [];
      for (let r = ref.range.top; r <= ref.range.bottom; r++) {
        const row: Record<string, unknown>[] = [];
        for (let c = ref.range.left; c <= ref.range.right; c++) {
          row.push(
            readCellProperties(
              sheet.name,
              qualifiedAddress(sheet.name, { top: r, left: c, bottom: r, right: c }),
              cellGet(sheet, r, c),
              options,
            ),
          );
        }
        out.push(row);
      }
      return out;
    });
  }

  setCellProperties(cellPropertiesData: unknown[][]): void {
    this.queueCall("setCellProperties", [cellPropertiesData], (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanFormat(sheet);
      this.eachInput(ref, cellPropertiesData, (r, c, v) => applyCellProperties(sheet, r, c, v));
    });
  }

  merge(across?: boolean): void {
    this.queueCall("merge", [!!across], (ref) => mergeArea(sheetOf(this.context, ref), ref.range, !!across));
  }

  unmerge(): void {
    this.queueCall("unmerge", [], (ref) => unmergeArea(sheetOf(this.context, ref), ref.range));
  }

  clear(applyTo?: string): void {
    this.queueCall("clear", [applyTo ?? "All"], (ref) =>
      clearArea(sheetOf(this.context, ref), ref.range, applyTo ?? "All"),
    );
  }

  /** Selects the range; Excel raises the selection-changed event afterwards. */
  select(): void {
    this.queueCall("select", [], (ref) => {
      const state = this.state;
      const sheet = sheetOf(this.context, ref);
      if (state.activeSheet.toLowerCase() !== sheet.name.toLowerCase()) {
        throw officeError("InvalidOperation", "Only a range on the active worksheet can be selected.");
      }
      sheet.selection = formatRange(ref.range);
      this.engine.queueSelectionEvent({
        address: sheet.selection,
        worksheetId: sheet.id,
        type: "WorksheetSelectionChanged",
        source: "Local",
      });
    });
  }

  protected override navigationNames(): string[] {
    return ["worksheet", "format"];
  }

  protected override navigation(name: string): FakeClientObject<unknown> {
    if (name === "worksheet") return this.worksheet as FakeClientObject<unknown>;
    if (name === "format") return this.format as FakeClientObject<unknown>;
    return super.navigation(name);
  }

  protected scalarNames(): string[] {
    return [
      "address",
      "addressLocal",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "cellCount",
      "values",
      "text",
      "numberFormat",
      "formulas",
      "hyperlink",
    ];
  }

  protected readProperty(property: string, ref: RangeRef): unknown {
    const sheet = sheetOf(this.context, ref);
    const { range } = ref;
    const grid = <T>(read: (r: number, c: number) => T): T[][] => {
      const out: T[][] = [];
      for (let r = range.top; r <= range.bottom; r++) {
        const row: T[] = [];
        for (let c = range.left; c <= range.right; c++) row.push(read(r, c));
        out.push(row);
      }
      return out;
    };
    const cells = (range.bottom - range.top + 1) * (range.right - range.left + 1);
    switch (property) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(sheet.name, range);
      case "rowCount":
        return range.bottom - range.top + 1;
      case "columnCount":
        return range.right - range.left + 1;
      case "rowIndex":
        return range.top;
      case "columnIndex":
        return range.left;
      case "cellCount":
        return cells;
      case "values":
      case "text":
      case "numberFormat":
      case "formulas":
        // Excel gives up on cell data past five million cells.
        if (cells > 5_000_000) return null;
        if (property === "values") return grid((r, c) => apiValue(cellGet(sheet, r, c)));
        if (property === "text") return grid((r, c) => apiText(cellGet(sheet, r, c)));
        if (property === "numberFormat") return grid((r, c) => apiNumberFormat(cellGet(sheet, r, c)));
        return grid((r, c) => apiFormula(cellGet(sheet, r, c)));
      case "hyperlink": {
        const link = cellGet(sheet, range.top, range.left)?.hyperlink;
        return link ? { ...link } : null;
      }
      default:
        throw officeError("InvalidArgument", `Range has no property "${property}".`);
    }
  }
}

class FakeRangeFormat extends FakeClientObject<RangeRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => RangeRef | null) {
    super(context, path, resolver);
  }
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(points: number) {
    this.queueSet("columnWidth", points, (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanFormat(sheet);
      if (typeof points !== "number" || points < 0)
        throw officeError("InvalidArgument", "A column width is a number of points.");
      sheet.columnWidths = sheet.columnWidths ?? {};
      for (const letter of columnLetters(ref.range)) sheet.columnWidths[letter] = points;
    });
  }
  get rowHeight(): number {
    return this.loaded("rowHeight");
  }
  set rowHeight(points: number) {
    this.queueSet("rowHeight", points, (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanFormat(sheet);
      if (typeof points !== "number" || points < 0 || points > 409)
        throw officeError("InvalidArgument", "A row height is 0–409 points.");
      sheet.rowHeights = sheet.rowHeights ?? {};
      for (let r = ref.range.top; r <= ref.range.bottom; r++) sheet.rowHeights[String(r + 1)] = points;
    });
  }
  /** Fill and font of the range's cells (read: the common value, or null where they differ). */
  get fill(): FakeCellsFill {
    return this.nav("fill", () => new FakeCellsFill(this.context, `${this.path}.fill`, () => this.areasRef()));
  }
  get font(): FakeCellsFont {
    return this.nav("font", () => new FakeCellsFont(this.context, `${this.path}.font`, () => this.areasRef()));
  }
  private areasRef(): AreasRef {
    const ref = this.target();
    return { sheetId: ref.sheetId, areas: [ref.range] };
  }
  protected override navigationNames(): string[] {
    return ["fill", "font"];
  }
  protected override navigation(name: string): FakeClientObject<unknown> {
    if (name === "fill") return this.fill as FakeClientObject<unknown>;
    if (name === "font") return this.font as FakeClientObject<unknown>;
    return super.navigation(name);
  }
  protected scalarNames(): string[] {
    return ["columnWidth", "rowHeight"];
  }
  protected readProperty(property: string, ref: RangeRef): unknown {
    const sheet = sheetOf(this.context, ref);
    if (property === "columnWidth") {
      const widths = new Set(columnLetters(ref.range).map((l) => sheet.columnWidths?.[l] ?? DEFAULT_COLUMN_WIDTH));
      return widths.size === 1 ? [...widths][0] : null;
    }
    if (property === "rowHeight") {
      const heights = new Set<number>();
      for (let r = ref.range.top; r <= ref.range.bottom; r++)
        heights.add(sheet.rowHeights?.[String(r + 1)] ?? DEFAULT_ROW_HEIGHT);
      return heights.size === 1 ? [...heights][0] : null;
    }
    throw officeError("InvalidArgument", `RangeFormat has no property "${property}".`);
  }
}

const DV_OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqualTo",
  "LessThanOrEqualTo",
];

class FakeDataValidation extends FakeClientObject<RangeRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => RangeRef | null) {
    super(context, path, resolver);
  }

  /** The validation record for exactly this range, created (as "any value") when absent. */
  private record(ref: RangeRef): DataValidationEntry {
    const sheet = sheetOf(this.context, ref);
    assertCanEditCells(sheet);
    const key = rangeKey(ref.range);
    sheet.dataValidations = sheet.dataValidations ?? [];
    let found = sheet.dataValidations.find((v) => v.range === key);
    if (!found) {
      // A new rule replaces any older one on cells it covers, as Excel does.
      sheet.dataValidations = sheet.dataValidations.filter((v) => {
        const area = parseSheetAddress(v.range)?.range;
        return !area || !contains(ref.range, area);
      });
      found = { range: key, rule: {} };
      sheet.dataValidations.push(found);
    }
    return found;
  }

  set rule(rule: Record<string, unknown>) {
    this.queueSet("rule", rule, (ref) => {
      validateRule(this.state, rule);
      this.record(ref).rule = rule;
    });
  }
  get rule(): Record<string, unknown> {
    return this.loaded("rule");
  }

  set prompt(prompt: { showPrompt: boolean; title?: string; message?: string }) {
    this.queueSet("prompt", prompt, (ref) => {
      if ((prompt.title ?? "").length > 32 || (prompt.message ?? "").length > 255) {
        throw officeError("InvalidArgument", "An input prompt has at most 32 characters of title and 255 of message.");
      }
      this.record(ref).prompt = { ...prompt };
    });
  }
  get prompt(): { showPrompt: boolean; title?: string; message?: string } {
    return this.loaded("prompt");
  }

  set errorAlert(alert: { showAlert: boolean; style?: string; title?: string; message?: string }) {
    this.queueSet("errorAlert", alert, (ref) => {
      if ((alert.title ?? "").length > 32 || (alert.message ?? "").length > 255) {
        throw officeError("InvalidArgument", "An error alert has at most 32 characters of title and 255 of message.");
      }
      this.record(ref).errorAlert = { ...alert };
    });
  }
  get errorAlert(): { showAlert: boolean; style?: string; title?: string; message?: string } {
    return this.loaded("errorAlert");
  }

  clear(): void {
    this.queueCall("clear", [], (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanEditCells(sheet);
      sheet.dataValidations = (sheet.dataValidations ?? []).filter((v) => {
        const area = parseSheetAddress(v.range)?.range;
        return !area || !intersects(ref.range, area);
      });
      if (sheet.dataValidations.length === 0) delete sheet.dataValidations;
    });
  }

  protected scalarNames(): string[] {
    return ["rule", "prompt", "errorAlert"];
  }
  protected readProperty(property: string, ref: RangeRef): unknown {
    const sheet = sheetOf(this.context, ref);
    const found = (sheet.dataValidations ?? []).filter((v) => {
      const area = parseSheetAddress(v.range)?.range;
      return area && contains(area, ref.range);
    });
    const last = found[found.length - 1];
    if (property === "rule") return last?.rule ?? {};
    if (property === "prompt") return last?.prompt ?? { showPrompt: false };
    if (property === "errorAlert") return last?.errorAlert ?? { showAlert: true, style: "Stop" };
    throw officeError("InvalidArgument", `DataValidation has no property "${property}".`);
  }
}

/** Checks a rule the way Excel does when it is set: known kinds, operators, list sources. */
function validateRule(state: { names: { name: string }[] }, rule: Record<string, unknown>): void {
  const kinds = Object.keys(rule).filter((k) => rule[k] !== undefined);
  if (kinds.length !== 1) throw officeError("InvalidArgument", "A validation rule has exactly one kind.");
  const kind = kinds[0]!;
  const body = rule[kind] as Record<string, unknown>;
  if (kind === "list") {
    const source = body.source;
    if (typeof source !== "string" || source.trim() === "")
      throw officeError("InvalidArgument", "A list needs a source.");
    if (source.startsWith("=")) {
      const bare = /^=([\p{L}_][\p{L}\p{N}_.]*)$/u.exec(source);
      if (bare && !state.names.some((n) => n.name.toLowerCase() === bare[1]!.toLowerCase())) {
        throw officeError("InvalidArgument", `The name "${bare[1]}" is not defined.`);
      }
    } else if (source.length > 255)
      throw officeError("InvalidArgument", "An inline list holds at most 255 characters.");
    return;
  }
  if (["decimal", "wholeNumber", "textLength", "date", "time"].includes(kind)) {
    if (!DV_OPERATORS.includes(String(body.operator)))
      throw officeError("InvalidArgument", `Unknown operator "${String(body.operator)}".`);
    if (body.formula1 === undefined) throw officeError("InvalidArgument", "The rule needs formula1.");
    if ((body.operator === "Between" || body.operator === "NotBetween") && body.formula2 === undefined) {
      throw officeError("InvalidArgument", "Between needs formula2.");
    }
    return;
  }
  if (kind === "custom" || kind === "wholeNumber") return;
  throw officeError("InvalidArgument", `Unknown validation kind "${kind}".`);
}

// ---------------------------------------------------------------------------------------------

type ValueKind = "Numbers" | "Text" | "Logical" | "Errors";

function valueKind(value: string | number | boolean): ValueKind {
  if (typeof value === "number") return "Numbers";
  if (typeof value === "boolean") return "Logical";
  return EXCEL_ERRORS.has(value) ? "Errors" : "Text";
}

/** Excel.SpecialCellValueType names combine kinds: "LogicalNumbers", "ErrorsNumberText", "All". */
function specialValueKinds(name: string): Set<ValueKind> {
  if (name === "All") return new Set(["Numbers", "Text", "Logical", "Errors"]);
  const kinds = new Set<ValueKind>();
  for (const part of name.match(/[A-Z][a-z]*/g) ?? []) {
    if (part === "Number" || part === "Numbers") kinds.add("Numbers");
    else if (part === "Text") kinds.add("Text");
    else if (part === "Logical") kinds.add("Logical");
    else if (part === "Errors") kinds.add("Errors");
    else throw officeError("InvalidArgument", `Unknown special cell value type "${name}".`);
  }
  return kinds;
}

/** Rectangles covering exactly the matching cells of a range. */
function specialAreas(range: CellRange, matches: (row: number, col: number) => boolean): CellRange[] {
  const done: CellRange[] = [];
  let open: CellRange[] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const runs: CellRange[] = [];
    for (let c = range.left; c <= range.right; c++) {
      if (!matches(r, c)) continue;
      const last = runs[runs.length - 1];
      if (last && last.right === c - 1) last.right = c;
      else runs.push({ top: r, left: c, bottom: r, right: c });
    }
    const next: CellRange[] = [];
    for (const run of runs) {
      const above = open.find((a) => a.left === run.left && a.right === run.right);
      if (above) {
        above.bottom = r;
        next.push(above);
      } else next.push(run);
    }
    for (const area of open) if (!next.includes(area)) done.push(area);
    open = next;
  }
  return [...done, ...open].sort((a, b) => a.top - b.top || a.left - b.left);
}

class FakeRangeCollection extends FakeCollection<AreasRef, RangeRef, FakeRange> {
  constructor(context: FakeRequestContext, path: string, resolver: () => AreasRef | null) {
    super(context, path, resolver);
  }
  protected itemRefs(ref: AreasRef): RangeRef[] {
    return ref.areas.map((range) => ({ sheetId: ref.sheetId, range }));
  }
  protected itemProxy(ref: RangeRef): FakeRange {
    return new FakeRange(this.context, `${this.path}[${rangeKey(ref.range)}]`, () => ref).adopt(ref);
  }
}

class FakeRangeAreas extends FakeClientObject<AreasRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => AreasRef | null) {
    super(context, path, resolver);
  }
  created(request: Record<string, unknown>, requires?: "1.9" | "1.13"): this {
    return this.queueCreation(request, requires);
  }
  get address(): string {
    return this.loaded("address");
  }
  get areaCount(): number {
    return this.loaded("areaCount");
  }
  get areas(): FakeRangeCollection {
    return this.nav("areas", () => new FakeRangeCollection(this.context, `${this.path}.areas`, () => this.target()));
  }
  /** Fill and font of every area at once. */
  get format(): FakeAreasFormat {
    return this.nav("format", () => new FakeAreasFormat(this.context, `${this.path}.format`, () => this.target()));
  }
  protected scalarNames(): string[] {
    return ["address", "areaCount"];
  }
  protected readProperty(property: string, ref: AreasRef): unknown {
    const sheet = sheetOf(this.context, ref);
    if (property === "address") return ref.areas.map((a) => qualifiedAddress(sheet.name, a)).join(",");
    if (property === "areaCount") return ref.areas.length;
    throw officeError("InvalidArgument", `RangeAreas has no property "${property}".`);
  }
  protected override navigationNames(): string[] {
    return ["areas", "format"];
  }
  protected override navigation(name: string): FakeClientObject<unknown> {
    if (name === "areas") return this.areas as FakeClientObject<unknown>;
    if (name === "format") return this.format as FakeClientObject<unknown>;
    return super.navigation(name);
  }
}

/** RangeAreas.format: only fill and font, which is what the add-in paints with. */
class FakeAreasFormat extends FakeClientObject<AreasRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => AreasRef | null) {
    super(context, path, resolver);
  }
  get fill(): FakeCellsFill {
    return this.nav("fill", () => new FakeCellsFill(this.context, `${this.path}.fill`, () => this.target()));
  }
  get font(): FakeCellsFont {
    return this.nav("font", () => new FakeCellsFont(this.context, `${this.path}.font`, () => this.target()));
  }
  protected scalarNames(): string[] {
    return [];
  }
  protected readProperty(property: string): unknown {
    throw officeError("InvalidArgument", `RangeFormat has no property "${property}" in the fake.`);
  }
  protected override navigationNames(): string[] {
    return ["fill", "font"];
  }
  protected override navigation(name: string): FakeClientObject<unknown> {
    if (name === "fill") return this.fill as FakeClientObject<unknown>;
    if (name === "font") return this.font as FakeClientObject<unknown>;
    return super.navigation(name);
  }
}

/**
 * Fill or font properties over every cell of some areas: a write sets each cell as
 * setCellProperties would; a read gives the common value, or null where the cells differ (Excel).
 */
abstract class FakeCellsFormatPart extends FakeClientObject<AreasRef> {
  protected abstract readonly part: "fill" | "font";
  protected abstract readonly names: string[];

  protected setAll(property: string, value: unknown): void {
    this.queueSet(property, value, (ref) => {
      const sheet = sheetOf(this.context, ref);
      assertCanFormat(sheet);
      for (const area of ref.areas) {
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            applyCellProperties(sheet, r, c, { format: { [this.part]: { [property]: value } } });
          }
        }
      }
    });
  }
  protected scalarNames(): string[] {
    return this.names;
  }
  protected readProperty(property: string, ref: AreasRef): unknown {
    if (!this.names.includes(property)) {
      throw officeError("InvalidArgument", `The ${this.part} has no property "${property}".`);
    }
    const sheet = sheetOf(this.context, ref);
    const seen = new Set<string>();
    let last: unknown = null;
    for (const area of ref.areas) {
      for (let r = area.top; r <= area.bottom; r++) {
        for (let c = area.left; c <= area.right; c++) {
          const props = readCellProperties(sheet.name, "", cellGet(sheet, r, c), {
            format: { [this.part]: { [property]: true } },
          });
          last = (props.format as Record<string, Record<string, unknown>>)[this.part]![property];
          seen.add(JSON.stringify(last));
        }
      }
    }
    return seen.size === 1 ? last : null;
  }
}

class FakeCellsFill extends FakeCellsFormatPart {
  protected readonly part = "fill";
  protected readonly names = ["color", "pattern", "patternColor", "tintAndShade", "patternTintAndShade"];
  constructor(context: FakeRequestContext, path: string, resolver: () => AreasRef | null) {
    super(context, path, resolver);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.setAll("color", value);
  }
  get pattern(): string {
    return this.loaded("pattern");
  }
  set pattern(value: string) {
    this.setAll("pattern", value);
  }
  get tintAndShade(): number {
    return this.loaded("tintAndShade");
  }
  set tintAndShade(value: number) {
    this.setAll("tintAndShade", value);
  }
  get patternColor(): string {
    return this.loaded("patternColor");
  }
  set patternColor(value: string) {
    this.setAll("patternColor", value);
  }
  get patternTintAndShade(): number {
    return this.loaded("patternTintAndShade");
  }
  set patternTintAndShade(value: number) {
    this.setAll("patternTintAndShade", value);
  }
}

class FakeCellsFont extends FakeCellsFormatPart {
  protected readonly part = "font";
  protected readonly names = ["color"];
  constructor(context: FakeRequestContext, path: string, resolver: () => AreasRef | null) {
    super(context, path, resolver);
  }
  get color(): string {
    return this.loaded("color");
  }
  set color(value: string) {
    this.setAll("color", value);
  }
}

// ---------------------------------------------------------------------------------------------

function parseNoteKey(context: FakeRequestContext, sheetRef: SheetRef, key: string): NoteRef {
  const parsed = parseSheetAddress(key);
  const sheet = sheetOf(context, sheetRef);
  if (!parsed || parsed.range.top !== parsed.range.bottom || parsed.range.left !== parsed.range.right) {
    throw officeError("InvalidArgument", `"${key}" is not a cell address.`);
  }
  if (parsed.sheet !== null && sheetByKey(context.engine.state, parsed.sheet)?.id !== sheet.id) {
    throw officeError("InvalidArgument", `"${key}" is not on this worksheet.`);
  }
  return { sheetId: sheet.id, row: parsed.range.top, col: parsed.range.left };
}

class FakeNoteCollection extends FakeCollection<SheetRef, NoteRef, FakeNote> {
  constructor(context: FakeRequestContext, path: string, resolver: () => SheetRef | null) {
    super(context, path, resolver);
  }

  add(cellAddress: FakeRange | string, content: unknown): FakeNote {
    const note = new FakeNote(this.context, `${this.path}.add()`, () => {
      const ref = this.target();
      let noteRef: NoteRef;
      if (typeof cellAddress === "string") noteRef = parseNoteKey(this.context, ref, cellAddress);
      else {
        const rangeRef = (cellAddress as unknown as { target(): RangeRef }).target();
        const r = rangeRef.range;
        if (r.top !== r.bottom || r.left !== r.right || rangeRef.sheetId !== ref.sheetId) {
          throw officeError("InvalidCellAddress", "A note goes on a single cell of this worksheet.");
        }
        noteRef = { sheetId: ref.sheetId, row: r.top, col: r.left };
      }
      const sheet = sheetOf(this.context, ref);
      assertCanEditObjects(sheet);
      const existing = cellGet(sheet, noteRef.row, noteRef.col);
      if (existing?.note)
        throw officeError("InvalidOperation", `The cell ${cellKey(noteRef.row, noteRef.col)} already has a note.`);
      cellEnsure(sheet, noteRef.row, noteRef.col).note = { content: String(content), author: "Add-in" };
      return noteRef;
    });
    return note.created(
      { op: "add", cellAddress: typeof cellAddress === "string" ? cellAddress : "(range)", content },
      "1.18",
    );
  }

  getItem(key: string): FakeNote {
    return new FakeNote(this.context, `${this.path}[${key}]`, () => {
      const ref = parseNoteKey(this.context, this.target(), key);
      if (!cellGet(sheetById(this.state, ref.sheetId), ref.row, ref.col)?.note)
        throw officeError("ItemNotFound", `No note on ${key}.`);
      return ref;
    }).created({ op: "getItem", key }, "1.18");
  }

  getItemOrNullObject(key: string): FakeNote {
    return new FakeNote(this.context, `${this.path}[${key}]?`, () => {
      const ref = parseNoteKey(this.context, this.target(), key);
      return cellGet(sheetById(this.state, ref.sheetId), ref.row, ref.col)?.note ? ref : null;
    }).created({ op: "getItemOrNullObject", key }, "1.18");
  }

  getCount(): FakeClientResult<number> {
    return this.queueResult("getCount", [], (ref) => this.itemRefs(ref).length, "1.18");
  }

  override load(spec?: unknown): this {
    if (!this.engine.supports("1.18")) {
      this.context.enqueue({ request: { op: "load", path: this.path }, requires: "1.18", run: () => undefined });
      return this;
    }
    return super.load(spec);
  }

  protected itemRefs(ref: SheetRef): NoteRef[] {
    const sheet = sheetOf(this.context, ref);
    const refs: NoteRef[] = [];
    eachCell(sheet, (row, col, cell) => {
      if (cell.note) refs.push({ sheetId: ref.sheetId, row, col });
    });
    return refs.sort((a, b) => a.row - b.row || a.col - b.col);
  }

  protected itemProxy(ref: NoteRef): FakeNote {
    return new FakeNote(this.context, `${this.path}[${cellKey(ref.row, ref.col)}]`, () => ref).adopt(ref);
  }
}

class FakeNote extends FakeClientObject<NoteRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => NoteRef | null) {
    super(context, path, resolver);
  }
  created(request: Record<string, unknown>, requires?: "1.18"): this {
    return this.queueCreation(request, requires);
  }
  private noteOf(ref: NoteRef) {
    const note = cellGet(sheetById(this.state, ref.sheetId), ref.row, ref.col)?.note;
    if (!note) throw officeError("ItemNotFound", "The note no longer exists.");
    return note;
  }
  get content(): string {
    return this.loaded("content");
  }
  set content(value: string) {
    this.queueSet(
      "content",
      value,
      (ref) => {
        assertCanEditObjects(sheetById(this.state, ref.sheetId));
        this.noteOf(ref).content = String(value);
      },
      "1.18",
    );
  }
  get authorName(): string {
    return this.loaded("authorName");
  }
  delete(): void {
    this.queueCall(
      "delete",
      [],
      (ref) => {
        const sheet = sheetById(this.state, ref.sheetId);
        assertCanEditObjects(sheet);
        this.noteOf(ref);
        delete cellGet(sheet, ref.row, ref.col)!.note;
        tidyCell(sheet, ref.row, ref.col);
      },
      "1.18",
    );
  }
  getLocation(): FakeRange {
    return new FakeRange(this.context, `${this.path}.getLocation()`, () => {
      const ref = this.target();
      return { sheetId: ref.sheetId, range: { top: ref.row, left: ref.col, bottom: ref.row, right: ref.col } };
    }).created({ op: "getLocation" }, "1.18");
  }
  protected scalarNames(): string[] {
    return ["content", "authorName"];
  }
  protected readProperty(property: string, ref: NoteRef): unknown {
    const note = this.noteOf(ref);
    if (property === "content") return note.content;
    if (property === "authorName") return note.author ?? "";
    throw officeError("InvalidArgument", `Note has no property "${property}".`);
  }
}

// ---------------------------------------------------------------------------------------------

const NAME_PATTERN = /^[\p{L}_\\][\p{L}\p{N}_.]*$/u;

class FakeNamedItemCollection extends FakeCollection<WorkbookRef, NameRef, FakeNamedItem> {
  constructor(context: FakeRequestContext) {
    super(context, "workbook.names", () => "workbook");
  }

  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `names.add(${name})`, () => {
      const state = this.state;
      if (!NAME_PATTERN.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name)) {
        throw officeError("InvalidArgument", `"${name}" is not a valid name.`);
      }
      if (state.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw officeError("ItemAlreadyExists", `The name "${name}" already exists.`);
      }
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const ref = (reference as unknown as { target(): RangeRef }).target();
        const sheet = sheetById(state, ref.sheetId);
        const r = ref.range;
        const abs = (row: number, col: number) => `$${cellKey(0, col).replace(/\d+$/, "")}$${row + 1}`;
        const body =
          r.top === r.bottom && r.left === r.right
            ? abs(r.top, r.left)
            : `${abs(r.top, r.left)}:${abs(r.bottom, r.right)}`;
        formula = `=${qualifiedAddress(sheet.name, { top: 0, left: 0, bottom: 0, right: 0 }).split("!")[0]}!${body}`;
      }
      state.names.push({ name, formula, ...(comment ? { comment } : {}) });
      return { name };
    }).created({
      op: "add",
      name,
      reference: typeof reference === "string" ? reference : "(range)",
      comment: comment ?? null,
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `names[${name}]`, () => {
      if (!this.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
        throw officeError("ItemNotFound", `No name "${name}".`);
      return { name };
    }).created({ op: "getItem", name });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, `names[${name}]?`, () =>
      this.state.names.some((n) => n.name.toLowerCase() === name.toLowerCase()) ? { name } : null,
    ).created({ op: "getItemOrNullObject", name });
  }

  protected itemRefs(): NameRef[] {
    return this.state.names.map((n) => ({ name: n.name }));
  }
  protected itemProxy(ref: NameRef): FakeNamedItem {
    return new FakeNamedItem(this.context, `names[${ref.name}]`, () => ref).adopt(ref);
  }
}

class FakeNamedItem extends FakeClientObject<NameRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => NameRef | null) {
    super(context, path, resolver);
  }
  created(request: Record<string, unknown>): this {
    return this.queueCreation(request);
  }
  private item(ref: NameRef) {
    const found = this.state.names.find((n) => n.name.toLowerCase() === ref.name.toLowerCase());
    if (!found) throw officeError("ItemNotFound", `No name "${ref.name}".`);
    return found;
  }
  get name(): string {
    return this.loaded("name");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  get comment(): string {
    return this.loaded("comment");
  }
  get visible(): boolean {
    return this.loaded("visible");
  }
  get type(): string {
    return this.loaded("type");
  }
  delete(): void {
    this.queueCall("delete", [], (ref) => {
      const item = this.item(ref);
      this.state.names = this.state.names.filter((n) => n !== item);
    });
  }
  protected scalarNames(): string[] {
    return ["name", "formula", "comment", "visible", "type"];
  }
  protected readProperty(property: string, ref: NameRef): unknown {
    const item = this.item(ref);
    switch (property) {
      case "name":
        return item.name;
      case "formula":
        return item.formula;
      case "comment":
        return item.comment ?? "";
      case "visible":
        return item.visible ?? true;
      case "type":
        return /^=.*![$A-Z]/.test(item.formula) ? "Range" : "String";
      default:
        throw officeError("InvalidArgument", `NamedItem has no property "${property}".`);
    }
  }
}

// ---------------------------------------------------------------------------------------------

function namespaceOf(xml: string): string {
  const body = xml.replace(/^\s*<\?xml[^>]*\?>\s*/, "");
  const root = /^<([A-Za-z_][\w.-]*)(?::[\w.-]+)?([^>]*)>/.exec(body);
  if (!root) throw officeError("InvalidArgument", "The custom XML part is not well-formed XML.");
  const close = body.trimEnd();
  const name = /^<([A-Za-z_][\w.:-]*)/.exec(body)![1]!;
  if (!close.endsWith(`</${name}>`) && !/\/>$/.test(root[0]))
    throw officeError("InvalidArgument", "The custom XML part is not well-formed XML.");
  if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(body))
    throw officeError("InvalidArgument", "The custom XML part has a bare '&'.");
  const ns = /\sxmlns="([^"]*)"/.exec(root[2] ?? "");
  return ns ? ns[1]! : "";
}

class FakeCustomXmlPartCollection extends FakeCollection<WorkbookRef, PartRef, FakeCustomXmlPart> {
  constructor(context: FakeRequestContext) {
    super(context, "workbook.customXmlParts", () => "workbook");
  }
  add(xml: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, "customXmlParts.add()", () => {
      const namespaceUri = namespaceOf(xml);
      const id = this.engine.nextId("XMLPART");
      this.state.customXmlParts.push({ id, namespaceUri, xml });
      return { id };
    }).created({ op: "add", xml });
  }
  getByNamespace(namespaceUri: string): FakeCustomXmlPartScopedCollection {
    return new FakeCustomXmlPartScopedCollection(this.context, namespaceUri);
  }
  getItem(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, `customXmlParts[${id}]`, () => {
      if (!this.state.customXmlParts.some((p) => p.id === id))
        throw officeError("ItemNotFound", `No custom XML part ${id}.`);
      return { id };
    }).created({ op: "getItem", id });
  }
  getItemOrNullObject(id: string): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, `customXmlParts[${id}]?`, () =>
      this.state.customXmlParts.some((p) => p.id === id) ? { id } : null,
    ).created({ op: "getItemOrNullObject", id });
  }
  protected itemRefs(): PartRef[] {
    return this.state.customXmlParts.map((p) => ({ id: p.id }));
  }
  protected itemProxy(ref: PartRef): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, `customXmlParts[${ref.id}]`, () => ref).adopt(ref);
  }
}

class FakeCustomXmlPartScopedCollection extends FakeCollection<WorkbookRef, PartRef, FakeCustomXmlPart> {
  constructor(
    context: FakeRequestContext,
    private readonly namespaceUri: string,
  ) {
    super(context, `customXmlParts.getByNamespace(${namespaceUri})`, () => "workbook");
  }
  getCount(): FakeClientResult<number> {
    return this.queueResult("getCount", [], () => this.itemRefs().length);
  }
  protected itemRefs(): PartRef[] {
    return this.state.customXmlParts.filter((p) => p.namespaceUri === this.namespaceUri).map((p) => ({ id: p.id }));
  }
  protected itemProxy(ref: PartRef): FakeCustomXmlPart {
    return new FakeCustomXmlPart(this.context, `customXmlParts[${ref.id}]`, () => ref).adopt(ref);
  }
}

class FakeCustomXmlPart extends FakeClientObject<PartRef> {
  constructor(context: FakeRequestContext, path: string, resolver: () => PartRef | null) {
    super(context, path, resolver);
  }
  created(request: Record<string, unknown>): this {
    return this.queueCreation(request);
  }
  private part(ref: PartRef) {
    const found = this.state.customXmlParts.find((p) => p.id === ref.id);
    if (!found) throw officeError("ItemNotFound", `The custom XML part ${ref.id} no longer exists.`);
    return found;
  }
  get id(): string {
    return this.loaded("id");
  }
  get namespaceUri(): string {
    return this.loaded("namespaceUri");
  }
  getXml(): FakeClientResult<string> {
    return this.queueResult("getXml", [], (ref) => this.part(ref).xml);
  }
  setXml(xml: string): void {
    this.queueCall("setXml", [xml], (ref) => {
      const part = this.part(ref);
      part.namespaceUri = namespaceOf(xml);
      part.xml = xml;
    });
  }
  delete(): void {
    this.queueCall("delete", [], (ref) => {
      this.part(ref);
      this.state.customXmlParts = this.state.customXmlParts.filter((p) => p.id !== ref.id);
    });
  }
  protected scalarNames(): string[] {
    return ["id", "namespaceUri"];
  }
  protected readProperty(property: string, ref: PartRef): unknown {
    const part = this.part(ref);
    if (property === "id") return part.id;
    if (property === "namespaceUri") return part.namespaceUri;
    throw officeError("InvalidArgument", `CustomXmlPart has no property "${property}".`);
  }
}
