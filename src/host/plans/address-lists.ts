/**
 * Cells written alike go to the spreadsheet as one comma-separated address list per call ("B3,B7,C9"),
 * instead of a call per cell; each host caps how long one list may be.
 */

/** Comma-separated address lists of at most `maxChars` characters each (a host's limit for one range call). */
export function addressLists(cells: readonly string[], maxChars: number): string[] {
  const lists: string[] = [];
  let current = "";
  for (const cell of cells) {
    if (current !== "" && current.length + 1 + cell.length > maxChars) {
      lists.push(current);
      current = "";
    }
    current = current === "" ? cell : `${current},${cell}`;
  }
  if (current !== "") lists.push(current);
  return lists;
}
