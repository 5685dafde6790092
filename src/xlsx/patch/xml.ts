/**
 * Careful, linear scanning of XML text, for editing a part in place: each tag is found with its exact
 * offsets (quotes respected, comments, CDATA and processing instructions skipped whole), so an edit
 * touches only the bytes it means to and everything else is copied as it was. Elements are matched by
 * local name, whatever their prefix (strict and transitional OOXML alike).
 */

export interface Tag {
  kind: "open" | "close" | "empty";
  /** The qualified name as written ("x:c", "row"). */
  name: string;
  /** The name without its prefix. */
  local: string;
  /** Offset of "<" and just past ">". */
  start: number;
  end: number;
}

/** Thrown when the text is not XML this scanner can follow (an unclosed tag, comment or section). */
export class XmlScanError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "XmlScanError";
  }
}

function isNameChar(code: number): boolean {
  // Anything but whitespace, "/", ">" and "=" continues a name.
  return !(
    code === 0x20 ||
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x2f ||
    code === 0x3e ||
    code === 0x3d
  );
}

/** Reads tags one after another from `from`; comments, CDATA, declarations and PIs are skipped. */
export class XmlScanner {
  at: number;

  constructor(
    readonly text: string,
    from = 0,
  ) {
    this.at = from;
  }

  /** The next tag, or null at the end of the text. */
  next(): Tag | null {
    const text = this.text;
    for (;;) {
      const lt = text.indexOf("<", this.at);
      if (lt < 0) {
        this.at = text.length;
        return null;
      }
      const c1 = text.charCodeAt(lt + 1);
      if (c1 === 0x3f /* ? */) {
        this.at = this.skipTo(lt, "?>");
        continue;
      }
      if (c1 === 0x21 /* ! */) {
        if (text.startsWith("<!--", lt)) this.at = this.skipTo(lt, "-->");
        else if (text.startsWith("<![CDATA[", lt)) this.at = this.skipTo(lt, "]]>");
        else this.at = this.skipDeclaration(lt);
        continue;
      }
      const closing = c1 === 0x2f; /* / */
      let p = closing ? lt + 2 : lt + 1;
      const nameStart = p;
      while (p < text.length && isNameChar(text.charCodeAt(p))) p++;
      const name = text.slice(nameStart, p);
      if (name === "") throw new XmlScanError(`a tag without a name at ${lt}`);
      // The end of the tag: the first ">" outside quotes.
      let quote = 0;
      for (; p < text.length; p++) {
        const c = text.charCodeAt(p);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 0x22 || c === 0x27) quote = c;
        else if (c === 0x3e) break;
      }
      if (p >= text.length) throw new XmlScanError(`the tag <${name} at ${lt} is not closed`);
      const end = p + 1;
      this.at = end;
      const colon = name.indexOf(":");
      const local = colon < 0 ? name : name.slice(colon + 1);
      const kind = closing ? "close" : text.charCodeAt(p - 1) === 0x2f ? "empty" : "open";
      return { kind, name, local, start: lt, end };
    }
  }

  /**
   * Moves past the element whose open tag was just read, returning its close tag. For an empty tag,
   * returns it unchanged.
   */
  skipElement(open: Tag): Tag {
    if (open.kind !== "open") return open;
    let depth = 1;
    for (;;) {
      const tag = this.next();
      if (!tag) throw new XmlScanError(`<${open.name}> at ${open.start} is not closed`);
      if (tag.kind === "open") depth++;
      else if (tag.kind === "close" && --depth === 0) return tag;
    }
  }

  private skipTo(from: number, terminator: string): number {
    const end = this.text.indexOf(terminator, from);
    if (end < 0) throw new XmlScanError(`an unterminated section at ${from}`);
    return end + terminator.length;
  }

  /** Past a <!DOCTYPE …> or other declaration, an internal subset in brackets included. */
  private skipDeclaration(from: number): number {
    let depth = 0;
    for (let p = from + 2; p < this.text.length; p++) {
      const c = this.text.charCodeAt(p);
      if (c === 0x5b) depth++;
      else if (c === 0x5d) depth--;
      else if (c === 0x3e && depth <= 0) return p + 1;
    }
    throw new XmlScanError(`an unterminated declaration at ${from}`);
  }
}

export interface Attribute {
  name: string;
  value: string;
  /** Offsets of the whole attribute ("name='value'") and of its raw value, in the text. */
  start: number;
  end: number;
  valueStart: number;
  valueEnd: number;
}

