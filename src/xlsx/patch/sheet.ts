/**
 * A worksheet part, painted in place. The part is scanned linearly, twice: once for its layout (merged
 * areas, column widths, where a <legacyDrawing> belongs), then through <sheetData> to change painted
 * cells' style index (`s`) — adding a `<c>` for a painted cell that has none, in order, and a `<row>`
 * for it when needed — and to link the sheet's notes. Every other byte is copied as it was.
 */
import { parseA1, parseRangeA1, toA1, type CellRange } from "../../core/address";
import type { PaintedSeverity } from "../../core/highlight";
import type { StylesPatch } from "./styles";
import { withAttributes } from "./styles";
import { attributes, escapeXml, namespacedAttribute, prefixesFor, Splicer, type Tag, XmlScanner } from "./xml";

/** CT_Worksheet's children, in the order the schema requires. */
const SHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

export const RELATIONSHIP_NAMESPACES = [
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
];

interface ColumnWidth {
  min: number;
  max: number;
  width: number | null;
  style: number | null;
}

/** What the first scan learns of a worksheet part. */
export interface SheetLayout {
  /** The root element's qualified name, and whether it is a worksheet at all. */
  root: Tag;
  isWorksheet: boolean;
  merges: CellRange[];
  columns: ColumnWidth[];
  defaultColumnWidth: number;
  defaultRowHeight: number;
  /** The relationship id of the existing <legacyDrawing>, if any. */
  legacyDrawingId: string | null;
  /** Where a new <legacyDrawing> goes (an offset in the part). */
  legacyDrawingAt: number;
  /** The sheet data element (null when the part has none) and where one would go. */
  sheetData: { open: Tag; close: Tag | null } | null;
  sheetDataAt: number;
  /** Prefixes bound to the relationships namespace on the root element. */
  relationshipPrefixes: Set<string>;
  strict: boolean;
}

/** The order index of a top-level element; alternate content takes the place of what it wraps. */
function orderOf(local: string): number {
  return SHEET_ORDER.indexOf(local);
}

/** The first scan: structure, merged areas, column widths, the notes link. */
export function readSheetLayout(xml: string): SheetLayout {
  const scanner = new XmlScanner(xml);
  const root = scanner.next();
  if (!root) throw new Error("the sheet part is empty");
  const rootAttrs = attributes(xml, root);
  const layout: SheetLayout = {
    root,
    isWorksheet: root.local === "worksheet",
    merges: [],
    columns: [],
    defaultColumnWidth: 9,
    defaultRowHeight: 15,
    legacyDrawingId: null,
    legacyDrawingAt: -1,
    sheetData: null,
    sheetDataAt: -1,
    relationshipPrefixes: prefixesFor(rootAttrs, RELATIONSHIP_NAMESPACES),
    strict: rootAttrs.some(
      (a) => (a.name === "xmlns" || a.name.startsWith("xmlns:")) && a.value.startsWith("http://purl.oclc.org/ooxml/"),
    ),
  };
  if (root.kind !== "open") return layout;
  const legacyIndex = orderOf("legacyDrawing");
  const sheetDataIndex = orderOf("sheetData");
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === "close") {
      if (layout.legacyDrawingAt < 0) layout.legacyDrawingAt = tag.start;
      if (layout.sheetDataAt < 0) layout.sheetDataAt = tag.start;
      break;
    }
    let index = orderOf(tag.local);
    if (tag.local === "AlternateContent" && tag.kind === "open") index = orderOf(wrappedElement(xml, scanner.at));
    if (layout.legacyDrawingAt < 0 && index > legacyIndex) layout.legacyDrawingAt = tag.start;
    if (layout.sheetDataAt < 0 && index > sheetDataIndex) layout.sheetDataAt = tag.start;
    const attrs = attributes(xml, tag);
    switch (tag.local) {
      case "sheetFormatPr": {
        const width = Number(attrs.find((a) => a.name === "defaultColWidth")?.value);
        const base = Number(attrs.find((a) => a.name === "baseColWidth")?.value);
        const height = Number(attrs.find((a) => a.name === "defaultRowHeight")?.value);
        if (width > 0) layout.defaultColumnWidth = width;
        else if (base > 0) layout.defaultColumnWidth = base + 1;
        if (height > 0) layout.defaultRowHeight = height;
        break;
      }
      case "legacyDrawing": {
        const prefixes = new Set([...layout.relationshipPrefixes, ...prefixesFor(attrs, RELATIONSHIP_NAMESPACES)]);
        const id = namespacedAttribute(attrs, "id", prefixes) ?? attrs.find((a) => a.name.endsWith(":id"));
        if (id) layout.legacyDrawingId = id.value;
        break;
      }
      case "sheetData": {
        const close = tag.kind === "open" ? scanner.skipElement(tag) : null;
        layout.sheetData = { open: tag, close };
        continue;
      }
    }
    if (tag.kind !== "open") continue;
    if (tag.local !== "mergeCells" && tag.local !== "cols") {
      scanner.skipElement(tag);
      continue;
    }
    for (let child = scanner.next(); child && child.kind !== "close"; child = scanner.next()) {
      const childAttrs = attributes(xml, child);
      const get = (name: string) => childAttrs.find((a) => a.name === name)?.value;
      if (child.local === "mergeCell") {
        const range = parseRangeA1(get("ref") ?? "");
        if (range) layout.merges.push(range);
      } else if (child.local === "col") {
        const width = Number(get("width"));
        const style = get("style");
        layout.columns.push({
          min: Number(get("min")) - 1,
          max: Number(get("max")) - 1,
          width: get("hidden") === "1" || get("hidden") === "true" ? 0 : width >= 0 ? width : null,
          style: style === undefined ? null : Number(style),
        });
      }
      scanner.skipElement(child);
    }
  }
  return layout;
}

