/**
 * The pane's settings and where they are kept (the pane's localStorage, so they survive reopening).
 */
import type { FrameworkChoice } from "../core/check";
import type { SheetScope } from "../host/types";
import type { Language } from "./i18n";

export interface PaneSettings {
  framework: FrameworkChoice;
  /** The budget year typed by the user, or null to let the core find it. */
  year: number | null;
  scope: SheetScope;
  /** The language the user picked, or null to follow Office's display language. */
  language: Language | null;
}

export const defaultSettings: PaneSettings = { framework: "auto", year: null, scope: "all", language: null };

export const settingsStorageKey = "target-table.pane-settings";

const frameworks: readonly FrameworkChoice[] = ["auto", "legacy", "2021"];
const scopes: readonly SheetScope[] = ["all", "active"];

const minBudgetYear = 2000;
const maxBudgetYear = 2099;

/** Parses what the user typed in the year box: "" is "automatic", anything else must be a plausible year. */
export function parseBudgetYear(text: string): { ok: true; year: number | null } | { ok: false } {
  const trimmed = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (trimmed === "") return { ok: true, year: null };
  if (!/^\d{4}$/.test(trimmed)) return { ok: false };
  const year = Number(trimmed);
  return year >= minBudgetYear && year <= maxBudgetYear ? { ok: true, year } : { ok: false };
}

/** Reads stored settings, keeping only well-formed values (storage may hold an older or edited copy). */
export function loadSettings(storage: Pick<Storage, "getItem"> | null): PaneSettings {
  let stored: unknown = null;
  try {
    const text = storage?.getItem(settingsStorageKey);
    stored = text ? JSON.parse(text) : null;
  } catch {
    stored = null;
  }
  if (!stored || typeof stored !== "object") return { ...defaultSettings };
  const record = stored as Record<string, unknown>;
  const framework = frameworks.find((f) => f === record.framework) ?? defaultSettings.framework;
  const scope = scopes.find((s) => s === record.scope) ?? defaultSettings.scope;
  const year =
    typeof record.year === "number" &&
    Number.isInteger(record.year) &&
    record.year >= minBudgetYear &&
    record.year <= maxBudgetYear
      ? record.year
      : null;
  const language = record.language === "zh" || record.language === "en" ? record.language : null;
  return { framework, year, scope, language };
}

export function saveSettings(storage: Pick<Storage, "setItem"> | null, settings: PaneSettings): void {
  try {
    storage?.setItem(settingsStorageKey, JSON.stringify(settings));
  } catch {
    // Storage can be full or disabled (private mode); the settings then last for this session only.
  }
}