/** The attributes of a start tag, with their offsets in `text`; values are unescaped. */
export function attributes(text: string, tag: Tag): Attribute[] {
  const out: Attribute[] = [];
  let p = tag.start + 1 + tag.name.length;
  const stop = tag.end - 1;
  while (p < stop) {
    const c = text.charCodeAt(p);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2f) {
      p++;
      continue;
    }
    const start = p;
    while (p < stop && text.charCodeAt(p) !== 0x3d && !/\s/.test(text[p]!)) p++;
    const name = text.slice(start, p);
    while (p < stop && /\s/.test(text[p]!)) p++;
    if (text.charCodeAt(p) !== 0x3d) break;
    p++;
    while (p < stop && /\s/.test(text[p]!)) p++;
    const quote = text[p];
    if (quote !== '"' && quote !== "'") break;
    const valueStart = p + 1;
    const valueEnd = text.indexOf(quote, valueStart);
    if (valueEnd < 0 || valueEnd > stop) break;
    out.push({
      name,
      value: unescapeXml(text.slice(valueStart, valueEnd)),
      start,
      end: valueEnd + 1,
      valueStart,
      valueEnd,
    });
    p = valueEnd + 1;
  }
  return out;
}

/** One attribute's value by name ("r", "r:id"), or by local name when `local` is set; undefined when absent. */
export function attribute(text: string, tag: Tag, name: string): string | undefined {
  return attributes(text, tag).find((a) => a.name === name)?.value;
}

/** The value of the attribute whose local name is `local` and whose prefix maps to one of `namespaces`. */
export function namespacedAttribute(
  attrs: readonly Attribute[],
  local: string,
  prefixes: ReadonlySet<string>,
): Attribute | undefined {
  return attrs.find((a) => {
    const colon = a.name.indexOf(":");
    return colon > 0 && a.name.slice(colon + 1) === local && prefixes.has(a.name.slice(0, colon));
  });
}

/** The prefixes an element's attributes declare for any of `namespaces` ("" for a default namespace). */
export function prefixesFor(attrs: readonly Attribute[], namespaces: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const a of attrs) {
    if (!namespaces.includes(a.value)) continue;
    if (a.name === "xmlns") out.add("");
    else if (a.name.startsWith("xmlns:")) out.add(a.name.slice(6));
  }
  return out;
}

/** The prefix of a qualified name, with its colon ("x:"), or "". */
export function prefixOf(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? "" : name.slice(0, colon + 1);
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith("#x")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return ENTITIES[body] ?? whole;
  });
}

/** Text escaped for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : "&quot;"));
}

/** Text of a part, UTF-8 with any byte-order mark kept; UTF-16 parts are recognised by their mark. */
export function decodePart(bytes: Uint8Array): { text: string; encoding: "utf-8" | "utf-16le" | "utf-16be" } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le", { ignoreBOM: true }).decode(bytes), encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be", { ignoreBOM: true }).decode(bytes), encoding: "utf-16be" };
  }
  return { text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), encoding: "utf-8" };
}

/** Text back to bytes in the part's own encoding. */
export function encodePart(text: string, encoding: "utf-8" | "utf-16le" | "utf-16be"): Uint8Array {
  if (encoding === "utf-8") return new TextEncoder().encode(text);
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (encoding === "utf-16le") {
      out[2 * i] = code & 0xff;
      out[2 * i + 1] = code >> 8;
    } else {
      out[2 * i] = code >> 8;
      out[2 * i + 1] = code & 0xff;
    }
  }
  return out;
}

/** A text built from pieces: the original's slices between edits, and the edits. */
export class Splicer {
  private readonly pieces: string[] = [];
  private copied = 0;

  constructor(private readonly text: string) {}

  /** Copies the original up to `at`, then writes `insert`. */
  insert(at: number, insert: string): void {
    this.replace(at, at, insert);
  }

  /** Copies the original up to `from`, writes `replacement` in place of [from, to). */
  replace(from: number, to: number, replacement: string): void {
    if (from < this.copied) throw new Error("edits out of order");
    this.pieces.push(this.text.slice(this.copied, from), replacement);
    this.copied = to;
  }

  get edited(): boolean {
    return this.pieces.length > 0;
  }

  finish(): string {
    this.pieces.push(this.text.slice(this.copied));
    this.copied = this.text.length;
    return this.pieces.join("");
  }
}
