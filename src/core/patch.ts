/**
 * A sheet patch: plain data describing cells to write (values, styles, merges, validations).
 * The template builder produces one; each host (Office.js, exceljs) applies it.
 * Coordinates are zero-based and relative to the patch's own top-left cell.
 */
import type { CellRange } from "./address";

export type PatchValue = string | number | null;

export interface PatchStyle {
  bold?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** Solid fill, "#RRGGBB"; absent means no fill. */
  fill?: string;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin border on all four sides. */
  border?: boolean;
  numberFormat?: string;
}

export interface PatchCell {
  row: number;
  col: number;
  value: PatchValue;
  /** Key into SheetPatch.styles. */
  style?: string;
}

export interface InputPrompt {
  title: string;
  message: string;
}

export type PatchValidation =
  | { kind: "list"; range: CellRange; items: string[]; prompt?: InputPrompt }
  /**
   * A drop-down whose items depend on the value of the cell in `parentCol` on the same row
   * (level 2 under level 1; where that cell is merged, the value of its merged area's top-left cell).
   * A host that cannot express it offers `fallback` instead.
   */
  | {
      kind: "dependentList";
      range: CellRange;
      parentCol: number;
      lists: Record<string, string[]>;
      fallback: string[];
      /** Identifies this set of lists (e.g. the framework, "legacy"), so a host can keep one named copy per workbook. */
      listsName?: string;
      prompt?: InputPrompt;
    }
  /** Free text: no restriction, only the input prompt the host shows when the cell is selected. */
  | { kind: "text"; range: CellRange; prompt: InputPrompt }
  | {
      kind: "decimal";
      range: CellRange;
      min?: number;
      max?: number;
      prompt?: InputPrompt;
      error?: InputPrompt;
    };

export interface SheetPatch {
  /** Size of the area the patch covers; insertion at a selection needs it empty. */
  rowCount: number;
  colCount: number;
  cells: PatchCell[];
  styles: Record<string, PatchStyle>;
  merges: CellRange[];
  /** Column widths in characters, by patch column; null keeps the sheet's width. */
  columnWidths: (number | null)[];
  /** Row heights in points, by patch row; null keeps the default height. */
  rowHeights: (number | null)[];
  validations: PatchValidation[];
}
