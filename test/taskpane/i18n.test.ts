import { dictionaries, languageFromDisplayLanguage } from "../../src/taskpane/i18n";
import { describeFailure } from "../../src/taskpane/failure";
import { HostError } from "../../src/host/types";
import { luminance, themeNameFromOffice } from "../../src/taskpane/theme";

describe("languageFromDisplayLanguage", () => {
  it("chooses Chinese for every zh-* display language and English otherwise", () => {
    for (const tag of ["zh-CN", "zh-TW", "zh-Hans-CN", "ZH-cn", "zh"])
      expect(languageFromDisplayLanguage(tag)).toBe("zh");
    for (const tag of ["en-US", "fr-FR", "", "zhx", undefined, null])
      expect(languageFromDisplayLanguage(tag)).toBe("en");
  });
});

describe("dictionaries", () => {
  it("give every string in both languages, and the Chinese one is Chinese", () => {
    const zh = dictionaries.zh;
    const en = dictionaries.en;
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    expect(zh.validate).toBe("校验");
    expect(zh.insertTemplate).toBe("插入项目模板");
    expect(zh.clearMarks).toBe("清除标记");
    expect(en.validate).toBe("Validate");
    for (const [key, value] of Object.entries(zh)) {
      if (typeof value === "string" && key !== "languageLabel") expect(value).toMatch(/[\u4e00-\u9fff…]/);
    }
  });

  it("count in English with the right plural", () => {
    expect(dictionaries.en.tablesFound(1)).toBe("1 target table found");
    expect(dictionaries.en.tablesFound(2)).toBe("2 target tables found");
    expect(dictionaries.en.severityCount("error", 1)).toBe("1 error");
    expect(dictionaries.en.severityCount("info", 3)).toBe("3 suggestions");
    expect(dictionaries.zh.severityCount("warning", 10)).toBe("警告 10");
  });
});

describe("describeFailure", () => {
  it("shows a host's own plain sentence in the pane's language", () => {
    const error = new HostError("工作表受保护，无法标记单元格。", "The sheet is protected; cells cannot be marked.");
    expect(describeFailure(error, "zh")).toBe("工作表受保护，无法标记单元格。");
    expect(describeFailure(error, "en")).toBe("The sheet is protected; cells cannot be marked.");
  });

  it("never shows a technical message or stack", () => {
    const error = new TypeError("Cannot read properties of undefined (reading 'values')");
    expect(describeFailure(error, "zh")).toBe(dictionaries.zh.failureGeneric);
    expect(describeFailure(error, "en")).toBe(dictionaries.en.failureGeneric);
    expect(describeFailure("string thrown", "en")).toBe(dictionaries.en.failureGeneric);
    expect(describeFailure(null, "en")).toBe(dictionaries.en.failureGeneric);
  });
});

describe("themeNameFromOffice", () => {
  it("follows the body background Office reports", () => {
    expect(themeNameFromOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe("light");
    expect(themeNameFromOffice({ bodyBackgroundColor: "#E6E6E6" })).toBe("light");
    expect(themeNameFromOffice({ bodyBackgroundColor: "#262626" })).toBe("dark");
    expect(themeNameFromOffice({ bodyBackgroundColor: "#444" })).toBe("dark");
    expect(themeNameFromOffice(undefined)).toBe("light");
    expect(themeNameFromOffice({ bodyBackgroundColor: "not a colour" })).toBe("light");
  });

  it("computes relative luminance", () => {
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("xyz")).toBeNull();
  });
});
