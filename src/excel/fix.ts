/**
 * Applying a finding's fix: the one place the add-in writes a value, and only when the user clicks Apply.
 * Every cell is read first; nothing is written unless each still shows the text the check saw and holds
 * no formula, so a value the user typed since is never overwritten. What each cell held is kept, so the
 * write can be undone exactly, and only while the cells still hold what was written.
 */
import { HostError, type AppliedFix, type CellWrite } from "../host/types";
import { toHostError } from "./errors";
import { literal } from "../host/plans/template";

type Constant = string | number | boolean;

/** "25%" → 0.25 shown as 0%; anything else is text, kept as text even where Excel would read it otherwise. */
export function typedValue(value: string): { value: Constant; format: string | null } {
  const percent = /^\s*(-?\d+(?:\.(\d+))?)\s*%\s*$/.exec(value);
  if (percent) {
    const decimals = percent[2]?.length ?? 0;
    return {
      value: Number((Number(percent[1]) / 100).toFixed(decimals + 2)),
      format: decimals === 0 ? "0%" : `0.${"0".repeat(decimals)}%`,
    };
  }
  return { value, format: null };
}

function isFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.startsWith("=");
}

function changedSince(sheet: string, cell: string): HostError {
  return new HostError(
    `单元格 ${sheet}!${cell} 在校验之后已被修改，没有写入任何值。请重新校验。`,
    `Cell ${sheet}!${cell} changed after the check; nothing was written. Please check again.`,
  );
}

interface Loaded {
  write: { sheet: string; cell: string };
  range: Excel.Range;
}

function loadCells(context: Excel.RequestContext, cells: readonly { sheet: string; cell: string }[]): Loaded[] {
  return cells.map((write) => {
    const range = context.workbook.worksheets.getItem(write.sheet).getRange(write.cell);
    range.load(["values", "text", "formulas", "numberFormat"]);
    return { write, range };
  });
}

/** Writes constants and formats, number formats first so a restored text stays text. */
function queueWrites(loaded: readonly Loaded[], values: readonly { value: Constant; format: string }[]): void {
  loaded.forEach(({ range }, i) => {
    range.numberFormat = [[values[i].format]];
    const value = values[i].value;
    range.values = [[typeof value === "string" ? literal(value) : value]];
  });
}

export async function applyFix(writes: readonly CellWrite[]): Promise<AppliedFix> {
  if (writes.length === 0) return { cells: [] };
  try {
    return await Excel.run(async (context) => {
      const loaded = loadCells(context, writes);
      await context.sync();
      const cells: AppliedFix["cells"] = loaded.map(({ range }, i) => {
        const write = writes[i];
        const was = write.was;
        if (isFormula(range.formulas[0][0])) {
          throw new HostError(
            `单元格 ${write.sheet}!${write.cell} 含有公式，没有写入任何值。请直接修改公式。`,
            `Cell ${write.sheet}!${write.cell} holds a formula; nothing was written. Edit the formula itself.`,
          );
        }
        if (was !== undefined && range.text[0][0] !== was) throw changedSince(write.sheet, write.cell);
        const typed = typedValue(write.value);
        const beforeFormat = range.numberFormat[0][0] ?? "General";
        return {
          sheet: write.sheet,
          cell: write.cell,
          before: range.values[0][0] as Constant,
          beforeFormat,
          after: typed.value,
          afterFormat: typed.format ?? beforeFormat,
        };
      });
      queueWrites(
        loaded,
        cells.map((c) => ({ value: c.after, format: c.afterFormat })),
      );
      await context.sync();
      return { cells };
    });
  } catch (error) {
    throw toHostError(error, "fix");
  }
}

export async function undoFix(applied: AppliedFix): Promise<void> {
  if (applied.cells.length === 0) return;
  try {
    await Excel.run(async (context) => {
      const loaded = loadCells(context, applied.cells);
      await context.sync();
      loaded.forEach(({ range }, i) => {
        const cell = applied.cells[i];
        if (isFormula(range.formulas[0][0]) || range.values[0][0] !== cell.after) {
          throw new HostError(
            `单元格 ${cell.sheet}!${cell.cell} 在修改之后又被编辑过，没有撤销。`,
            `Cell ${cell.sheet}!${cell.cell} was edited after the fix; nothing was undone.`,
          );
        }
      });
      queueWrites(
        loaded,
        applied.cells.map((c) => ({ value: c.before, format: c.beforeFormat })),
      );
      await context.sync();
    });
  } catch (error) {
    throw toHostError(error, "undo");
  }
}
