/**
 * The ribbon's 校验 and 插入项目模板 over a recording host: what they read, paint, store and tell the user,
 * and that Office always hears the command completed.
 */
import type { CheckOptions, WorkbookCheck } from "../../src/core/check";
import type { SheetPatch } from "../../src/core/patch";
import type { Issue } from "../../src/core/report";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { HostError, type SheetScope, type SpreadsheetHost, type TemplatePlacement } from "../../src/host/types";
import type { Notice } from "../../src/commands/notice";
import { loadRibbonResult, saveRibbonResult } from "../../src/commands/ribbon-result";
import {
  failureNotice,
  insertTemplate,
  ribbonTemplateFramework,
  runCommand,
  validate,
  type RibbonDependencies,
} from "../../src/commands/ribbon";
import { defaultSettings, type PaneSettings } from "../../src/taskpane/settings";

function sheet(name: string): SheetSnapshot {
  return { name, values: [["项目名称"]], texts: [["项目名称"]], numberFormats: [["General"]], merges: [] };
}

const issue: Issue = {
  rule: "value-vague",
  severity: "warning",
  sheet: "Sheet1",
  cell: "E17",
  table: 0,
  message: "指标值不明确",
  messageEn: "The value is vague",
  fix: null,
};

const outcome: WorkbookCheck = {
  tables: [
    {
      sheet: "Sheet1",
      range: "A1:F20",
      kind: "project",
      framework: "legacy",
      projectName: "专项运转保障经费",
      projectCode: "13052923P00584011444Y",
    },
  ],
  issues: [issue],
  summary: { errors: 0, warnings: 1, infos: 0 },
};

class FakeHost implements SpreadsheetHost {
  readonly capabilities = { notes: true };
  readonly calls: string[] = [];
  readonly painted: Issue[][] = [];
  readonly inserted: { patch: SheetPatch; where: string; sheetName: string }[] = [];
  failRead: unknown = null;

  async readSheets(scope: SheetScope): Promise<SheetSnapshot[]> {
    this.calls.push(`read ${scope}`);
    if (this.failRead) throw this.failRead;
    return scope === "all" ? [sheet("Sheet1"), sheet("Sheet2")] : [sheet("Sheet1")];
  }
  async showFindings(issues: readonly Issue[]): Promise<void> {
    this.calls.push("show");
    this.painted.push([...issues]);
  }
  async clearFindings(): Promise<number> {
    return 0;
  }
  async selectCell(sheetName: string, cell: string): Promise<void> {
    this.calls.push(`select ${sheetName}!${cell}`);
  }
  async onSelectionChanged(): Promise<() => Promise<void>> {
    return async () => {};
  }
  async insertTemplate(
    patch: SheetPatch,
    where: "new-sheet" | "selection",
    sheetName: string,
  ): Promise<TemplatePlacement> {
    this.calls.push(`insert ${where} ${sheetName}`);
    this.inserted.push({ patch, where, sheetName });
    return { sheet: `${sheetName} (2)`, range: `A1:G${patch.rowCount}` };
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new Error("QuotaExceededError");
    this.items.set(key, value);
  }
}

const patch: SheetPatch = {
  rowCount: 24,
  colCount: 7,
  cells: [],
  styles: {},
  merges: [],
  columnWidths: [],
  rowHeights: [],
  validations: [],
};

function setup(overrides: { settings?: Partial<PaneSettings>; paneOpens?: boolean } = {}) {
  const host = new FakeHost();
  const storage = new MemoryStorage();
  const notices: Notice[] = [];
  const checks: { sheets: readonly SheetSnapshot[]; options: CheckOptions }[] = [];
  const templates: { framework: string; language: string }[] = [];
  let paneRequests = 0;
  const deps: RibbonDependencies = {
    host,
    check: (sheets, options) => {
      checks.push({ sheets, options });
      return outcome;
    },
    buildTemplate: (options) => {
      templates.push(options);
      return patch;
    },
    templateSheetName: "项目绩效目标表",
    settings: { ...defaultSettings, ...overrides.settings },
    language: "zh",
    deliver: (result) => saveRibbonResult(storage, result),
    showPane: async () => {
      paneRequests++;
      return overrides.paneOpens ?? true;
    },
    notify: async (notice) => {
      notices.push(notice);
    },
    now: () => new Date("2024-03-05T08:30:00.000Z"),
  };
  return { deps, host, storage, notices, checks, templates, paneRequests: () => paneRequests };
}

