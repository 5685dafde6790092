/**
 * The shape of one corpus table: a real published performance target table, reproduced cell for
 * cell as a worksheet, with the findings the spec says it should give, written before the checker
 * was run on it. `scripts/corpus.ts` builds each as a workbook, checks it and compares.
 */

/** The §2b patterns (and a few plain layouts) a table exercises. */
export const PATTERNS = {
  "outer-band": "A 绩效指标 (绩效目标, 指标) cell merged down the grid's left edge is a band, not a column",
  "values-below": "A header label's value stands in the row beneath it, not to its right",
  "header-labels": "Goal or budget labels beyond the Hebei form (年度总体目标, 预期目标, 全年预算数 …)",
  "level-notes": "Level names with bracketed notes, score bands, trailing 等 or inner spaces",
  "level-synonyms": "Local level names (预期产出指标, 效果指标, 工期指标, 建筑规模指标 …)",
  "level-unknown": "A level name still unknown after normalising (warning; rows still checked)",
  "split-operator": "The operator in its own 指标性质 / 指标方向 / 符号 column",
  "split-unit": "The unit in its own 计量单位 column",
  "unit-none": "A unit cell holding only -, —, /, 无",
  "date-serial-split": "A date serial in a split layout's value cell",
  "flat-list": "A flat multi-project list: one grid, one row group per project",
  "self-evaluation": "A self-evaluation table (自评表)",
  "no-level-columns": "A list without level columns (layout-unsupported)",
  "legacy-2015": "The 2015 transfer-payment form (satisfaction under 效益指标)",
  department: "A department-wide (部门整体) table",
} as const;
export type Pattern = keyof typeof PATTERNS;

export type Cell = string | number | null;

export interface CorpusSheet {
  /** The worksheet's name. */
  name: string;
  /** Row-major cells from A1; null for an empty cell. Dates are written as published (text). */
  rows: Cell[][];
  /** Merged areas as A1 ranges ("A5:A12"). */
  merges?: string[];
  /** Number formats of number cells, by A1 address ("0.00%", "yyyy/m/d"). */
  numberFormats?: Record<string, string>;
}

export interface ExpectedFinding {
  rule: string;
  severity: "error" | "warning" | "info";
  /** The sheet's name; the first sheet's when omitted. */
  sheet?: string;
  /** The A1 address the finding is anchored to. */
  cell: string;
  /** Why the spec says so (section and reason), in a few words. */
  why: string;
}

export interface CorpusTable {
  /** File name without extension: "<province pinyin>-<year>-<short>". */
  id: string;
  /** Province (or municipality, region) in Chinese: 浙江, 四川 … */
  province: string;
  /** The publishing body (county or city finance bureau, department). */
  publisher: string;
  /** The public address the table was read from. */
  source: string;
  year: number;
  /** What the table is, and what was left out when only part of a long document was reproduced. */
  description: string;
  patterns: Pattern[];
  sheets: CorpusSheet[];
  /**
   * Every error and warning the spec says this table should give, and any info that matters to
   * a pattern (layout-unsupported). Written from the spec, never from the checker's output.
   */
  expected: ExpectedFinding[];
  /** Where the published table and the spec disagree, and how the expectation follows the table. */
  disagreements?: string[];
  /**
   * Differences between the checker and `expected` that are known and not fixed, each with its reason:
   * `npm run corpus` counts them against precision and recall; the test tolerates exactly these, so it
   * fails on a new difference and on one that has gone (remove it here then).
   * `finding` reads "unexpected: Sheet1!E5 value-vague (warning)" or "missed: …".
   */
  knownDifferences?: { finding: string; reason: string }[];
}
