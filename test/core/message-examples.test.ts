/**
 * Examples in messages fit the indicator (issue 14 item 5): 数量 a count (次/个/人), 质量 a rate, 时效 a date
 * or duration, 成本 an amount within the budget, 满意度 ≥90%.
 */
import { checkWorkbook } from "../../src/core/check";
import { cleanSheet, setCell } from "../support/clean-table";
import { money } from "../support/sheet";

/** The clean table with one value cell emptied (or rewritten): the message about it. */
function messageAt(cell: string, value: string | null, rule: string, edit: (rows: never[][]) => void = () => {}) {
  const sheet = cleanSheet((rows) => {
    setCell(rows, cell, value);
    edit(rows as never[][]);
  });
  const issue = checkWorkbook([sheet]).issues.find((i) => i.rule === rule && i.cell === cell);
  if (!issue) throw new Error(`no ${rule} at ${cell}`);
  return { zh: issue.message, en: issue.messageEn };
}

describe("value-missing's example fits the row", () => {
  test.each([
    ["E10", "数量指标", /“≥2次”“≥10个”或“≥50人”/, /%|月底/],
    ["E11", "质量指标", /“≥98%”/, /次|月底/],
    ["E12", "时效指标", /“12月底前”或“≤30天”/, /%|次/],
    ["E16", "满意度指标", /“≥90%”/, /次|月底|万元/],
  ])("%s (%s)", (cell, _level2, fits, misfits) => {
    const { zh, en } = messageAt(cell, null, "value-missing");
    expect(zh).toMatch(fits);
    expect(zh.replace(/^指标“[^”]*”/, "")).not.toMatch(misfits);
    expect(en).not.toMatch(/\{example\}/);
  });

  test("a cost row is offered an amount within the table's budget", () => {
    const { zh, en } = messageAt("E13", null, "value-missing");
    expect(zh).toContain("“≤50万元”（不超过预算数）");
    expect(en).toContain("≤50万元 (within the budget)");
    const larger = messageAt("E13", null, "value-missing", (rows) => setCell(rows, "C4", money(183.6) as never));
    expect(larger.zh).toContain("≤183.6万元");
    expect(larger.zh).not.toMatch(/%|次|月底/);
  });
});

test("unit-missing asks for a unit of the row's kind", () => {
  expect(messageAt("E10", "≥6", "unit-missing").zh).toMatch(/如“次”“个”“人”/);
  expect(messageAt("E13", "≤50", "unit-missing").zh).toMatch(/如“万元”。/);
});

test("value-not-numeric for a cost row names an amount within the budget", () => {
  const { zh } = messageAt("E13", "按预算执行", "value-not-numeric");
  expect(zh).toContain("≤50万元");
});

test("value-option-list under 满意度 suggests a satisfaction rate, not a deadline", () => {
  const { zh } = messageAt("E16", "满意/基本满意/不满意", "value-option-list");
  expect(zh).toContain("“≥90%”");
  expect(zh).not.toContain("月底");
});

test("description-repeats-name under 满意度 describes a survey share, not a meeting count", () => {
  const { zh } = messageAt("D16", "参会委员满意度", "description-repeats-name");
  expect(zh).toContain("满意");
  expect(zh).not.toContain("会议次数");
});
