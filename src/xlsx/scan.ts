/**
 * A streaming XML tokenizer over UTF-8 bytes, for reading a package's parts without building an object
 * per tag, attribute or text run: the handler is told where each start tag, end tag and run of text
 * lies in the buffer and decodes only what it needs (a cell's reference straight into numbers, a
 * number straight from its digits, a string once). Bytes arrive in chunks of any size: what is left of
 * an unfinished token is kept for the next chunk, and offsets stay valid until the handler's flush().
 *
 * It accepts what a well-formed part may hold: attributes in either quote, namespace prefixes (names
 * are matched by their local part), comments, processing instructions, a document type declaration,
 * CDATA sections, the five predefined entities and character references. It refuses, as damaged,
 * what a truncated or garbled part shows, as saxes (the parser it replaced) does: tags that do not
 * match, markup left open at the end, text or a second element outside the root, a name holding a
 * character names may not hold, an unknown entity or a reference to a character XML does not allow,
 * a "<" inside an attribute value, an attribute without a quoted value. It does not check what no
 * damage produces by chance: an attribute given twice (the first counts), the XML declaration's
 * content, control characters in text.
 */

/** Thrown for bytes that are not well-formed XML; the reader turns it into an InputError. */
export class XmlSyntaxError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = "XmlSyntaxError";
  }
}

/** What the scanner tells: offsets are into `scanner.buffer`, valid until the next flush(). */
export interface XmlHandler {
  /**
   * A start tag: its qualified name is [name, nameEnd), its local name (after the prefix's colon)
   * [local, nameEnd), its attributes lie in [attributes, attributesEnd). An empty element (<a/>) is
   * followed by close() at once.
   */
  open(
    scanner: XmlScanner,
    name: number,
    local: number,
    nameEnd: number,
    attributes: number,
    attributesEnd: number,
  ): void;
  /** An end tag, by the local name [local, nameEnd). */
  close(scanner: XmlScanner, local: number, nameEnd: number): void;
  /**
   * Character data inside the root element: [start, end) of the buffer. `plain` when it holds no
   * entity and no carriage return (its bytes are its UTF-8 text); `cdata` for a CDATA section's content.
   */
  text(scanner: XmlScanner, start: number, end: number, plain: boolean, cdata: boolean): void;
  /** The buffer is about to move: offsets kept from earlier events must be turned into values now. */
  flush(): void;
}

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;
const CR = 0x0d;
const LF = 0x0a;
const TAB = 0x09;
const SPACE = 0x20;
const DASH = 0x2d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR;

/** Bytes that end a name: white space, "/", ">", "=", and the characters a name can never hold. */
function endsName(c: number): boolean {
  return isSpace(c) || c === SLASH || c === GT || c === EQUALS || c === LT || c === QUOTE || c === APOSTROPHE;
}

/** A byte a name may hold: a letter, a digit, "-", ".", "_", ":" or any non-ASCII byte. */
function inName(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x2d ||
    c === 0x2e ||
    c === 0x5f ||
    c === COLON ||
    c >= 0x80
  );
}

/** Where a name that starts at `i` ends (a byte that ends names); throws for a byte no name may hold. */
function scanName(b: Uint8Array, i: number, end: number): number {
  for (; i < end && !endsName(b[i]); i++) {
    if (!inName(b[i])) throw new XmlSyntaxError("a name holds a character names may not hold");
  }
  return i;
}

/** Where the local part of the name [start, end) begins: after its first colon, if any. */
function localName(b: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; i++) if (b[i] === COLON) return i + 1;
  return start;
}

/** A byte that may start a name: a letter, "_", ":" or any non-ASCII byte (checked no further). */
function startsName(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f || c === COLON || c >= 0x80;
}

// A part's byte-order mark is skipped by the scanner; within the part, U+FEFF is text and is kept (a
// decoder left to its default would drop it from the start of every run it decodes).
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** The UTF-8 text of [start, end) of `b`, no entity or line end handled. */
export function utf8Text(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 16) {
    // Short ASCII (a number, a type, a reference): no view and no decoder call.
    let ascii = true;
    for (let i = start; i < end; i++) {
      if (b[i] >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      let s = "";
      for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
      return s;
    }
  }
  return utf8.decode(b.subarray(start, end));
}

