import { initialPaneState, paneReducer, type CheckResult, type PaneState } from "../../src/taskpane/state";

const result = (source: "pane" | "ribbon"): CheckResult => ({
  tables: [],
  issues: [],
  summary: { errors: 0, warnings: 0, infos: 0 },
  scope: "all",
  sheetCount: 1,
  source,
  checkedAt: "2024-03-01T08:00:00.000Z",
});

describe("paneReducer", () => {
  it("marks the pane busy while an operation runs and clears the last notice", () => {
    const before: PaneState = { ...initialPaneState, notice: { kind: "cleared", count: 3 } };
    const after = paneReducer(before, { type: "started", operation: "check" });
    expect(after.busy).toBe("check");
    expect(after.notice).toBeNull();
  });

  it("stores a check result and ends the busy state", () => {
    const busy = paneReducer(initialPaneState, { type: "started", operation: "check" });
    const done = paneReducer(busy, { type: "checked", result: result("pane") });
    expect(done.busy).toBeNull();
    expect(done.result?.source).toBe("pane");
  });

  it("ignores a ribbon result that arrives while the pane runs its own check", () => {
    const busy = paneReducer(initialPaneState, { type: "started", operation: "check" });
    expect(paneReducer(busy, { type: "checked", result: result("ribbon") })).toBe(busy);
    expect(paneReducer(initialPaneState, { type: "checked", result: result("ribbon") }).result?.source).toBe("ribbon");
  });

  it("keeps the result on failure and reports the error", () => {
    const withResult = paneReducer(initialPaneState, { type: "checked", result: result("pane") });
    const failed = paneReducer(paneReducer(withResult, { type: "started", operation: "insert" }), {
      type: "failed",
      error: new Error("x"),
    });
    expect(failed.busy).toBeNull();
    expect(failed.result).not.toBeNull();
    expect(failed.notice?.kind).toBe("failure");
  });

  it("drops the findings list when the highlights are cleared", () => {
    const withResult = paneReducer(initialPaneState, { type: "checked", result: result("pane") });
    const cleared = paneReducer(withResult, { type: "cleared", count: 7 });
    expect(cleared.result).toBeNull();
    expect(cleared.notice).toEqual({ kind: "cleared", count: 7 });
  });

  it("tracks the selection and dismisses notices", () => {
    const selected = paneReducer(initialPaneState, {
      type: "selectionChanged",
      selection: { sheet: "Sheet1", cell: "B7", range: "B7" },
    });
    expect(selected.selection?.cell).toBe("B7");
    const noticed = paneReducer(selected, {
      type: "inserted",
      placement: { sheet: "项目绩效目标表", range: "A1:G25" },
    });
    expect(noticed.notice?.kind).toBe("inserted");
    expect(paneReducer(noticed, { type: "dismissed" }).notice).toBeNull();
  });
});
