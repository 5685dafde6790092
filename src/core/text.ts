/** Text normalisation shared by header matching, labels and values. */

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** Full-width ASCII (U+FF01–U+FF5E) to half-width, ideographic space to a space. */
export function toHalfWidth(text: string): string {
  // Most cells hold no full-width character: skip the copy.
  if (!FULL_WIDTH.test(text)) return text;
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Header and label form: half-width, every kind of white space removed. */
export function normalizeText(text: string): string {
  return toHalfWidth(text).replace(/[\s\u00a0\u200b\ufeff]+/g, "");
}

/** Value form: half-width, trimmed, inner runs of white space kept as one space. */
export function tidyText(text: string): string {
  return toHalfWidth(text)
    .replace(/[\u00a0\u200b\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}
