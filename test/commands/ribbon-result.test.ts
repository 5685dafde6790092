/** The ribbon's result as the pane finds it in localStorage: written, read back, validated, announced. */
import {
  loadRibbonResult,
  parseRibbonResult,
  ribbonResultStorageKey,
  saveRibbonResult,
  storedIssueSchema,
  storedTableSchema,
  subscribeRibbonResults,
  type RibbonResult,
} from "../../src/commands/ribbon-result";
import { issueSchema, tableSummarySchema } from "../../src/core/report";

const result: RibbonResult = {
  tables: [
    {
      sheet: "Sheet1",
      range: "A1:F20",
      kind: "project",
      framework: "legacy",
      projectName: "会议费",
      projectCode: null,
    },
  ],
  issues: [
    {
      rule: "budget-missing",
      severity: "error",
      sheet: "Sheet1",
      cell: "C4",
      table: 0,
      message: "预算数为空",
      messageEn: "The budget is empty",
      fix: null,
    },
  ],
  summary: { errors: 1, warnings: 0, infos: 0 },
  scope: "all",
  sheetCount: 1,
  source: "ribbon",
  checkedAt: "2024-03-05T08:30:00.000Z",
};

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe("the ribbon result in storage", () => {
  it("is written under its documented key and read back as it was", () => {
    const storage = memoryStorage();
    expect(saveRibbonResult(storage, result)).toBe(true);
    expect(ribbonResultStorageKey).toBe("target-table.ribbon-result");
    expect(JSON.parse(storage.items.get(ribbonResultStorageKey)!)).toEqual({ version: 1, ...result });
    expect(loadRibbonResult(storage)).toEqual(result);
  });

  it("reads nothing from empty, damaged, older or foreign values", () => {
    expect(loadRibbonResult(memoryStorage())).toBeNull();
    expect(loadRibbonResult(null)).toBeNull();
    expect(parseRibbonResult("{")).toBeNull();
    expect(parseRibbonResult(JSON.stringify(result))).toBeNull();
    expect(parseRibbonResult(JSON.stringify({ version: 2, ...result }))).toBeNull();
    expect(parseRibbonResult(JSON.stringify({ version: 1, ...result, source: "pane" }))).toBeNull();
    expect(parseRibbonResult(JSON.stringify({ version: 1, ...result, checkedAt: "yesterday" }))).toBeNull();
    const badIssue = { ...result.issues[0], cell: "Sheet1!C4" };
    expect(parseRibbonResult(JSON.stringify({ version: 1, ...result, issues: [badIssue] }))).toBeNull();
  });

  it("reports a storage that is missing, full or refuses access", () => {
    expect(saveRibbonResult(null, result)).toBe(false);
    const full = {
      setItem: () => {
        throw new DOMException("quota", "QuotaExceededError");
      },
    };
    expect(saveRibbonResult(full, result)).toBe(false);
    const locked = {
      getItem: () => {
        throw new DOMException("denied", "SecurityError");
      },
    };
    expect(loadRibbonResult(locked)).toBeNull();
  });

  it("announces new results stored by another page, and stops when unsubscribed", () => {
    let listener: ((event: StorageEvent) => void) | null = null;
    const target = {
      addEventListener: (type: string, handler: (event: StorageEvent) => void) => {
        expect(type).toBe("storage");
        listener = handler;
      },
      removeEventListener: (_type: string, handler: (event: StorageEvent) => void) => {
        if (listener === handler) listener = null;
      },
    } as unknown as Pick<Window, "addEventListener" | "removeEventListener">;
    const received: RibbonResult[] = [];
    const unsubscribe = subscribeRibbonResults(target, (r) => received.push(r));
    const fire = (key: string | null, newValue: string | null) => listener?.({ key, newValue } as StorageEvent);
    fire("target-table.pane-settings", JSON.stringify({ version: 1, ...result }));
    fire(ribbonResultStorageKey, "{damaged");
    fire(ribbonResultStorageKey, null);
    fire(ribbonResultStorageKey, JSON.stringify({ version: 1, ...result }));
    expect(received).toEqual([result]);
    unsubscribe();
    expect(listener).toBeNull();
  });
});

describe("the stored result's schemas (zod/mini) mirror the report's (zod)", () => {
  const issue = result.issues[0];
  const fix = { cell: "C4", value: "20台" };
  const issues: unknown[] = [
    issue,
    { ...issue, table: null },
    { ...issue, fix },
    { ...issue, fix: { ...fix, was: "若干" } },
    { ...issue, fixes: [fix, { ...fix, cell: "D4" }] },
    { ...issue, fixes: [] },
    { ...issue, rule: "Budget_Missing" },
    { ...issue, severity: "fatal" },
    { ...issue, cell: "c4" },
    { ...issue, cell: "C0" },
    { ...issue, cell: "Sheet1!C4" },
    { ...issue, table: -1 },
    { ...issue, table: 0.5 },
    { ...issue, message: "" },
    { ...issue, messageEn: "" },
    { ...issue, fix: { cell: "C4" } },
    { ...issue, fix: undefined },
    { ...issue, fixes: [{ value: "x" }] },
    { ...issue, sheet: 3 },
    null,
    "issue",
  ];
  it.each(issues.map((value, index) => [index, value]))("issue %i: both accept it or both refuse it", (_i, value) => {
    expect(storedIssueSchema.safeParse(value).success).toBe(issueSchema.safeParse(value).success);
  });

  const table = result.tables[0];
  const tables: unknown[] = [
    table,
    { ...table, kind: "department", framework: "2021", projectName: null },
    { ...table, kind: "self-evaluation" },
    { ...table, kind: "other" },
    { ...table, framework: "2019" },
    { ...table, projectCode: undefined },
    { ...table, range: 1 },
  ];
  it.each(tables.map((value, index) => [index, value]))("table %i: both accept it or both refuse it", (_i, value) => {
    expect(storedTableSchema.safeParse(value).success).toBe(tableSummarySchema.safeParse(value).success);
  });

  it("the samples hold both accepted and refused values", () => {
    const accepted = issues.filter((value) => issueSchema.safeParse(value).success).length;
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThan(issues.length);
  });
});