/** A character reference's code point when XML allows the character (the Char production), else -1. */
function allowedChar(code: number): number {
  if (code === 0x9 || code === 0xa || code === 0xd) return code;
  if (code >= 0x20 && code <= 0xd7ff) return code;
  if (code >= 0xe000 && code <= 0xfffd) return code;
  if (code >= 0x10000 && code <= 0x10ffff) return code;
  return -1;
}

/** The text of an entity or character reference at [start, end) (between "&" and ";"). */
function entityText(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  if (n === 2 && b[start] === 0x6c && b[start + 1] === 0x74) return "<"; // lt
  if (n === 2 && b[start] === 0x67 && b[start + 1] === 0x74) return ">"; // gt
  if (n === 3 && b[start] === 0x61 && b[start + 1] === 0x6d && b[start + 2] === 0x70) return "&"; // amp
  const name = utf8Text(b, start, end);
  if (name === "quot") return '"';
  if (name === "apos") return "'";
  let code = -1;
  if (/^#x[0-9a-fA-F]+$/.test(name)) code = allowedChar(parseInt(name.slice(2), 16));
  else if (/^#[0-9]+$/.test(name)) code = allowedChar(parseInt(name.slice(1), 10));
  else throw new XmlSyntaxError(`the entity &${name}; is not defined`);
  if (code < 0) throw new XmlSyntaxError(`the character reference &${name}; is not allowed`);
  return String.fromCodePoint(code);
}

/**
 * Character data as XML gives it: entities and character references replaced, line ends (CR LF, CR)
 * made LF; in an attribute value, tabs and line ends each become a space. CDATA is taken as written.
 */
export function decodeText(b: Uint8Array, start: number, end: number, attribute: boolean, cdata = false): string {
  let out = "";
  let run = start;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === AMP && !cdata) {
      const semicolon = b.indexOf(0x3b, i + 1);
      if (semicolon < 0 || semicolon >= end) throw new XmlSyntaxError("an entity is not closed by ;");
      out += utf8Text(b, run, i) + entityText(b, i + 1, semicolon);
      i = semicolon;
      run = i + 1;
    } else if (c === CR || (attribute && (c === LF || c === TAB))) {
      out += utf8Text(b, run, i) + (attribute ? " " : "\n");
      if (c === CR && i + 1 < end && b[i + 1] === LF) i++;
      run = i + 1;
    }
  }
  return out + utf8Text(b, run, end);
}

/** Throws XmlSyntaxError for an entity in [start, end) that XML does not define (saxes refuses those too). */
function checkEntities(b: Uint8Array, start: number, end: number): void {
  for (let i = start; i < end; i++) {
    if (b[i] !== AMP) continue;
    const semicolon = b.indexOf(0x3b, i + 1);
    if (semicolon < 0 || semicolon >= end) throw new XmlSyntaxError("an entity is not closed by ;");
    entityText(b, i + 1, semicolon);
    i = semicolon;
  }
}

/** The offsets of the attribute value found by findAttribute: [valueStart, valueEnd), and whether it is plain. */
export const found = { start: 0, end: 0, plain: true };

/**
 * Finds an attribute in the attribute text [from, to) of a start tag the scanner has checked: first
 * the one named `name` exactly (`r:id`, `t`), else the first prefixed one whose local part is `local`
 * (x:t, s:id). Sets `found`; false when there is none.
 */
