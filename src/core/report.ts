/**
 * Findings and the JSON report (version 1 of interfaces.md), declared once in zod;
 * the TypeScript types are derived from the schemas.
 */
import { z } from "zod";

export const severitySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof severitySchema>;

/** A replacement value for one cell. */
const fixSchema = z.object({
  cell: z.string(),
  value: z.string(),
  /** The cell's text when it was checked (added in 0.1: a fix is applied only while the cell still shows it). */
  was: z.string().optional(),
});
export type Fix = z.infer<typeof fixSchema>;

/** One finding, as the report lists it. */
export const issueSchema = z.object({
  rule: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  severity: severitySchema,
  sheet: z.string(),
  /** A1 address without the sheet name; the top-left cell of a merged area. */
  cell: z.string().regex(/^[A-Z]{1,3}[1-9][0-9]*$/),
  /** Index into the file's tables, or null for sheet-level findings such as no-table. */
  table: z.number().int().nonnegative().nullable(),
  message: z.string().min(1),
  messageEn: z.string().min(1),
  /** A replacement value for the finding's cell, or null. */
  fix: fixSchema.nullable(),
  /**
   * A fix that writes several cells together (spending-plan-unit's percentages), in place of `fix`, which is
   * then null: a reader that knows only `fix` never applies half of it. Absent when there is none.
   */
  fixes: z.array(fixSchema).optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export const tableKindSchema = z.enum(["project", "department", "self-evaluation", "unknown"]);
export type TableKind = z.infer<typeof tableKindSchema>;

export const frameworkSchema = z.enum(["legacy", "2021"]);
export type Framework = z.infer<typeof frameworkSchema>;

export const tableSummarySchema = z.object({
  sheet: z.string(),
  range: z.string(),
  kind: tableKindSchema,
  framework: frameworkSchema,
  projectName: z.string().nullable(),
  projectCode: z.string().nullable(),
});
export type TableSummary = z.infer<typeof tableSummarySchema>;

export const summarySchema = z.object({
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  infos: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof summarySchema>;

/** Why a file could not be read or checked: one plain sentence in Chinese and in English. */
export const fileErrorSchema = z.object({
  message: z.string().min(1),
  messageEn: z.string().min(1),
});
export type FileError = z.infer<typeof fileErrorSchema>;

export const fileReportSchema = z.object({
  file: z.string(),
  tables: z.array(tableSummarySchema),
  issues: z.array(issueSchema),
  summary: summarySchema,
  /** Present only when the file could not be read (its tables and issues are then empty). */
  error: fileErrorSchema.optional(),
});
export type FileReport = z.infer<typeof fileReportSchema>;

export const reportSchema = z.object({
  version: z.literal(1),
  files: z.array(fileReportSchema),
});
export type Report = z.infer<typeof reportSchema>;

export { summarize } from "./summary";
