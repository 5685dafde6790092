/**
 * An in-memory WPS 表格 for tests: the global `Application` (and its alias `wps`) that a WPS JS
 * add-in sees, over plain state. Synchronous like the real API: every member acts at once.
 *
 *   const fake = createFakeWps(state).install();
 *   const host = new WpsHost();          // finds globalThis.Application
 *   fake.userSelects("Sheet1", "B3");    // fires SheetSelectionChange
 *
 * It follows the published typings (npm et-jsapi-declare 2.5.0) and the VBA object model's documented
 * behaviour; it has never been compared with a running WPS (none is available here).
 */
import { parseA1, toA1 } from "../../../src/core/address";
import {
  FakeNames,
  FakeRange,
  FakeSheets,
  FakeWorkbook,
  FakeWorksheet,
  WpsFakeError,
  WpsFakeRuntime,
  parseAreas,
} from "./objects";
import { cloneWpsState, emptyWpsState, type WpsWorkbookState } from "./state";

export * from "./state";
export { WpsFakeError } from "./objects";

/** A custom task pane as Application.CreateTaskPane returns it. */
export interface FakeTaskPane {
  ID: number;
  url: string;
  title: string;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  deleted: boolean;
  Navigate(url: string): void;
  Delete(): void;
}

export interface FakeWpsOptions {
  /** What NumberFormat reports for General; a Chinese WPS may say "G/通用格式". Default "General". */
  generalFormat?: string;
  /** Text WPS puts before a new comment's own (an author line, say). Default none. */
  commentPrefix?: string;
}

class FakeApplication {
  readonly taskPanes: FakeTaskPane[] = [];
  private readonly storage = new Map<string, string>();

  constructor(private readonly runtime: WpsFakeRuntime) {}

  get Name(): string {
    return "WPS 表格";
  }
  get ActiveWorkbook(): FakeWorkbook {
    return this.runtime.expose(new FakeWorkbook(this.runtime));
  }
  get ActiveSheet(): FakeWorksheet {
    return this.ActiveWorkbook.ActiveSheet;
  }
  get Worksheets(): FakeSheets {
    return this.ActiveWorkbook.Worksheets;
  }
  get Names(): FakeNames {
    return this.ActiveWorkbook.Names;
  }
  /** The active sheet's selection, as a Range. */
  get Selection(): FakeRange {
    const sheet = this.runtime.sheetByName(this.runtime.state.activeSheet)!;
    return this.runtime.expose(new FakeRange(this.runtime, sheet, parseAreas(sheet.selection ?? "A1")));
  }
  get ActiveCell(): FakeRange {
    const first = this.Selection.areas[0]!;
    return this.ActiveSheet.Range(toA1(first.top, first.left));
  }

  get DisplayAlerts(): boolean {
    return this.runtime.displayAlerts;
  }
  set DisplayAlerts(value: boolean) {
    this.runtime.displayAlerts = value;
  }
  get ScreenUpdating(): boolean {
    return this.runtime.screenUpdating;
  }
  set ScreenUpdating(value: boolean) {
    this.runtime.screenUpdating = value;
  }
  get EnableEvents(): boolean {
    return this.runtime.enableEvents;
  }
  set EnableEvents(value: boolean) {
    this.runtime.enableEvents = value;
  }

  get ApiEvent() {
    const handlers = this.runtime.selectionHandlers;
    return this.runtime.expose({
      Cancel: false,
      AddApiEventListener(name: string, callback: (sheet: unknown, range: unknown) => void): void {
        if (name !== "SheetSelectionChange") throw new Error(`fake: event ${name} is not modelled`);
        handlers.add(callback);
      },
      RemoveApiEventListener(name: string, callback?: (sheet: unknown, range: unknown) => void): void {
        if (name !== "SheetSelectionChange") throw new Error(`fake: event ${name} is not modelled`);
        if (callback) handlers.delete(callback);
        else handlers.clear();
      },
    });
  }

