/**
 * The annotated copy, made by patching the package: the parts painting and notes need (the painted
 * worksheets, the styles, the sheets' relationships, comments and VML drawings, the content types) are
 * edited in place; every other part is copied as stored, byte for byte. Sheets are found through the
 * workbook's relationships, never by file name.
 */
import { rangeContains, type CellRange } from "../../core/address";
import { cellHighlights, noteText, type PaintedSeverity } from "../../core/highlight";
import type { Issue } from "../../core/report";
import { idBlocksIn, noteBoxesIn, patchComments, patchVml, type Note, type NoteBox } from "./notes";
import {
  addRelationships,
  appendToRoot,
  findTarget,
  freshRelationshipId,
  isType,
  parseContentTypes,
  parseRelationships,
  partNamed,
  relationshipsPartOf,
  relativeTarget,
  resolveTarget,
  type Relationship,
} from "./opc";
import {
  paintSheet,
  RELATIONSHIP_NAMESPACES,
  readSheetLayout,
  columnWidth,
  type RowHeights,
  type SheetPaint,
  type SheetLayout,
} from "./sheet";
import { emptyStyles, StylesPatch } from "./styles";
import { attributes, decodePart, encodePart, namespacedAttribute, prefixesFor, XmlScanner } from "./xml";
import { inflateEntry, readZipDirectory, writeZip, ZipError, type ZipEntry, type ZipItem } from "./zip";

export interface AnnotationSummary {
  /** Cells painted (a merged area counts once). */
  cells: number;
  errorCells: number;
  warningCells: number;
}

/** The heading of our part of a note, so that it stands apart from the author's. */
export const NOTE_HEADING = "【绩效目标表校验 · target-table check】\n";

type Encoding = "utf-8" | "utf-16le" | "utf-16be";

/** The most one part may inflate to while patching (a part this large was refused by the reader already). */
const PART_LIMIT = 256 * 1024 * 1024;

const CONTENT_TYPES = {
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  rels: "application/vnd.openxmlformats-package.relationships+xml",
};

const MAIN_NAMESPACE = {
  transitional: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  strict: "http://purl.oclc.org/ooxml/spreadsheetml/main",
};

function relationshipType(strict: boolean, name: string): string {
  return strict
    ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${name}`
    : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${name}`;
}

/** The package being patched: its entries, the parts read so far and the parts replaced or added. */
class Package {
  private readonly byName = new Map<string, ZipEntry>();
  private readonly folded = new Map<string, string>();
  readonly changed = new Map<string, { text: string; encoding: Encoding }>();
  /** The encoding of each part read. */
  private readonly encodings = new Map<string, Encoding>();

  constructor(
    readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
  ) {
    for (const entry of entries) {
      const name = entry.name.replace(/\\/g, "/").replace(/^\/+/, "");
      this.byName.set(name, entry);
      this.folded.set(name.toLowerCase(), name);
    }
  }

  /** The stored name of a part (matched without regard to case), or null. */
  find(name: string): string | null {
    if (this.byName.has(name) || this.changed.has(name)) return name;
    const lower = name.toLowerCase();
    for (const key of this.changed.keys()) if (key.toLowerCase() === lower) return key;
    return this.folded.get(lower) ?? null;
  }

  has(name: string): boolean {
    return this.find(name) !== null;
  }

  /** A part's text (its latest version), or null when the package has no such part. */
  read(name: string): string | null {
    const found = this.find(name);
    if (found === null) return null;
    const edited = this.changed.get(found);
    if (edited) return edited.text;
    const { text, encoding } = decodePart(inflateEntry(this.bytes, this.byName.get(found)!, PART_LIMIT));
    this.encodings.set(found, encoding);
    return text;
  }

  /** Replaces (or adds) a part, keeping an existing part's encoding (the part is read first when it exists). */
  write(name: string, text: string): void {
    const found = this.find(name) ?? name;
    if (this.byName.has(found) && !this.changed.has(found) && !this.encodings.has(found)) this.read(found);
    const encoding = this.changed.get(found)?.encoding ?? this.encodings.get(found) ?? "utf-8";
    this.changed.set(found, { text, encoding });
  }

  /** A part name of the form `${stem}${n}${ext}` not yet in the package, n from 1. */
  freshName(stem: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.has(`${stem}${n}${ext}`)) return `${stem}${n}${ext}`;
  }

  /** Every part name, existing and new. */
  names(): string[] {
    return [...new Set([...this.byName.keys(), ...this.changed.keys()])];
  }

  /** The new package: entries in their order, changed ones in place, new ones at the end. */
  finish(comment: Uint8Array): Uint8Array {
    const items: ZipItem[] = [];
    const placed = new Set<string>();
    for (const entry of this.entries) {
      const name = entry.name.replace(/\\/g, "/").replace(/^\/+/, "");
      const edited = this.changed.get(name);
      if (edited) {
        items.push({ kind: "new", name, data: encodePart(edited.text, edited.encoding), like: entry });
        placed.add(name);
      } else items.push({ kind: "copy", entry });
    }
    for (const [name, edited] of this.changed) {
      if (!placed.has(name)) items.push({ kind: "new", name, data: encodePart(edited.text, edited.encoding) });
    }
    return writeZip(this.bytes, items, comment);
  }
}

