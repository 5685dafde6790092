/**
 * The package's structure (Open Packaging Conventions): parts found through relationships, never by
 * file name; content types; relationships added to a relationships part without disturbing the others.
 */
import { folderOf } from "../part-names";
import { attributes, escapeXml, Splicer, XmlScanner } from "./xml";

export { findTarget, partNamed, resolveTarget } from "../part-names";

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** The relationships of a .rels part. */
export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  const scanner = new XmlScanner(xml);
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === "close" || tag.local !== "Relationship") continue;
    const attrs = attributes(xml, tag);
    const get = (name: string) => attrs.find((a) => a.name === name)?.value ?? "";
    out.push({
      id: get("Id"),
      type: get("Type"),
      target: get("Target"),
      external: get("TargetMode").toLowerCase() === "external",
    });
  }
  return out;
}

/** True when a relationship type ends in `/name` (the transitional and strict spellings alike). */
export function isType(rel: Relationship, name: string): boolean {
  return rel.type.endsWith(`/${name}`);
}

/** The relationships part of a part ("xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels"). */
export function relationshipsPartOf(part: string): string {
  const folder = folderOf(part);
  const name = part.slice(folder.length ? folder.length + 1 : 0);
  return `${folder ? `${folder}/` : ""}_rels/${name}.rels`;
}

/** A relative target from `source`'s folder to `part` ("xl/worksheets/sheet1.xml", "xl/comments1.xml" → "../comments1.xml"). */
export function relativeTarget(source: string, part: string): string {
  const from = folderOf(source).split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => "..");
  return [...up, ...to.slice(common)].map((s) => (s === ".." ? s : encodeURIComponent(s))).join("/");
}

export const RELATIONSHIPS_NS = "http://schemas.openxmlformats.org/package/2006/relationships";

/** A relationship id not yet used in `rels`. */
export function freshRelationshipId(rels: readonly Relationship[], taken: Set<string> = new Set()): string {
  const used = new Set([...rels.map((r) => r.id), ...taken]);
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Adds relationships to a .rels part (or makes one), before its closing tag; the others stay as written. */
export function addRelationships(xml: string | null, added: readonly Relationship[]): string {
  const lines = added
    .map(
      (r) =>
        `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`,
    )
    .join("");
  if (xml === null) {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${RELATIONSHIPS_NS}">${lines}</Relationships>`;
  }
  return appendToRoot(xml, lines);
}

/** Inserts `content` as the last children of the document's root element (expanding an empty root). */
export function appendToRoot(xml: string, content: string): string {
  const scanner = new XmlScanner(xml);
  const root = scanner.next();
  if (!root || root.kind === "close") throw new Error("no root element");
  const splicer = new Splicer(xml);
  if (root.kind === "empty") {
    const head = xml.slice(root.start, root.end - 2).replace(/\s+$/, "");
    splicer.replace(root.start, root.end, `${head}>${content}</${root.name}>`);
    return splicer.finish();
  }
  const close = scanner.skipElement(root);
  splicer.insert(close.start, content);
  return splicer.finish();
}

/** The content types part's defaults (by extension, lower case) and overrides (by part name, lower case, no slash). */
export function parseContentTypes(xml: string): { defaults: Map<string, string>; overrides: Map<string, string> } {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const scanner = new XmlScanner(xml);
  for (let tag = scanner.next(); tag; tag = scanner.next()) {
    if (tag.kind === "close") continue;
    const attrs = attributes(xml, tag);
    const get = (name: string) => attrs.find((a) => a.name === name)?.value ?? "";
    if (tag.local === "Default") defaults.set(get("Extension").toLowerCase(), get("ContentType"));
    else if (tag.local === "Override") {
      overrides.set(get("PartName").replace(/^\/+/, "").toLowerCase(), get("ContentType"));
    }
  }
  return { defaults, overrides };
}