/** The local name of the first element inside an <mc:AlternateContent>'s first choice. */
function wrappedElement(xml: string, from: number): string {
  const scanner = new XmlScanner(xml, from);
  for (let tag = scanner.next(), n = 0; tag && n < 3; tag = scanner.next(), n++) {
    if (tag.kind !== "close" && tag.local !== "Choice" && tag.local !== "Fallback") return tag.local;
  }
  return "";
}

/**
 * What to paint: cells that must be painted (a <c> is added when they have none), and areas whose
 * existing cells are painted too (a merged area beyond its top-left cell, which alone sets its look;
 * a huge merged area costs nothing for its empty cells).
 */
export interface SheetPaint {
  cells: Map<number, Map<number, PaintedSeverity>>;
  areas: { range: CellRange; severity: PaintedSeverity }[];
}

/** Width of a column in characters (0 when hidden). */
export function columnWidth(layout: SheetLayout, col: number): number {
  const column = layout.columns.find((c) => col >= c.min && col <= c.max);
  return column?.width ?? layout.defaultColumnWidth;
}

function columnStyle(layout: SheetLayout, col: number): number {
  return layout.columns.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
}

/** Row heights, in points, of rows that set one. */
export type RowHeights = Map<number, number>;

/**
 * The second scan: paints the cells, returns the edited part and the rows' heights. `legacyDrawingId`,
 * when given and the sheet has no <legacyDrawing>, is linked in its place in the schema's order.
 */
