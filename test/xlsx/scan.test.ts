/**
 * The byte tokenizer (src/xlsx/scan.ts) against saxes, the standards-conforming parser the reader used
 * before: on every document saxes accepts, the tokenizer reports the same elements, attributes and
 * text, however the bytes are cut into chunks; what it refuses, saxes refuses too.
 */
import fc from "fast-check";
import { SaxesParser } from "saxes";
import {
  decodeText,
  findAttribute,
  foundText,
  utf8Text,
  XmlScanner,
  XmlSyntaxError,
  type XmlHandler,
} from "../../src/xlsx/scan";

type Event = ["open", string, Record<string, string>] | ["close", string] | ["text", string];

const encoder = new TextEncoder();

/** Adjacent text events made one, as text split by chunks, entities or CDATA is one run of text. */
function merged(events: Event[]): Event[] {
  const out: Event[] = [];
  for (const event of events) {
    const last = out[out.length - 1];
    if (event[0] === "text" && last?.[0] === "text") last[1] += event[1];
    else out.push(event[0] === "text" ? ["text", event[1]] : event);
  }
  return out.filter((event) => event[0] !== "text" || event[1] !== "");
}

function saxesEvents(xml: string): Event[] | "error" {
  const events: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  parser.on("opentag", (tag) => {
    events.push(["open", tag.name, { ...tag.attributes } as Record<string, string>]);
    depth++;
  });
  parser.on("closetag", (tag) => {
    events.push(["close", tag.name]);
    depth--;
  });
  const text = (t: string) => {
    if (depth > 0) events.push(["text", t]);
  };
  parser.on("text", text);
  parser.on("cdata", text);
  try {
    parser.write(xml).close();
  } catch {
    return "error";
  }
  return merged(events);
}

