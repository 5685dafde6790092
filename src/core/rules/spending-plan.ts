/** Reading the cumulative spending plan once for the three spending-plan rules. */
import type { Cell, Checkpoint, ParsedTable } from "../model";
import { isPercentFormat, parseAmount } from "../values";

interface PlanPoint {
  checkpoint: Checkpoint;
  /** The figure as written: a percentage for a percent plan, an amount otherwise; null when empty or unreadable. */
  figure: number | null;
}

interface SpendingPlan {
  points: PlanPoint[];
  /** Percentages (of the budget) rather than amounts. */
  percent: boolean;
  /** The label says % but the figures are amounts. */
  mislabeled: boolean;
  budget: number | null;
}

const PERCENT_AT_END = /[%％]\s*$/;

function readPoint(cell: Cell): { figure: number | null; percent: boolean } {
  if (typeof cell.value === "number") {
    return isPercentFormat(cell.numberFormat)
      ? { figure: cell.value * 100, percent: true }
      : { figure: cell.value, percent: false };
  }
  if (cell.text === "") return { figure: null, percent: false };
  const percent = PERCENT_AT_END.test(cell.text);
  const amount = parseAmount(cell.value, cell.text);
  return { figure: amount ? amount.amount : null, percent };
}

const plans = new WeakMap<ParsedTable, SpendingPlan | null>();

/** The table's spending plan, read once however many rules ask. */
export function readSpendingPlan(table: ParsedTable): SpendingPlan | null {
  let plan = plans.get(table);
  if (plan === undefined) {
    plan = readPlan(table);
    plans.set(table, plan);
  }
  return plan;
}

function readPlan(table: ParsedTable): SpendingPlan | null {
  const plan = table.header.spendingPlan;
  if (!plan || plan.checkpoints.length === 0) return null;
  const read = plan.checkpoints.map((checkpoint) => ({ checkpoint, ...readPoint(checkpoint.value) }));
  const figures = read.map((p) => p.figure).filter((f): f is number => f !== null);
  if (figures.length === 0) return null;
  const budgetCell = table.header.budget?.value;
  const budget = budgetCell ? (parseAmount(budgetCell.value, budgetCell.text)?.amount ?? null) : null;
  const last = figures[figures.length - 1];
  const equalsBudget = budget !== null && Math.abs(last - budget) <= 0.005;
  let percent: boolean;
  let mislabeled = false;
  let scale = 1;
  if (read.some((p) => p.percent)) percent = true;
  else if (plan.percentLabel) {
    if (figures.some((f) => f > 100) || (equalsBudget && last !== 100)) {
      percent = false;
      mislabeled = true;
    } else {
      percent = true;
      // 0.25 … 1 under a % label are fractions of the whole.
      if (last === 1 && figures.every((f) => f <= 1)) scale = 100;
    }
  } else percent = !equalsBudget && last === 100;
  const points = read.map((p) => ({ checkpoint: p.checkpoint, figure: p.figure === null ? null : p.figure * scale }));
  return { points, percent, mislabeled, budget };
}

export function formatPercent(n: number): string {
  return `${Math.round(n * 10) / 10}%`;
}
