/** Sheet names as Excel and WPS accept them, for the template and the exported findings. */

const DEFAULT_SHEET_NAME = "项目绩效目标表";

/** Sheet-name rules Excel and WPS share: 1–31 characters, none of [ ] : * ? / \, no quote at either end. */
export function sanitizeSheetName(name: string): string {
  const cleaned = name
    .replace(/[[\]:*?/\\]/g, "_")
    .replace(/^'+|'+$/g, "")
    .trim()
    .slice(0, 31)
    .trim();
  return cleaned === "" ? DEFAULT_SHEET_NAME : cleaned;
}

/** name, then "name (2)", "name (3)"… whichever is free (names compare case-insensitively). */
export function uniqueSheetName(wanted: string, taken: readonly string[]): string {
  const base = sanitizeSheetName(wanted);
  const used = new Set(taken.map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, 31 - suffix.length).trimEnd()}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
