import {
  dependentListFormula,
  dependentListNames,
  inlineList,
  INLINE_LIST_LIMIT,
  isDefinedName,
  level1ListName,
  parentRuns,
  type DependentList,
} from "../../src/core/template/lists";

const level2: DependentList = {
  kind: "dependentList",
  range: { top: 9, left: 1, bottom: 14, right: 1 },
  parentCol: 0,
  lists: { 产出指标: ["数量指标", "质量指标"], "效益 指标": ["社会效益指标"], 空的: [] },
  fallback: ["数量指标", "质量指标", "社会效益指标"],
  listsName: "legacy",
};

describe("inlineList", () => {
  it("joins items that fit Excel's limit and refuses commas, quotes and longer lists", () => {
    expect(inlineList(["产出指标", "效益指标"])).toBe("产出指标,效益指标");
    expect(inlineList(["a,b"])).toBeNull();
    expect(inlineList(['"a"'])).toBeNull();
    expect(inlineList(["x".repeat(INLINE_LIST_LIMIT)])).toBe("x".repeat(INLINE_LIST_LIMIT));
    expect(inlineList(["x".repeat(INLINE_LIST_LIMIT + 1)])).toBeNull();
  });
});

describe("list names", () => {
  it("name one list per parent with children, and the whole list, under the framework's prefix", () => {
    const names = dependentListNames(level2);
    expect(names.prefix).toBe("二级_legacy_");
    expect(names.lists.map((l) => l.name)).toEqual(["二级_legacy_产出指标", "二级_legacy_效益_指标"]);
    expect(names.fallback).toEqual({ name: "二级_legacy_全部", items: level2.fallback });
    for (const name of [...names.lists.map((l) => l.name), names.fallback.name, level1ListName(["a"])]) {
      expect(isDefinedName(name)).toBe(true);
    }
  });

  it("are stable for lists without a name, and differ with their content", () => {
    const unnamed = { ...level2, listsName: undefined };
    expect(dependentListNames(unnamed).prefix).toBe(dependentListNames({ ...unnamed }).prefix);
    expect(dependentListNames(unnamed).prefix).toMatch(/^二级_L[0-9a-z]+_$/);
    expect(level1ListName(["a", "b"])).not.toBe(level1ListName(["a", "c"]));
  });

  it("refuse what Excel would not take as a name", () => {
    expect(isDefinedName("1级")).toBe(false);
    expect(isDefinedName("二级 产出")).toBe(false);
  });
});

describe("dependentListFormula", () => {
  it("offers the parent's own list where it has one, else the whole list", () => {
    expect(dependentListFormula(dependentListNames(level2), 9, 0)).toBe(
      'IF(ISREF(INDIRECT("二级_legacy_"&$A$10)),INDIRECT("二级_legacy_"&$A$10),二级_legacy_全部)',
    );
  });
});

describe("parentRuns", () => {
  it("gives rows under one merged parent one run, and rows without a merge their own", () => {
    const merges = [
      { top: 9, left: 0, bottom: 11, right: 0 },
      { top: 13, left: 0, bottom: 14, right: 0 },
    ];
    expect(parentRuns(level2, merges)).toEqual([
      { parentRow: 9, parentCol: 0, top: 9, bottom: 11 },
      { parentRow: 12, parentCol: 0, top: 12, bottom: 12 },
      { parentRow: 13, parentCol: 0, top: 13, bottom: 14 },
    ]);
  });
});
