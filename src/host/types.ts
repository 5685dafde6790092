/**
 * The host boundary: what the task pane and the ribbon commands need from a spreadsheet
 * application. Office.js implements it today; a WPS host can implement it too.
 * Shaped by the domain, not by any host's API.
 */
import type { SheetSnapshot } from "../core/snapshot";
import type { Issue } from "../core/report";
import type { SheetPatch } from "../core/patch";

export type SheetScope = "active" | "all";

export interface CellSelection {
  sheet: string;
  /** A1 address of the selected range's top-left cell. */
  cell: string;
  /** A1 address of the whole selection ("B3:D7"). */
  range: string;
}

export interface HostCapabilities {
  /** Cell notes (ExcelApi 1.18). */
  notes: boolean;
}

export interface TemplatePlacement {
  sheet: string;
  /** A1 range the template occupies. */
  range: string;
}

export interface SpreadsheetHost {
  readonly capabilities: HostCapabilities;
  /** Reads the active sheet, or every worksheet, as snapshots. */
  readSheets(scope: SheetScope): Promise<SheetSnapshot[]>;
  /** Restores earlier highlights, then paints these findings (errors and warnings) and attaches notes. */
  showFindings(issues: readonly Issue[]): Promise<void>;
  /** Restores every highlighted cell's own formatting; returns how many cells were restored. */
  clearFindings(): Promise<number>;
  /** Selects a cell, activating its sheet. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Calls back on every selection change; returns an unsubscribe function. */
  onSelectionChanged(handler: (selection: CellSelection) => void): Promise<() => Promise<void>>;
  /** Writes a template patch on a new sheet, or at the selection when every target cell is empty. */
  insertTemplate(patch: SheetPatch, where: "new-sheet" | "selection", sheetName: string): Promise<TemplatePlacement>;
}

/** A failure the user should read: a plain sentence in Chinese and in English. */
export class HostError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
    options?: { cause?: unknown },
  ) {
    super(`${messageZh} (${messageEn})`, options);
    this.name = "HostError";
  }
}

/** Sentences a failure carries for the user (HostError, or an error shaped like it). */
interface PlainMessages {
  messageZh: string;
  messageEn: string;
}

export function hasPlainMessages(error: unknown): error is PlainMessages {
  if (typeof error !== "object" || error === null) return false;
  const candidate = error as Partial<PlainMessages>;
  return typeof candidate.messageZh === "string" && typeof candidate.messageEn === "string";
}
