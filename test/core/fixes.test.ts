/** Fixes the report carries: one cell's (value-normalizable) or several cells' together (spending-plan-unit). */
import { checkWorkbook } from "../../src/core/check";
import { issueSchema } from "../../src/core/report";
import { cleanSheet, setCell } from "../support/clean-table";
import { money } from "../support/sheet";

test("spending-plan-unit offers its percentages as one fix over the checkpoint cells, fix staying null", () => {
  const sheet = cleanSheet((rows) => {
    setCell(rows, "B7", money(12.5));
    setCell(rows, "C7", money(25));
    setCell(rows, "D7", money(37.5));
    setCell(rows, "E7", money(50));
  });
  const issue = checkWorkbook([sheet]).issues.find((i) => i.rule === "spending-plan-unit")!;
  expect(issue.fix).toBeNull();
  expect(issue.fixes).toEqual([
    { cell: "B7", value: "25%", was: "12.50" },
    { cell: "C7", value: "50%", was: "25.00" },
    { cell: "D7", value: "75%", was: "37.50" },
    { cell: "E7", value: "100%", was: "50.00" },
  ]);
  expect(issueSchema.parse(issue)).toEqual(issue);
});

test("an empty checkpoint gets no write", () => {
  const sheet = cleanSheet((rows) => {
    setCell(rows, "B7", money(12.5));
    setCell(rows, "C7", null);
    setCell(rows, "D7", money(37.5));
    setCell(rows, "E7", money(50));
  });
  const issue = checkWorkbook([sheet]).issues.find((i) => i.rule === "spending-plan-unit")!;
  expect(issue.fixes?.map((f) => f.cell)).toEqual(["B7", "D7", "E7"]);
});

test("a one-cell fix records the text it replaces; findings without a fix carry no fixes key", () => {
  const result = checkWorkbook([cleanSheet((rows) => setCell(rows, "E11", "＞＝９８％"))]);
  const issue = result.issues.find((i) => i.rule === "value-normalizable")!;
  expect(issue.fix).toEqual({ cell: "E11", value: "≥98%", was: "＞＝９８％" });
  expect("fixes" in issue).toBe(false);
  // A report of version 1 without `was` or `fixes` still reads.
  expect(issueSchema.safeParse({ ...issue, fix: { cell: "E11", value: "≥98%" } }).success).toBe(true);
});