export function findAttribute(b: Uint8Array, from: number, to: number, name: Uint8Array, local: Uint8Array): boolean {
  for (let pass = 0; pass < 2; pass++) {
    let i = from;
    while (i < to) {
      while (i < to && isSpace(b[i])) i++;
      if (i >= to) break;
      const nameStart = i;
      let colon = -1;
      while (!endsName(b[i])) {
        if (b[i] === COLON && colon < 0) colon = i;
        i++;
      }
      const nameEnd = i;
      while (b[i] !== QUOTE && b[i] !== APOSTROPHE) i++;
      const quote = b[i];
      const valueStart = ++i;
      let plain = true;
      while (b[i] !== quote) {
        const c = b[i];
        if (c === AMP || c === CR || c === LF || c === TAB) plain = false;
        i++;
      }
      const valueEnd = i++;
      const match =
        pass === 0 ? sameBytes(b, nameStart, nameEnd, name) : colon >= 0 && sameBytes(b, colon + 1, nameEnd, local);
      if (match) {
        found.start = valueStart;
        found.end = valueEnd;
        found.plain = plain;
        return true;
      }
    }
  }
  return false;
}

/** True when [start, end) of `b` holds exactly `bytes`. */
export function sameBytes(b: Uint8Array, start: number, end: number, bytes: Uint8Array): boolean {
  if (end - start !== bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) if (b[start + i] !== bytes[i]) return false;
  return true;
}

/** The value of the attribute `found` points at, as text. */
export function foundText(b: Uint8Array): string {
  return found.plain ? utf8Text(b, found.start, found.end) : decodeText(b, found.start, found.end, true);
}

/** ASCII bytes of a name, for findAttribute and sameBytes. */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** A 32-bit hash of a qualified name, to match end tags to start tags without keeping the names. */
function nameHash(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 0x01000193);
  return (h ^ (end - start)) | 0;
}

/**
 * The tokenizer. Feed it with push(chunk) and end(); it calls the handler for each token as soon as
 * the token is complete.
 */
export class XmlScanner {
  /** The bytes being scanned (a chunk as given, or the scanner's own copy); the handler reads its offsets here. */
  buffer: Uint8Array;
  private length = 0;
  /** Where what is left of a chunk waits for the next one. */
  private own = new Uint8Array(0);
  private stack = new Int32Array(64);
  private depth = 0;
  private sawRoot = false;
  private closedRoot = false;
  private started = false;

  constructor(private readonly handler: XmlHandler) {
    this.buffer = this.own;
  }

  /**
   * Scans a chunk. With nothing left over from the last one it is scanned where it lies (a whole part
   * costs no copy); only its unfinished end is copied. The chunk is never written to.
   */
  push(chunk: Uint8Array): void {
    if (this.length === 0) {
      this.buffer = chunk;
      this.length = chunk.length;
    } else {
      const needed = this.length + chunk.length;
      if (needed > this.own.length) this.grow(needed);
      this.own.set(chunk, this.length);
      this.length = needed;
    }
    this.keep(this.scan(false));
  }

  /** Scans what is left; throws XmlSyntaxError when the part ends inside markup or an element. */
  end(): void {
    this.keep(this.scan(true));
    if (!this.sawRoot) throw new XmlSyntaxError("there is no root element");
    if (this.depth > 0) throw new XmlSyntaxError("the part ends before its elements are closed");
  }

  /** Keeps the bytes from `consumed` on, at the start of the scanner's own buffer. */
  private keep(consumed: number): void {
    const rest = this.length - consumed;
    if (this.buffer !== this.own) {
      if (rest > this.own.length) this.grow(rest);
      this.own.set(this.buffer.subarray(consumed, this.length));
      this.buffer = this.own;
    } else if (consumed > 0) this.own.copyWithin(0, consumed, this.length);
    this.length = rest;
  }

