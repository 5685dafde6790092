import type { Issue, TableSummary } from "../../src/core/report";
import {
  bySeverity,
  cellLabel,
  countBySeverity,
  findingsAtSelection,
  groupFindings,
  isEmptyResult,
} from "../../src/taskpane/findings";

function issue(partial: Partial<Issue> & Pick<Issue, "cell">): Issue {
  return {
    rule: "value-vague",
    severity: "warning",
    sheet: "Sheet1",
    table: 0,
    message: "消息",
    messageEn: "message",
    fix: null,
    ...partial,
  };
}

function table(partial: Partial<TableSummary> = {}): TableSummary {
  return {
    sheet: "Sheet1",
    range: "A1:F20",
    kind: "project",
    framework: "legacy",
    projectName: "专项运转保障经费",
    projectCode: "13052923P00584011444Y",
    ...partial,
  };
}

describe("bySeverity", () => {
  it("puts errors first, then warnings, then infos, keeping position order within a severity", () => {
    const list = [
      issue({ cell: "A1", severity: "info", rule: "no-table" }),
      issue({ cell: "B2", severity: "warning" }),
      issue({ cell: "C3", severity: "error", rule: "value-missing" }),
      issue({ cell: "D4", severity: "warning", rule: "basis-missing" }),
      issue({ cell: "E5", severity: "error", rule: "level3-missing" }),
    ];
    expect(bySeverity(list).map((i) => i.cell)).toEqual(["C3", "E5", "B2", "D4", "A1"]);
    expect(list[0].cell).toBe("A1");
  });
});

describe("groupFindings", () => {
  it("groups by table in workbook order, errors first inside each group", () => {
    const tables = [table({ range: "A1:F20" }), table({ range: "A22:F40", projectName: "第二个项目" })];
    const issues = [
      issue({ cell: "E10", table: 0, severity: "warning" }),
      issue({ cell: "B12", table: 0, severity: "error", rule: "level2-unknown" }),
      issue({ cell: "E30", table: 1, severity: "error", rule: "value-option-list" }),
    ];
    const groups = groupFindings(tables, issues);
    expect(groups.map((g) => g.key)).toEqual(["table-0", "table-1"]);
    expect(groups[0].issues.map((i) => i.cell)).toEqual(["B12", "E10"]);
    expect(groups[0].summary).toEqual({ errors: 1, warnings: 1, infos: 0 });
    expect(groups[1].table?.projectName).toBe("第二个项目");
  });

  it("keeps a table without findings as an empty group, so the user sees it was checked", () => {
    const groups = groupFindings([table()], []);
    expect(groups).toHaveLength(1);
    expect(groups[0].issues).toEqual([]);
  });

  it("puts sheet-level findings after the tables of their sheet, sheets in workbook order", () => {
    const tables = [table({ sheet: "2022" }), table({ sheet: "2023" })];
    const issues = [
      issue({ cell: "E5", sheet: "2022", table: 0 }),
      issue({ cell: "A1", sheet: "说明", table: null, severity: "info", rule: "no-table" }),
      issue({ cell: "E7", sheet: "2023", table: 1 }),
    ];
    const order = groupFindings(tables, issues).map((g) => g.key);
    expect(order).toEqual(["table-0", "table-1", "sheet-说明"]);
  });

  it("treats a finding that names a table index out of range as a sheet-level finding instead of losing it", () => {
    const groups = groupFindings([], [issue({ cell: "A1", table: 3 })]);
    expect(groups).toHaveLength(1);
    expect(groups[0].tableIndex).toBeNull();
    expect(groups[0].issues).toHaveLength(1);
  });
});

describe("findingsAtSelection", () => {
  const issues = [
    issue({ cell: "B7", severity: "warning" }),
    issue({ cell: "C8", severity: "error", rule: "value-missing" }),
    issue({ cell: "B7", sheet: "Sheet2" }),
  ];

  it("returns the findings inside the selected range of the selected sheet, errors first", () => {
    const found = findingsAtSelection(issues, { sheet: "Sheet1", cell: "B7", range: "B7:C8" });
    expect(found.map((i) => `${i.sheet}!${i.cell}`)).toEqual(["Sheet1!C8", "Sheet1!B7"]);
  });

  it("finds a merged cell's findings when the selection is the merged area", () => {
    const found = findingsAtSelection(issues, { sheet: "Sheet1", cell: "A7", range: "A7:B7" });
    expect(found.map((i) => i.cell)).toEqual(["B7"]);
  });

  it("returns nothing for another sheet, no selection or an unreadable range", () => {
    expect(findingsAtSelection(issues, { sheet: "Sheet3", cell: "B7", range: "B7" })).toEqual([]);
    expect(findingsAtSelection(issues, null)).toEqual([]);
    expect(findingsAtSelection(issues, { sheet: "Sheet1", cell: "?", range: "A:A" })).toEqual([]);
  });
});

describe("cellLabel", () => {
  it("writes Sheet!B7, quoting sheet names Excel would quote", () => {
    expect(cellLabel("Sheet1", "B7")).toBe("Sheet1!B7");
    expect(cellLabel("项目表", "E15")).toBe("项目表!E15");
    expect(cellLabel("My sheet", "A1")).toBe("'My sheet'!A1");
    expect(cellLabel("2023", "A1")).toBe("'2023'!A1");
    expect(cellLabel("O'Neil", "A1")).toBe("'O''Neil'!A1");
  });
});

describe("countBySeverity and isEmptyResult", () => {
  it("counts each severity", () => {
    const list = [issue({ cell: "A1", severity: "error" }), issue({ cell: "A2" }), issue({ cell: "A3" })];
    expect(countBySeverity(list)).toEqual({ errors: 1, warnings: 2, infos: 0 });
  });

  it("calls a result empty only when no table was found and nothing above a hint was said", () => {
    expect(isEmptyResult([], [])).toBe(true);
    expect(isEmptyResult([], [issue({ cell: "A1", severity: "info", rule: "no-table", table: null })])).toBe(true);
    expect(isEmptyResult([table()], [])).toBe(false);
    expect(isEmptyResult([], [issue({ cell: "A1", severity: "error", table: null })])).toBe(false);
  });
});
