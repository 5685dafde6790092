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
 *
 * This is the only schema the task pane's bundle needs, so it is written with zod/mini (a fraction of zod's
 * size) rather than imported from src/core/report.ts, whose full-zod schemas it mirrors; a test checks that
 * both accept and refuse the same findings.
 */
import * as z from "zod/mini";
import type { Issue, Summary, TableSummary } from "../core/report";
import type { CheckResult } from "../taskpane/state";

export const ribbonResultStorageKey = "target-table.ribbon-result";

const count = () => z.number().check(z.int(), z.nonnegative());

const fixSchema = z.object({ cell: z.string(), value: z.string(), was: z.optional(z.string()) });

/** src/core/report.ts's issueSchema, in zod/mini. */
export const storedIssueSchema = z.object({
  rule: z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
  severity: z.enum(["error", "warning", "info"]),
  sheet: z.string(),
  cell: z.string().check(z.regex(/^[A-Z]{1,3}[1-9][0-9]*$/)),
  table: z.nullable(count()),
  message: z.string().check(z.minLength(1)),
  messageEn: z.string().check(z.minLength(1)),
  fix: z.nullable(fixSchema),
  fixes: z.optional(z.array(fixSchema)),
});

/** src/core/report.ts's tableSummarySchema, in zod/mini. */
export const storedTableSchema = z.object({
  sheet: z.string(),
  range: z.string(),
  kind: z.enum(["project", "department", "self-evaluation", "unknown"]),
  framework: z.enum(["legacy", "2021"]),
  projectName: z.nullable(z.string()),
  projectCode: z.nullable(z.string()),
});

const storedSummarySchema = z.object({ errors: count(), warnings: count(), infos: count() });

const storedRibbonResultSchema = z.object({
  version: z.literal(1),
  tables: z.array(storedTableSchema),
  issues: z.array(storedIssueSchema),
  summary: storedSummarySchema,
  scope: z.enum(["active", "all"]),
  sheetCount: count(),
  source: z.literal("ribbon"),
  checkedAt: z.iso.datetime(),
});

// The mirrored schemas must give the core's types (a compile-time check).
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const sameTypes: [
  Same<z.infer<typeof storedIssueSchema>, Issue>,
  Same<z.infer<typeof storedTableSchema>, TableSummary>,
  Same<z.infer<typeof storedSummarySchema>, Summary>,
] = [true, true, true];
void sameTypes;

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
