/** Shared set-up for the Excel host tests: a fake installed as the globals, a host over it. */
import { ExcelHost } from "../../src/excel";
import type { Issue } from "../../src/core/report";
import { detectFeatures } from "../../src/excel/requirements";
import { createFakeExcel, type FakeExcel, type FakeExcelOptions, type FakeWorkbookState } from "../fakes/excel";
import { FakeRequestContext, type QueuedAction } from "../fakes/excel/runtime";

let installed: FakeExcel | null = null;

/** Installs a fake over this state and returns it with a fresh host (features detected from the fake). */
export function setUp(state: FakeWorkbookState, options: FakeExcelOptions = {}): { fake: FakeExcel; host: ExcelHost } {
  installed?.uninstall();
  installed = createFakeExcel(state, options).install();
  return { fake: installed, host: new ExcelHost(detectFeatures()) };
}

export function tearDown(): void {
  installed?.uninstall();
  installed = null;
}

export function issue(
  sheet: string,
  cell: string,
  severity: Issue["severity"] = "error",
  message = "指标值“优秀 良好 一般”是评价等级的选项，不是目标值。",
  messageEn = 'The value "优秀 良好 一般" lists grade options, not a target.',
): Issue {
  return { rule: "value-option-list", severity, sheet, cell, table: 0, message, messageEn, fix: null };
}

export interface RecordedRequest {
  /** The index of the sync that carries it (counted since the fake's last resetStats). */
  sync: number;
  request: { op?: string; path?: string; spec?: unknown; method?: string; key?: string };
}

/**
 * Records what every context of every fake queues from now on, and still queues it. A spy: the
 * test file restores it with jest.restoreAllMocks() after each test.
 */
export function recordRequests(): RecordedRequest[] {
  const recorded: RecordedRequest[] = [];
  const enqueue = FakeRequestContext.prototype.enqueue;
  jest.spyOn(FakeRequestContext.prototype, "enqueue").mockImplementation(function (
    this: FakeRequestContext,
    action: QueuedAction,
  ) {
    recorded.push({ sync: this.engine.syncs.length, request: action.request as RecordedRequest["request"] });
    enqueue.call(this, action);
  });
  return recorded;
}
