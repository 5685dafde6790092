import {
  formatCellText,
  formatGeneral,
  serialToCalendar,
  toFixedDecimal,
  UNDISPLAYABLE_DATE,
} from "../../src/core/format";

describe("formatCellText: General", () => {
  it.each([
    [0, "0"],
    [183, "183"],
    [-42, "-42"],
    [183.6, "183.6"],
    [0.1 + 0.2, "0.3"],
    [1 / 3, "0.333333333"],
    [2 / 3, "0.666666667"],
    [1234.56789012345, "1234.56789"],
    [12345678901, "12345678901"],
    [123456789012, "1.23457E+11"],
    [100000000000, "1E+11"],
    [0.0001, "0.0001"],
    [0.00001, "0.00001"],
    [1e-10, "1E-10"],
    [-0.5, "-0.5"],
    [44561, "44561"],
  ])("%p → %p", (value, text) => {
    expect(formatCellText(value, "General")).toBe(text);
    expect(formatGeneral(value)).toBe(text);
  });

  it("treats a missing or empty format as General", () => {
    expect(formatCellText(183.6, undefined)).toBe("183.6");
    expect(formatCellText(183.6, "")).toBe("183.6");
    expect(formatCellText(183.6, null)).toBe("183.6");
  });
});

describe("formatCellText: numbers", () => {
  it.each([
    [183.6, "0", "184"],
    [2.5, "0", "3"],
    [-2.5, "0", "-3"],
    [183.6, "0.00", "183.60"],
    [1.005, "0.00", "1.01"],
    [-45.9, "0.00", "-45.90"],
    [1234567.891, "#,##0", "1,234,568"],
    [1234567.891, "#,##0.00", "1,234,567.89"],
    [999.999, "#,##0.00", "1,000.00"],
    [0, "#,##0.00", "0.00"],
    [0.5, "0%", "50%"],
    [0.955, "0%", "96%"],
    [1, "0%", "100%"],
    [0.955, "0.0%", "95.5%"],
    [0.9555, "0.00%", "95.55%"],
    [0.12345, "0.00%", "12.35%"],
    [183.6, '0.00"万元"', "183.60万元"],
    [2, '0"次"', "2次"],
    [1234.5, "¥#,##0.00", "¥1,234.50"],
    [-1234.5, "#,##0.00;[Red]-#,##0.00", "-1,234.50"],
    [-1234.5, "#,##0.00_);(#,##0.00)", "(1,234.50)"],
    [1234.5, "#,##0.00_);(#,##0.00)", "1,234.50 "],
    [0, '#,##0;-#,##0;"-"', "-"],
    [1.5, "0.##", "1.5"],
    [1, "0.##", "1."],
    [12345, "0.00E+00", "1.23E+04"],
    [0.000123, "0.00E+00", "1.23E-04"],
    [1234567, "#,##0,", "1,235"],
    [0.5, "#.00", ".50"],
    [183.6, "@", "183.6"],
    [0.5, "# ?/?", "0.5"],
  ])("%p as %p → %p", (value, format, text) => {
    expect(formatCellText(value, format)).toBe(text);
  });
});

describe("formatCellText: dates and times", () => {
  it.each([
    [44561, "yyyy-mm-dd", "2021-12-31"],
    [44561, "yyyy/m/d", "2021/12/31"],
    [45017, "yyyy/m/d", "2023/4/1"],
    [44561, "m/d/yyyy", "12/31/2021"],
    [44561, 'yyyy"年"m"月"d"日"', "2021年12月31日"],
    [44561, '[$-804]yyyy"年"m"月"d"日";@', "2021年12月31日"],
    [44561, "mm-dd-yy", "12-31-21"],
    [45017, "mm-dd-yy", "04-01-23"],
    [44561, "d-mmm-yy", "31-Dec-21"],
    [44561, "dddd", "Friday"],
    [44561, "aaaa", "星期五"],
    [0.5, "h:mm", "12:00"],
    [0.75, "h:mm AM/PM", "6:00 PM"],
    [0.25, "hh:mm:ss", "06:00:00"],
    [44561.5, "yyyy-mm-dd hh:mm", "2021-12-31 12:00"],
    [1.5, "[h]:mm", "36:00"],
    [0.5 / 24 / 60, "mm:ss.0", "00:30.0"],
    [0.999999999, "h:mm:ss", "0:00:00"],
    [1, "yyyy-mm-dd", "1900-01-01"],
    [59, "yyyy-mm-dd", "1900-02-28"],
    [60, "yyyy-mm-dd", "1900-02-29"],
    [61, "yyyy-mm-dd", "1900-03-01"],
    [2958465, "yyyy-mm-dd", "9999-12-31"],
  ])("%p as %p → %p", (value, format, text) => {
    expect(formatCellText(value, format)).toBe(text);
  });

  it("shows ######## for dates Excel cannot display", () => {
    expect(formatCellText(-1, "yyyy-mm-dd")).toBe(UNDISPLAYABLE_DATE);
    expect(formatCellText(2958466, "yyyy-mm-dd")).toBe(UNDISPLAYABLE_DATE);
  });

  it("counts the fictitious 1900-02-29", () => {
    expect(serialToCalendar(0)).toEqual({ year: 1900, month: 1, day: 0 });
    expect(serialToCalendar(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(serialToCalendar(36526)).toEqual({ year: 2000, month: 1, day: 1 });
    expect(serialToCalendar(73050)).toEqual({ year: 2099, month: 12, day: 31 });
  });

  it("reads m as minutes after an hour or before a second, months elsewhere", () => {
    expect(formatCellText(44561.5208333333, "m/d h:mm")).toBe("12/31 12:30");
    expect(formatCellText(0.5208333333, "mm:ss")).toBe("30:00");
  });
});

describe("formatCellText: text and booleans", () => {
  it("shows booleans as Excel does", () => {
    expect(formatCellText(true, "General")).toBe("TRUE");
    expect(formatCellText(false, "0.00")).toBe("FALSE");
  });

  it("shows text as written unless a text section wraps it", () => {
    expect(formatCellText("≥95%", "General")).toBe("≥95%");
    expect(formatCellText("优秀 良好 一般", "0.00")).toBe("优秀 良好 一般");
    expect(formatCellText("12月底", "yyyy-mm-dd")).toBe("12月底");
    expect(formatCellText("abc", "@")).toBe("abc");
    expect(formatCellText("abc", '0;-0;0;"备注："@')).toBe("备注：abc");
  });

  it("shows an empty cell as nothing", () => {
    expect(formatCellText(null, "0.00")).toBe("");
  });
});

describe("toFixedDecimal", () => {
  it.each([
    [0, 2, "0.00"],
    [0.5, 0, "1"],
    [9.995, 2, "10.00"],
    [1e21, 0, "1000000000000000000000"],
    [1.23e-7, 9, "0.000000123"],
    [45.9, 2, "45.90"],
  ])("%p to %p places → %p", (value, places, text) => {
    expect(toFixedDecimal(value, places)).toBe(text);
  });
});
