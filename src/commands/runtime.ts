/**
 * Where the ribbon's commands run, and how their results reach the task pane.
 *
 * manifest.xml declares two ribbons:
 *   - VersionOverridesV1_0 (every Excel with add-in commands): the function file is commands.html, a runtime of
 *     its own. A result reaches the pane through localStorage (ribbon-result.ts), and a command cannot open the
 *     pane (Office.addin needs a shared runtime), so it shows a notice instead.
 *   - the nested VersionOverridesV1_1, which requires SharedRuntime 1.1: the function file is taskpane.html, the
 *     pane's own page, in one long-lived runtime. The commands are registered by the pane's entry, the result is
 *     handed over in memory (`paneResults` below) and 校验 opens the pane with Office.addin.showAsTaskpane().
 *
 * Which of the two Excel used is known from the page a command runs in; `ribbonRuntime` makes that choice
 * explicit so that each page registers the commands only where Excel will call them.
 */
import type { CheckResult } from "../taskpane/state";

/** The part of Office.js this module looks at. */
export interface OfficeRuntimeProbe {
  context?: { requirements?: { isSetSupported?: (name: string, minVersion?: string) => boolean } };
  actions?: { associate?: unknown };
  addin?: { showAsTaskpane?: unknown };
}

/** The page running the script: the task pane (taskpane.html) or the V1_0 function file (commands.html). */
export type RibbonPage = "pane" | "function-file";

/**
 * How this page runs the ribbon's commands:
 *   "shared"   — the pane's page, in a shared runtime: register the commands here, hand results over in memory;
 *   "separate" — commands.html, its own runtime (Excel without SharedRuntime 1.1): hand results over in storage;
 *   null       — the pane's page where Excel has no shared runtime: Excel calls commands.html, not this page.
 */
export function ribbonRuntime(page: RibbonPage, office: OfficeRuntimeProbe | undefined): "shared" | "separate" | null {
  if (page === "function-file") return "separate";
  let shared = false;
  try {
    shared = office?.context?.requirements?.isSetSupported?.("SharedRuntime", "1.1") === true;
  } catch {
    shared = false;
  }
  if (!shared) return null;
  if (typeof office?.actions?.associate !== "function") return null;
  if (typeof office?.addin?.showAsTaskpane !== "function") return null;
  return "shared";
}

/** Results handed from the ribbon to the pane inside one runtime. */
export interface ResultChannel {
  /** Hands a result over; the pane, if rendered, shows it at once, else when it first subscribes. */
  publish(result: CheckResult): void;
  /** The last result handed over, or null. */
  latest(): CheckResult | null;
  /**
   * Calls back on every later result; returns an unsubscribe function. `seen` is the result the subscriber
   * already shows: when a newer one arrived before it subscribed, it hears that one at once.
   */
  subscribe(handler: (result: CheckResult) => void, seen?: CheckResult | null): () => void;
}

export function createResultChannel(): ResultChannel {
  let last: CheckResult | null = null;
  const handlers = new Set<(result: CheckResult) => void>();
  return {
    publish(result) {
      last = result;
      for (const handler of [...handlers]) handler(result);
    },
    latest: () => last,
    subscribe(handler, seen = null) {
      handlers.add(handler);
      if (last !== null && last !== seen) handler(last);
      return () => {
        handlers.delete(handler);
      };
    },
  };
}

/** The channel of this runtime: in a shared runtime, the ribbon publishes here and the pane listens. */
export const paneResults: ResultChannel = createResultChannel();