  CreateTaskPane(url: string, title = ""): FakeTaskPane {
    const pane: FakeTaskPane = {
      ID: this.taskPanes.length + 1,
      url,
      title,
      Visible: false,
      DockPosition: 2,
      Width: 300,
      deleted: false,
      Navigate(next: string) {
        this.url = next;
      },
      Delete() {
        this.deleted = true;
        this.Visible = false;
      },
    };
    this.taskPanes.push(pane);
    return this.runtime.expose(pane);
  }

  GetTaskPane(id: number): FakeTaskPane {
    const pane = this.taskPanes.find((p) => p.ID === id && !p.deleted);
    if (!pane) throw new WpsFakeError(5, "无效的任务窗格 ID。(No task pane has this id.)");
    return this.runtime.expose(pane);
  }

  get PluginStorage() {
    const storage = this.storage;
    return this.runtime.expose({
      setItem: (k: string, v: string | number | boolean) => void storage.set(k, String(v)),
      getItem: (k: string) => storage.get(k) ?? "",
      removeItem: (k: string) => void storage.delete(k),
      clear: () => storage.clear(),
      key: (i: number) => [...storage.keys()][i] ?? "",
      get length() {
        return storage.size;
      },
    });
  }
}

export class FakeWps {
  readonly runtime: WpsFakeRuntime;
  readonly Application: FakeApplication;
  private previous: { Application: unknown; wps: unknown } | null = null;

  constructor(state: WpsWorkbookState, options: FakeWpsOptions = {}) {
    this.runtime = new WpsFakeRuntime(state);
    this.runtime.generalFormat = options.generalFormat ?? "General";
    this.runtime.commentPrefix = options.commentPrefix ?? "";
    this.Application = this.runtime.expose(new FakeApplication(this.runtime));
  }

  get state(): WpsWorkbookState {
    return this.runtime.state;
  }

  /** A deep copy, as a saved and reopened workbook would have it. */
  snapshot(): WpsWorkbookState {
    return cloneWpsState(this.runtime.state);
  }

  /** Members touched since the last reset: the cost of an operation in calls across into WPS. */
  get calls(): number {
    return this.runtime.calls;
  }

  get alertsShown(): number {
    return this.runtime.alertsShown;
  }

  get taskPanes(): readonly FakeTaskPane[] {
    return this.Application.taskPanes;
  }

  resetStats(): void {
    this.runtime.calls = 0;
    this.runtime.alertsShown = 0;
  }

  /** Makes members fail: the hook runs before each member the host touches, with its name. */
  set failOn(hook: ((member: string) => void) | null) {
    this.runtime.failOn = hook;
  }

  /** Sets globalThis.Application and globalThis.wps to this fake; uninstall() puts back what was there. */
  install(): this {
    const g = globalThis as Record<string, unknown>;
    this.previous = { Application: g.Application, wps: g.wps };
    g.Application = this.Application;
    g.wps = this.Application;
    return this;
  }

  uninstall(): void {
    if (!this.previous) return;
    const g = globalThis as Record<string, unknown>;
    g.Application = this.previous.Application;
    g.wps = this.previous.wps;
    this.previous = null;
  }

  /** What a click does: the sheet becomes active, the selection changes, SheetSelectionChange fires. */
  userSelects(sheetName: string, address: string): void {
    const sheet = this.runtime.sheetByName(sheetName);
    if (!sheet) throw new Error(`The fake has no worksheet "${sheetName}".`);
    if (!address.split(",").every((part) => part.split(":").every((cell) => parseA1(cell)))) {
      throw new Error(`"${address}" is not an address.`);
    }
    this.runtime.state.activeSheet = sheet.name;
    sheet.selection = address;
    this.runtime.fireSelection(sheet, parseAreas(address));
  }
}

export function createFakeWps(state: WpsWorkbookState = emptyWpsState(), options: FakeWpsOptions = {}): FakeWps {
  return new FakeWps(state, options);
}
