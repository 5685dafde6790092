/**
 * A webpack loader that rewrites Unicode property escapes in regular expression literals (`\p{L}`, `\P{N}`,
 * ES2018) into the equivalent explicit code-point classes (`[\u{41}-\u{5a}…]`, ES2015 with the `u` flag), so
 * that every shipped script parses as ES2017: EdgeHTML (Office 2016/2019 retail) refuses a whole script that
 * holds one `\p{…}`, and esbuild leaves them as they are. The classes come from this Node's own Unicode tables,
 * so they match exactly what `\p{…}` means here.
 *
 * Runs after esbuild-loader (plain JavaScript in). Literals are found with acorn's tokens, never by text
 * search; a property escape it cannot rewrite exactly (`\P{…}` inside a class, the `v` flag) fails the build.
 */
"use strict";
const acorn = require("acorn");

const MAX_CODE_POINT = 0x10ffff;
const rangeCache = new Map();

/** The code points a property escape matches, as [first, last] ranges; throws for an unknown property. */
function propertyRanges(property) {
  if (rangeCache.has(property)) return rangeCache.get(property);
  let test;
  try {
    test = new RegExp(`^\\p{${property}}$`, "u");
  } catch {
    throw new Error(`unknown Unicode property \\p{${property}}`);
  }
  const ranges = [];
  let start = -1;
  for (let code = 0; code <= MAX_CODE_POINT + 1; code++) {
    // Lone surrogates are code points of their own under the u flag.
    const inside = code <= MAX_CODE_POINT && test.test(String.fromCodePoint(code));
    if (inside && start === -1) start = code;
    if (!inside && start !== -1) {
      ranges.push([start, code - 1]);
      start = -1;
    }
  }
  rangeCache.set(property, ranges);
  return ranges;
}

/**
 * A code point as it is written in the class: ASCII letters and digits as themselves, anything else as an
 * escape (smaller once gzipped than the characters themselves, and the script stays ASCII).
 */
function escapeCodePoint(code) {
  if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
    return String.fromCharCode(code);
  }
  return code <= 0xffff ? `\\u${code.toString(16).padStart(4, "0")}` : `\\u{${code.toString(16)}}`;
}

/** Ranges joined: overlapping or touching ranges become one. */
function mergeRanges(ranges) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** The class body (no brackets) for some ranges: `A-Za-z\u00aa…`. */
function rangesBody(ranges) {
  return ranges
    .map(([first, last]) =>
      first === last
        ? escapeCodePoint(first)
        : last === first + 1
          ? `${escapeCodePoint(first)}${escapeCodePoint(last)}`
          : `${escapeCodePoint(first)}-${escapeCodePoint(last)}`,
    )
    .join("");
}

/** Reads `\p{Name}` at `index`; returns the property and the index after it, or null. */
function readProperty(pattern, index) {
  const next = pattern[index + 1];
  if (pattern[index] !== "\\" || (next !== "p" && next !== "P") || pattern[index + 2] !== "{") return null;
  const close = pattern.indexOf("}", index + 3);
  if (close === -1) throw new Error(`unterminated property escape in /${pattern}/`);
  return { negated: next === "P", property: pattern.slice(index + 3, close), end: close + 1 };
}

/**
 * Rewrites one pattern (the text between the slashes); returns it unchanged when it has no property escape.
 * Property escapes next to each other inside a class become one list of ranges.
 */
function rewritePattern(pattern, flags) {
  if (!/\\[pP]\{/.test(pattern)) return pattern;
  if (flags.includes("v")) throw new Error(`cannot lower the v flag: /${pattern}/${flags}`);
  if (!flags.includes("u")) return pattern; // without u, \p is just "p"
  let out = "";
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const char = pattern[i];
    const escape = readProperty(pattern, i);
    if (escape) {
      if (!inClass) {
        const body = rangesBody(propertyRanges(escape.property));
        out += escape.negated ? `[^${body}]` : `[${body}]`;
        i = escape.end;
        continue;
      }
      const ranges = [];
      let at = i;
      for (let item = readProperty(pattern, at); item; item = readProperty(pattern, at)) {
        if (item.negated) throw new Error(`cannot lower a negated property inside a class: /${pattern}/${flags}`);
        ranges.push(...propertyRanges(item.property));
        at = item.end;
      }
      out += rangesBody(mergeRanges(ranges));
      i = at;
      continue;
    }
    if (char === "\\") {
      out += pattern.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (char === "[" && !inClass) inClass = true;
    else if (char === "]" && inClass) inClass = false;
    out += char;
    i++;
  }
  return out;
}

/** Rewrites every regular expression literal of a script; returns the source unchanged when none needs it. */
function lowerPropertyEscapes(source) {
  if (!/\\[pP]\{/.test(source)) return source;
  const tokens = [];
  const options = { ecmaVersion: "latest", onToken: tokens, allowHashBang: true, allowReturnOutsideFunction: true };
  try {
    acorn.parse(source, { ...options, sourceType: "module" });
  } catch {
    tokens.length = 0;
    acorn.parse(source, { ...options, sourceType: "script" });
  }
  let result = source;
  for (const token of tokens.reverse()) {
    if (token.type.label !== "regexp") continue;
    const { pattern, flags } = token.value;
    const lowered = rewritePattern(pattern, flags);
    if (lowered !== pattern) result = `${result.slice(0, token.start)}/${lowered}/${flags}${result.slice(token.end)}`;
  }
  return result;
}

module.exports = function regexpPropertyLoader(source) {
  try {
    return lowerPropertyEscapes(source);
  } catch (error) {
    throw new Error(`regexp-property-loader: ${this.resourcePath}: ${error.message}`);
  }
};
module.exports.lowerPropertyEscapes = lowerPropertyEscapes;
module.exports.rewritePattern = rewritePattern;
