/** Addresses as WPS's Range.Address gives them: "$B$3:$D$7", "Sheet1!$B$3", "B3:D7,F1". */
import { parseRangeA1, type CellRange } from "../core/address";

function withoutSheet(address: string): string {
  const bang = address.lastIndexOf("!");
  return (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").trim();
}

/** The first area of an address ("B3:D7,F1" → "B3:D7"), without sheet or dollar signs. */
export function firstWpsArea(address: string): string {
  return withoutSheet(address.split(",")[0] ?? "");
}

export function parseWpsAddress(address: string): CellRange | null {
  return parseRangeA1(firstWpsArea(address));
}