export function paintSheet(
  xml: string,
  layout: SheetLayout,
  paint: SheetPaint,
  styles: StylesPatch,
  legacyDrawingId: string | null,
): { xml: string; rowHeights: RowHeights } {
  const splicer = new Splicer(xml);
  const rowHeights: RowHeights = new Map();
  const rows = [...paint.cells.keys()].sort((a, b) => a - b);
  const areaTop = Math.min(...paint.areas.map((a) => a.range.top));
  const areaBottom = Math.max(...paint.areas.map((a) => a.range.bottom));
  const prefix = layout.sheetData
    ? layout.sheetData.open.name.slice(0, layout.sheetData.open.name.length - layout.sheetData.open.local.length)
    : layout.root.name.slice(0, layout.root.name.length - layout.root.local.length);

  /** The cells to add to a row (columns in order), their format derived from `base`. */
  const newCells = (row: number, cols: [number, PaintedSeverity][], base: (col: number) => number): string =>
    cols
      .map(([col, severity]) => `<${prefix}c r="${toA1(row, col)}" s="${styles.painted(base(col), severity)}"/>`)
      .join("");
  const sortedCells = (row: number): [number, PaintedSeverity][] =>
    [...(paint.cells.get(row) ?? [])].sort((a, b) => a[0] - b[0]);
  const newRow = (row: number): string => {
    const cells = newCells(row, sortedCells(row), (col) => columnStyle(layout, col));
    return cells ? `<${prefix}row r="${row + 1}">${cells}</${prefix}row>` : "";
  };
  const severityAt = (row: number, col: number): PaintedSeverity | undefined =>
    paint.cells.get(row)?.get(col) ??
    paint.areas.find((a) => row >= a.range.top && row <= a.range.bottom && col >= a.range.left && col <= a.range.right)
      ?.severity;

  let next = 0; // the next row with cells to add, not yet reached
  if (!layout.sheetData) {
    const markup = rows.map(newRow).join("");
    splicer.insert(layout.sheetDataAt, `<${prefix}sheetData>${markup}</${prefix}sheetData>`);
    next = rows.length;
  } else if (!layout.sheetData.close) {
    const open = layout.sheetData.open;
    const markup = rows.map(newRow).join("");
    next = rows.length;
    if (markup) {
      const head = xml.slice(open.start, open.end - 2).replace(/\s+$/, "");
      splicer.replace(open.start, open.end, `${head}>${markup}</${open.name}>`);
    }
  } else {
    const scanner = new XmlScanner(xml, layout.sheetData.open.end);
    let rowIndex = -1;
    for (let tag = scanner.next(); tag; tag = scanner.next()) {
      if (tag.kind === "close") {
        // The end of <sheetData>: rows still to add go last.
        const markup = rows.slice(next).map(newRow).join("");
        next = rows.length;
        if (markup) splicer.insert(tag.start, markup);
        break;
      }
      if (tag.local !== "row") {
        scanner.skipElement(tag);
        continue;
      }
      const rowAttrs = attributes(xml, tag);
      const get = (name: string) => rowAttrs.find((a) => a.name === name)?.value;
      const r = Number(get("r"));
      rowIndex = r >= 1 ? r - 1 : rowIndex + 1;
      const hidden = get("hidden") === "1" || get("hidden") === "true";
      const height = Number(get("ht"));
      if (hidden) rowHeights.set(rowIndex, 0);
      else if (get("ht") !== undefined && height >= 0) rowHeights.set(rowIndex, height);
      let before = "";
      while (next < rows.length && rows[next]! < rowIndex) before += newRow(rows[next++]!);
      if (before) splicer.insert(tag.start, before);
      const hasCells = next < rows.length && rows[next] === rowIndex;
      if (hasCells) next++;
      if (!hasCells && (rowIndex < areaTop || rowIndex > areaBottom)) {
        scanner.skipElement(tag);
        continue;
      }
      const toAdd = sortedCells(rowIndex);
      const rowStyle =
        get("customFormat") === "1" || get("customFormat") === "true" ? Number(get("s") ?? 0) || 0 : null;
      const base = (col: number) => rowStyle ?? columnStyle(layout, col);
      if (tag.kind === "empty") {
        const markup = newCells(rowIndex, toAdd, base);
        if (!markup) continue;
        const spans = widenedSpans(
          get("spans"),
          toAdd.map(([c]) => c),
        );
        const head = spans ? withAttributes(xml, tag, { spans }) : xml.slice(tag.start, tag.end);
        splicer.replace(tag.start, tag.end, `${head.slice(0, -2).replace(/\s+$/, "")}>${markup}</${tag.name}>`);
        continue;
      }
      let col = -1;
      let pending = 0; // index into toAdd
      const added: number[] = [];
      const edits: { at: number; to: number; text: string }[] = [];
      for (let cell = scanner.next(); cell; cell = scanner.next()) {
        if (cell.kind === "close") {
          const rest = toAdd.slice(pending);
          added.push(...rest.map(([c]) => c));
          const markup = newCells(rowIndex, rest, base);
          if (markup) edits.push({ at: cell.start, to: cell.start, text: markup });
          break;
        }
        if (cell.local !== "c") {
          scanner.skipElement(cell);
          continue;
        }
        const cellAttrs = attributes(xml, cell);
        const ref = cellAttrs.find((a) => a.name === "r")?.value;
        const parsed = ref ? parseA1(ref) : null;
        col = parsed ? parsed.col : col + 1;
        const start = pending;
        while (pending < toAdd.length && toAdd[pending]![0] < col) pending++;
        if (pending < toAdd.length && toAdd[pending]![0] === col) pending++;
        const gap = toAdd.slice(start, pending).filter(([c]) => c !== col);
        added.push(...gap.map(([c]) => c));
        const markup = newCells(rowIndex, gap, base);
        if (markup) edits.push({ at: cell.start, to: cell.start, text: markup });
        const severity = severityAt(rowIndex, col);
        if (severity) {
          // A cell without `s` has format 0, whatever its row or column.
          const s = Number(cellAttrs.find((a) => a.name === "s")?.value ?? 0) || 0;
          edits.push({
            at: cell.start,
            to: cell.end,
            text: withStyle(xml, cell, cellAttrs, styles.painted(s, severity)),
          });
        }
        scanner.skipElement(cell);
      }
      const spans = widenedSpans(get("spans"), added);
      if (spans) splicer.replace(tag.start, tag.end, withAttributes(xml, tag, { spans }));
      for (const edit of edits) splicer.replace(edit.at, edit.to, edit.text);
    }
  }
  if (next < rows.length) throw new Error("the sheet data is not closed");

  if (legacyDrawingId !== null && layout.legacyDrawingId === null) {
    const hasPrefix = [...layout.relationshipPrefixes].find((p) => p !== "");
    const rootPrefix = layout.root.name.slice(0, layout.root.name.length - layout.root.local.length);
    const namespace = RELATIONSHIP_NAMESPACES[layout.strict ? 1 : 0];
    const link = hasPrefix
      ? `<${rootPrefix}legacyDrawing ${hasPrefix}:id="${escapeXml(legacyDrawingId)}"/>`
      : `<${rootPrefix}legacyDrawing xmlns:r="${namespace}" r:id="${escapeXml(legacyDrawingId)}"/>`;
    splicer.insert(layout.legacyDrawingAt, link);
  }
  return { xml: splicer.finish(), rowHeights };
}

/** A cell's start tag with its style index set: the `s` value replaced, or added after `r`. */
function withStyle(xml: string, tag: Tag, attrs: ReturnType<typeof attributes>, s: number): string {
  const existing = attrs.find((a) => a.name === "s");
  if (existing) return xml.slice(tag.start, existing.valueStart) + String(s) + xml.slice(existing.valueEnd, tag.end);
  const r = attrs.find((a) => a.name === "r");
  const at = r ? r.end : tag.start + 1 + tag.name.length;
  return `${xml.slice(tag.start, at)} s="${s}"${xml.slice(at, tag.end)}`;
}

/** A row's `spans` widened to cover new cells, or null when it needs no change (or is absent or unusual). */
function widenedSpans(spans: string | undefined, cols: number[]): string | null {
  if (spans === undefined || cols.length === 0) return null;
  const match = /^\s*(\d+):(\d+)\s*$/.exec(spans);
  if (!match) return null;
  const low = Math.min(Number(match[1]), ...cols.map((c) => c + 1));
  const high = Math.max(Number(match[2]), ...cols.map((c) => c + 1));
  return low === Number(match[1]) && high === Number(match[2]) ? null : `${low}:${high}`;
}