/** One painted cell (a merged area's top-left cell), its severity and the findings its note explains. */
interface Mark {
  row: number;
  col: number;
  area: CellRange;
  severity: PaintedSeverity;
  issues: Issue[];
}

/** The workbook's sheets by name, each with its part (through the workbook's relationships). */
function sheetParts(pkg: Package): {
  sheets: Map<string, string>;
  workbook: string;
  strict: boolean;
  styles: string | null;
} {
  const rootRels = parseRelationships(pkg.read("_rels/.rels") ?? "");
  const office = rootRels.find((r) => isType(r, "officeDocument") && !r.external);
  if (!office) throw new ZipError("the package names no workbook");
  const partOf = (source: string, target: string) => partNamed(source, target, (name) => pkg.find(name));
  const workbook = partOf("", office.target);
  const strict = office.type.startsWith("http://purl.oclc.org/ooxml/");
  const xml = pkg.read(workbook);
  if (xml === null) throw new ZipError(`the workbook part ${workbook} is missing`);
  const rels = parseRelationships(pkg.read(relationshipsPartOf(workbook)) ?? "");
  const byId = new Map(rels.filter((r) => !r.external).map((r) => [r.id, r]));
  const sheets = new Map<string, string>();
  const scanner = new XmlScanner(xml);
  const root = scanner.next();
  const prefixes = root ? prefixesFor(attributes(xml, root), RELATIONSHIP_NAMESPACES) : new Set<string>();
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === "close" || tag.local !== "sheet") continue;
    const attrs = attributes(xml, tag);
    const name = attrs.find((a) => a.name === "name")?.value;
    const id = namespacedAttribute(
      attrs,
      "id",
      new Set([...prefixes, ...prefixesFor(attrs, RELATIONSHIP_NAMESPACES)]),
    )?.value;
    const rel = id === undefined ? undefined : byId.get(id);
    if (name !== undefined && rel && !sheets.has(name)) sheets.set(name, partOf(workbook, rel.target));
  }
  const stylesRel = rels.find((r) => isType(r, "styles") && !r.external);
  return { sheets, workbook, strict, styles: stylesRel ? partOf(workbook, stylesRel.target) : null };
}

/** The findings of one sheet grouped by the cell to paint: a merged area's findings go to its top-left cell. */
function marksOf(issues: readonly Issue[], sheet: string, merges: readonly CellRange[]): Mark[] {
  const marks = new Map<string, Mark>();
  for (const h of cellHighlights(issues)) {
    if (h.sheet !== sheet) continue;
    const area = merges.find((m) => rangeContains(m, h.row, h.col)) ?? {
      top: h.row,
      left: h.col,
      bottom: h.row,
      right: h.col,
    };
    const key = `${area.top}:${area.left}`;
    const mark = marks.get(key);
    if (!mark) {
      marks.set(key, { row: area.top, col: area.left, area, severity: h.severity, issues: [...h.issues] });
      continue;
    }
    if (h.severity === "error") mark.severity = "error";
    mark.issues = [...mark.issues, ...h.issues].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1,
    );
  }
  return [...marks.values()];
}

/** Width of a note box in characters of the default font, and the height of one line in points. */
const NOTE_WIDTH_CHARS = 56;
const NOTE_LINE_POINTS = 14;
/** Points per character of column width (7 pixels at 96 dpi). */
const POINTS_PER_CHAR = 5.25;

function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

/** Rows' heights, summed quickly: the default height, corrected by the rows that set their own. */
class RowMetrics {
  private readonly rows: number[];
  private readonly prefix: number[];

  constructor(
    private readonly heights: RowHeights,
    private readonly defaultHeight: number,
  ) {
    this.rows = [...heights.keys()].sort((a, b) => a - b);
    this.prefix = [0];
    for (const row of this.rows)
      this.prefix.push(this.prefix[this.prefix.length - 1]! + heights.get(row)! - defaultHeight);
  }

  height(row: number): number {
    return this.heights.get(row) ?? this.defaultHeight;
  }

  /** The top of `row`, in points. */
  top(row: number): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.rows[mid]! < row) lo = mid + 1;
      else hi = mid;
    }
    return row * this.defaultHeight + this.prefix[lo]!;
  }
}

