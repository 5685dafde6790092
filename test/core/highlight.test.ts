import { cellHighlights, HIGHLIGHT_COLORS, noteText } from "../../src/core/highlight";
import type { Issue, Severity } from "../../src/core/report";

function issue(rule: string, severity: Severity, sheet: string, cell: string): Issue {
  return {
    rule,
    severity,
    sheet,
    cell,
    table: 0,
    message: `${rule} 的说明`,
    messageEn: `explanation of ${rule}`,
    fix: null,
  };
}

describe("HIGHLIGHT_COLORS", () => {
  it("are Excel's Bad and Neutral styles", () => {
    expect(HIGHLIGHT_COLORS).toEqual({
      error: { fill: "#FFC7CE", font: "#9C0006" },
      warning: { fill: "#FFEB9C", font: "#9C5700" },
    });
  });
});

describe("cellHighlights", () => {
  it("gives one cell per sheet and address, an error winning over warnings, errors first in its findings", () => {
    const highlights = cellHighlights([
      issue("timeliness-format", "warning", "表一", "B3"),
      issue("unit-missing", "warning", "表一", "C3"),
      issue("value-option-list", "error", "表一", "B3"),
      issue("basis-missing", "warning", "表二", "B3"),
    ]);
    expect(highlights.map(({ sheet, cell, row, col, severity }) => [sheet, cell, row, col, severity])).toEqual([
      ["表一", "B3", 2, 1, "error"],
      ["表一", "C3", 2, 2, "warning"],
      ["表二", "B3", 2, 1, "warning"],
    ]);
    expect(highlights[0]!.issues.map((i) => i.rule)).toEqual(["value-option-list", "timeliness-format"]);
  });

  it("paints no info", () => {
    expect(cellHighlights([issue("date-serial", "info", "表一", "B3")])).toEqual([]);
  });
});

describe("noteText", () => {
  it("lists findings with their severity, rule and both messages, and a suggested fix", () => {
    const text = noteText([
      { ...issue("value-normalizable", "warning", "S", "E15"), fix: { cell: "E15", value: "12月底" } },
    ]);
    expect(text).toBe(
      "警告 · value-normalizable：value-normalizable 的说明\nWarning · value-normalizable: explanation of value-normalizable\n建议改为 (suggested)：12月底",
    );
  });
});
