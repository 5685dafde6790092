import {
  defaultSettings,
  loadSettings,
  parseBudgetYear,
  saveSettings,
  settingsStorageKey,
} from "../../src/taskpane/settings";

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe("parseBudgetYear", () => {
  it("reads an empty box as automatic and a four-digit year as that year", () => {
    expect(parseBudgetYear("")).toEqual({ ok: true, year: null });
    expect(parseBudgetYear("  ")).toEqual({ ok: true, year: null });
    expect(parseBudgetYear("2023")).toEqual({ ok: true, year: 2023 });
    expect(parseBudgetYear("２０２４")).toEqual({ ok: true, year: 2024 });
  });

  it("refuses anything that is not a plausible budget year", () => {
    for (const text of ["23", "20233", "year", "1999", "2100", "2023年"]) {
      expect(parseBudgetYear(text)).toEqual({ ok: false });
    }
  });
});

describe("loadSettings and saveSettings", () => {
  it("round-trips settings through storage", () => {
    const storage = new MemoryStorage();
    const settings = { framework: "2021" as const, year: 2024, scope: "active" as const, language: "en" as const };
    saveSettings(storage, settings);
    expect(loadSettings(storage)).toEqual(settings);
  });

  it("falls back to the defaults for missing, corrupt or out-of-range values", () => {
    const storage = new MemoryStorage();
    expect(loadSettings(storage)).toEqual(defaultSettings);
    expect(loadSettings(null)).toEqual(defaultSettings);
    storage.setItem(settingsStorageKey, "{not json");
    expect(loadSettings(storage)).toEqual(defaultSettings);
    storage.setItem(settingsStorageKey, JSON.stringify({ framework: "2019", year: 12, scope: "some", language: "fr" }));
    expect(loadSettings(storage)).toEqual(defaultSettings);
    storage.setItem(settingsStorageKey, JSON.stringify({ framework: "legacy" }));
    expect(loadSettings(storage)).toEqual({ ...defaultSettings, framework: "legacy" });
  });

  it("keeps working when storage refuses to save", () => {
    const full = {
      setItem() {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => saveSettings(full, defaultSettings)).not.toThrow();
  });
});
