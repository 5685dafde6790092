/**
 * The highlight record in a WPS workbook: for every painted cell, its own fill and font colour from
 * before and a fingerprint of the note added there, in the same serialized form the Excel host keeps
 * in its custom XML part (src/host/record.ts), so a workbook saved, closed and reopened can still be
 * cleared exactly.
 *
 * Where: a very hidden worksheet. It is what every WPS build carries (the typings list
 * Workbook.CustomXMLParts too, but whether WPS keeps those parts on save is not documented), the
 * user cannot unhide it from the sheet tabs, and every reader here skips very hidden sheets (this
 * host, the Excel host, the command line). Its cost: adding it is refused while the workbook's
 * structure is protected; the host then refuses to paint, before writing anything.
 *
 * Cells are keyed by sheet name (WPS has no worksheet id that survives saving): a sheet renamed
 * between the check and the clear keeps its highlights until checked again.
 */
import {
  RECORD_NAMESPACE,
  emptyRecord,
  mergeRecords,
  parseRecord,
  serializeRecord,
  type HighlightRecord,
} from "../host/record";
import { HostError } from "../host/types";
import {
  XL_SHEET_VERY_HIDDEN,
  findWorksheet,
  quietly,
  worksheets,
  type WpsApplication,
  type WpsWorksheet,
} from "./api";

export const RECORD_SHEET_NAME = "绩效校验标记记录";
/** A cell holds at most 32,767 characters; the record is cut into pieces below that. */
const PIECE_CHARS = 30_000;

export function recordSheet(app: WpsApplication): WpsWorksheet | null {
  return findWorksheet(app, RECORD_SHEET_NAME);
}

/** The record as the workbook holds it now; a sheet that cannot be read counts as no record. */
export function loadRecord(app: WpsApplication): HighlightRecord {
  const sheet = recordSheet(app);
  if (!sheet) return emptyRecord();
  const used = sheet.UsedRange;
  const rows = used.Row + used.Rows.Count - 1;
  if (rows < 2) return emptyRecord();
  const column = sheet.Range(`A1:A${rows}`).Value2 as unknown;
  const cells = Array.isArray(column) ? column.map((row) => (Array.isArray(row) ? row[0] : row)) : [column];
  if (cells[0] !== RECORD_NAMESPACE) return emptyRecord();
  const xml = cells
    .slice(1)
    .map((piece) => (typeof piece === "string" ? piece : ""))
    .join("");
  return mergeRecords([parseRecord(xml)]);
}

/** Whether a record can be written: the sheet exists, or the workbook's structure allows adding it. */
export function canKeepRecord(app: WpsApplication): boolean {
  return recordSheet(app) !== null || !app.ActiveWorkbook.ProtectStructure;
}

export function noRecordError(): HostError {
  return new HostError(
    "无法标记问题单元格：工作簿结构受保护，无法保存标记记录（清除标记时需要它恢复原来的格式）。请先撤销工作簿保护（审阅 → 保护工作簿），再重新校验。工作簿未作任何改动。",
    "Could not highlight the findings: the workbook's structure is protected, so the record that clearing needs to restore the cells' own formatting cannot be kept. Unprotect the workbook (Review → Protect Workbook) and check again. Nothing in the workbook was changed.",
  );
}

/** Replaces the record; an empty record takes the sheet away (or empties it, where the structure is protected). */
export function saveRecord(app: WpsApplication, record: HighlightRecord): void {
  quietly(app, () => {
    let sheet = recordSheet(app);
    if (record.cells.length === 0) {
      if (!sheet) return;
      if (app.ActiveWorkbook.ProtectStructure) sheet.UsedRange.ClearContents();
      else sheet.Delete();
      return;
    }
    if (!sheet) {
      const active = app.ActiveSheet as WpsWorksheet;
      const all = worksheets(app);
      sheet = app.ActiveWorkbook.Worksheets.Add(undefined, all[all.length - 1]) as WpsWorksheet;
      sheet.Name = RECORD_SHEET_NAME;
      sheet.Visible = XL_SHEET_VERY_HIDDEN as Et.XlSheetVisibility;
      // Adding a sheet activates it: give the user's sheet back.
      active.Activate();
    } else sheet.UsedRange.ClearContents();
    const xml = serializeRecord(record);
    const pieces: string[] = [RECORD_NAMESPACE];
    for (let i = 0; i < xml.length; i += PIECE_CHARS) pieces.push(xml.slice(i, i + PIECE_CHARS));
    // A leading apostrophe keeps each piece text, whatever it starts with.
    sheet.Range(`A1:A${pieces.length}`).Value2 = pieces.map((piece) => [`'${piece}`]);
  });
}
