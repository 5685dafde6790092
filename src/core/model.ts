/**
 * The parsed target table: the domain model rules read. Declared in zod; types derived.
 */
import { z } from "zod";
import { frameworkSchema, tableKindSchema } from "./report";
import type { ParsedValue } from "./values";

const cellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A cell the parser picked up. */
export const cellSchema = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  value: cellValueSchema,
  text: z.string(),
  numberFormat: z.string(),
});
export type Cell = z.infer<typeof cellSchema>;

/** A header-block label and the value found for it (null when the value cell is empty). */
export const labeledSchema = z.object({
  label: cellSchema,
  value: cellSchema.nullable(),
});
export type Labeled = z.infer<typeof labeledSchema>;

export const checkpointSchema = z.object({
  label: cellSchema,
  /** The value cell under the checkpoint label (may be empty). */
  value: cellSchema,
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const headerBlockSchema = z.object({
  /** False for a bare grid: no title and no labels above it. */
  present: z.boolean(),
  title: cellSchema.nullable(),
  unitLine: cellSchema.nullable(),
  amountUnit: z.enum(["万元", "元"]),
  projectCode: labeledSchema.nullable(),
  projectName: labeledSchema.nullable(),
  budget: labeledSchema.nullable(),
  fiscalFunds: labeledSchema.nullable(),
  otherFunds: labeledSchema.nullable(),
  purpose: cellSchema.nullable(),
  spendingPlan: z
    .object({
      label: cellSchema,
      /** The label speaks of percentages: 资金支出计划（%）. */
      percentLabel: z.boolean(),
      checkpoints: z.array(checkpointSchema),
    })
    .nullable(),
  goals: labeledSchema.nullable(),
  /** Labels or a title speaking of 部门 (department tables). */
  mentionsDepartment: z.boolean(),
  /** Budget year stated in the title (e.g. 2023年…), if any. */
  titleYear: z.number().int().nullable(),
});
export type HeaderBlock = z.infer<typeof headerBlockSchema>;

export const gridColumnsSchema = z.object({
  level1: z.number().int(),
  level2: z.number().int(),
  level3: z.number().int().nullable(),
  description: z.number().int().nullable(),
  value: z.number().int().nullable(),
  basis: z.number().int().nullable(),
  direction: z.number().int().nullable(),
  operator: z.number().int().nullable(),
  unit: z.number().int().nullable(),
  valueType: z.number().int().nullable(),
});
export type GridColumns = z.infer<typeof gridColumnsSchema>;

/** A level name as the row sees it: from its own cell, a merged area or the blank-continuation above. */
export const levelRefSchema = z.object({
  /** Canonical name when known, else null. */
  name: z.string().nullable(),
  /** The text as written. */
  text: z.string(),
  /** The cell holding the text (a merged area's top-left cell). */
  cell: cellSchema,
  /** The name is not a standard one: `name` is the dimension a word in it shows (工程数量 → 数量指标). */
  assumed: z.boolean().optional(),
});
export type LevelRef = z.infer<typeof levelRefSchema>;

export const indicatorRowSchema = z.object({
  row: z.number().int().nonnegative(),
  level1: levelRefSchema.nullable(),
  level2: levelRefSchema.nullable(),
  level3: cellSchema.nullable(),
  description: cellSchema.nullable(),
  /** The value cell (for split columns, the number cell). */
  value: cellSchema.nullable(),
  /** The value text as assembled from split columns, else the cell's text. */
  valueText: z.string(),
  /** A unit given by a unit column. */
  unitColumnText: z.string().nullable(),
  basis: cellSchema.nullable(),
  /** The value read by the value grammar (split columns assembled). */
  parsed: z.custom<ParsedValue>(),
  /**
   * The value cell holds template text, grade options, a date serial or a formula's error value: that is its only finding,
   * so no rule that reads the value speaks about it.
   */
  unusable: z.enum(["placeholder", "options", "serial", "error"]).nullable(),
  /** Level-3, description, value and basis all empty: a row the form printed and the unit left unused. */
  placeholder: z.boolean(),
});
export type IndicatorRow = z.infer<typeof indicatorRowSchema>;

export const parsedTableSchema = z.object({
  sheet: z.string(),
  /** Rows and columns the table spans, zero-based inclusive. */
  top: z.number().int(),
  left: z.number().int(),
  bottom: z.number().int(),
  right: z.number().int(),
  headerRow: z.number().int(),
  /** False when the grid has no level-3 or no value column: only grid-column-missing and header rules apply. */
  complete: z.boolean(),
  /** An incomplete grid whose targets stand in columns the reader does not know (one per recipient). */
  unsupported: z.boolean(),
  columns: gridColumnsSchema,
  kind: tableKindSchema,
  framework: frameworkSchema,
  header: headerBlockSchema,
  rows: z.array(indicatorRowSchema),
});
export type ParsedTable = z.infer<typeof parsedTableSchema>;
