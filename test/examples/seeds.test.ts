/**
 * Spec §6: the expected findings on the two seed documents' tables, rule by rule and cell by cell,
 * and no finding at all on a clean, well-filled table.
 */
import path from "node:path";
import { checkWorkbook } from "../../src/core/check";
import type { Issue } from "../../src/core/report";
import { readWorkbookBuffer, readWorkbookFile } from "../../src/xlsx/read";
import { EXAMPLES, projectWorkbook } from "../../scripts/make-examples";

const ROOT = path.join(__dirname, "..", "..");
const JULU = path.join(ROOT, "examples", "julu-2023.xlsx");
const HUAILAI = path.join(ROOT, "examples", "huailai-2022.xlsx");
const CLEAN = path.join(ROOT, "test", "fixtures", "clean.xlsx");

/** "rule@cell" for every finding of the given severity, sorted. */
function findings(issues: readonly Issue[], severity: Issue["severity"]): string[] {
  return issues
    .filter((issue) => issue.severity === severity)
    .map((issue) => `${issue.rule}@${issue.sheet}!${issue.cell}`)
    .sort();
}

async function check(file: string) {
  return checkWorkbook(await readWorkbookFile(file));
}

describe("seed 000: examples/julu-2023.xlsx (巨鹿县政协 2023)", () => {
  it("finds its one project table", async () => {
    const result = await check(JULU);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({
      sheet: "Sheet1",
      kind: "project",
      framework: "legacy",
      projectName: "专项运转保障经费",
      projectCode: "13052923P00584011444Y",
    });
  });

  it("gives no error and exactly three warnings: the plan's unit and two vague values", async () => {
    const result = await check(JULU);
    expect(findings(result.issues, "error")).toEqual([]);
    expect(findings(result.issues, "warning")).toEqual(
      [
        // 资金支出计划（%） holds the amounts 45.90 … 183.60: anchored at the first checkpoint value.
        "spending-plan-unit@Sheet1!B7",
        // 社会效益: 有效提高委员参政议政; 可持续影响: 通过会议成果，提高委员能力.
        "value-vague@Sheet1!E14",
        "value-vague@Sheet1!E15",
      ].sort(),
    );
    expect(result.summary.errors).toBe(0);
    expect(result.summary.warnings).toBe(3);
  });

  it("proposes the percentages 25%, 50%, 75%, 100% for the plan", async () => {
    const result = await check(JULU);
    const unit = result.issues.find((issue) => issue.rule === "spending-plan-unit");
    expect(unit?.message).toMatch(/25%.*50%.*75%.*100%/);
    expect(unit?.messageEn).toMatch(/25%.*50%.*75%.*100%/);
  });
});

describe("seed 001: examples/huailai-2022.xlsx (怀来县政协 2022)", () => {
  // The second project table starts 17 rows below the first (16 rows and a blank row between).
  const tableRows = [0, 17];

  it("finds both project tables on the one sheet", async () => {
    const result = await check(HUAILAI);
    expect(result.tables.map((t) => [t.sheet, t.kind, t.framework, t.projectCode, t.projectName])).toEqual([
      ["Sheet1", "project", "legacy", "13073022P00850910013X", "[13073022X000010998509]怀财字【2022】7号 专项经费"],
      ["Sheet1", "project", "legacy", "13073022P007993100016", "怀财字【2022】7号 政协会议"],
    ]);
  });

  it("gives 6 errors per project: the placeholder goals and five grade-option values", async () => {
    const result = await check(HUAILAI);
    const expected = tableRows.flatMap((offset) => [
      `placeholder-text@Sheet1!B${8 + offset}`, // 绩效目标: 1.目标内容1
      `value-option-list@Sheet1!E${12 + offset}`, // 质量: 会议效果良好率
      `value-option-list@Sheet1!E${13 + offset}`, // 时效: 会议完成时限
      `value-option-list@Sheet1!E${14 + offset}`, // 成本: 会议费成本
      `value-option-list@Sheet1!E${15 + offset}`, // 社会效益: 社会影响度
      `value-option-list@Sheet1!E${16 + offset}`, // 满意度: 会议满意度
    ]);
    expect(findings(result.issues, "error")).toEqual(expected.sort());
    expect(result.summary.errors).toBe(12);
  });

  it("gives 5 warnings per project: every description that repeats its indicator's name", async () => {
    const result = await check(HUAILAI);
    const expected = tableRows.flatMap((offset) => [
      `description-repeats-name@Sheet1!D${11 + offset}`, // 会议数量
      `description-repeats-name@Sheet1!D${12 + offset}`, // 会议效果良好率
      `description-repeats-name@Sheet1!D${13 + offset}`, // 会议完成时限
      `description-repeats-name@Sheet1!D${15 + offset}`, // 社会影响度
      `description-repeats-name@Sheet1!D${16 + offset}`, // 会议满意度
    ]);
    expect(findings(result.issues, "warning")).toEqual(expected.sort());
    expect(result.summary.warnings).toBe(10);
  });

  it("ties each finding to its own table", async () => {
    const result = await check(HUAILAI);
    for (const issue of result.issues.filter((i) => i.severity !== "info")) {
      const row = Number(/\d+$/.exec(issue.cell)?.[0]);
      expect(issue.table).toBe(row >= 18 ? 1 : 0);
    }
  });

  it("gives the grade-option cell no other finding (value-option-list stands alone)", async () => {
    const result = await check(HUAILAI);
    const optionCells = new Set(result.issues.filter((i) => i.rule === "value-option-list").map((i) => i.cell));
    const others = result.issues.filter((i) => optionCells.has(i.cell) && i.rule !== "value-option-list");
    expect(others).toEqual([]);
  });
});

describe("test/fixtures/clean.xlsx: a sound, fully filled legacy table", () => {
  it("gives zero errors and zero warnings", async () => {
    const result = await check(CLEAN);
    expect(result.tables).toHaveLength(1);
    expect(result.tables[0]).toMatchObject({
      kind: "project",
      framework: "legacy",
      projectName: "机关办公设备购置经费",
    });
    expect(findings(result.issues, "error")).toEqual([]);
    expect(findings(result.issues, "warning")).toEqual([]);
  });
});

describe("the committed example workbooks", () => {
  it.each(EXAMPLES.map((e) => [e.file, e] as const))(
    "%s is what scripts/make-examples.ts writes",
    async (file, example) => {
      const committed = await readWorkbookFile(path.join(ROOT, file));
      const data = await projectWorkbook(example.sheet, example.tables).xlsx.writeBuffer();
      const regenerated = await readWorkbookBuffer(new Uint8Array(data as ArrayBuffer), file);
      expect(committed).toEqual(regenerated);
    },
  );

  it("hold numbers as numbers, with the forms' number formats", async () => {
    const [julu] = await readWorkbookFile(JULU);
    expect(julu.values[3][2]).toBe(183.6); // 预算数
    expect(julu.texts[3][2]).toBe("183.60");
    expect(julu.values[6][1]).toBe(45.9); // 3月底, an amount under the % label
    expect(julu.texts[6][1]).toBe("45.90");
    expect(julu.values[2][1]).toBe("13052923P00584011444Y");
    const [huailai] = await readWorkbookFile(HUAILAI);
    expect(huailai.values[6][1]).toBe(0.5); // 3月底 50%
    expect(huailai.texts[6][1]).toBe("50%");
    expect(huailai.values[3][3]).toBe("其中：财政    资金");
  });
});
