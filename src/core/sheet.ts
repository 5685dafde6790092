/**
 * Read access to a snapshot with merged areas resolved: the view every parser and rule uses.
 */
import type { CellRange } from "./address";
import type { CellValue, SheetSnapshot } from "./snapshot";

/** A cell the parser picked up: where it is and what it holds. */
export interface CellInfo {
  row: number;
  col: number;
  value: CellValue;
  /** Displayed text, trimmed. */
  text: string;
  numberFormat: string;
}

const KEY_STRIDE = 1 << 14; // Excel has 16,384 columns.

export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeByCell = new Map<number, CellRange>();

  constructor(readonly snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.rowCount = snapshot.values.length;
    let cols = 0;
    for (const row of snapshot.values) if (row.length > cols) cols = row.length;
    this.colCount = cols;
    for (const merge of snapshot.merges) {
      for (let r = merge.top; r <= merge.bottom; r++) {
        for (let c = merge.left; c <= merge.right; c++) this.mergeByCell.set(r * KEY_STRIDE + c, merge);
      }
    }
  }

  /** The merged area holding a cell, or null. */
  mergeAt(row: number, col: number): CellRange | null {
    return this.mergeByCell.get(row * KEY_STRIDE + col) ?? null;
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
    const a = this.anchorOf(row, col);
    const shown = this.snapshot.texts[a.row]?.[a.col];
    if (shown !== undefined && shown !== "") return shown.trim();
    const v = this.rawValue(a.row, a.col);
    return v === null ? "" : String(v).trim();
  }

  numberFormat(row: number, col: number): string {
    const a = this.anchorOf(row, col);
    return this.snapshot.numberFormats[a.row]?.[a.col] || "General";
  }

  isEmpty(row: number, col: number): boolean {
    return this.text(row, col) === "";
  }

  cell(row: number, col: number): CellInfo {
    const a = this.anchorOf(row, col);
    return {
      row: a.row,
      col: a.col,
      value: this.rawValue(a.row, a.col),
      text: this.text(a.row, a.col),
      numberFormat: this.numberFormat(a.row, a.col),
    };
  }

  /** True when the whole row has no text in [fromCol, toCol]. */
  rowIsEmpty(row: number, fromCol = 0, toCol = this.colCount - 1): boolean {
    for (let c = fromCol; c <= toCol; c++) if (!this.isEmpty(row, c)) return false;
    return true;
  }
}
