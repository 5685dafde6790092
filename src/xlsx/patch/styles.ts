/**
 * The styles part, extended: Excel's "Bad" and "Neutral" fills, fonts that are the painted cells' own
 * fonts in the finding's colour, and new cell formats (xf) copied from each painted cell's format with
 * only its font and fill changed — number format, borders, alignment and protection stay. Nothing
 * already in the part is changed but the `count` of the lists that grow.
 */
import { HIGHLIGHT_COLORS, type PaintedSeverity } from "../../core/highlight";
import { argb } from "../colour";
import { attributes, Splicer, type Tag, XmlScanner } from "./xml";

interface Element {
  open: Tag;
  /** Just past the element's end (its close tag, or the empty tag itself). */
  end: number;
}

interface Section extends Element {
  children: Element[];
  /** The close tag (absent for an empty section). */
  close?: Tag;
}

/** The order of the style sheet's children (CT_Stylesheet). */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

const DEFAULT_CHILDREN: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
};

/** A styles part for a package that has none (Excel's defaults). */
export function emptyStyles(mainNamespace: string): string {
  const section = (name: string) =>
    `<${name} count="${DEFAULT_CHILDREN[name]!.length}">${DEFAULT_CHILDREN[name]!.join("")}</${name}>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${mainNamespace}">` +
    `${section("fonts")}${section("fills")}${section("borders")}${section("cellXfs")}</styleSheet>`
  );
}

/** Rebuilds a start tag with some attributes set (replaced in place, or added at its end). */
export function withAttributes(text: string, tag: Tag, set: Record<string, string>): string {
  const attrs = attributes(text, tag);
  const pending = new Map(Object.entries(set));
  let out = "";
  let copied = tag.start;
  for (const a of attrs) {
    if (!pending.has(a.name)) continue;
    out += `${text.slice(copied, a.valueStart)}${pending.get(a.name)!}`;
    copied = a.valueEnd;
    pending.delete(a.name);
  }
  const closeLength = tag.kind === "empty" ? 2 : 1;
  let body = text.slice(copied, tag.end - closeLength);
  const trailing = /\s*$/.exec(body)![0];
  body = body.slice(0, body.length - trailing.length);
  const added = [...pending].map(([name, value]) => ` ${name}="${value}"`).join("");
  return `${out}${body}${added}${trailing}${tag.kind === "empty" ? "/>" : ">"}`;
}

export class StylesPatch {
  private readonly sections = new Map<string, Section>();
  /** Top-level children in order: where a missing section goes. */
  private readonly topLevel: Element[] = [];
  private rootClose = -1;
  private rootName = "styleSheet";
  private readonly added: Record<"fonts" | "fills" | "borders" | "cellXfs", string[]> = {
    fonts: [],
    fills: [],
    borders: [],
    cellXfs: [],
  };
  private readonly fontIds = new Map<string, number>();
  private readonly fillIds = new Map<PaintedSeverity, number>();
  private readonly xfIds = new Map<string, number>();

  constructor(private readonly xml: string) {
    const scanner = new XmlScanner(xml);
    const root = scanner.next();
    if (!root || root.kind !== "open") throw new Error("the styles part has no style sheet");
    this.rootName = root.name;
    for (let tag = scanner.next(); tag; tag = scanner.next()) {
      if (tag.kind === "close") {
        this.rootClose = tag.start;
        break;
      }
      if (tag.kind === "empty" || !["fonts", "fills", "borders", "cellXfs"].includes(tag.local)) {
        const close = scanner.skipElement(tag);
        const element = { open: tag, end: close.end };
        this.topLevel.push(element);
        if (tag.kind === "empty" && ["fonts", "fills", "borders", "cellXfs"].includes(tag.local)) {
          this.sections.set(tag.local, { ...element, children: [] });
        }
        continue;
      }
      const children: Element[] = [];
      let child = scanner.next();
      for (; child && child.kind !== "close"; child = scanner.next()) {
        children.push({ open: child, end: scanner.skipElement(child).end });
      }
      if (!child) throw new Error(`<${tag.name}> is not closed`);
      const section = { open: tag, end: child.end, children, close: child };
      this.sections.set(tag.local, section);
      this.topLevel.push(section);
    }
    if (this.rootClose < 0) throw new Error("the style sheet is not closed");
  }

  /** The prefix the style sheet's elements use ("" or "x:"). */
  private get prefix(): string {
    const colon = this.rootName.indexOf(":");
    return colon < 0 ? "" : this.rootName.slice(0, colon + 1);
  }

  private prefixed(markup: string): string {
    const p = this.prefix;
    return p ? markup.replace(/<(\/?)(?=[a-zA-Z])/g, `<$1${p}`) : markup;
  }

  /** The number of existing children of a section (or of its defaults when the section is missing). */
  private existing(name: "fonts" | "fills" | "borders" | "cellXfs"): number {
    const section = this.sections.get(name);
    return section ? section.children.length : DEFAULT_CHILDREN[name]!.length;
  }

  private text(element: Element): string {
    return this.xml.slice(element.open.start, element.end);
  }

  private append(name: "fonts" | "fills" | "borders" | "cellXfs", markup: string): number {
    this.added[name].push(markup);
    return this.existing(name) + this.added[name].length - 1;
  }

