/**
 * An in-memory fake of the Excel JavaScript API subset the add-in uses, with Office.js's proxy
 * semantics (load, then sync, then read; writes apply at sync; a failed sync keeps what ran
 * before the failing action), a sync counter, payload estimates with an optional 5 MB cap, and
 * configurable requirement sets. Install it as the globals `Excel` and `Office`:
 *
 *   const fake = createFakeExcel(state, { excelApi: "1.13" });
 *   fake.install();
 *
 * Plain TypeScript without Node built-ins: the task pane's e2e page bundles it too.
 */
import { FakeEngine, FakeRequestContext, type ExcelApiVersion, type FakePlatform, type SyncRecord } from "./runtime";
import { FakeWorkbook } from "./objects";
import { parseSheetAddress, formatRange } from "./address";
import { sheetByKey } from "./model";
import { cloneState, emptyWorkbookState, type FakeWorkbookState } from "./state";

export * from "./state";
export { FakeOfficeError, type ExcelApiVersion, type FakePlatform } from "./runtime";

/** Excel on the web's request and response cap. */
export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeExcelOptions {
  /** The newest ExcelApi set the fake supports; calls needing a newer one fail with ApiNotFound. Default "1.18". */
  excelApi?: ExcelApiVersion;
  /** Default "PC". */
  platform?: FakePlatform;
  /** Payload cap in characters of JSON; default 5 MB on OfficeOnline, none elsewhere. */
  payloadLimit?: number | null;
  /** Office's display language, e.g. "zh-CN". */
  displayLanguage?: string;
}

type Batch<T> = (context: FakeRequestContext & { workbook: FakeWorkbook }) => Promise<T>;

interface FakeExcelNamespace {
  run<T>(batch: Batch<T>): Promise<T>;
  run<T>(objectOrContextOrOptions: unknown, batch: Batch<T>): Promise<T>;
  RequestContext: new () => FakeRequestContext;
}

interface FakeOfficeNamespace {
  context: {
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    platform: FakePlatform;
    diagnostics: { platform: FakePlatform; host: "Excel"; version: string };
    displayLanguage: string;
    contentLanguage: string;
  };
  PlatformType: Record<string, string>;
  HostType: Record<string, string>;
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
}

export class FakeExcel {
  readonly engine: FakeEngine;
  readonly Excel: FakeExcelNamespace;
  readonly Office: FakeOfficeNamespace;
  private previous: { Excel: unknown; Office: unknown } | null = null;

  constructor(state: FakeWorkbookState, options: FakeExcelOptions = {}) {
    const platform = options.platform ?? "PC";
    const payloadLimit =
      options.payloadLimit !== undefined
        ? options.payloadLimit
        : platform === "OfficeOnline"
          ? WEB_PAYLOAD_LIMIT
          : null;
    this.engine = new FakeEngine(state, { excelApi: options.excelApi ?? "1.18", platform, payloadLimit });
    const engine = this.engine;
    const newContext = () => {
      const context = new FakeRequestContext(engine);
      context.workbook = new FakeWorkbook(context);
      return context as FakeRequestContext & { workbook: FakeWorkbook };
    };
    const run = async <T>(first: unknown, second?: Batch<T>): Promise<T> => {
      const batch = (typeof first === "function" ? first : second) as Batch<T>;
      let context: FakeRequestContext & { workbook: FakeWorkbook };
      if (first instanceof FakeRequestContext) context = first as FakeRequestContext & { workbook: FakeWorkbook };
      else if (
        first &&
        typeof first === "object" &&
        (first as { context?: unknown }).context instanceof FakeRequestContext
      ) {
        context = (first as { context: FakeRequestContext & { workbook: FakeWorkbook } }).context;
      } else context = newContext();
      const result = await batch(context);
      // Excel.run sends whatever the batch left queued.
      if (context.pendingActions > 0) await context.sync();
      return result;
    };
    this.Excel = {
      run: run as FakeExcelNamespace["run"],
      RequestContext: function RequestContext() {
        return newContext();
      } as unknown as new () => FakeRequestContext,
    };
    const supported = (name: string, minVersion?: string | number) => {
      if (name.toLowerCase() !== "excelapi") return false;
      return minVersion === undefined ? true : engine.supports(String(minVersion));
    };
    const language = options.displayLanguage ?? "zh-CN";
    this.Office = {
      context: {
        requirements: { isSetSupported: supported },
        platform,
        diagnostics: { platform, host: "Excel", version: "16.0" },
        displayLanguage: language,
        contentLanguage: language,
      },
      PlatformType: {
        PC: "PC",
        OfficeOnline: "OfficeOnline",
        Mac: "Mac",
        iOS: "iOS",
        Android: "Android",
        Universal: "Universal",
      },
      HostType: { Excel: "Excel" },
      onReady: async (callback) => {
        const info = { host: "Excel", platform };
        callback?.(info);
        return info;
      },
    };
  }

  /** The live state (mutated by syncs). */
  get state(): FakeWorkbookState {
    return this.engine.state;
  }

  /** A deep copy of the state, as a saved and reopened file would have it. */
  snapshot(): FakeWorkbookState {
    return cloneState(this.engine.state);
  }

  get syncs(): readonly SyncRecord[] {
    return this.engine.syncs;
  }

  get syncCount(): number {
    return this.engine.syncs.length;
  }

  resetStats(): void {
    this.engine.syncs.length = 0;
  }

  /** Called before each sync (with its index since the last reset): simulate the user, or a failure. */
  set beforeSync(hook: ((syncIndex: number) => void) | null) {
    this.engine.beforeSync = hook;
  }

  /** Sets globalThis.Excel and globalThis.Office to this fake; uninstall() puts back what was there. */
  install(): this {
    const g = globalThis as Record<string, unknown>;
    this.previous = { Excel: g.Excel, Office: g.Office };
    g.Excel = this.Excel;
    g.Office = this.Office;
    return this;
  }

  uninstall(): void {
    if (!this.previous) return;
    const g = globalThis as Record<string, unknown>;
    g.Excel = this.previous.Excel;
    g.Office = this.previous.Office;
    this.previous = null;
  }

  /** What happens when the user clicks a cell: the sheet becomes active, the selection changes, handlers run. */
  async userSelects(sheetName: string, address: string): Promise<void> {
    const sheet = sheetByKey(this.state, sheetName);
    if (!sheet) throw new Error(`The fake has no worksheet "${sheetName}".`);
    const parsed = parseSheetAddress(address);
    if (!parsed) throw new Error(`"${address}" is not an address.`);
    this.state.activeSheet = sheet.name;
    sheet.selection = formatRange(parsed.range);
    this.engine.queueSelectionEvent({
      address: sheet.selection,
      worksheetId: sheet.id,
      type: "WorksheetSelectionChanged",
      source: "Local",
    });
    await this.engine.flushSelectionEvents();
  }
}

export function createFakeExcel(
  state: FakeWorkbookState = emptyWorkbookState(),
  options: FakeExcelOptions = {},
): FakeExcel {
  return new FakeExcel(state, options);
}
