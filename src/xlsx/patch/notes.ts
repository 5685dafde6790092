/**
 * Notes (Excel's legacy comments): the comments part holds their text, a VML drawing their boxes. An
 * existing part is extended, never replaced: a cell that already has a note keeps it, with our text
 * appended after it; other cells get a new note, and a box in the sheet's VML drawing.
 */
import { parseA1, toA1 } from "../../core/address";
import { attributes, escapeXml, Splicer, type Tag, unescapeXml, XmlScanner } from "./xml";

export const NOTE_AUTHOR = "target-table";

export interface Note {
  row: number;
  col: number;
  /** Our text: the whole of a new note, or appended after an existing note's text and a blank line. */
  text: string;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function textElement(prefix: string, text: string): string {
  return `<${prefix}t xml:space="preserve">${escapeXml(text)}</${prefix}t>`;
}

/** A run of note text in the font Chinese Excel gives notes (9-point 宋体). */
function run(prefix: string, text: string): string {
  const p = prefix;
  return (
    `<${p}r><${p}rPr><${p}sz val="9"/><${p}rFont val="宋体"/><${p}family val="3"/><${p}charset val="134"/></${p}rPr>` +
    `${textElement(p, text)}</${p}r>`
  );
}

/**
 * The comments part with our notes: appended to the cell's note when it has one, added otherwise.
 * Returns the part and the notes that are new (which need a box in the VML drawing).
 */
export function patchComments(
  xml: string | null,
  notes: readonly Note[],
  mainNamespace: string,
): { xml: string; added: Note[] } {
  if (xml === null) {
    const comments = notes
      .map((n) => `<comment ref="${toA1(n.row, n.col)}" authorId="0"><text>${run("", n.text)}</text></comment>`)
      .join("");
    return {
      xml: `${XML_DECLARATION}<comments xmlns="${mainNamespace}"><authors><author>${NOTE_AUTHOR}</author></authors><commentList>${comments}</commentList></comments>`,
      added: [...notes],
    };
  }
  const scanner = new XmlScanner(xml);
  const root = scanner.next();
  if (!root || root.kind !== "open") throw new Error("the comments part has no comments");
  const prefix = root.name.slice(0, root.name.length - root.local.length);
  let authors: { open: Tag; close: Tag | null; names: string[] } | null = null;
  let list: { open: Tag; close: Tag | null } | null = null;
  /** Existing comments by cell key "row:col": the element holding their text. */
  const existing = new Map<
    string,
    { text: Tag; textClose: Tag | null; lastRun: number; t: { open: Tag; close: Tag | null } | null }
  >();
  let rootClose = -1;
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === "close") {
      rootClose = tag.start;
      break;
    }
    if (tag.local === "authors") {
      const names: string[] = [];
      let close: Tag | null = null;
      if (tag.kind === "open") {
        for (let child = scanner.next(); child; child = scanner.next()) {
          if (child.kind === "close") {
            close = child;
            break;
          }
          const end = scanner.skipElement(child);
          names.push(child.kind === "open" ? unescapeXml(xml.slice(child.end, end.start)) : "");
        }
      }
      authors = { open: tag, close, names };
    } else if (tag.local === "commentList") {
      let close: Tag | null = null;
      if (tag.kind === "open") {
        for (let comment = scanner.next(); comment; comment = scanner.next()) {
          if (comment.kind === "close") {
            close = comment;
            break;
          }
          const cell = parseA1(attributes(xml, comment).find((a) => a.name === "ref")?.value ?? "");
          if (comment.kind === "empty") continue;
          for (let child = scanner.next(); child && child.kind !== "close"; child = scanner.next()) {
            if (child.local !== "text" || !cell) {
              scanner.skipElement(child);
              continue;
            }
            const found = {
              text: child,
              textClose: null as Tag | null,
              lastRun: -1,
              t: null as { open: Tag; close: Tag | null } | null,
            };
            if (child.kind === "open") {
              for (let part = scanner.next(); part; part = scanner.next()) {
                if (part.kind === "close") {
                  found.textClose = part;
                  break;
                }
                const end = scanner.skipElement(part);
                if (part.local === "r") found.lastRun = end.end;
                else if (part.local === "t") found.t = { open: part, close: part.kind === "open" ? end : null };
              }
            }
            if (!existing.has(`${cell.row}:${cell.col}`)) existing.set(`${cell.row}:${cell.col}`, found);
          }
        }
      }
      list = { open: tag, close };
    } else scanner.skipElement(tag);
  }

  const edits: { at: number; to: number; text: string }[] = [];
  const added: Note[] = [];
  const addedMarkup: string[] = [];
  let authorId = authors?.names.indexOf(NOTE_AUTHOR) ?? -1;
  if (authorId < 0) {
    authorId = authors?.names.length ?? 0;
    const author = `<${prefix}author>${NOTE_AUTHOR}</${prefix}author>`;
    if (!authors) {
      // <authors> comes first among the root's children.
      const at = list?.open.start ?? rootClose;
      edits.push({ at, to: at, text: `<${prefix}authors>${author}</${prefix}authors>` });
    } else if (authors.close) edits.push({ at: authors.close.start, to: authors.close.start, text: author });
    else {
      const head = xml.slice(authors.open.start, authors.open.end - 2).replace(/\s+$/, "");
      edits.push({ at: authors.open.start, to: authors.open.end, text: `${head}>${author}</${authors.open.name}>` });
    }
  }
  for (const note of notes) {
    const found = existing.get(`${note.row}:${note.col}`);
    if (!found) {
      added.push(note);
      addedMarkup.push(
        `<${prefix}comment ref="${toA1(note.row, note.col)}" authorId="${authorId}"><${prefix}text>${run(prefix, note.text)}</${prefix}text></${prefix}comment>`,
      );
      continue;
    }
    const tp = found.text.name.slice(0, found.text.name.length - found.text.local.length);
    const text = `\n\n${note.text}`;
    if (found.lastRun >= 0) {
      edits.push({ at: found.lastRun, to: found.lastRun, text: run(tp, text) });
    } else if (found.t?.close) {
      const t = found.t.open;
      const hasSpace = attributes(xml, t).some((a) => a.name === "xml:space");
      if (!hasSpace) edits.push({ at: t.end - 1, to: t.end - 1, text: ' xml:space="preserve"' });
      edits.push({ at: found.t.close.start, to: found.t.close.start, text: escapeXml(text) });
    } else if (found.t) {
      edits.push({ at: found.t.open.start, to: found.t.open.end, text: textElement(tp, text) });
    } else if (found.textClose) {
      edits.push({ at: found.textClose.start, to: found.textClose.start, text: run(tp, text) });
    } else {
      const head = xml.slice(found.text.start, found.text.end - 2).replace(/\s+$/, "");
      edits.push({
        at: found.text.start,
        to: found.text.end,
        text: `${head}>${run(tp, text)}</${found.text.name}>`,
      });
    }
  }
  if (addedMarkup.length > 0) {
    const markup = addedMarkup.join("");
    if (!list)
      edits.push({ at: rootClose, to: rootClose, text: `<${prefix}commentList>${markup}</${prefix}commentList>` });
    else if (list.close) edits.push({ at: list.close.start, to: list.close.start, text: markup });
    else {
      const head = xml.slice(list.open.start, list.open.end - 2).replace(/\s+$/, "");
      edits.push({ at: list.open.start, to: list.open.end, text: `${head}>${markup}</${list.open.name}>` });
    }
  }
  edits.sort((a, b) => a.at - b.at);
  const splicer = new Splicer(xml);
  for (const edit of edits) splicer.replace(edit.at, edit.to, edit.text);
  return { xml: splicer.finish(), added };
}