/** The attribute names written in a start tag's attribute text (names hold no quote, "=" or space). */
function attributeNames(text: string): string[] {
  return [...text.matchAll(/([^\s="']+)\s*=\s*(?:"[^"]*"|'[^']*')/g)].map((m) => m[1]!);
}

class Recorder implements XmlHandler {
  events: Event[] = [];
  open(scanner: XmlScanner, name: number, _local: number, nameEnd: number, from: number, to: number): void {
    const b = scanner.buffer;
    const attributes: Record<string, string> = {};
    for (const attribute of attributeNames(utf8Text(b, from, to))) {
      const bytes = encoder.encode(attribute);
      if (findAttribute(b, from, to, bytes, bytes)) attributes[attribute] = foundText(b);
    }
    this.events.push(["open", utf8Text(b, name, nameEnd), attributes]);
  }
  close(scanner: XmlScanner, local: number, nameEnd: number): void {
    // The full name is not reported on close: the local name is compared, prefixes put back by the test.
    this.events.push(["close", utf8Text(scanner.buffer, local, nameEnd)]);
  }
  text(scanner: XmlScanner, start: number, end: number, plain: boolean, cdata: boolean): void {
    const b = scanner.buffer;
    this.events.push(["text", plain ? utf8Text(b, start, end) : decodeText(b, start, end, false, cdata)]);
  }
  flush(): void {}
}

/** The tokenizer's events with the bytes cut at `cuts` (offsets, ascending). */
function scanEvents(bytes: Uint8Array, cuts: readonly number[] = []): Event[] | "error" {
  const recorder = new Recorder();
  const scanner = new XmlScanner(recorder);
  try {
    let at = 0;
    for (const cut of [...cuts, bytes.length]) {
      scanner.push(bytes.subarray(at, Math.max(at, cut)));
      at = Math.max(at, cut);
    }
    scanner.end();
  } catch (error) {
    if (error instanceof XmlSyntaxError) return "error";
    throw error;
  }
  return merged(recorder.events);
}

/** saxes's events with end tags named by their local part, as the tokenizer reports them. */
function localCloses(events: Event[] | "error"): Event[] | "error" {
  if (events === "error") return events;
  return events.map((e) => (e[0] === "close" ? ["close", e[1].slice(e[1].indexOf(":") + 1)] : e));
}

function expectSame(xml: string, cuts: readonly number[] = []): void {
  expect(scanEvents(encoder.encode(xml), cuts)).toEqual(localCloses(saxesEvents(xml)));
}

/** Every way of cutting the bytes in two, and byte by byte. */
function expectSameAtEveryCut(xml: string): void {
  const bytes = encoder.encode(xml);
  const expected = localCloses(saxesEvents(xml));
  expect(scanEvents(bytes)).toEqual(expected);
  for (let cut = 0; cut <= bytes.length; cut++) expect(scanEvents(bytes, [cut])).toEqual(expected);
  expect(
    scanEvents(
      bytes,
      Array.from({ length: bytes.length }, (_, i) => i),
    ),
  ).toEqual(expected);
}

describe("the tokenizer reads what saxes reads", () => {
  const SHEET =
    '\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    '<!DOCTYPE worksheet [<!ENTITY e "x>y">]>' +
    "<x:worksheet xmlns:x=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r='urn:r'>" +
    "<!-- a comment with <tags> & ampersands -->" +
    "<x:sheetData>\r\n  <x:row r='1' spans=\"1:3\">" +
    '<x:c r="A1" t="s" s = "3"><x:v>0</x:v></x:c>' +
    "<x:c t='inlineStr' r='B1'><x:is><x:r><x:t xml:space=\"preserve\"> 培训 &amp; 人次 </x:t></x:r><x:rPh><x:t>ジ</x:t></x:rPh></x:is></x:c>" +
    '<x:c r="C1" t="str"><x:f>"a"&amp;"b"</x:f><x:v><![CDATA[a<b>&amp;]]></x:v></x:c>' +
    '<x:c r="D1"><x:v>1<!-- split -->2</x:v></x:c>' +
    '<x:c r="E1" t="e"><x:v>&#35;DIV/0!</x:v></x:c>' +
    '<x:c r="F1" t="inlineStr"><x:is><x:t>line\r\nend\rand &#x4E2D;&#25991; &lt;&gt;&quot;&apos;</x:t></x:is></x:c>' +
    '<x:c r="G1" x:custom="tab\there&#10;and&#x9;ref\r\nline"/>' +
    "<?pi some processing instruction?>" +
    "</x:row>\n</x:sheetData><x:mergeCells count='1'><x:mergeCell ref=\"A1:B1\"/></x:mergeCells>" +
    "<x:extLst><x:ext uri='{x}'><foo:bar xmlns:foo='urn:foo'>ignored</foo:bar></x:ext></x:extLst>" +
    "</x:worksheet>\r\n<!-- trailing comment -->\n";

  test("a sheet with prefixes, both quotes, entities, CDATA, comments and CR LF, cut anywhere", () => {
    expect(saxesEvents(SHEET)).not.toBe("error");
    expectSameAtEveryCut(SHEET);
  });

  test("shared strings with rich runs and phonetic runs, cut anywhere", () => {
    expectSameAtEveryCut(
      '<sst xmlns="m" count="2"><si><t>一级指标</t></si><si><r><rPr><b/><sz val="11"/></rPr><t>培训</t></r>' +
        '<r><t xml:space="preserve"> 人次 </t></r><rPh sb="0" eb="1"><t>ペイ</t></rPh><phoneticPr fontId="1"/></si>' +
        "<si><t>&#x1F600; emoji and 𠀀 outside the BMP</t></si><si><t>\ufeff文本 starts with U+FEFF</t></si></sst>",
    );
  });

  test("character references with leading zeros, hexadecimal digits in either case", () => {
    const xml = '<a b="&#x0000000041;">&#0000065;&#x4e2d;&#x4E2D;&#x1f600;</a>';
    expect(saxesEvents(xml)).toEqual([
      ["open", "a", { b: "A" }],
      ["text", "A中中😀"],
      ["close", "a"],
    ]);
    expectSameAtEveryCut(xml);
  });

  test("attribute values: entities, tabs and line ends, either quote, a > inside", () => {
    expectSameAtEveryCut(
      `<a one="x&amp;y" two='say "hi"' three="it's" four="a\tb\nc\r\nd\re" five="&#9;&#10;&#13;" six="1 > 0"/>`,
    );
  });

  const NAMES = ["c", "v", "t", "x:c", "x:v", "row", "si", "is", "a_b", "ns1:mergeCell"];
  const TEXTS = [
    "1",
    "-0.25",
    " ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "中文",
    "😀",
    "\ufeff",
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&apos;",
    "&#x4E2D;",
    "&#x0041;",
    "&#065;",
    "&#20013;",
    "&#128512;",
    ">",
    "]",
    "<![CDATA[<c>&amp;]]>",
    "<![CDATA[]]>",
    "<!-- note -->",
    "<?pi x?>",
  ];
  const VALUES = ["", "A1", "s", "1", " ", "\t", "\n", "\r\n", "&amp;", "&#10;", "中", "\ufeff", ">", "&lt;x&gt;"];

  interface Node {
    name: string;
    attributes: { name: string; value: string; quote: string }[];
    children: (Node | string)[];
  }

  const node: fc.Memo<Node> = fc.memo((depth) =>
    fc.record({
      name: fc.constantFrom(...NAMES),
      attributes: fc.uniqueArray(
        fc.record({
          name: fc.constantFrom("r", "t", "s", "x:r", "ref", "xml:space"),
          value: fc.array(fc.constantFrom(...VALUES), { maxLength: 4 }).map((parts) => parts.join("")),
          quote: fc.constantFrom('"', "'"),
        }),
        { selector: (a) => a.name, maxLength: 3 },
      ),
      children:
        depth <= 1
          ? fc.array(fc.constantFrom(...TEXTS), { maxLength: 3 })
          : fc.array(fc.oneof(fc.constantFrom(...TEXTS), node(depth - 1)), { maxLength: 4 }),
    }),
  );

  function serialize(n: Node): string {
    const attributes = n.attributes.map((a) => ` ${a.name}=${a.quote}${a.value}${a.quote}`).join("");
    if (n.children.length === 0) return `<${n.name}${attributes}/>`;
    return `<${n.name}${attributes}>${n.children.map((c) => (typeof c === "string" ? c : serialize(c))).join("")}</${n.name}>`;
  }

  test("generated documents, cut into random chunks", () => {
    fc.assert(
      fc.property(
        node(4),
        fc.constantFrom("", "\ufeff", '<?xml version="1.0"?>\n', "<!-- c -->"),
        fc.array(fc.nat(), { maxLength: 8 }),
        (root, prolog, cutSeeds) => {
          const xml = prolog + serialize(root);
          const bytes = encoder.encode(xml);
          const cuts = cutSeeds.map((seed) => seed % (bytes.length + 1)).sort((a, b) => a - b);
          expectSame(xml, cuts);
        },
      ),
      { numRuns: 400 },
    );
  });
});

/** True when a start tag names an attribute twice (saxes refuses that; the tokenizer reads the first). */
function hasDuplicateAttribute(xml: string): boolean {
  return [...xml.matchAll(/<[^\s/>!?]+([^>]*)>/g)].some((m) => {
    const names = attributeNames(m[1]!);
    return new Set(names).size !== names.length;
  });
}

describe("damaged documents", () => {
  const BASE =
    '<x:sst xmlns:x="m" count="2"><x:si><x:t a="1" b=\'2\'>one &amp; two</x:t></x:si>' +
    "<!-- c --><x:si><x:r><x:t><![CDATA[<x>]]>&#x4E2D;</x:t></x:r></x:si><?pi?></x:sst>";
  const EDITS = ["<", ">", "&", '"', "'", "/", "=", " ", "!", "?", "[", "]", "-", "a", ";", "#", ":", "\r", "中"];

  test("a few bytes changed: what saxes reads reads the same, what it refuses is refused (but a repeated attribute)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("delete", "insert", "replace"), fc.constantFrom(...EDITS)), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (edits, cutSeeds) => {
          let xml = BASE;
          for (const [at, kind, text] of edits) {
            const i = at % (xml.length + 1);
            if (kind === "delete") xml = xml.slice(0, i) + xml.slice(i + 1);
            else if (kind === "insert") xml = xml.slice(0, i) + text + xml.slice(i);
            else xml = xml.slice(0, i) + text + xml.slice(i + 1);
          }
          const bytes = encoder.encode(xml);
          const cuts = cutSeeds.map((seed) => seed % (bytes.length + 1)).sort((a, b) => a - b);
          const expected = localCloses(saxesEvents(xml));
          const scanned = scanEvents(bytes, cuts);
          if (expected !== "error") expect(scanned).toEqual(expected);
          else if (scanned !== "error") expect(hasDuplicateAttribute(xml)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe("what is not well-formed is refused, as saxes refuses it", () => {
  test.each([
    ["an unclosed element", "<worksheet><sheetData><row>"],
    ["mismatched tags", "<a><b></a></b>"],
    ["an end tag with no start tag", "<a></a></b>"],
    ["text outside the root", "<a/>text"],
    ["a second root", "<a/><b/>"],
    ["no root at all", "<!-- nothing -->"],
    ["an unknown entity", "<a>&nbsp;</a>"],
    ["an entity without ;", "<a>&amp</a>"],
    ["a character reference XML does not allow", "<a>&#0;</a>"],
    ["a character reference past Unicode", "<a>&#x110000;</a>"],
    ["< inside an attribute value", '<a b="<"/>'],
    ["an attribute without quotes", "<a b=1/>"],
    ["an attribute without a value", "<a b/>"],
    ["attributes run together", '<a b="1"c="2"/>'],
    ["an unterminated comment", "<a><!-- open</a>"],
    ["an unterminated CDATA section", "<a><![CDATA[open</a>"],
    ["a cut-off start tag", '<a><b c="1"'],
    ["a tag that starts with a digit", "<a><1/></a>"],
    ["an unknown entity in an attribute", '<a b="&bogus;"/>'],
    ["a character reference with a capital X", "<a>&#X42;</a>"],
    ["]]> in text", "<a>]]></a>"],
  ])("%s", (_, xml) => {
    expect(saxesEvents(xml)).toBe("error");
    expect(scanEvents(encoder.encode(xml))).toBe("error");
  });
});
