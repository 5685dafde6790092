/** Addresses as Office.js returns them: "Sheet1!A1:J20", "'Sheet (2)'!B3", "B3:D7, F1". */
import { parseRangeA1, type CellRange } from "../core/address";

/** Drops a leading sheet name (quoted or not) and dollar signs: "'It''s'!$B$3:$D$7" → "B3:D7". */
function stripSheetName(address: string): string {
  const text = address.trim();
  let rest = text;
  if (text.startsWith("'")) {
    let i = 1;
    while (i < text.length) {
      if (text[i] === "'" && text[i + 1] === "'") i += 2;
      else if (text[i] === "'") break;
      else i++;
    }
    rest = text.slice(i + 2);
  } else {
    const bang = text.lastIndexOf("!");
    if (bang >= 0) rest = text.slice(bang + 1);
  }
  return rest.replace(/\$/g, "");
}

/** A range address with or without its sheet; null when it is not a plain A1 range. */
export function parseExcelRange(address: string): CellRange | null {
  return parseRangeA1(stripSheetName(address));
}

/** The first area of a possibly multi-area address ("B3:D7, F1" → "B3:D7"), without the sheet. */
export function firstArea(address: string): string {
  return stripSheetName(address.split(",")[0] ?? "");
}
