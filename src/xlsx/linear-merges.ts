/**
 * exceljs 4.4 checks every merged area of a sheet it loads against every area merged before it,
 * so loading is quadratic in merged areas: a sheet of 1,200 project tables (13,000 merged areas)
 * spends most of two minutes in that check. Target tables merge a dozen areas each, so the
 * reader opts its workbooks into a load that checks overlaps through a set of merged cells
 * instead: the same merges applied the same way, the same error for overlapping areas, linear.
 * Workbooks that do not opt in load exactly as exceljs has them.
 */
import ExcelJS from "exceljs";

/** The exceljs internals this relies on (exceljs/lib/doc/worksheet.js, 4.4). */
interface WorksheetInternals {
  _workbook: ExcelJS.Workbook;
  _merges: Record<string, MergeDimensions>;
  _parseMergeCells(model: { mergeCells?: string[] }): void;
  mergeCellsWithoutStyle(range: string): void;
}

interface MergeDimensions {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const linearWorkbooks = new WeakSet<ExcelJS.Workbook>();
let installed: boolean | null = null;

/** Patches the worksheet prototype once; false when this exceljs lacks the internals (then nothing changes). */
function install(): boolean {
  if (installed !== null) return installed;
  const probe = new ExcelJS.Workbook().addWorksheet("probe") as unknown as WorksheetInternals;
  const prototype = Object.getPrototypeOf(probe) as WorksheetInternals;
  const original = prototype._parseMergeCells;
  if (typeof original !== "function" || typeof prototype.mergeCellsWithoutStyle !== "function") {
    installed = false;
    return installed;
  }
  prototype._parseMergeCells = function parseMergeCells(this: WorksheetInternals, model) {
    if (!linearWorkbooks.has(this._workbook)) {
      original.call(this, model);
      return;
    }
    const merged: Record<string, MergeDimensions> = {};
    const taken = new Set<number>();
    for (const range of model.mergeCells ?? []) {
      // Merging into an empty index skips exceljs's scan over every earlier area; overlaps are caught below.
      this._merges = {};
      this.mergeCellsWithoutStyle(range);
      for (const [address, area] of Object.entries(this._merges)) {
        for (let r = area.top; r <= area.bottom; r++) {
          for (let c = area.left; c <= area.right; c++) {
            const key = r * 16384 + c; // Excel has 16,384 columns
            if (taken.has(key)) throw new Error("Cannot merge already merged cells");
            taken.add(key);
          }
        }
        merged[address] = area;
      }
    }
    this._merges = merged;
  };
  installed = true;
  return installed;
}

/** Makes this workbook's loads apply merged areas in linear time; returns the workbook. */
export function withLinearMergeLoading(workbook: ExcelJS.Workbook): ExcelJS.Workbook {
  if (install()) linearWorkbooks.add(workbook);
  return workbook;
}
