/** @jest-environment jsdom */
/**
 * The function file as Office runs it: commands.ts against the in-memory Excel fake, with the ribbon's
 * Office.actions and dialog API stubbed. 校验 and 插入项目模板 must do their work on the workbook, leave the
 * result for the pane, tell the user when the pane cannot be opened, and always complete the event.
 */
import { createFakeExcel, emptyWorkbookState, findSheet, type FakeExcel } from "../fakes/excel";
import { readNotice, type Notice } from "../../src/commands/notice";
import { loadRibbonResult } from "../../src/commands/ribbon-result";
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

describe("the ribbon's function file", () => {
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

  it("opens the pane instead of a notice where Office can show it from a command", async () => {
    const stubs = installRibbonOffice(fake, { sharedRuntime: true });
    await loadFunctionFile();
    await press(stubs, "validate");
    expect(stubs.paneShown).toBe(1);
    expect(stubs.dialogs).toEqual([]);
    expect(loadRibbonResult(window.localStorage)).not.toBeNull();
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