describe("校验 from the ribbon", () => {
  it("checks with the pane's settings, paints the findings, leaves the result for the pane and opens it", async () => {
    const { deps, host, storage, notices, checks, paneRequests } = setup({
      settings: { framework: "2021", year: 2024, scope: "active" },
    });
    await validate(deps);
    expect(host.calls).toEqual(["read active", "show"]);
    expect(checks).toHaveLength(1);
    expect(checks[0].options).toEqual({ framework: "2021", year: 2024 });
    expect(checks[0].sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(host.painted).toEqual([[issue]]);
    expect(loadRibbonResult(storage)).toEqual({
      ...outcome,
      scope: "active",
      sheetCount: 1,
      source: "ribbon",
      checkedAt: "2024-03-05T08:30:00.000Z",
    });
    expect(paneRequests()).toBe(1);
    expect(notices).toEqual([]);
  });

  it("checks every sheet by default, as the pane does", async () => {
    const { deps, host, storage } = setup();
    await validate(deps);
    expect(host.calls[0]).toBe("read all");
    expect(loadRibbonResult(storage)?.sheetCount).toBe(2);
  });

  it("leaves a notice with the counts when the pane cannot be opened from the ribbon", async () => {
    const { deps, notices } = setup({ paneOpens: false });
    await validate(deps);
    expect(notices).toEqual([{ kind: "checked", summary: outcome.summary, tables: 1, stored: true }]);
  });

  it("does not open the pane on an old result when the new one cannot be stored", async () => {
    const { deps, storage, notices, paneRequests } = setup();
    storage.full = true;
    await validate(deps);
    expect(paneRequests()).toBe(0);
    expect(notices).toEqual([{ kind: "checked", summary: outcome.summary, tables: 1, stored: false }]);
  });

  it("paints nothing and stores nothing when reading the workbook fails", async () => {
    const { deps, host, storage } = setup();
    host.failRead = new HostError("无法读取工作表。", "The worksheet could not be read.");
    await expect(validate(deps)).rejects.toThrow(HostError);
    expect(host.painted).toEqual([]);
    expect(loadRibbonResult(storage)).toBeNull();
  });
});

describe("插入项目模板 from the ribbon", () => {
  it("inserts the legacy general template on a new sheet and selects its first cell", async () => {
    const { deps, host, templates } = setup();
    await insertTemplate(deps);
    expect(templates).toEqual([{ framework: "legacy", language: "zh" }]);
    expect(host.inserted.map(({ where, sheetName }) => [where, sheetName])).toEqual([["new-sheet", "项目绩效目标表"]]);
    expect(host.calls).toEqual(["insert new-sheet 项目绩效目标表", "select 项目绩效目标表 (2)!A1"]);
  });

  it("follows a framework pinned in the settings, and the user's language for the prompts", async () => {
    const { deps, templates } = setup({ settings: { framework: "2021" } });
    await insertTemplate({ ...deps, language: "en" });
    expect(templates).toEqual([{ framework: "2021", language: "en" }]);
    expect(ribbonTemplateFramework({ ...defaultSettings, framework: "auto" })).toBe("legacy");
    expect(ribbonTemplateFramework({ ...defaultSettings, framework: "legacy" })).toBe("legacy");
  });
});

describe("running a ribbon command", () => {
  it("completes once after success, without a notice", async () => {
    const completed = jest.fn();
    const notify = jest.fn(async () => {});
    await runCommand(completed, async () => {}, notify);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(notify).not.toHaveBeenCalled();
  });

  it("turns a host failure into its own plain sentences, and still completes", async () => {
    const completed = jest.fn();
    const notices: Notice[] = [];
    const log = jest.fn();
    await runCommand(
      completed,
      async () => {
        throw new HostError("请先退出单元格编辑，再点击校验。", "Finish editing the cell first, then validate.");
      },
      async (notice) => {
        notices.push(notice);
      },
      log,
    );
    expect(notices).toEqual([
      {
        kind: "failed",
        messageZh: "请先退出单元格编辑，再点击校验。",
        messageEn: "Finish editing the cell first, then validate.",
      },
    ]);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalled();
  });

  it("never shows a stack trace or a programmer's message for an unexpected error", async () => {
    const notices: Notice[] = [];
    await runCommand(
      () => {},
      async () => {
        throw new TypeError("Cannot read properties of undefined (reading 'values')");
      },
      async (notice) => {
        notices.push(notice);
      },
      () => {},
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toEqual(failureNotice(new TypeError("x")));
    const text = JSON.stringify(notices[0]);
    expect(text).not.toMatch(/undefined|TypeError|at \w|reading/);
    expect(notices[0]).toMatchObject({ kind: "failed", messageZh: expect.stringMatching(/^[^a-zA-Z]+$/) });
  });

  it("completes even when the failure cannot be shown", async () => {
    const completed = jest.fn();
    await runCommand(
      completed,
      async () => {
        throw new Error("read failed");
      },
      async () => {
        throw new Error("dialog failed");
      },
      () => {},
    );
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("keeps a failure's sentences only when both languages have one", () => {
    expect(failureNotice({ messageZh: "  ", messageEn: "Only English" })).toEqual(failureNotice(null));
    expect(failureNotice("a string")).toEqual(failureNotice(undefined));
  });
});