/** The left edge of a column, in points. */
function columnLeft(layout: SheetLayout, col: number): number {
  let chars = col * layout.defaultColumnWidth;
  for (const c of layout.columns) {
    const overlap = Math.min(c.max, col - 1) - c.min + 1;
    if (overlap > 0) chars += overlap * ((c.width ?? layout.defaultColumnWidth) - layout.defaultColumnWidth);
  }
  return chars * POINTS_PER_CHAR;
}

/** A box for a note large enough for its text, one column right of its cell (or area) and a row above it. */
function noteBox(layout: SheetLayout, rows: RowMetrics, mark: Mark, text: string): NoteBox {
  const lines = text
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / NOTE_WIDTH_CHARS)), 0);
  const heightPoints = lines * NOTE_LINE_POINTS + 12;
  const left = Math.min(mark.area.right + 1, 16383);
  let right = left;
  for (let width = 0; width < NOTE_WIDTH_CHARS && right < 16383 && right - left < 200; right++)
    width += columnWidth(layout, right);
  const top = Math.max(mark.row - 1, 0);
  let bottom = top;
  for (let height = 0; height < heightPoints && bottom < 1048575 && bottom - top < 500; bottom++)
    height += rows.height(bottom);
  const x = columnLeft(layout, left);
  const y = rows.top(top);
  return {
    row: mark.row,
    col: mark.col,
    anchor: [left, 15, top, 2, right, 15, bottom, 16],
    left: x + 11.25,
    top: y + 1.5,
    width: columnLeft(layout, right) - x,
    height: rows.top(bottom) - y,
  };
}

/** Adds a content type default or override when the package lacks one. */
function ensureContentTypes(pkg: Package, parts: { part: string; type: string; defaultFor?: string }[]): void {
  const xml = pkg.read("[Content_Types].xml");
  if (xml === null) throw new ZipError("the package has no content types");
  const { defaults, overrides } = parseContentTypes(xml);
  let markup = "";
  for (const { part, type, defaultFor } of parts) {
    const lower = part.toLowerCase();
    if (overrides.has(lower)) continue;
    const ext = lower.slice(lower.lastIndexOf(".") + 1);
    if (defaultFor !== undefined) {
      if (defaults.has(ext)) continue;
      defaults.set(ext, type);
      markup += `<Default Extension="${defaultFor}" ContentType="${type}"/>`;
    } else {
      overrides.set(lower, type);
      markup += `<Override PartName="/${part}" ContentType="${type}"/>`;
    }
  }
  if (markup) pkg.write("[Content_Types].xml", appendToRoot(xml, markup));
}

/** The shape-id blocks every VML drawing of the package claims. */
function usedIdBlocks(pkg: Package): Set<number> {
  const used = new Set<number>();
  for (const name of pkg.names()) {
    if (!name.toLowerCase().endsWith(".vml")) continue;
    for (const block of idBlocksIn(pkg.read(name) ?? "")) used.add(block);
  }
  return used;
}

