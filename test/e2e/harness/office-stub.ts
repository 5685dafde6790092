/**
 * Stands in for office.js in the harness page (there is no network and no Excel here): installs
 * the fake Excel as the globals `Excel` and `Office`, loaded with the workbook the harness server
 * serves at /fake-state.json, and resolves Office.onReady once it is in place.
 *
 * Query parameters: lang (Office's display language, default zh-CN), theme (light | dark),
 * api (newest ExcelApi set, default 1.18), platform (PC | Mac | OfficeOnline).
 *
 * For the preview page and the tests it exposes `window.fakeExcelHarness`.
 */
import { createFakeExcel, type ExcelApiVersion, type FakeExcel, type FakePlatform } from "../../fakes/excel";
import type { FakeWorkbookState } from "../../fakes/excel/state";

export interface FakeExcelHarness {
  /** A deep copy of the workbook as it is now. */
  getState(): FakeWorkbookState;
  /** The user clicks a cell (or a range) in the sheet. */
  select(sheet: string, address: string): Promise<void>;
  /** The user clicks a sheet tab. */
  activate(sheet: string): void;
  /** Calls back after every Excel.run the pane makes and every simulated click; returns an unsubscribe. */
  onChange(listener: () => void): () => void;
  /** How many Excel.run batches the pane has finished. */
  readonly runs: number;
}

declare global {
  interface Window {
    fakeExcelHarness?: FakeExcelHarness;
  }
}

const query = new URLSearchParams(window.location.search);
const displayLanguage = query.get("lang") || "zh-CN";
const dark = query.get("theme") === "dark";
const excelApi = (query.get("api") || "1.18") as ExcelApiVersion;
const platform = (query.get("platform") || "PC") as FakePlatform;

/** Office's own theme colours for its white and black themes. */
const officeTheme = dark
  ? {
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#FFFFFF",
      controlBackgroundColor: "#3A3A3A",
      controlForegroundColor: "#FFFFFF",
    }
  : {
      bodyBackgroundColor: "#FFFFFF",
      bodyForegroundColor: "#000000",
      controlBackgroundColor: "#FFFFFF",
      controlForegroundColor: "#000000",
    };

async function loadState(): Promise<FakeWorkbookState> {
  const response = await fetch("fake-state.json", { cache: "no-store" });
  if (!response.ok) throw new Error(`The harness server gave no workbook (HTTP ${response.status}).`);
  return (await response.json()) as FakeWorkbookState;
}

function install(fake: FakeExcel): FakeExcelHarness {
  fake.install();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((listener) => listener());
  let runs = 0;
  const excel = (globalThis as unknown as { Excel: { run: (...args: unknown[]) => Promise<unknown> } }).Excel;
  const run = excel.run.bind(excel);
  excel.run = async (...args: unknown[]) => {
    try {
      return await run(...args);
    } finally {
      runs++;
      notify();
    }
  };
  const office = (globalThis as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.officeTheme = officeTheme;
  return {
    getState: () => fake.snapshot(),
    select: async (sheet, address) => {
      await fake.userSelects(sheet, address);
      notify();
    },
    activate: (sheet) => {
      fake.state.activeSheet = sheet;
      notify();
    },
    onChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get runs() {
      return runs;
    },
  };
}

// The pane calls Office.onReady as soon as its script runs; it must wait for the workbook to arrive.
const ready = loadState().then((state) => {
  const fake = createFakeExcel(state, { displayLanguage, excelApi, platform });
  const harness = install(fake);
  window.fakeExcelHarness = harness;
  window.dispatchEvent(new Event("fake-excel-ready"));
  return fake;
});

const pendingOffice = {
  HostType: { Excel: "Excel" },
  PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    return ready.then((fake) => fake.Office.onReady(callback));
  },
};
(globalThis as unknown as { Office: unknown }).Office = pendingOffice;

ready.catch((error: unknown) => {
  document.body.textContent = `Harness: ${error instanceof Error ? error.message : String(error)}`;
});
