/**
 * The written template file, read back as the command line reads any workbook, then checked (spec §7):
 * untouched it reports only what is left to fill; filled with seed 000 it gives seed 000's findings.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { checkWorkbook } from "../../src/core/check";
import type { SheetSnapshot } from "../../src/core/snapshot";
import { bufferIO } from "../../src/cli/io";
import { runTemplate } from "../../src/cli/template";
import { buildProjectTemplate, TEMPLATE_KINDS, TEMPLATE_SHEET_NAME } from "../../src/core/template";
import { loadWorkbookFile } from "../../src/xlsx/read";
import { LIST_SHEET_NAME } from "../../src/core/template/lists";
import { SEED_000, UNFILLED_TEMPLATE_RULES } from "./support";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "target-table-template-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeTemplate(file: string, ...args: string[]): Promise<void> {
  const io = bufferIO();
  const status = await runTemplate(["--out", file, ...args], io);
  expect(io.stderr()).toBe("");
  expect(status).toBe(0);
}

/** The sheets the checker reads: the very hidden drop-down list sheet is not among them. */
async function visibleSheets(file: string): Promise<SheetSnapshot[]> {
  const { workbook, sheets } = await loadWorkbookFile(file);
  expect(workbook.getWorksheet(LIST_SHEET_NAME)?.state).toBe("veryHidden");
  expect(sheets.map((sheet) => sheet.name)).not.toContain(LIST_SHEET_NAME);
  return sheets;
}

describe.each(["legacy", "2021"] as const)("a freshly written %s template", (framework) => {
  test.each(TEMPLATE_KINDS.map((k) => k.id))("kind %s: found, and reported once as not filled in yet", async (kind) => {
    const file = path.join(dir, `fresh-${framework}-${kind}.xlsx`);
    await writeTemplate(file, "--framework", framework, "--kind", kind);
    const result = checkWorkbook(await visibleSheets(file));
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({ sheet: TEMPLATE_SHEET_NAME, kind: "project", framework });
    expect(result.issues.map((i) => `${i.severity} ${i.rule}`)).toEqual(
      UNFILLED_TEMPLATE_RULES.map((rule) => `info ${rule}`),
    );
  });
});

/** Types seed 000 into the template's input cells through exceljs, as a user would: numbers as numbers. */
async function fillWithSeed000(templateFile: string, filledFile: string): Promise<void> {
  const { layout } = buildProjectTemplate({ framework: "legacy" });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templateFile);
  const sheet = workbook.getWorksheet(TEMPLATE_SHEET_NAME)!;
  const type = (at: { row: number; col: number }, value: string | number) => {
    sheet.getCell(at.row + 1, at.col + 1).value = value;
  };
  type(layout.title, SEED_000.title);
  type(layout.unit, SEED_000.unit);
  type(layout.projectCode, SEED_000.projectCode);
  type(layout.projectName, SEED_000.projectName);
  type(layout.budget, SEED_000.budget);
  type(layout.fiscalFunds, SEED_000.fiscalFunds);
  type(layout.purpose, SEED_000.purpose);
  layout.checkpoints.forEach((cell, i) => type(cell, SEED_000.plan[i]));
  type(layout.goals, SEED_000.goals);
  const used = new Set<number>();
  for (const [level2, name, description, value, basis] of SEED_000.indicators) {
    const row = layout.rows.find((r) => r.level2 === level2 && !used.has(r.row));
    if (!row) throw new Error(`The template has no free ${level2} row.`);
    used.add(row.row);
    type({ row: row.row, col: layout.columns.level3 }, name);
    type({ row: row.row, col: layout.columns.description }, description);
    type({ row: row.row, col: layout.columns.value }, value);
    type({ row: row.row, col: layout.columns.basis }, basis);
  }
  await workbook.xlsx.writeFile(filledFile);
}

test("filled with seed 000's content, the template gives exactly seed 000's findings", async () => {
  const templateFile = path.join(dir, "seed-000-template.xlsx");
  const filledFile = path.join(dir, "seed-000-filled.xlsx");
  await writeTemplate(templateFile);
  await fillWithSeed000(templateFile, filledFile);
  const result = checkWorkbook(await visibleSheets(filledFile));
  expect(result.tables).toEqual([
    {
      sheet: TEMPLATE_SHEET_NAME,
      range: expect.any(String),
      kind: "project",
      framework: "legacy",
      projectName: "专项运转保障经费",
      projectCode: "13052923P00584011444Y",
    },
  ]);
  const aboveInfo = result.issues.filter((i) => i.severity !== "info").map((i) => `${i.severity} ${i.rule}`);
  expect(aboveInfo).toEqual(["warning spending-plan-unit", "warning value-vague", "warning value-vague"]);
  expect(result.summary.errors).toBe(0);
  const { layout } = buildProjectTemplate({ framework: "legacy" });
  const valueCell = (level2: string) => {
    const row = layout.rows.find((r) => r.level2 === level2)!.row;
    return `${String.fromCharCode(65 + layout.columns.value)}${row + 1}`;
  };
  expect(result.issues.filter((i) => i.rule === "value-vague").map((i) => i.cell)).toEqual([
    valueCell("社会效益指标"),
    valueCell("可持续影响指标"),
  ]);
  const planUnit = result.issues.find((i) => i.rule === "spending-plan-unit")!;
  expect(planUnit.cell).toBe("B7");
  expect(planUnit.message).toContain("25%、50%、75%、100%");
});
