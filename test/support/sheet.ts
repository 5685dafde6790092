/** Builds sheet snapshots for tests from rows of cell values, as a user would type them. */
import { parseRangeA1 } from "../../src/core/address";
import { normalizeSnapshot, type CellValue, type SheetSnapshot } from "../../src/core/snapshot";

export type TestCell = CellValue | { value: CellValue; format: string; text?: string };

export function sheetOf(name: string, rows: TestCell[][], merges: string[] = []): SheetSnapshot {
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const numberFormats: string[][] = [];
  for (const row of rows) {
    const v: CellValue[] = [];
    const t: string[] = [];
    const f: string[] = [];
    for (const cell of row) {
      if (cell !== null && typeof cell === "object") {
        v.push(cell.value);
        f.push(cell.format);
        t.push(cell.text ?? displayed(cell.value, cell.format));
      } else {
        v.push(cell);
        f.push("General");
        t.push(cell === null ? "" : String(cell));
      }
    }
    values.push(v);
    texts.push(t);
    numberFormats.push(f);
  }
  return normalizeSnapshot({
    name,
    values,
    texts,
    numberFormats,
    merges: merges.map((m) => {
      const range = parseRangeA1(m);
      if (!range) throw new Error(`bad merge ${m}`);
      return range;
    }),
  });
}

function displayed(value: CellValue, format: string): string {
  if (typeof value !== "number") return value === null ? "" : String(value);
  if (format.includes("%")) {
    const decimals = /0\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${(value * 100).toFixed(decimals)}%`;
  }
  const decimals = /0\.(0+)/.exec(format)?.[1].length;
  return decimals === undefined ? String(value) : value.toFixed(decimals);
}

export const pct = (value: number): TestCell => ({ value, format: "0%" });
export const money = (value: number): TestCell => ({ value, format: "0.00" });
