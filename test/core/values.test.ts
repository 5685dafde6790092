import {
  isOptionList,
  isPlaceholderText,
  isTimeText,
  normalizedSpelling,
  parseAmount,
  parseValue,
} from "../../src/core/values";

const q = (text: string) => parseValue(text, text, "General");

describe("value grammar (spec §4)", () => {
  test.each([
    ["≥95%", "≥", 95, "%"],
    ["＞＝９５％", "≥", 95, "%"],
    [">=95%", "≥", 95, "%"],
    ["不低于95%", "≥", 95, "%"],
    ["不少于3次", "≥", 3, "次"],
    ["至少2个", "≥", 2, "个"],
    ["95%以上", "≥", 95, "%"],
    ["不超过50万元", "≤", 50, "万元"],
    ["控制在50万元以内", "≤", 50, "万元"],
    ["至多5天", "≤", 5, "天"],
    ["250万", null, 250, "万元"],
    ["183.6万元", null, 183.6, "万元"],
    ["44,561", null, 44561, null],
    ["≤0.5万元/人", "≤", 0.5, "万元/人"],
    ["=100%", "=", 100, "%"],
    ["＜3次", "<", 3, "次"],
    ["1200平方米", null, 1200, "平方米"],
    ["≥500人次", "≥", 500, "人次"],
  ])("%s is quantitative", (text, operator, amount, unit) => {
    expect(q(text)).toEqual({ kind: "quantity", operator, amount, unit, percent: unit === "%" });
  });

  test("a percent-formatted number cell 0.95 is 95%", () => {
    expect(parseValue(0.95, "95%", "0%")).toEqual({
      kind: "quantity",
      operator: null,
      amount: 95,
      unit: "%",
      percent: true,
    });
  });

  test("a date cell is a time", () => {
    expect(parseValue(45657, "2024-12-31", "yyyy-mm-dd")).toEqual({ kind: "time", serial: 45657 });
  });

  test.each([
    "12月底",
    "年底",
    "6月30日前",
    "2023年12月31日",
    "2023.07-2024.01",
    "第三季度",
    "年内",
    "一个月内",
    "12月底前完成",
    "截至2024年6月底",
  ])("%s is a time", (text) => {
    expect(isTimeText(text)).toBe(true);
    expect(q(text).kind).toBe("time");
  });

  test.each(["合格", "达标", "有效提高委员参政议政", "按时", "符合国家标准"])("%s is qualitative", (text) => {
    expect(q(text).kind).toBe("text");
  });

  test("empty", () => {
    expect(parseValue(null, "", "General")).toEqual({ kind: "empty" });
    expect(parseValue("  ", "  ", "General")).toEqual({ kind: "empty" });
  });

  test.each(["优秀 良好 一般", "优、良、中、差", "是/否", "达到；部分达到；未达到"])("%s is an option list", (text) => {
    expect(isOptionList(text)).toBe(true);
  });
  test.each(["优秀", "良好以上", "合格率100%"])("%s is not an option list", (text) => {
    expect(isOptionList(text)).toBe(false);
  });

  test.each(["1.目标内容1", "指标1", "≥XX次", "(≥**%)", "请填写", "待定", "……", "1.……"])(
    "%s is template text",
    (text) => {
      expect(isPlaceholderText(text)).toBe(true);
    },
  );
  test.each(["854万（其中建设400万元……）", "XXL号服装", "13073022X000010998509", "会议数量"])(
    "%s is not template text",
    (text) => {
      expect(isPlaceholderText(text)).toBe(false);
    },
  );

  test("amounts: leading number, 万 and 元", () => {
    expect(parseAmount("854万（其中建设400万元……）", "")).toEqual({ amount: 854, unit: "万元" });
    expect(parseAmount("183.60", "")).toEqual({ amount: 183.6, unit: null });
    expect(parseAmount(183.6, "183.60")).toEqual({ amount: 183.6, unit: null });
    expect(parseAmount("500000元", "")).toEqual({ amount: 500000, unit: "元" });
    expect(parseAmount("按实际", "")).toBeNull();
  });

  test("normalised spelling", () => {
    expect(normalizedSpelling("≥2 次", q("≥2 次"))).toBe("≥2次");
    expect(normalizedSpelling("１２ 月底", q("１２ 月底"))).toBe("12月底");
    expect(normalizedSpelling("≥2次", q("≥2次"))).toBeNull();
    expect(normalizedSpelling("有效 提高", q("有效 提高"))).toBeNull();
  });
});
