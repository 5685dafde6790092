/**
 * The .xlsx host's write: an annotated copy of the checked workbook, its error and warning cells
 * painted in Excel's "Bad" and "Neutral" styles and explained in cell notes, as the add-in shows them.
 * Values, formulas and every other cell attribute stay as they were; the input is never written.
 */
import { realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type ExcelJS from "exceljs";
import { rangeContains, toA1 } from "../core/address";
import { HIGHLIGHT_COLORS, cellHighlights, noteText, type PaintedSeverity } from "../core/highlight";
import type { Issue } from "../core/report";
import { HostError } from "../host/types";
import { argb } from "./colour";
import { loadWorkbookFile, type LoadedWorkbook } from "./read";

/** exceljs writes cells without a font in its own default; a painted cell keeps that look. */
const DEFAULT_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2, scheme: "minor" };

interface AnnotationSummary {
  /** Cells painted (a merged area counts once). */
  cells: number;
  errorCells: number;
  warningCells: number;
}

/** Paints and annotates the loaded workbook in memory. Infos are listed by the report, never painted. */
function annotateWorkbook(loaded: LoadedWorkbook, issues: readonly Issue[]): AnnotationSummary {
  const summary: AnnotationSummary = { cells: 0, errorCells: 0, warningCells: 0 };
  for (const { sheet, row, col, severity, issues: cellIssues } of cellHighlights(issues)) {
    const worksheet = loaded.workbook.getWorksheet(sheet);
    if (!worksheet) continue;
    const snapshot = loaded.sheets.find((s) => s.name === sheet);
    const merge = snapshot?.merges.find((m) => rangeContains(m, row, col));
    const area = merge ?? { top: row, left: col, bottom: row, right: col };
    for (let r = area.top; r <= area.bottom; r++) {
      for (let c = area.left; c <= area.right; c++) paintCell(worksheet.getCell(toA1(r, c)), severity);
    }
    const anchorCell = worksheet.getCell(toA1(area.top, area.left));
    addNote(anchorCell, noteText(cellIssues));
    sizeNote(worksheet, anchorCell, area.right);
    summary.cells++;
    if (severity === "error") summary.errorCells++;
    else summary.warningCells++;
  }
  return summary;
}

function paintCell(cell: ExcelJS.Cell, severity: PaintedSeverity): void {
  const colours = HIGHLIGHT_COLORS[severity];
  // exceljs shares one style object among cells of the same style: give this cell its own.
  const style = cell.style ?? {};
  const font = style.font ? { ...style.font } : { ...DEFAULT_FONT };
  font.color = { argb: argb(colours.font) };
  cell.style = {
    ...style,
    font,
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(colours.fill) } },
  };
}

/** Appends our text to the cell's note, keeping any note the author wrote (and its formatting). */
function addNote(cell: ExcelJS.Cell, text: string): void {
  const existing = cell.note as string | ExcelJS.Comment | undefined;
  const heading = "【绩效目标表校验 · target-table check】\n";
  if (existing === undefined || existing === null || existing === "") {
    cell.note = heading + text;
    return;
  }
  if (typeof existing === "string") {
    cell.note = `${existing}\n\n${heading}${text}`;
    return;
  }
  const texts = [...(existing.texts ?? []), { text: `\n\n${heading}${text}` }];
  cell.note = { ...existing, texts } as ExcelJS.Comment;
}

/** Width of a note box, in characters of the default font, and the line height in points. */
const NOTE_WIDTH_CHARS = 56;
const NOTE_LINE_POINTS = 14;

/** Display width of text in character units (CJK characters count double). */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/**
 * Gives the cell's note a box large enough for its text. exceljs always writes a box two columns
 * wide and four rows high, which hides most of a finding's explanation when the note pops up.
 */
function sizeNote(worksheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, rightCol: number): void {
  const note = (cell as unknown as { _comment?: object })._comment;
  const descriptor = note && Object.getOwnPropertyDescriptor(Object.getPrototypeOf(note), "model");
  const readModel = descriptor?.get;
  if (!note || !readModel) return;
  const text = noteTextOf(cell);
  const lines = text
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / NOTE_WIDTH_CHARS)), 0);
  const heightPoints = lines * NOTE_LINE_POINTS + 12;
  // The box starts one column right of the cell (or of its merged area) and a row above it, as Excel places notes.
  const left = rightCol + 1;
  let right = left;
  for (let width = 0; width < NOTE_WIDTH_CHARS; right++) width += worksheet.getColumn(right + 1).width ?? 9;
  const top = Math.max(Number(cell.row) - 2, 0);
  let bottom = top;
  for (let height = 0; height < heightPoints; bottom++) height += worksheet.getRow(bottom + 1).height ?? 15;
  const anchor = { left, top, right, bottom };
  Object.defineProperty(note, "model", {
    configurable: true,
    get: () => ({ ...readModel.call(note), anchor }),
    set: (value: unknown) => descriptor?.set?.call(note, value),
  });
}

function noteTextOf(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (!note) return "";
  return typeof note === "string" ? note : (note.texts ?? []).map((t) => t.text).join("");
}

/** The annotated copy cannot be written where asked; the message says why, Chinese first. */
export class OutputError extends HostError {
  constructor(
    readonly file: string,
    reasonZh: string,
    reasonEn: string,
    options?: { cause?: unknown },
  ) {
    super(`无法写入“${file}”：${reasonZh}`, `cannot write "${file}": ${reasonEn}`, options);
    this.name = "OutputError";
  }
}

/** True when two paths name the same file (after resolving links), so that a copy would overwrite its source. */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  if (path.resolve(a) === path.resolve(b)) return true;
  const [ra, rb] = await Promise.all([resolveExisting(a), resolveExisting(b)]);
  if (ra === rb) return true;
  try {
    const [sa, sb] = await Promise.all([stat(a), stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** The real path of a file, or of its folder joined with its name when the file does not exist yet. */
async function resolveExisting(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    try {
      return path.join(await realpath(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/**
 * Writes an annotated copy of `input` to `output`. Refuses an output that is the input itself.
 * The copy is written beside the output under a temporary name, then renamed, so a failure never
 * leaves half a workbook behind.
 */
export async function writeAnnotatedCopy(
  input: string,
  output: string,
  issues: readonly Issue[],
  loaded?: LoadedWorkbook,
): Promise<AnnotationSummary> {
  if (await isSameFile(input, output)) {
    throw new OutputError(
      output,
      "标注副本不能覆盖被检查的原文件，请换一个文件名。",
      "the annotated copy may not overwrite the workbook being checked; choose another file name.",
    );
  }
  const workbook = loaded ?? (await loadWorkbookFile(input));
  const summary = annotateWorkbook(workbook, issues);
  const data = await workbook.workbook.xlsx.writeBuffer();
  const temporary = path.join(path.dirname(output), `.${path.basename(output)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, new Uint8Array(data as ArrayBuffer));
    await rename(temporary, output);
  } catch (cause) {
    await unlink(temporary).catch(() => undefined);
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new OutputError(output, `写入失败（${detail}）。`, `writing failed (${detail}).`, {
      cause,
    });
  }
  return summary;
}
