/**
 * The WPS 表格 host: SpreadsheetHost over WPS's JS add-in API (the global `Application`), built
 * against the published typings (et-jsapi-declare) and tested against an in-memory WPS only.
 * No Office.js here. The API is synchronous; the methods are async only to keep the interface.
 */
import { parseRangeA1, toA1 } from "../core/address";
import type { SheetPatch } from "../core/patch";
import type { Issue } from "../core/report";
import type { SheetSnapshot } from "../core/snapshot";
import {
  HostError,
  type CellSelection,
  type HostCapabilities,
  type SheetScope,
  type SpreadsheetHost,
  type TemplatePlacement,
} from "../host/types";
import { firstWpsArea } from "./address";
import { findWorksheet, wpsApplication, type WpsApplication, type WpsRange } from "./api";
import { toWpsHostError } from "./errors";
import { clearHighlights, isPartialWrite, paintFindings } from "./highlight";
import { readSheet, sheetsInScope } from "./read";
import { insertTemplate } from "./template";

function notInWps(): HostError {
  return new HostError(
    "未找到 WPS 表格。请在 WPS 表格中打开此加载项。",
    "WPS Spreadsheets was not found. Open this add-in in WPS.",
  );
}

export class WpsHost implements SpreadsheetHost {
  /** Pass the application to pin it (tests); otherwise the page's global `Application` is used at each call. */
  constructor(private readonly pinned: WpsApplication | null = null) {}

  private get app(): WpsApplication {
    const app = this.pinned ?? wpsApplication();
    if (!app) throw notInWps();
    return app;
  }

  get capabilities(): HostCapabilities {
    // WPS comments are Excel's notes (the legacy comments).
    return { notes: true };
  }

  async readSheets(scope: SheetScope): Promise<SheetSnapshot[]> {
    try {
      return sheetsInScope(this.app, scope).map(readSheet);
    } catch (error) {
      throw toWpsHostError(error, "read");
    }
  }

  async showFindings(issues: readonly Issue[]): Promise<void> {
    const app = this.app;
    try {
      paintFindings(app, issues);
    } catch (error) {
      if (!isPartialWrite(error)) throw error;
      // Part of it was written: take every highlight away rather than leave a half-painted sheet.
      const cause = toWpsHostError(error.failure, "highlight");
      try {
        clearHighlights(app, true);
      } catch {
        // The failure itself is what the user needs to read.
      }
      throw new HostError(
        `${cause.messageZh} 已清除全部标记，单元格的内容没有改动。`,
        `${cause.messageEn} All highlights were removed; no cell value was changed.`,
        { cause: error.failure },
      );
    }
  }

  async clearFindings(): Promise<number> {
    return clearHighlights(this.app, false);
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    const app = this.app;
    try {
      const ws = findWorksheet(app, sheet);
      if (!ws) {
        throw new HostError(
          `无法选中单元格：找不到工作表“${sheet}”，可能已被重命名或删除。请重新校验后再试。`,
          `Could not select the cell: worksheet "${sheet}" was not found; it may have been renamed or deleted. Check the workbook again, then retry.`,
        );
      }
      ws.Activate();
      ws.Range(cell).Select();
    } catch (error) {
      throw toWpsHostError(error, "select");
    }
  }

  async onSelectionChanged(handler: (selection: CellSelection) => void): Promise<() => Promise<void>> {
    const app = this.app;
    const listener = (sheet: unknown, range: unknown) => {
      try {
        const name = (sheet as { Name?: unknown }).Name;
        const address = (range as WpsRange).Address(false, false);
        const area = firstWpsArea(address);
        const parsed = parseRangeA1(area);
        if (typeof name !== "string" || !parsed) return;
        handler({ sheet: name, cell: toA1(parsed.top, parsed.left), range: area });
      } catch {
        // A selection that cannot be read (a shape, a sheet going away) has nothing to report.
      }
    };
    try {
      app.ApiEvent.AddApiEventListener("SheetSelectionChange", listener);
    } catch (error) {
      throw toWpsHostError(error, "listen");
    }
    return async () => {
      app.ApiEvent.RemoveApiEventListener("SheetSelectionChange", listener);
    };
  }

  async insertTemplate(
    patch: SheetPatch,
    where: "new-sheet" | "selection",
    sheetName: string,
  ): Promise<TemplatePlacement> {
    return insertTemplate(this.app, patch, where, sheetName);
  }
}

export function createWpsHost(): SpreadsheetHost {
  return new WpsHost();
}
