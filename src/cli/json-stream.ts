/**
 * Pretty-printed JSON written piece by piece: the same bytes as JSON.stringify(value, null, 2), but a
 * report of tens of thousands of findings never exists as one string (nor as a second, re-indented
 * copy of it). Objects and arrays near the top are walked here; anything deeper than `WALK_DEPTH` is
 * small (one finding's fields) and printed by JSON.stringify, then indented.
 */

const WALK_DEPTH = 2;
/** Pieces are gathered up to about this many characters before they are written. */
const CHUNK = 64 * 1024;

/** Whether JSON.stringify leaves an object's property out (undefined, a function, a symbol). */
function skipped(value: unknown): boolean {
  return value === undefined || typeof value === "function" || typeof value === "symbol";
}

/** Buffers pieces of text and hands them to `write` in chunks. */
export class ChunkedWriter {
  private pieces: string[] = [];
  private length = 0;
  constructor(private readonly write: (text: string) => void) {}

  add(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
    if (this.length >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.length === 0) return;
    this.write(this.pieces.join(""));
    this.pieces = [];
    this.length = 0;
  }
}

/**
 * Writes `value` as JSON.stringify(value, null, 2) would, every line after the first indented by
 * `indent` (so that it can stand inside a larger document at that depth).
 */
export function writePrettyJson(value: unknown, indent: string, out: ChunkedWriter, depth = 0): void {
  const withToJson = value as { toJSON?: () => unknown } | null;
  if (withToJson !== null && typeof withToJson === "object" && typeof withToJson.toJSON === "function") {
    value = withToJson.toJSON();
  }
  if (value === null || typeof value !== "object" || depth >= WALK_DEPTH) {
    const text = JSON.stringify(value, null, 2) ?? "null";
    out.add(text.includes("\n") ? text.replace(/\n/g, `\n${indent}`) : text);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.add("[]");
      return;
    }
    out.add("[");
    value.forEach((item, i) => {
      out.add(i === 0 ? `\n${inner}` : `,\n${inner}`);
      // In an array, what an object would leave out is written as null.
      writePrettyJson(skipped(item) ? null : item, inner, out, depth + 1);
    });
    out.add(`\n${indent}]`);
    return;
  }
  const entries = Object.entries(value).filter(([, item]) => !skipped(item));
  if (entries.length === 0) {
    out.add("{}");
    return;
  }
  out.add("{");
  entries.forEach(([key, item], i) => {
    out.add(`${i === 0 ? "" : ","}\n${inner}${JSON.stringify(key)}: `);
    writePrettyJson(item, inner, out, depth + 1);
  });
  out.add(`\n${indent}}`);
}