  /** The index of the cell format for a cell formatted `xf`, painted for `severity`. */
  painted(xf: number, severity: PaintedSeverity): number {
    const cellXfs = this.sections.get("cellXfs")?.children ?? [];
    const index = xf >= 0 && xf < cellXfs.length ? xf : 0;
    const key = `${index}:${severity}`;
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    const source = cellXfs[index];
    let markup: string;
    let fontId = 0;
    if (source) {
      fontId = Number(attributes(this.xml, source.open).find((a) => a.name === "fontId")?.value ?? 0) || 0;
      const font = this.fontFor(fontId, severity);
      const fill = this.fillFor(severity);
      const head = withAttributes(this.xml, source.open, {
        fontId: String(font),
        fillId: String(fill),
        applyFont: "1",
        applyFill: "1",
      });
      markup = head + this.xml.slice(source.open.end, source.end);
    } else {
      const font = this.fontFor(0, severity);
      const fill = this.fillFor(severity);
      markup = this.prefixed(
        `<xf numFmtId="0" fontId="${font}" fillId="${fill}" borderId="0" applyFont="1" applyFill="1"/>`,
      );
    }
    const id = this.append("cellXfs", markup);
    this.xfIds.set(key, id);
    return id;
  }

  private fillFor(severity: PaintedSeverity): number {
    const known = this.fillIds.get(severity);
    if (known !== undefined) return known;
    const colour = argb(HIGHLIGHT_COLORS[severity].fill);
    const id = this.append(
      "fills",
      this.prefixed(
        `<fill><patternFill patternType="solid"><fgColor rgb="${colour}"/><bgColor indexed="64"/></patternFill></fill>`,
      ),
    );
    this.fillIds.set(severity, id);
    return id;
  }

  /** The cell's own font in the finding's colour: its `<color>` replaced (or added before its name). */
  private fontFor(fontId: number, severity: PaintedSeverity): number {
    const key = `${fontId}:${severity}`;
    const known = this.fontIds.get(key);
    if (known !== undefined) return known;
    const fonts = this.sections.get("fonts")?.children ?? [];
    const source = fonts[fontId] ?? fonts[0];
    const text = source ? this.text(source) : this.prefixed(DEFAULT_CHILDREN.fonts![0]!);
    const id = this.append("fonts", recolourFont(text, argb(HIGHLIGHT_COLORS[severity].font)));
    this.fontIds.set(key, id);
    return id;
  }

  /** The edited part, or null when nothing was painted. */
  finish(): string | null {
    if (Object.values(this.added).every((list) => list.length === 0)) return null;
    const edits: { at: number; to: number; text: string; order: number }[] = [];
    for (const name of ["fonts", "fills", "borders", "cellXfs"] as const) {
      const section = this.sections.get(name);
      const added = this.added[name];
      const order = ORDER.indexOf(name);
      if (!section) {
        const children = [...DEFAULT_CHILDREN[name]!.map((m) => this.prefixed(m)), ...added];
        const markup = `<${this.prefix}${name} count="${children.length}">${children.join("")}</${this.prefix}${name}>`;
        // Before the first later section; an unknown element (alternate content) stays after the known ones.
        const next = this.topLevel.find((e) => ORDER.indexOf(e.open.local) > order || ORDER.indexOf(e.open.local) < 0);
        const at = next?.open.start ?? this.rootClose;
        edits.push({ at, to: at, text: markup, order });
        continue;
      }
      if (added.length === 0) continue;
      const count = String(section.children.length + added.length);
      if (section.open.kind === "empty") {
        const head = withAttributes(this.xml, section.open, { count });
        const open = `${head.slice(0, -2).replace(/\s+$/, "")}>`;
        edits.push({
          at: section.open.start,
          to: section.end,
          text: `${open}${added.join("")}</${section.open.name}>`,
          order,
        });
      } else {
        edits.push({
          at: section.open.start,
          to: section.open.end,
          text: withAttributes(this.xml, section.open, { count }),
          order,
        });
        const closeAt = section.close!.start;
        edits.push({ at: closeAt, to: closeAt, text: added.join(""), order });
      }
    }
    edits.sort((a, b) => a.at - b.at || a.order - b.order);
    const splicer = new Splicer(this.xml);
    for (const edit of edits) splicer.replace(edit.at, edit.to, edit.text);
    return splicer.finish();
  }
}

/** A font element's markup with its colour set to `rgb`. */
export function recolourFont(font: string, rgb: string): string {
  const scanner = new XmlScanner(font);
  const open = scanner.next()!;
  const prefix = open.name.includes(":") ? open.name.slice(0, open.name.indexOf(":") + 1) : "";
  const colour = `<${prefix}color rgb="${rgb}"/>`;
  if (open.kind === "empty") return `${font.slice(0, open.end - 2).replace(/\s+$/, "")}>${colour}</${open.name}>`;
  let insertAt = -1;
  for (let tag = scanner.next(); tag && tag.kind !== "close"; tag = scanner.next()) {
    const end = scanner.skipElement(tag).end;
    if (tag.local === "color") return font.slice(0, tag.start) + colour + font.slice(end);
    if (insertAt < 0 && ["name", "family", "charset", "scheme"].includes(tag.local)) insertAt = tag.start;
  }
  if (insertAt < 0) insertAt = font.lastIndexOf("</");
  return font.slice(0, insertAt) + colour + font.slice(insertAt);
}
