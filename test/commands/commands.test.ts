/** @jest-environment jsdom */
/**
 * The ribbon's commands as Office runs them, against the in-memory Excel fake, with Office.actions, Office.addin
 * and the dialog API stubbed, in the two runtimes manifest.xml declares (see src/commands/runtime.ts):
 *   - commands.html, Excel without SharedRuntime 1.1: a runtime of its own. 校验 leaves the result in
 *     localStorage and says so in a notice; it never calls Office.addin, which only a shared runtime has.
 *   - the pane's page in a shared runtime: the pane's entry registers the commands itself, 校验 hands its result
 *     to the rendered pane in memory and opens the pane.
 * Either way the event always completes.
 */
import path from "node:path";
import { createFakeExcel, emptyWorkbookState, findSheet, type FakeExcel } from "../fakes/excel";
import { stateFromXlsxFile } from "../fakes/excel/xlsx";
import { createExcelHost } from "../../src/excel";
import { checkWorkbook } from "../../src/core/check";
import { createResultChannel, ribbonRuntime } from "../../src/commands/runtime";
import type { CheckResult } from "../../src/taskpane/state";
import { readNotice, type Notice } from "../../src/commands/notice";
import { loadRibbonResult, ribbonResultStorageKey, saveRibbonResult } from "../../src/commands/ribbon-result";
import { UNFILLED_TEMPLATE_RULES } from "../template/support";

type Action = (event: { completed: () => void }) => void;

interface OfficeStubs {
  actions: Map<string, Action>;
  dialogs: string[];
  paneShown: number;
}

function installRibbonOffice(fake: FakeExcel, options: { sharedRuntime: boolean }): OfficeStubs {
  const stubs: OfficeStubs = { actions: new Map(), dialogs: [], paneShown: 0 };
  const office = fake.Office as unknown as Record<string, unknown> & { context: Record<string, unknown> };
  const isSetSupported = fake.Office.context.requirements.isSetSupported;
  office.context.requirements = {
    isSetSupported: (name: string, version?: string) =>
      name === "SharedRuntime" ? options.sharedRuntime : isSetSupported(name, version),
  };
  office.actions = { associate: (id: string, action: Action) => stubs.actions.set(id, action) };
  office.addin = options.sharedRuntime
    ? {
        showAsTaskpane: async () => {
          stubs.paneShown++;
        },
      }
    : undefined;
  office.AsyncResultStatus = { Succeeded: "succeeded", Failed: "failed" };
  office.EventType = { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" };
  office.context.ui = {
    displayDialogAsync: (url: string, _options: unknown, callback: (result: unknown) => void) => {
      stubs.dialogs.push(url);
      const handlers = new Map<string, () => void>();
      callback({
        status: "succeeded",
        value: {
          addEventHandler: (type: string, handler: () => void) => handlers.set(type, handler),
          close: () => {},
        },
      });
      // The user reads the notice and closes it.
      setTimeout(() => handlers.get("dialogEventReceived")?.(), 0);
    },
  };
  return stubs;
}

async function press(stubs: OfficeStubs, id: string): Promise<void> {
  const action = stubs.actions.get(id);
  if (!action) throw new Error(`No action "${id}" was associated.`);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`"${id}" never called event.completed()`)), 10000);
    action({
      completed: () => {
        clearTimeout(timer);
        resolve();
      },
    });
  });
}

function lastNotice(stubs: OfficeStubs): Notice | undefined {
  const url = stubs.dialogs.at(-1);
  return url ? readNotice(new URL(url).search)?.notice : undefined;
}