  /** Room for `needed` bytes in the scanner's own buffer, what it holds kept. */
  private grow(needed: number): void {
    let size = Math.max(this.own.length * 2, 4096);
    while (size < needed) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.own.subarray(0, this.buffer === this.own ? this.length : 0));
    if (this.buffer === this.own) this.buffer = grown;
    this.own = grown;
  }

  /** Scans the buffer; returns how far it got (the start of the first unfinished token). */
  private scan(final: boolean): number {
    const b = this.buffer;
    const end = this.length;
    let pos = 0;
    if (!this.started) {
      if (end < 3 && !final) return 0;
      this.started = true;
      if (end >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) pos = 3; // byte-order mark
    }
    while (pos < end) {
      if (b[pos] !== LT) {
        // Character data up to the next "<".
        let i = pos;
        let plain = true;
        let blank = true;
        for (; i < end; i++) {
          const c = b[i];
          if (c === LT) break;
          if (c === AMP || c === CR) plain = false;
          else if (c === GT && i >= pos + 2 && b[i - 1] === CLOSE_BRACKET && b[i - 2] === CLOSE_BRACKET) {
            throw new XmlSyntaxError('text holds "]]>"');
          }
          if (blank && !isSpace(c)) blank = false;
        }
        if (i === end && !final) break;
        if (!plain) checkEntities(b, pos, i);
        this.characters(pos, i, plain, blank, false);
        pos = i;
        continue;
      }
      const next = pos + 1 < end ? b[pos + 1] : -1;
      if (next < 0) {
        if (final) throw new XmlSyntaxError("the part ends inside a tag");
        break;
      }
      let done: number;
      if (next === SLASH) done = this.endTag(pos, end);
      else if (next === BANG) done = this.bang(pos, end);
      else if (next === QUESTION) done = this.instruction(pos, end);
      else done = this.startTag(pos, end);
      if (done < 0) {
        if (final) throw new XmlSyntaxError("the part ends inside markup");
        break;
      }
      pos = done;
    }
    this.handler.flush();
    return pos;
  }

  private characters(start: number, end: number, plain: boolean, blank: boolean, cdata: boolean): void {
    if (this.depth === 0) {
      if (!blank) throw new XmlSyntaxError("there is text outside the root element");
      return;
    }
    if (start < end) this.handler.text(this, start, end, plain, cdata);
  }

  /** A start tag at `pos`; the offset just past it, or -1 when it is not complete yet. */
  private startTag(pos: number, end: number): number {
    const b = this.buffer;
    const name = pos + 1;
    if (!startsName(b[name])) throw new XmlSyntaxError("a tag does not start with a name");
    let i = scanName(b, name, end);
    const tagEnd = i;
    const local = localName(b, name, tagEnd);
    // Attributes: name, "=", a quoted value; white space between them.
    const attributes = i;
    for (;;) {
      const afterName = i;
      while (i < end && isSpace(b[i])) i++;
      if (i >= end) return -1;
      const c = b[i];
      if (c === GT || c === SLASH) break;
      if (i === afterName) throw new XmlSyntaxError("attributes are not separated by white space");
      if (!startsName(c)) throw new XmlSyntaxError("an attribute does not start with a name");
      i = scanName(b, i, end);
      while (i < end && isSpace(b[i])) i++;
      if (i >= end) return -1;
      if (b[i] !== EQUALS) throw new XmlSyntaxError("an attribute has no value");
      i++;
      while (i < end && isSpace(b[i])) i++;
      if (i >= end) return -1;
      const quote = b[i];
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new XmlSyntaxError("an attribute value is not quoted");
      const value = ++i;
      let entities = false;
      while (i < end && b[i] !== quote) {
        if (b[i] === LT) throw new XmlSyntaxError('an attribute value holds "<"');
        if (b[i] === AMP) entities = true;
        i++;
      }
      if (i >= end) return -1;
      if (entities) checkEntities(b, value, i);
      i++;
    }
    const attributesEnd = i;
    let selfClosing = false;
    if (b[i] === SLASH) {
      if (i + 1 >= end) return -1;
      if (b[i + 1] !== GT) throw new XmlSyntaxError('"/" inside a tag is not followed by ">"');
      selfClosing = true;
      i++;
    }
    if (this.closedRoot || (this.depth === 0 && this.sawRoot)) {
      throw new XmlSyntaxError("there is a second root element");
    }
    this.sawRoot = true;
    this.handler.open(this, name, local, tagEnd, attributes, attributesEnd);
    if (selfClosing) {
      this.handler.close(this, local, tagEnd);
      if (this.depth === 0) this.closedRoot = true;
    } else {
      if (this.depth === this.stack.length) {
        const grown = new Int32Array(this.stack.length * 2);
        grown.set(this.stack);
        this.stack = grown;
      }
      this.stack[this.depth++] = nameHash(b, name, tagEnd);
    }
    return i + 1;
  }

  private endTag(pos: number, end: number): number {
    const b = this.buffer;
    const name = pos + 2;
    let i = scanName(b, name, end);
    const tagEnd = i;
    const local = localName(b, name, tagEnd);
    while (i < end && isSpace(b[i])) i++;
    if (i >= end) return -1;
    if (b[i] !== GT || tagEnd === name) throw new XmlSyntaxError("an end tag is malformed");
    if (this.depth === 0 || this.stack[this.depth - 1] !== nameHash(b, name, tagEnd)) {
      throw new XmlSyntaxError(`the end tag </${utf8Text(b, name, tagEnd)}> does not match its start tag`);
    }
    this.depth--;
    if (this.depth === 0) this.closedRoot = true;
    this.handler.close(this, local, tagEnd);
    return i + 1;
  }

  /** A comment, a CDATA section or a document type declaration at `pos`. */
  private bang(pos: number, end: number): number {
    const b = this.buffer;
    if (pos + 3 >= end) return -1;
    if (b[pos + 2] === DASH) {
      if (b[pos + 3] !== DASH) throw new XmlSyntaxError("a comment is malformed");
      for (let i = pos + 4; i + 2 < end; i++) {
        if (b[i] === DASH && b[i + 1] === DASH) {
          if (b[i + 2] !== GT) throw new XmlSyntaxError('a comment holds "--"');
          return i + 3;
        }
      }
      return -1;
    }
    if (b[pos + 2] === OPEN_BRACKET) {
      if (pos + 9 > end) return -1;
      // <![CDATA[
      if (
        b[pos + 3] !== 0x43 ||
        b[pos + 4] !== 0x44 ||
        b[pos + 5] !== 0x41 ||
        b[pos + 6] !== 0x54 ||
        b[pos + 7] !== 0x41 ||
        b[pos + 8] !== OPEN_BRACKET
      ) {
        throw new XmlSyntaxError("a CDATA section is malformed");
      }
      const start = pos + 9;
      for (let i = start; i + 2 < end; i++) {
        if (b[i] === CLOSE_BRACKET && b[i + 1] === CLOSE_BRACKET && b[i + 2] === GT) {
          if (this.depth === 0) throw new XmlSyntaxError("there is a CDATA section outside the root element");
          let plain = true;
          for (let j = start; j < i; j++) if (b[j] === CR) plain = false;
          this.characters(start, i, plain, false, true);
          return i + 3;
        }
      }
      return -1;
    }
    // <!DOCTYPE …>, with an internal subset in brackets that may hold quoted ">".
    if (this.sawRoot) throw new XmlSyntaxError("a declaration follows the root element");
    let brackets = 0;
    let quote = 0;
    for (let i = pos + 2; i < end; i++) {
      const c = b[i];
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === QUOTE || c === APOSTROPHE) quote = c;
      else if (c === OPEN_BRACKET) brackets++;
      else if (c === CLOSE_BRACKET) brackets--;
      else if (c === GT && brackets <= 0) return i + 1;
    }
    return -1;
  }

  /** A processing instruction or the XML declaration at `pos`. */
  private instruction(pos: number, end: number): number {
    const b = this.buffer;
    // Its target, a name, is followed by white space or by "?>".
    let i = pos + 2;
    if (i < end && !startsName(b[i])) throw new XmlSyntaxError("a processing instruction has no target");
    while (i < end && inName(b[i])) i++;
    if (i < end && !isSpace(b[i]) && b[i] !== QUESTION)
      throw new XmlSyntaxError("a processing instruction is malformed");
    for (; i + 1 < end; i++) if (b[i] === QUESTION && b[i + 1] === GT) return i + 2;
    return -1;
  }
}
