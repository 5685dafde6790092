/**
 * The Office.js host: SpreadsheetHost over the Excel JavaScript API. It uses the globals Excel
 * and Office, so the same code runs in Excel and, in tests, against the in-memory fake.
 */
import { parseRangeA1, toA1 } from "../core/address";
import type { SheetPatch } from "../core/patch";
import type { Issue } from "../core/report";
import type { SheetSnapshot } from "../core/snapshot";
import {
  HostError,
  type AppliedFix,
  type CellSelection,
  type CellWrite,
  type FindingsSheet,
  type HostCapabilities,
  type SheetScope,
  type SpreadsheetHost,
  type TemplatePlacement,
} from "../host/types";
import { firstArea } from "./address";
import { toHostError } from "./errors";
import { RecordLoader, clearHighlights, isWriteFailure, loadHint, paintFindings, type WorkbookHint } from "./highlight";
import { WORKSHEET_INFO_PROPERTIES, readSheetSnapshots, worksheetInfos, type WorksheetInfo } from "./read";
import { detectFeatures, type ExcelFeatures } from "./requirements";
import { exportFindings } from "./export";
import { applyFix, undoFix } from "./fix";
import { insertTemplate } from "./template";

function changedMeanwhile(): HostError {
  return new HostError(
    "工作簿在校验之后发生了变化（例如工作表被重命名或删除）。请重新校验。",
    "The workbook changed after the check (a worksheet was renamed or deleted, for example). Please check again.",
  );
}

export class ExcelHost implements SpreadsheetHost {
  /** What the last read or write saw of the sheets and the highlight record; verified before use. */
  private hint: WorkbookHint | null = null;
  /** The worksheets as last seen, also by the selection listener: lets a read skip a round trip. */
  private seenWorksheets: WorksheetInfo[] | null = null;

  private get worksheets(): WorksheetInfo[] | null {
    return this.hint?.worksheets ?? this.seenWorksheets;
  }

  /** Pass features to pin them (tests); otherwise they are asked of Office.js at each use, so a host made before Office is ready still learns them. */
  constructor(private readonly pinned: ExcelFeatures | null = null) {}

  private get features(): ExcelFeatures {
    return this.pinned ?? detectFeatures();
  }

  get capabilities(): HostCapabilities {
    return { notes: this.features.notes };
  }

  async readSheets(scope: SheetScope): Promise<SheetSnapshot[]> {
    const record = new RecordLoader();
    try {
      const result = await readSheetSnapshots(
        scope,
        this.features,
        { first: (context) => record.first(context), second: () => record.second() },
        this.worksheets,
      );
      this.hint = { worksheets: result.worksheets, ...record.result(), noteCounts: result.noteCounts };
      return result.snapshots;
    } catch (error) {
      throw toHostError(error, "read");
    }
  }

  async showFindings(issues: readonly Issue[]): Promise<void> {
    let next = await this.paint(issues, this.hint ?? (await this.freshHint("highlight")));
    if (next === null) next = await this.paint(issues, await this.freshHint("highlight"));
    if (next === null) throw changedMeanwhile();
    this.hint = next;
  }

  private async paint(issues: readonly Issue[], hint: WorkbookHint): Promise<WorkbookHint | null> {
    try {
      return await paintFindings(issues, hint, this.features);
    } catch (error) {
      if (!isWriteFailure(error)) throw error;
      // Part of the batch ran: take every highlight away rather than leave a half-painted sheet.
      this.hint = null;
      const cause = toHostError(error.failure, "highlight");
      try {
        await this.clear(true);
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
    return this.clear(false);
  }

  private async clear(keepProtected: boolean): Promise<number> {
    let result = await clearHighlights(this.hint ?? (await this.freshHint("clear")), this.features, keepProtected);
    if (result === null) result = await clearHighlights(await this.freshHint("clear"), this.features, keepProtected);
    if (result === null) throw changedMeanwhile();
    this.hint = result.hint;
    return result.restored;
  }

  private async freshHint(operation: "highlight" | "clear"): Promise<WorkbookHint> {
    try {
      this.hint = await loadHint();
      return this.hint;
    } catch (error) {
      throw toHostError(error, operation);
    }
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    try {
      await Excel.run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      });
    } catch (error) {
      throw toHostError(error, "select");
    }
  }

  async onSelectionChanged(handler: (selection: CellSelection) => void): Promise<() => Promise<void>> {
    const report = async (event: Excel.WorksheetSelectionChangedEventArgs) => {
      const range = firstArea(event.address);
      const parsed = parseRangeA1(range);
      if (!parsed) return;
      try {
        const sheet = await worksheetName(event.worksheetId);
        handler({ sheet, cell: toA1(parsed.top, parsed.left), range });
      } catch {
        // A selection on a sheet that is gone by now has nothing to report.
      }
    };
    try {
      const registration = await Excel.run(async (context) => {
        const worksheets = context.workbook.worksheets;
        const added = worksheets.onSelectionChanged.add(report);
        // The same round trip learns the worksheets, which saves one on the first check.
        worksheets.load(WORKSHEET_INFO_PROPERTIES);
        await context.sync();
        this.seenWorksheets = worksheetInfos(worksheets);
        return added;
      });
      return async () => {
        await Excel.run(registration.context, async (context) => {
          registration.remove();
          await context.sync();
        });
      };
    } catch (error) {
      throw toHostError(error, "listen");
    }
  }

  async insertTemplate(
    patch: SheetPatch,
    where: "new-sheet" | "selection",
    sheetName: string,
  ): Promise<TemplatePlacement> {
    const placement = await insertTemplate(patch, where, sheetName, this.features);
    this.hint = null;
    return placement;
  }

  applyFix(writes: readonly CellWrite[]): Promise<AppliedFix> {
    return applyFix(writes);
  }

  undoFix(applied: AppliedFix): Promise<void> {
    return undoFix(applied);
  }

  async exportFindings(content: FindingsSheet): Promise<{ sheet: string; range: string }> {
    const written = await exportFindings(content);
    // A new worksheet: the sheets the hint knows are out of date.
    this.hint = null;
    this.seenWorksheets = null;
    return written;
  }
}

/** The sheet's name now (it may have been renamed since the add-in last looked). */
async function worksheetName(id: string): Promise<string> {
  return Excel.run(async (context) => {
    const worksheet = context.workbook.worksheets.getItem(id);
    worksheet.load("name");
    await context.sync();
    return worksheet.name;
  });
}

/** The host the task pane and the ribbon commands use. */
export function createExcelHost(): SpreadsheetHost {
  return new ExcelHost();
}
