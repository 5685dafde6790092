/**
 * The result of the ribbon's 校验, handed to the task pane through localStorage.
 *
 * The ribbon's function file (commands.html) and the task pane (taskpane.html) run in separate browser
 * runtimes (no shared runtime), but on the same origin, so they share localStorage:
 *   - the function file writes the result under `ribbonResultStorageKey` after each 校验;
 *   - the pane reads it when it opens (`loadRibbonResult`) and, while open, hears later ones through the
 *     window's "storage" event (`subscribeRibbonResults`).
 * The stored value is JSON: { version: 1, ...CheckResult with source "ribbon" }; a reader validates it,
 * because storage may hold a copy from an older version of the add-in or one edited by hand.
 */
import { z } from "zod";
import { issueSchema, summarySchema, tableSummarySchema } from "../core/report";
import type { CheckResult } from "../taskpane/state";

export const ribbonResultStorageKey = "target-table.ribbon-result";

const storedRibbonResultSchema = z.object({
  version: z.literal(1),
  tables: z.array(tableSummarySchema),
  issues: z.array(issueSchema),
  summary: summarySchema,
  scope: z.enum(["active", "all"]),
  sheetCount: z.number().int().nonnegative(),
  source: z.literal("ribbon"),
  checkedAt: z.iso.datetime(),
});

/** A result as the ribbon leaves it: a pane CheckResult whose source is always the ribbon. */
export type RibbonResult = CheckResult & { source: "ribbon" };

/** Parses a stored value; null when absent or not a well-formed result of this version. */
export function parseRibbonResult(text: string | null | undefined): RibbonResult | null {
  if (!text) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = storedRibbonResultSchema.safeParse(value);
  if (!parsed.success) return null;
  const { tables, issues, summary, scope, sheetCount, source, checkedAt } = parsed.data;
  return { tables, issues, summary, scope, sheetCount, source, checkedAt };
}

/** Stores the result; false when storage is missing, full or disabled. */
export function saveRibbonResult(storage: Pick<Storage, "setItem"> | null, result: RibbonResult): boolean {
  if (!storage) return false;
  try {
    storage.setItem(ribbonResultStorageKey, JSON.stringify({ version: 1, ...result }));
    return true;
  } catch {
    return false;
  }
}

export function loadRibbonResult(storage: Pick<Storage, "getItem"> | null): RibbonResult | null {
  try {
    return parseRibbonResult(storage?.getItem(ribbonResultStorageKey));
  } catch {
    return null;
  }
}

type StorageEventTarget = Pick<Window, "addEventListener" | "removeEventListener">;

/** Calls back on every new ribbon result stored by another page of the add-in; returns an unsubscribe function. */
export function subscribeRibbonResults(
  target: StorageEventTarget,
  handler: (result: RibbonResult) => void,
): () => void {
  const listener = (event: StorageEvent) => {
    if (event.key !== ribbonResultStorageKey) return;
    const result = parseRibbonResult(event.newValue);
    if (result) handler(result);
  };
  target.addEventListener("storage", listener);
  return () => target.removeEventListener("storage", listener);
}