/** Paints and annotates the workbook in `bytes`; returns the new package and what was painted. */
export function annotatePackage(
  bytes: Uint8Array,
  issues: readonly Issue[],
): { bytes: Uint8Array; summary: AnnotationSummary } {
  const { entries, comment } = readZipDirectory(bytes);
  const pkg = new Package(bytes, entries);
  const summary: AnnotationSummary = { cells: 0, errorCells: 0, warningCells: 0 };
  const { sheets, workbook, strict, styles: stylesPart } = sheetParts(pkg);
  const mainNamespace = strict ? MAIN_NAMESPACE.strict : MAIN_NAMESPACE.transitional;
  const stylesXml = stylesPart === null ? null : pkg.read(stylesPart);
  const styles = new StylesPatch(stylesXml ?? emptyStyles(mainNamespace));
  const contentTypes: { part: string; type: string; defaultFor?: string }[] = [];
  let idBlocks: Set<number> | null = null;

  const sheetNames = new Set(cellHighlights(issues).map((h) => h.sheet));
  for (const [name, part] of sheets) {
    if (!sheetNames.has(name)) continue;
    const xml = pkg.read(part);
    if (xml === null) continue;
    const layout = readSheetLayout(xml);
    if (!layout.isWorksheet) continue;
    const marks = marksOf(issues, name, layout.merges);
    if (marks.length === 0) continue;

    const paint: SheetPaint = { cells: new Map(), areas: [] };
    for (const mark of marks) {
      // The top-left cell always (it sets a merged area's look); the area's other cells where they exist.
      let row = paint.cells.get(mark.row);
      if (!row) paint.cells.set(mark.row, (row = new Map()));
      row.set(mark.col, mark.severity);
      if (mark.area.bottom > mark.area.top || mark.area.right > mark.area.left) {
        paint.areas.push({ range: mark.area, severity: mark.severity });
      }
      summary.cells++;
      if (mark.severity === "error") summary.errorCells++;
      else summary.warningCells++;
    }

    // The sheet's relationships, existing notes and their drawing.
    const relsPart = relationshipsPartOf(part);
    const relsXml = pkg.read(relsPart);
    const rels = parseRelationships(relsXml ?? "");
    const addedRels: Relationship[] = [];
    const commentsRel = rels.find((r) => isType(r, "comments") && !r.external);
    let commentsPart = commentsRel ? findTarget(part, commentsRel.target, (name) => pkg.find(name)) : null;
    const vmlRel =
      layout.legacyDrawingId === null ? undefined : rels.find((r) => r.id === layout.legacyDrawingId && !r.external);
    let vmlPart = vmlRel ? findTarget(part, vmlRel.target, (name) => pkg.find(name)) : null;

    let legacyDrawingId: string | null = null;
    if (!commentsPart) {
      commentsPart = pkg.freshName("xl/comments", ".xml");
      const id = freshRelationshipId(rels, new Set(addedRels.map((r) => r.id)));
      addedRels.push({
        id,
        type: relationshipType(strict, "comments"),
        target: relativeTarget(part, commentsPart),
        external: false,
      });
      contentTypes.push({ part: commentsPart, type: CONTENT_TYPES.comments });
    }
    let newVml = false;
    if (!vmlPart) {
      vmlPart = pkg.freshName("xl/drawings/vmlDrawing", ".vml");
      newVml = true;
      if (vmlRel) {
        // The sheet links a drawing the package lacks: give the link a drawing under its own name.
        vmlPart = resolveTarget(part, vmlRel.target);
      } else {
        // The sheet's own link, when it names no relationship, is given one; otherwise a new link is made.
        const dangling = layout.legacyDrawingId !== null && !rels.some((r) => r.id === layout.legacyDrawingId);
        const id = dangling ? layout.legacyDrawingId! : freshRelationshipId(rels, new Set(addedRels.map((r) => r.id)));
        if (!dangling) legacyDrawingId = id;
        addedRels.push({
          id,
          type: relationshipType(strict, "vmlDrawing"),
          target: relativeTarget(part, vmlPart),
          external: false,
        });
      }
      contentTypes.push({ part: vmlPart, type: CONTENT_TYPES.vml, defaultFor: "vml" });
    }

    const painted = paintSheet(xml, layout, paint, styles, legacyDrawingId);
    pkg.write(part, painted.xml);

    const notes: Note[] = marks.map((mark) => ({
      row: mark.row,
      col: mark.col,
      text: NOTE_HEADING + noteText(mark.issues),
    }));
    const existingComments = pkg.read(commentsPart);
    const patched = patchComments(existingComments, notes, mainNamespace);
    pkg.write(commentsPart, patched.xml);

    const vmlXml = newVml ? null : pkg.read(vmlPart);
    const haveBoxes = vmlXml === null ? new Set<string>() : noteBoxesIn(vmlXml);
    const rows = new RowMetrics(painted.rowHeights, layout.defaultRowHeight);
    const boxes = marks
      .filter((mark) => !haveBoxes.has(`${mark.row}:${mark.col}`))
      .map((mark) => {
        const text = notes.find((n) => n.row === mark.row && n.col === mark.col)!.text;
        return noteBox(layout, rows, mark, text);
      });
    let block = 1;
    if (vmlXml === null) {
      idBlocks ??= usedIdBlocks(pkg);
      while (idBlocks.has(block)) block++;
      idBlocks.add(block);
    }
    if (boxes.length > 0 || vmlXml === null) pkg.write(vmlPart, patchVml(vmlXml, boxes, block));

    if (addedRels.length > 0) {
      pkg.write(relsPart, addRelationships(relsXml, addedRels));
      contentTypes.push({ part: relsPart, type: CONTENT_TYPES.rels, defaultFor: "rels" });
    }
  }

  const stylesOut = styles.finish();
  if (stylesOut !== null) {
    if (stylesPart !== null && stylesXml !== null) pkg.write(stylesPart, stylesOut);
    else {
      const part = stylesPart ?? "xl/styles.xml";
      pkg.write(part, stylesOut);
      contentTypes.push({ part, type: CONTENT_TYPES.styles });
      if (stylesPart === null) {
        const relsPart = relationshipsPartOf(workbook);
        const relsXml = pkg.read(relsPart);
        const id = freshRelationshipId(parseRelationships(relsXml ?? ""));
        pkg.write(
          relsPart,
          addRelationships(relsXml, [
            { id, type: relationshipType(strict, "styles"), target: relativeTarget(workbook, part), external: false },
          ]),
        );
      }
    }
  }
  if (contentTypes.length > 0) ensureContentTypes(pkg, contentTypes);
  return { bytes: pkg.finish(comment), summary };
}
