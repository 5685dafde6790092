/**
 * Read access to a snapshot with merged areas resolved: the view every parser and rule uses.
 */
import type { CellRange } from "./address";
import type { CellValue, SheetSnapshot } from "./snapshot";

/** A cell the parser picked up: where it is and what it holds. */
interface CellInfo {
  row: number;
  col: number;
  value: CellValue;
  /** Displayed text, trimmed. */
  text: string;
  numberFormat: string;
}

export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  /**
   * The merged areas crossing each row, as indexes into snapshot.merges: those of row r are
   * mergeIndex[rowStart[r] .. rowStart[r + 1] - 1]. A row holds a handful at most, so a scan beats
   * hashing every cell, and two flat arrays cost far less than an array per row.
   */
  private readonly rowStart: Int32Array;
  private readonly mergeIndex: Int32Array;
  private readonly merges: readonly CellRange[];
  /** Rows the index covers: the sheet's, and any a merged area reaches past them. */
  private readonly mergeRows: number;

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.rowCount = snapshot.values.length;
    let cols = 0;
    for (const row of snapshot.values) if (row.length > cols) cols = row.length;
    this.colCount = cols;
    this.merges = snapshot.merges;
    let span = this.rowCount;
    let crossings = 0;
    for (const merge of this.merges) {
      if (merge.bottom + 1 > span) span = merge.bottom + 1;
      crossings += merge.bottom - merge.top + 1;
    }
    this.mergeRows = span;
    const rowStart = new Int32Array(span + 1);
    for (const merge of this.merges) for (let r = merge.top; r <= merge.bottom; r++) rowStart[r + 1]++;
    for (let r = 1; r <= span; r++) rowStart[r] += rowStart[r - 1];
    const fill = rowStart.slice(0, span);
    const mergeIndex = new Int32Array(crossings);
    this.merges.forEach((merge, i) => {
      for (let r = merge.top; r <= merge.bottom; r++) mergeIndex[fill[r]++] = i;
    });
    this.rowStart = rowStart;
    this.mergeIndex = mergeIndex;
  }

  /** The merged area holding a cell, or null. */
  mergeAt(row: number, col: number): CellRange | null {
    if (row < 0 || row >= this.mergeRows) return null;
    const end = this.rowStart[row + 1];
    for (let i = this.rowStart[row]; i < end; i++) {
      const merge = this.merges[this.mergeIndex[i]];
      if (col >= merge.left && col <= merge.right) return merge;
    }
    return null;
  }

  /** How many merged areas cross a row; mergeOnRow(row, i) is the i-th of them. */
  mergeCountOnRow(row: number): number {
    if (row < 0 || row >= this.mergeRows) return 0;
    return this.rowStart[row + 1] - this.rowStart[row];
  }

  mergeOnRow(row: number, i: number): CellRange {
    return this.merges[this.mergeIndex[this.rowStart[row] + i]];
  }

  /** The row of the top-left cell of the merged area holding (row, col), or row itself (no object made). */
  anchorRow(row: number, col: number): number {
    const merge = this.mergeAt(row, col);
    return merge ? merge.top : row;
  }

  /** The column of the top-left cell of the merged area holding (row, col), or col itself. */
  anchorCol(row: number, col: number): number {
    const merge = this.mergeAt(row, col);
    return merge ? merge.left : col;
  }

  /** True when (row, col) is not merged, or is the top-left cell of its merged area. */
  isAnchor(row: number, col: number): boolean {
    const merge = this.mergeAt(row, col);
    return merge === null || (merge.top === row && merge.left === col);
  }

  /** The top-left cell of the merged area holding (row, col), or the cell itself. */
  anchorOf(row: number, col: number): { row: number; col: number } {
    const merge = this.mergeAt(row, col);
    return merge ? { row: merge.top, col: merge.left } : { row, col };
  }

  /** The cell's own value (a merged area's value lives in its top-left cell only). */
  rawValue(row: number, col: number): CellValue {
    return this.snapshot.values[row]?.[col] ?? null;
  }

  /** Value seen at a position, merged areas resolved to their top-left cell. */
  value(row: number, col: number): CellValue {
    const a = this.anchorOf(row, col);
    return this.rawValue(a.row, a.col);
  }

  /** Displayed text at a position, merged areas resolved, trimmed. */
  text(row: number, col: number): string {
    const merge = this.mergeAt(row, col);
    return merge ? this.ownText(merge.top, merge.left) : this.ownText(row, col);
  }

  numberFormat(row: number, col: number): string {
    const merge = this.mergeAt(row, col);
    return merge ? this.ownNumberFormat(merge.top, merge.left) : this.ownNumberFormat(row, col);
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  cell(row: number, col: number): CellInfo {
    // The merge is resolved once here: the reads below take the anchor as given.
    const merge = this.mergeAt(row, col);
    const r = merge ? merge.top : row;
    const c = merge ? merge.left : col;
    return {
      row: r,
      col: c,
      value: this.rawValue(r, c),
      text: this.ownText(r, c),
      numberFormat: this.ownNumberFormat(r, c),
    };
  }

  /** A cell's own displayed text, trimmed, without resolving merged areas. */
  private ownText(row: number, col: number): string {
    const shown = this.snapshot.texts[row]?.[col];
    if (shown !== undefined && shown !== "") return shown.trim();
    const v = this.rawValue(row, col);
    return v === null ? "" : String(v).trim();
  }

  private ownNumberFormat(row: number, col: number): string {
    return this.snapshot.numberFormats[row]?.[col] || "General";
  }

  /** True when the whole row has no text in [fromCol, toCol]. */
  rowIsEmpty(row: number, fromCol = 0, toCol = this.colCount - 1): boolean {
    for (let c = fromCol; c <= toCol; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }
}