async function loadFunctionFile(): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
  // Office.onReady resolves on a later tick.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the ribbon's function file (commands.html, Excel without a shared runtime)", () => {
  let fake: FakeExcel;

  beforeEach(() => {
    window.localStorage.clear();
    fake = createFakeExcel(emptyWorkbookState(["Sheet1"]), { excelApi: "1.18" }).install();
  });

  afterEach(() => fake.uninstall());

  it("associates exactly the manifest's two functions", async () => {
    const stubs = installRibbonOffice(fake, { sharedRuntime: false });
    await loadFunctionFile();
    expect([...stubs.actions.keys()].sort()).toEqual(["insertTemplate", "validate"]);
  });

  it("inserts a template, validates it, leaves the result for the pane and tells the user", async () => {
    const stubs = installRibbonOffice(fake, { sharedRuntime: false });
    await loadFunctionFile();

    await press(stubs, "insertTemplate");
    const templateSheet = findSheet(fake.state, "项目绩效目标表");
    expect(templateSheet).toBeDefined();
    expect(fake.state.activeSheet).toBe("项目绩效目标表");
    expect(stubs.dialogs).toEqual([]);

    await press(stubs, "validate");
    const result = loadRibbonResult(window.localStorage);
    expect(result).not.toBeNull();
    expect(result?.source).toBe("ribbon");
    expect(result?.tables).toHaveLength(1);
    expect(result?.tables[0].sheet).toBe("项目绩效目标表");
    // A fresh template reports only what the user has yet to fill (spec §7).
    expect(
      result?.issues
        .filter((issue) => issue.sheet === "项目绩效目标表")
        .every((i) => UNFILLED_TEMPLATE_RULES.includes(i.rule)),
    ).toBe(true);
    expect(lastNotice(stubs)).toEqual({
      kind: "checked",
      summary: result?.summary,
      tables: 1,
      stored: true,
    });
  });

  it("never calls Office.addin from its own runtime, even where Excel reports SharedRuntime 1.1", async () => {
    // An Excel with SharedRuntime uses the nested ribbon and calls the pane's page; if it ever called
    // commands.html, this runtime could not open the pane: the result goes through storage and a notice.
    const stubs = installRibbonOffice(fake, { sharedRuntime: true });
    await loadFunctionFile();
    await press(stubs, "validate");
    expect(stubs.paneShown).toBe(0);
    expect(loadRibbonResult(window.localStorage)).not.toBeNull();
    expect(lastNotice(stubs)).toMatchObject({ kind: "checked", stored: true });
  });

  it("completes the event and shows a plain sentence when Excel refuses", async () => {
    const stubs = installRibbonOffice(fake, { sharedRuntime: false });
    await loadFunctionFile();
    fake.state.structureProtected = true;
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    await press(stubs, "insertTemplate");
    // The details go to the console for whoever supports the user; the user reads the notice.
    expect(consoleError).toHaveBeenCalled();
    consoleError.mockRestore();
    const notice = lastNotice(stubs);
    expect(notice?.kind).toBe("failed");
    if (notice?.kind !== "failed") return;
    expect(notice.messageZh).toMatch(/[\u4e00-\u9fff]/);
    expect(notice.messageEn).toMatch(/protected/i);
    expect(`${notice.messageZh} ${notice.messageEn}`).not.toMatch(/\n\s+at |RichApi|undefined/);
  });
});

describe("choosing where the ribbon's commands run", () => {
  const office = (sharedRuntime: boolean | "throws", parts: { actions?: boolean; addin?: boolean } = {}) => ({
    context: {
      requirements: {
        isSetSupported: (name: string, version?: string) => {
          if (sharedRuntime === "throws") throw new Error("not ready");
          return name === "SharedRuntime" && version === "1.1" && sharedRuntime;
        },
      },
    },
    actions: parts.actions === false ? {} : { associate: () => {} },
    addin: parts.addin === false ? {} : { showAsTaskpane: async () => {} },
  });

  it("commands.html always runs them in its own runtime", () => {
    expect(ribbonRuntime("function-file", office(false))).toBe("separate");
    expect(ribbonRuntime("function-file", office(true))).toBe("separate");
  });

  it("the pane registers them only in a shared runtime with the API it needs", () => {
    expect(ribbonRuntime("pane", office(true))).toBe("shared");
    expect(ribbonRuntime("pane", office(false))).toBeNull();
    expect(ribbonRuntime("pane", office("throws"))).toBeNull();
    expect(ribbonRuntime("pane", office(true, { actions: false }))).toBeNull();
    expect(ribbonRuntime("pane", office(true, { addin: false }))).toBeNull();
    expect(ribbonRuntime("pane", undefined)).toBeNull();
  });

  it("hands results over in memory, and one that came before the pane subscribed is not lost", () => {
    const channel = createResultChannel();
    const first = { checkedAt: "1" } as CheckResult;
    const second = { checkedAt: "2" } as CheckResult;
    expect(channel.latest()).toBeNull();
    channel.publish(first);
    const heard: CheckResult[] = [];
    // The pane rendered with `first` already: no repeat.
    const stop = channel.subscribe((result) => heard.push(result), first);
    expect(heard).toEqual([]);
    channel.publish(second);
    expect(heard).toEqual([second]);
    stop();
    channel.publish(first);
    expect(heard).toEqual([second]);
    // A pane that rendered before `first` arrived hears the latest at once.
    const late: CheckResult[] = [];
    channel.subscribe((result) => late.push(result), null);
    expect(late).toEqual([first]);
  });
});

