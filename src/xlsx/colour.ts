/** Colours as exceljs writes them. */

/** An opaque ARGB colour ("FFFFC7CE") from "#RRGGBB" (or "RRGGBB"). */
export function argb(hex: string): string {
  const match = /^#?([0-9a-fA-F]{6})$/.exec(hex);
  if (!match) throw new Error(`Colour "${hex}" is not #RRGGBB.`);
  return `FF${match[1].toUpperCase()}`;
}
