import { checkWorkbook } from "../../src/core/check";
import { huailai, julu } from "../support/seeds";

const brief = (issues: { rule: string; cell: string; severity: string }[]) =>
  issues.filter((i) => i.severity !== "info").map((i) => `${i.severity} ${i.rule} ${i.cell}`);

describe("spec §6 on the seed sheets", () => {
  test("seed 000: no errors, three warnings", () => {
    const result = checkWorkbook([julu()]);
    expect(brief(result.issues)).toEqual([
      "warning spending-plan-unit B7",
      "warning value-vague E14",
      "warning value-vague E15",
    ]);
    expect(result.tables).toEqual([
      {
        sheet: "2023年项目",
        range: "A1:G16",
        kind: "project",
        framework: "legacy",
        projectName: "专项运转保障经费",
        projectCode: "13052923P00584011444Y",
      },
    ]);
    const unit = result.issues.find((i) => i.rule === "spending-plan-unit")!;
    expect(unit.message).toContain("25%、50%、75%、100%");
  });

  test("seed 001: 12 errors and 10 warnings, rule by rule", () => {
    const result = checkWorkbook([huailai()]);
    const perTable = (offset: number) => [
      `error placeholder-text B${8 + offset}`,
      `warning description-repeats-name D${10 + offset}`,
      `warning description-repeats-name D${11 + offset}`,
      `error value-option-list E${11 + offset}`,
      `warning description-repeats-name D${12 + offset}`,
      `error value-option-list E${12 + offset}`,
      `error value-option-list E${13 + offset}`,
      `warning description-repeats-name D${14 + offset}`,
      `error value-option-list E${14 + offset}`,
      `warning description-repeats-name D${15 + offset}`,
      `error value-option-list E${15 + offset}`,
    ];
    expect(brief(result.issues)).toEqual([...perTable(0), ...perTable(16)]);
    expect(result.summary).toMatchObject({ errors: 12, warnings: 10 });
    expect(result.tables.map((t) => t.projectCode)).toEqual(["13073022P00850910013X", "13073022P007993100016"]);
  });
});