describe("the pane's page (taskpane.html)", () => {
  const example = path.join(__dirname, "..", "..", "examples", "huailai-2022.xlsx");
  let fake: FakeExcel;

  beforeEach(async () => {
    window.localStorage.clear();
    document.body.innerHTML = '<div id="container"></div>';
    fake = createFakeExcel(await stateFromXlsxFile(example), { excelApi: "1.18" }).install();
  });

  afterEach(() => {
    fake.uninstall();
    document.body.innerHTML = "";
  });

  async function loadPane(): Promise<void> {
    await jest.isolateModulesAsync(async () => {
      await import("../../src/taskpane/index");
    });
    await until(() => document.querySelector('[data-testid="validate"]') !== null, "the pane to render");
  }

  const tablesShown = () => document.querySelector<HTMLElement>('[data-testid="tables-found"]')?.dataset.count;

  async function expectedTables(): Promise<number> {
    const sheets = await createExcelHost().readSheets("all");
    return checkWorkbook(sheets, { framework: "auto", year: null }).tables.length;
  }

  it("in a shared runtime, registers the ribbon's commands; 校验 fills the open pane in memory and shows it", async () => {
    const stubs = installRibbonOffice(fake, { sharedRuntime: true });
    await loadPane();
    expect([...stubs.actions.keys()].sort()).toEqual(["insertTemplate", "validate"]);
    expect(tablesShown()).toBeUndefined();

    await press(stubs, "validate");
    const tables = await expectedTables();
    expect(tables).toBeGreaterThan(0);
    await until(() => tablesShown() === String(tables), "the pane to show the ribbon's result");
    expect(stubs.paneShown).toBe(1);
    expect(stubs.dialogs).toEqual([]);
    // One runtime, one state: nothing went through storage.
    expect(window.localStorage.getItem(ribbonResultStorageKey)).toBeNull();
  });

  it("in a shared runtime, tells a failure in the notice page (commands.html), not in a second pane", async () => {
    const stubs = installRibbonOffice(fake, { sharedRuntime: true });
    await loadPane();
    fake.state.structureProtected = true;
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => {});
    await press(stubs, "insertTemplate");
    consoleError.mockRestore();
    expect(stubs.dialogs).toHaveLength(1);
    expect(new URL(stubs.dialogs[0]).pathname).toBe("/commands.html");
    expect(lastNotice(stubs)?.kind).toBe("failed");
  });

  it("without a shared runtime, leaves the commands to commands.html and hears its results through storage", async () => {
    const stubs = installRibbonOffice(fake, { sharedRuntime: false });
    await loadPane();
    expect(stubs.actions.size).toBe(0);

    const sheets = await createExcelHost().readSheets("all");
    const outcome = checkWorkbook(sheets, { framework: "auto", year: null });
    const result = {
      tables: outcome.tables,
      issues: outcome.issues,
      summary: outcome.summary,
      scope: "all",
      sheetCount: sheets.length,
      source: "ribbon",
      checkedAt: new Date().toISOString(),
    } as const;
    // What commands.html does in its own runtime, and the event the browser gives the pane's window.
    expect(saveRibbonResult(window.localStorage, result)).toBe(true);
    window.dispatchEvent(
      new StorageEvent("storage", {
        key: ribbonResultStorageKey,
        newValue: window.localStorage.getItem(ribbonResultStorageKey),
      }),
    );
    await until(() => tablesShown() === String(outcome.tables.length), "the pane to show the stored result");
  });
});
