/** A SpreadsheetHost over in-memory snapshots that records what the pane asked of it. */
import type { SheetPatch } from "../../src/core/patch";
import type { Issue } from "../../src/core/report";
import type { SheetSnapshot } from "../../src/core/snapshot";
import type {
  AppliedFix,
  CellSelection,
  CellWrite,
  FindingsSheet,
  SheetScope,
  SpreadsheetHost,
  TemplatePlacement,
} from "../../src/host/types";

export class RecordingHost implements SpreadsheetHost {
  readonly capabilities = { notes: true };
  readonly painted: Issue[][] = [];
  readonly selected: string[] = [];
  readonly inserted: { patch: SheetPatch; where: string; sheetName: string }[] = [];
  readonly scopes: SheetScope[] = [];
  clearCount = 0;
  /** Set to make the next readSheets fail with this error. */
  failNextRead: unknown = null;
  /** Resolves readSheets only when released, to observe the busy state. */
  gate: Promise<void> | null = null;
  private selectionHandler: ((selection: CellSelection) => void) | null = null;
  unsubscribed = false;
  readonly fixed: CellWrite[][] = [];
  readonly undone: AppliedFix[] = [];
  readonly exported: FindingsSheet[] = [];

  constructor(private readonly sheets: SheetSnapshot[]) {}

  async readSheets(scope: SheetScope): Promise<SheetSnapshot[]> {
    this.scopes.push(scope);
    if (this.gate) await this.gate;
    if (this.failNextRead !== null) {
      const error = this.failNextRead;
      this.failNextRead = null;
      throw error;
    }
    return scope === "all" ? this.sheets : this.sheets.slice(0, 1);
  }

  async showFindings(issues: readonly Issue[]): Promise<void> {
    this.painted.push([...issues]);
  }

  async clearFindings(): Promise<number> {
    const last = this.painted.at(-1) ?? [];
    this.painted.push([]);
    return last.filter((issue) => issue.severity !== "info").length + this.clearCount;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push(`${sheet}!${cell}`);
  }

  async onSelectionChanged(handler: (selection: CellSelection) => void): Promise<() => Promise<void>> {
    this.selectionHandler = handler;
    return async () => {
      this.unsubscribed = true;
      this.selectionHandler = null;
    };
  }

  /** What Excel does when the user clicks a cell. */
  userSelects(selection: CellSelection): void {
    this.selectionHandler?.(selection);
  }

  async insertTemplate(
    patch: SheetPatch,
    where: "new-sheet" | "selection",
    sheetName: string,
  ): Promise<TemplatePlacement> {
    this.inserted.push({ patch, where, sheetName });
    return { sheet: sheetName, range: `A1:G${patch.rowCount}` };
  }

  async applyFix(writes: readonly CellWrite[]): Promise<AppliedFix> {
    this.fixed.push([...writes]);
    return {
      cells: writes.map((w) => ({
        ...w,
        before: w.was ?? "",
        beforeFormat: "General",
        after: w.value,
        afterFormat: "General",
      })),
    };
  }

  async undoFix(applied: AppliedFix): Promise<void> {
    this.undone.push(applied);
  }

  async exportFindings(sheet: FindingsSheet): Promise<{ sheet: string; range: string }> {
    this.exported.push(sheet);
    return { sheet: sheet.name, range: `A1:F${sheet.rows.length + 1}` };
  }
}
