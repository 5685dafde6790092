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

/** One cell a fix writes: the value as the user would type it, and the text the check saw there. */
export interface CellWrite {
  sheet: string;
  cell: string;
  value: string;
  /** The cell's text when checked; the write is refused when the cell shows anything else now. */
  was?: string;
}

/** What a fix wrote and what each cell held before: enough to undo exactly that write. */
export interface AppliedFix {
  cells: {
    sheet: string;
    cell: string;
    /** The constant the cell held (a formula cell is never written). */
    before: string | number | boolean;
    beforeFormat: string;
    /** What the cell holds after the write, to tell whether the user changed it since. */
    after: string | number | boolean;
    afterFormat: string;
  }[];
}

/** The findings as a new worksheet: one row per finding, one column a link to the finding's cell. */
export interface FindingsSheet {
  /** The name wanted; the host takes the first free one ("校验结果", "校验结果 (2)" …). */
  name: string;
  header: string[];
  rows: { cells: string[]; target: { sheet: string; cell: string } }[];
  /** The column whose cells link to their row's target. */
  linkColumn: number;
  /** Column widths in characters. */
  widths?: number[];
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
  /**
   * Writes a fix's values, all or none, and only while each cell still shows what the check saw and holds
   * no formula: the one place the add-in changes a value, and only when the user clicks. Optional: a host
   * without it offers no Apply button.
   */
  applyFix?(writes: readonly CellWrite[]): Promise<AppliedFix>;
  /** Puts back what an applied fix replaced, while the cells still hold what it wrote. */
  undoFix?(applied: AppliedFix): Promise<void>;
  /** Adds the findings as a new worksheet (never over an existing one); returns the sheet's name. Optional. */
  exportFindings?(sheet: FindingsSheet): Promise<{ sheet: string; range: string }>;
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
