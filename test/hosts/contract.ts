/**
 * The two hosts under one harness: each is given the same workbook (the Excel fake's state, turned
 * into WPS's terms for the WPS fake), driven through the same SpreadsheetHost, and read back in one
 * neutral form. Both fakes are in-memory models; neither host has met its real application here.
 */
import { ExcelHost } from "../../src/excel";
import { detectFeatures } from "../../src/excel/requirements";
import type { SpreadsheetHost } from "../../src/host/types";
import { WpsHost } from "../../src/wps";
import { cellAt, cloneState, createFakeExcel, findSheet, type FakeExcel, type FakeWorkbookState } from "../fakes/excel";
import { bgrFromHex, createFakeWps, findWpsSheet, wpsCellAt, type FakeWps } from "../fakes/wps";
import { excelLook, wpsLook, wpsStateFromExcel, type CellLook } from "../fakes/wps/from-excel";

/** A data validation in one form for both fakes. */
export interface NeutralValidation {
  range: string;
  kind: "list" | "decimal" | "input";
  source?: string;
  min?: string;
  max?: string;
  promptTitle?: string;
  promptMessage?: string;
}

export interface Harness {
  host: SpreadsheetHost;
  /** A cell's fill, font colour and note as a person sees them. */
  look(sheet: string, cell: string): CellLook;
  /** The whole workbook state, to compare with itself before and after. */
  state(): unknown;
  sheetNames(): string[];
  /** Sheets by name with their visibility: "visible", "hidden" or "veryHidden". */
  visibility(sheet: string): string | undefined;
  merges(sheet: string): string[];
  validations(sheet: string): NeutralValidation[];
  names(): { name: string; refersTo: string }[];
  activeSheet(): string;
  selection(sheet: string): string | undefined;
  userSelects(sheet: string, address: string): Promise<void>;
  protect(sheet: string): void;
  setSelection(sheet: string, address: string): void;
  /** A person changes a cell's fill to this colour. */
  userFills(sheet: string, cell: string, color: string): void;
  /** The workbook saved, closed and reopened: a new fake and a new host over a copy of the state. */
  reopen(): Harness;
  tearDown(): void;
}

export interface HostKind {
  name: "Excel" | "WPS";
  setUp(state: FakeWorkbookState): Harness;
}

function excelHarness(fake: FakeExcel): Harness {
  const sheet = (name: string) => findSheet(fake.state, name)!;
  return {
    host: new ExcelHost(detectFeatures()),
    look: (name, cell) => excelLook(cellAt(sheet(name), cell)),
    state: () => fake.snapshot(),
    sheetNames: () => fake.state.sheets.map((s) => s.name),
    visibility: (name) => {
      const v = findSheet(fake.state, name)?.visibility ?? (findSheet(fake.state, name) ? "Visible" : undefined);
      return v === undefined ? undefined : v === "VeryHidden" ? "veryHidden" : v === "Hidden" ? "hidden" : "visible";
    },
    merges: (name) => [...sheet(name).merges].sort(),
    validations: (name) =>
      (sheet(name).dataValidations ?? [])
        .map((v): NeutralValidation => {
          const rule = v.rule as {
            list?: { source: string };
            decimal?: { formula1: unknown; formula2?: unknown; operator: string };
          };
          const prompt = v.prompt?.showPrompt
            ? { promptTitle: v.prompt.title ?? "", promptMessage: v.prompt.message ?? "" }
            : {};
          if (rule.list) return { range: v.range, kind: "list", source: rule.list.source, ...prompt };
          if (rule.decimal) {
            const d = rule.decimal;
            const bounds =
              d.operator === "Between"
                ? { min: String(d.formula1), max: String(d.formula2) }
                : d.operator === "GreaterThanOrEqualTo"
                  ? { min: String(d.formula1) }
                  : { max: String(d.formula1) };
            return { range: v.range, kind: "decimal", ...bounds, ...prompt };
          }
          return { range: v.range, kind: "input", ...prompt };
        })
        .sort((a, b) => a.range.localeCompare(b.range)),
    names: () => fake.state.names.map((n) => ({ name: n.name, refersTo: n.formula })),
    activeSheet: () => fake.state.activeSheet,
    selection: (name) => sheet(name).selection,
    userSelects: (name, address) => fake.userSelects(name, address),
    protect: (name) => {
      sheet(name).protection = { protected: true };
    },
    setSelection: (name, address) => {
      fake.state.activeSheet = sheet(name).name;
      sheet(name).selection = address;
    },
    userFills: (name, cell, color) => {
      const s = sheet(name);
      s.cells[cell] = { ...s.cells[cell], fill: { color, pattern: "Solid" } };
    },
    reopen: () => {
      fake.uninstall();
      return excelHarness(createFakeExcel(cloneState(fake.state)).install());
    },
    tearDown: () => fake.uninstall(),
  };
}

const XL_OPERATOR_BETWEEN = 1;
const XL_OPERATOR_GREATER_EQUAL = 7;

function wpsHarness(fake: FakeWps): Harness {
  const sheet = (name: string) => findWpsSheet(fake.state, name)!;
  return {
    host: new WpsHost(),
    look: (name, cell) => wpsLook(wpsCellAt(sheet(name), cell)),
    state: () => fake.snapshot(),
    sheetNames: () => fake.state.sheets.map((s) => s.name),
    visibility: (name) => {
      const s = findWpsSheet(fake.state, name);
      return s === undefined ? undefined : s.visible === 2 ? "veryHidden" : s.visible === 0 ? "hidden" : "visible";
    },
    merges: (name) => [...sheet(name).merges].sort(),
    validations: (name) =>
      (sheet(name).validations ?? [])
        .map((v): NeutralValidation => {
          const prompt =
            v.showInput && (v.inputTitle || v.inputMessage)
              ? { promptTitle: v.inputTitle, promptMessage: v.inputMessage }
              : {};
          if (v.type === 3) return { range: v.range, kind: "list", source: v.formula1, ...prompt };
          if (v.type === 2) {
            const bounds =
              v.operator === XL_OPERATOR_BETWEEN
                ? { min: v.formula1, max: v.formula2 }
                : v.operator === XL_OPERATOR_GREATER_EQUAL
                  ? { min: v.formula1 }
                  : { max: v.formula1 };
            return { range: v.range, kind: "decimal", ...bounds, ...prompt };
          }
          return { range: v.range, kind: "input", ...prompt };
        })
        .sort((a, b) => a.range.localeCompare(b.range)),
    names: () => fake.state.names.map((n) => ({ name: n.name, refersTo: n.refersTo })),
    activeSheet: () => fake.state.activeSheet,
    selection: (name) => sheet(name).selection,
    userSelects: async (name, address) => fake.userSelects(name, address),
    protect: (name) => {
      sheet(name).protectContents = true;
    },
    setSelection: (name, address) => {
      fake.state.activeSheet = sheet(name).name;
      sheet(name).selection = address;
    },
    userFills: (name, cell, color) => {
      const s = sheet(name);
      s.cells[cell] = { ...s.cells[cell], interior: { pattern: 1, color: bgrFromHex(color) } };
    },
    reopen: () => {
      fake.uninstall();
      return wpsHarness(createFakeWps(fake.snapshot()).install());
    },
    tearDown: () => fake.uninstall(),
  };
}

export const HOSTS: HostKind[] = [
  { name: "Excel", setUp: (state) => excelHarness(createFakeExcel(cloneState(state)).install()) },
  { name: "WPS", setUp: (state) => wpsHarness(createFakeWps(wpsStateFromExcel(state)).install()) },
];
