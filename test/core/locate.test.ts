import { checkWorkbook } from "../../src/core/check";
import { matchLabel } from "../../src/core/header";
import { headerColumnKey } from "../../src/core/locate";
import { parseSheet } from "../../src/core/parse";
import { SheetView } from "../../src/core/sheet";
import { cleanRows } from "../support/clean-table";
import { sheetOf } from "../support/sheet";
import { huailai } from "../support/seeds";

describe("grid headers and their synonyms", () => {
  test.each([
    ["三级指标", "level3"],
    ["指标名称", "level3"],
    ["指标内容", "level3"],
    ["绩效指标", "level3"],
    ["指标解释", "description"],
    ["指标说明", "description"],
    ["指标值及单位", "value"],
    ["目标值", "value"],
    ["当年预期实现值", "value"],
    ["绩效目标值", "value"],
    ["绩效标准", "basis"],
    ["指标来源", "basis"],
    ["指标值确定\n依据", "basis"],
    ["一 级 指 标", "level1"],
    ["计量单位", "unit"],
    ["符号", "operator"],
    ["指标方向", "direction"],
    ["分值", null],
    ["备注", null],
  ])("%s", (text, key) => {
    expect(headerColumnKey(text)).toBe(key);
  });
});

describe("header labels", () => {
  test.each([
    ["年度资金总额", "budget"],
    ["其中:财政拨款", "fiscalFunds"],
    ["其中：财政    资金", "fiscalFunds"],
    ["预算数（万元）", "budget"],
    ["资金支出计划（%）", "spendingPlan"],
    ["项目支出名称：", "projectName"],
  ])("%s is a label", (text, field) => {
    expect(matchLabel(text)?.field).toBe(field);
  });
  test.each(["财政资金科目代码", "专项运转保障经费", "绩效目标表"])("%s is not a label", (text) => {
    expect(matchLabel(text)).toBeNull();
  });
});

describe("tables on a sheet", () => {
  test("two tables one under another are both found, with their own header blocks", () => {
    const view = new SheetView(huailai());
    const { tables } = parseSheet(view);
    expect(tables).toHaveLength(2);
    expect(tables[0].bottom).toBeLessThan(tables[1].top);
    expect(tables[1].header.projectCode?.value?.text).toBe("13073022P007993100016");
    // Blank level-1 cells below a group's first row mean "same as above".
    expect(tables[0].rows.map((r) => r.level1?.name)).toEqual([
      "产出指标",
      "产出指标",
      "产出指标",
      "产出指标",
      "效益指标",
      "满意度指标",
    ]);
  });

  test("split value columns (direction | operator | value | unit) are assembled", () => {
    const rows = [
      ["一级指标", "二级指标", "三级指标", "指标方向", "符号", "指标值", "计量单位", "指标值确定依据"],
      ["产出指标", "数量指标", "新建道路长度", "正向", "≥", 44561, "米", "规划"],
      [null, "质量指标", "验收合格率", "正向", "=", 100, "%", "规范"],
    ];
    const result = checkWorkbook([sheetOf("乌海", rows)]);
    const rules = result.issues.map((i) => `${i.rule} ${i.cell}`);
    expect(rules).not.toContain("unit-missing F2");
    expect(rules).not.toContain("date-serial F2");
    const { tables } = parseSheet(new SheetView(sheetOf("乌海", rows)));
    expect(tables[0].rows[0].parsed).toEqual({
      kind: "quantity",
      operator: "≥",
      amount: 44561,
      unit: "米",
      percent: false,
    });
  });

  test("a 2021-framework table is detected by its 成本指标 level 1", () => {
    const rows = cleanRows().slice(8);
    rows.splice(1, 0, ["成本指标", "经济成本指标", "会议费成本", "会议费支出", "≤50万元", "预算"]);
    const { tables } = parseSheet(new SheetView(sheetOf("t", rows)));
    expect(tables[0].framework).toBe("2021");
  });

  test("a department table gets no project-header findings", () => {
    const rows = [["2024年部门整体绩效目标表"], ["部门名称", "某局"], ...cleanRows().slice(8)];
    const result = checkWorkbook([sheetOf("部门", rows)]);
    expect(result.tables[0].kind).toBe("department");
    expect(result.issues.filter((i) => /project|budget|goals|spending/.test(i.rule))).toEqual([]);
  });

  test("a footer line under the grid is not an indicator row", () => {
    const rows = [...cleanRows(), [null], ["填表人：张三", null, "联系电话：12345678"]];
    const result = checkWorkbook([sheetOf("t", rows, ["A10:A13", "A14:A15"])]);
    expect(result.issues.filter((i) => i.severity !== "info")).toEqual([]);
  });

  test("pinning the framework overrides detection", () => {
    const result = checkWorkbook([sheetOf("t", cleanRows(), ["A10:A13", "A14:A15"])], { framework: "2021" });
    expect(result.tables[0].framework).toBe("2021");
    expect(result.issues.map((i) => i.rule)).toContain("level2-wrong-parent");
  });
});

describe("real-world spellings", () => {
  test("enumerated level-1 names and a two-row grid header are read without false alarms", () => {
    const rows = cleanRows();
    rows[8] = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据", null];
    rows.splice(9, 0, [null, null, null, null, null, null, null]);
    rows[10][0] = "一、产出指标";
    rows[14][0] = "（二）效益指标";
    rows[16][0] = "3.满意度指标";
    const merges = ["A9:A10", "B9:B10", "C9:C10", "D9:D10", "E9:E10", "F9:F10", "A11:A14", "A15:A16"];
    const result = checkWorkbook([sheetOf("t", rows, merges)]);
    expect(result.issues).toEqual([]);
  });
});