/** A note's box: Excel's anchor (column, offset, row, offset for its corners) and its size in points. */
export interface NoteBox {
  row: number;
  col: number;
  anchor: [number, number, number, number, number, number, number, number];
  left: number;
  top: number;
  width: number;
  height: number;
}

const VML_NAMESPACES = {
  v: "urn:schemas-microsoft-com:vml",
  o: "urn:schemas-microsoft-com:office:office",
  x: "urn:schemas-microsoft-com:office:excel",
};

const SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** The cells that already have a note box in a VML drawing ("row:col"). */
export function noteBoxesIn(vml: string): Set<string> {
  const out = new Set<string>();
  for (const match of vml.matchAll(
    /<(?:\w+:)?ClientData\b[^>]*ObjectType\s*=\s*["']Note["'][^>]*>([\s\S]*?)<\/(?:\w+:)?ClientData>/g,
  )) {
    const row = /<(?:\w+:)?Row>\s*(\d+)\s*</.exec(match[1]!);
    const col = /<(?:\w+:)?Column>\s*(\d+)\s*</.exec(match[1]!);
    if (row && col) out.add(`${row[1]}:${col[1]}`);
  }
  return out;
}

/** The shape-id blocks (of 1,024) a VML drawing claims in its <o:idmap>. */
export function idBlocksIn(vml: string): number[] {
  const blocks: number[] = [];
  for (const match of vml.matchAll(/<(?:\w+:)?idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/g)) {
    for (const n of match[1]!.split(/[\s,]+/)) if (/^\d+$/.test(n)) blocks.push(Number(n));
  }
  return blocks;
}

function shapeMarkup(box: NoteBox, id: number, z: number, declare: string): string {
  const pt = (n: number) => `${Math.round(n * 100) / 100}pt`;
  return (
    `<v:shape${declare} id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:${pt(box.left)};` +
    `margin-top:${pt(box.top)};width:${pt(box.width)};height:${pt(box.height)};z-index:${z};visibility:hidden" ` +
    `fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/>` +
    `<v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${box.anchor.join(", ")}</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${box.row}</x:Row><x:Column>${box.col}</x:Column></x:ClientData></v:shape>`
  );
}

/**
 * A VML drawing with boxes for new notes: a new drawing claiming shape-id block `block`, or the sheet's
 * existing drawing (text scanned, never parsed: Excel's VML is not always well-formed XML) with the
 * boxes added before its end.
 */
export function patchVml(vml: string | null, boxes: readonly NoteBox[], block: number): string {
  if (vml === null) {
    const shapes = boxes.map((box, i) => shapeMarkup(box, block * 1024 + 1 + i, i + 1, "")).join("");
    return (
      `<xml xmlns:v="${VML_NAMESPACES.v}" xmlns:o="${VML_NAMESPACES.o}" xmlns:x="${VML_NAMESPACES.x}">` +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${SHAPE_TYPE}${shapes}</xml>`
    );
  }
  const end = vml.toLowerCase().lastIndexOf("</xml>");
  if (end < 0) throw new Error("the VML drawing has no end");
  const rootTag = /<xml\b[^>]*>/i.exec(vml)?.[0] ?? "";
  const declared = (Object.entries(VML_NAMESPACES) as [string, string][]).every(([p, ns]) =>
    new RegExp(`xmlns:${p}\\s*=\\s*["']${ns.replace(/[.]/g, "\\.")}["']`).test(rootTag),
  );
  const declare = declared
    ? ""
    : ` xmlns:v="${VML_NAMESPACES.v}" xmlns:o="${VML_NAMESPACES.o}" xmlns:x="${VML_NAMESPACES.x}"`;
  let maxId = 0;
  for (const match of vml.matchAll(/_x0000_s(\d+)/g)) maxId = Math.max(maxId, Number(match[1]));
  const blocks = idBlocksIn(vml);
  if (maxId === 0) maxId = (blocks[0] ?? block) * 1024;
  const shapeCount = (vml.match(/<v:shape\b/g) ?? []).length;
  let markup = /id\s*=\s*["']_x0000_t202["']/.test(vml)
    ? ""
    : SHAPE_TYPE.replace("<v:shapetype", `<v:shapetype${declare}`);
  markup += boxes.map((box, i) => shapeMarkup(box, maxId + 1 + i, shapeCount + 1 + i, declare)).join("");
  const splicer = new Splicer(vml);
  splicer.insert(end, markup);
  return splicer.finish();
}
