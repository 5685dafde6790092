/**
 * Draws one sheet of the fake workbook as an HTML table, the way Excel would show it: column letters
 * and row numbers, merged cells spanning, fills and font colours painted, notes as tooltips and a
 * corner mark, the selection outlined. Cell text goes in as text nodes only.
 */
import { columnName, type CellRange } from "../../../src/core/address";
import { apiText, cellGet, mergesOf, usedRange } from "../../fakes/excel/model";
import type { FakeCell, FakeSheet } from "../../fakes/excel/state";
import { parseSheetAddress } from "../../fakes/excel/address";

interface GridOptions {
  /** At least this many rows and columns, so an empty sheet still looks like a sheet. */
  minRows?: number;
  minCols?: number;
  /** Called when the user clicks a cell: the A1 address of the cell (or its merged area). */
  onSelect?: (address: string) => void;
}

/** Points to CSS pixels (Excel's column widths and row heights are in points). */
const PX_PER_POINT = 96 / 72;

function selectionRange(sheet: FakeSheet): CellRange | null {
  return sheet.selection ? (parseSheetAddress(sheet.selection)?.range ?? null) : null;
}

function styleCell(td: HTMLTableCellElement, cell: FakeCell | undefined): void {
  if (!cell) return;
  if (cell.fill && cell.fill.pattern === "Solid") td.style.backgroundColor = cell.fill.color;
  else if (cell.fill)
    td.style.background = `repeating-linear-gradient(45deg, ${cell.fill.color}, ${cell.fill.color} 3px, ${cell.fill.patternColor ?? "#000"} 3px, ${cell.fill.patternColor ?? "#000"} 4px)`;
  if (cell.font?.color) td.style.color = cell.font.color;
  if (cell.font?.bold) td.style.fontWeight = "bold";
  if (cell.font?.italic) td.style.fontStyle = "italic";
  if (cell.wrapText) td.style.whiteSpace = "pre-wrap";
  const horizontal = cell.horizontalAlignment?.toLowerCase();
  if (horizontal === "center" || horizontal === "right" || horizontal === "left") td.style.textAlign = horizontal;
  else if (typeof cell.value === "number") td.style.textAlign = "right";
  const vertical = cell.verticalAlignment?.toLowerCase();
  if (vertical === "center") td.style.verticalAlign = "middle";
  else if (vertical === "top" || vertical === "bottom") td.style.verticalAlign = vertical;
  for (const [edge, side] of [
    ["EdgeTop", "borderTop"],
    ["EdgeBottom", "borderBottom"],
    ["EdgeLeft", "borderLeft"],
    ["EdgeRight", "borderRight"],
  ] as const) {
    const border = cell.borders?.[edge];
    if (border && border.style !== "None") td.style[side] = `1px solid ${border.color ?? "#000"}`;
  }
}

export function renderSheetGrid(doc: Document, sheet: FakeSheet, options: GridOptions = {}): HTMLTableElement {
  const used = usedRange(sheet, false);
  const merges = mergesOf(sheet);
  let rowCount = Math.max(options.minRows ?? 0, used ? used.bottom + 1 : 0);
  let colCount = Math.max(options.minCols ?? 0, used ? used.right + 1 : 0);
  for (const m of merges) {
    rowCount = Math.max(rowCount, m.bottom + 1);
    colCount = Math.max(colCount, m.right + 1);
  }
  const mergeAtTopLeft = new Map<string, CellRange>();
  const covered = new Set<string>();
  for (const m of merges) {
    mergeAtTopLeft.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++) {
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
    }
  }
  const selection = selectionRange(sheet);

  const table = doc.createElement("table");
  table.className = "sheet-grid";
  table.dataset.sheet = sheet.name;
  const colgroup = doc.createElement("colgroup");
  const headerCol = doc.createElement("col");
  headerCol.style.width = "36px";
  colgroup.append(headerCol);
  for (let c = 0; c < colCount; c++) {
    const col = doc.createElement("col");
    const width = sheet.columnWidths?.[columnName(c)];
    col.style.width = `${Math.round((width ?? 64) * PX_PER_POINT)}px`;
    colgroup.append(col);
  }
  table.append(colgroup);

  const head = doc.createElement("thead");
  const headRow = doc.createElement("tr");
  headRow.append(doc.createElement("th"));
  for (let c = 0; c < colCount; c++) {
    const th = doc.createElement("th");
    th.scope = "col";
    th.textContent = columnName(c);
    headRow.append(th);
  }
  head.append(headRow);
  table.append(head);

  const body = doc.createElement("tbody");
  for (let r = 0; r < rowCount; r++) {
    const tr = doc.createElement("tr");
    const height = sheet.rowHeights?.[String(r + 1)];
    if (height) tr.style.height = `${Math.round(height * PX_PER_POINT)}px`;
    const rowHeader = doc.createElement("th");
    rowHeader.scope = "row";
    rowHeader.textContent = String(r + 1);
    tr.append(rowHeader);
    for (let c = 0; c < colCount; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const td = doc.createElement("td");
      const address = `${columnName(c)}${r + 1}`;
      const merge = mergeAtTopLeft.get(`${r},${c}`);
      if (merge) {
        td.rowSpan = merge.bottom - merge.top + 1;
        td.colSpan = merge.right - merge.left + 1;
      }
      const cell = cellGet(sheet, r, c);
      td.dataset.address = address;
      td.textContent = apiText(cell);
      styleCell(td, cell);
      if (cell?.note) {
        td.title = cell.note.content;
        td.classList.add("has-note");
      }
      if (selection && r >= selection.top && r <= selection.bottom && c >= selection.left && c <= selection.right) {
        td.classList.add("selected");
      }
      if (options.onSelect) {
        const target = merge ? `${address}:${columnName(merge.right)}${merge.bottom + 1}` : address;
        td.addEventListener("click", () => options.onSelect?.(target));
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}
