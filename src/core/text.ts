/** Text normalisation shared by header matching, labels and values. */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;
const FULL_WIDTH_CHARS = /[\uff01-\uff5e\u3000]/g;

function halfWidthChar(ch: string): string {
  return ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - 0xfee0);
}

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic space to a space. */
export function toHalfWidth(text: string): string {
  // Most cells hold no full-width character: skip the copy. Chinese punctuation (，：（）) is full-width.
  if (!FULL_WIDTH.test(text)) return text;
  return text.replace(FULL_WIDTH_CHARS, halfWidthChar);
}

const INVISIBLE = /[\s\u00a0\u200b\ufeff]+/g;
const ODD_SPACE = /[\u00a0\u200b\ufeff]/g;
const SPACE_RUN = /\s+/g;
/** Anything tidyText would change: an odd space, a run or a non-space white space, white space at either end. */
const UNTIDY = /[\u00a0\u200b\ufeff]|\s\s|[^\S ]|^\s|\s$/;

/** Header and label form: half-width, every kind of white space removed. */
export function normalizeText(text: string): string {
  return toHalfWidth(text).replace(INVISIBLE, "");
}

/** Value form: half-width, trimmed, inner runs of white space kept as one space. */
export function tidyText(text: string): string {
  const half = toHalfWidth(text);
  if (!UNTIDY.test(half)) return half;
  return half.replace(ODD_SPACE, " ").replace(SPACE_RUN, " ").trim();
}
