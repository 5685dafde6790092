/**
 * The core's text functions were rewritten for speed (fast paths, prefilters, hoisted patterns).
 * These properties hold them to the plain versions they replaced, on texts built from the
 * domain's own vocabulary, full-width forms and every kind of white space.
 */
import fc from "fast-check";
import { matchLabel } from "../../src/core/header";
import { normalizeText, tidyText, toHalfWidth } from "../../src/core/text";
import {
  excelErrorOf,
  isOptionList,
  isPlaceholderText,
  isTimeText,
  normalizedSpelling,
  parseValue,
} from "../../src/core/values";

// The plain versions, as they were before the rewrite.
function plainToHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}
const plainNormalizeText = (text: string) => plainToHalfWidth(text).replace(/[\s\u00a0\u200b\ufeff]+/g, "");
const plainTidyText = (text: string) =>
  plainToHalfWidth(text)
    .replace(/[\u00a0\u200b\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
const OPTION_WORDS = new Set(
  "优秀 优 良好 良 较好 一般 中 合格 较差 差 好 达到 部分达到 未达到 是 否 不合格 基本达到 满意 基本满意 不满意 较满意".split(
    " ",
  ),
);
function plainIsOptionList(text: string): boolean {
  const parts = plainToHalfWidth(text)
    .split(/[\s、,，/;；|]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.length >= 2 && parts.every((p) => OPTION_WORDS.has(p));
}
function plainIsPlaceholderText(text: string): boolean {
  const t = plainToHalfWidth(text).trim();
  if (t === "") return false;
  const patterns = [
    /目标内容\s*\d*/,
    /^(?:\d+[.、]\s*)?(?:三级)?指标\s*\d+$/,
    /(?:^|[^A-Za-z])(?:XX+|xx+|[Xx]{2,})(?![A-Za-z])/,
    /\*\*+/,
    /请填写|请输入|待定|待补充|待填/,
  ];
  if (patterns.some((re) => re.test(t))) return true;
  if (/…|\.{3,}/.test(t)) return t.replace(/…+|\.{3,}/g, "").replace(/[\d.、:：,，;；\s()（）如例]/g, "") === "";
  return false;
}
function plainExcelErrorOf(value: string): string | null {
  const t = value.trim().toUpperCase();
  return ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#SPILL!", "#CALC!"].includes(t)
    ? t
    : null;
}
function plainNormalizedSpelling(raw: string): string {
  let t = plainToHalfWidth(raw).trim();
  t = t.replace(/>=/g, "≥").replace(/<=/g, "≤");
  t = t.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + space.length] ?? "";
    const cjkOrDigit = /[\d\u4e00-\u9fff%≥≤<>=.]/;
    return cjkOrDigit.test(before) && cjkOrDigit.test(after) ? "" : " ";
  });
  return t;
}
const LABELS = new Map<string, string>(
  Object.entries({
    项目编码: "projectCode",
    项目代码: "projectCode",
    项目名称: "projectName",
    项目支出名称: "projectName",
    预算数: "budget",
    年度预算数: "budget",
    资金总额: "budget",
    当年年度预算: "budget",
    年度本级预算金额: "budget",
    项目总预算: "budget",
    财政资金: "fiscalFunds",
    财政拨款数: "fiscalFunds",
    财政拨款: "fiscalFunds",
    其他资金: "otherFunds",
    其它资金: "otherFunds",
    资金用途: "purpose",
    资金支出计划: "spendingPlan",
    绩效目标: "goals",
    年度目标: "goals",
    本年度绩效目标: "goals",
    年度绩效目标: "goals",
    年度主要目标和成果: "goals",
  }),
);
function plainMatchLabel(text: string) {
  const t = plainNormalizeText(text);
  if (t === "" || t.length > 24) return null;
  const withoutSuffix = t.replace(/(?:[(（][^)）]{0,6}[)）])?[:：]?$/, "");
  const percent = /[(（]%[)）]/.test(t);
  const candidates = [withoutSuffix];
  const prefix = /^(其中|年度|当年|本年)[:：]?/.exec(withoutSuffix);
  if (prefix) candidates.push(withoutSuffix.slice(prefix[0].length));
  for (const core of candidates) {
    const field = LABELS.get(core);
    if (field) return { field, core, percent, yearly: /当年|年度/.test(withoutSuffix) };
  }
  return null;
}

/** Texts from the vocabulary the core reacts to, in half- and full-width forms, with odd spaces. */
const TOKENS = [
  ..."0123456789０１２３４５６７８９.．,，%％≥≤><=＞＜＝*＊Xxｘ…、/;；|:：()（）#!?".split(""),
  " ",
  "  ",
  "\u3000",
  "\u00a0",
  "\u200b",
  "\ufeff",
  "\t",
  "\n",
  ">=",
  "<=",
  "月",
  "月底",
  "年",
  "年底",
  "季度",
  "第三",
  "个",
  "星期",
  "天",
  "日",
  "小时",
  "内",
  "前",
  "完成",
  "截至",
  "2023",
  "12",
  "次",
  "万元",
  "人",
  "目标内容",
  "指标",
  "三级",
  "请填写",
  "待定",
  "优秀",
  "良好",
  "一般",
  "合格",
  "满意",
  "提高",
  "其中",
  "年度",
  "预算数",
  "财政资金",
  "项目名称",
  "资金支出计划",
  "绩效目标",
  "万元",
  "REF",
  "N/A",
  "n/a",
  "DIV/0",
  "单位",
];
const domainText = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((parts) => parts.join(""));
const RUNS = { numRuns: 3000 };
/** Short texts from the time vocabulary, where most time forms (and near misses) are. */
const TIME_TOKENS =
  "2 12 30 2023 07 一 三 两 半 个 月 年 底 末 前 内 以内 之内 日 天 周 星期 工作日 小时 季度 第 . - ~ 至 截至 完成 全部 年度 上半年 当年".split(
    " ",
  );

describe("the core's fast text functions match the plain ones", () => {
  it("toHalfWidth, normalizeText, tidyText", () => {
    fc.assert(
      fc.property(domainText, (text) => {
        expect(toHalfWidth(text)).toBe(plainToHalfWidth(text));
        expect(normalizeText(text)).toBe(plainNormalizeText(text));
        expect(tidyText(text)).toBe(plainTidyText(text));
      }),
      RUNS,
    );
  });

  it("isOptionList, isPlaceholderText, excelErrorOf", () => {
    fc.assert(
      fc.property(domainText, (text) => {
        expect(isOptionList(text)).toBe(plainIsOptionList(text));
        expect(isPlaceholderText(text)).toBe(plainIsPlaceholderText(text));
        expect(excelErrorOf(text)).toBe(plainExcelErrorOf(text));
      }),
      RUNS,
    );
  });

  it("parseValue finds exactly the times isTimeText finds, and normalizedSpelling is unchanged", () => {
    const mismatches: string[] = [];
    const check = (text: string) => {
      const parsed = parseValue(text, text, "General");
      const tidy = plainTidyText(text);
      if (tidy !== "" && (parsed.kind === "time") !== isTimeText(tidy)) mismatches.push(`time: ${text}`);
      if (parsed.kind === "quantity" || parsed.kind === "time") {
        const plain = plainNormalizedSpelling(text);
        if (normalizedSpelling(text, parsed) !== (plain === text ? null : plain)) mismatches.push(`spelling: ${text}`);
      }
    };
    fc.assert(
      fc.property(domainText, (text) => {
        check(text);
        return mismatches.length === 0;
      }),
      RUNS,
    );
    // Every sequence of up to three time words: the time forms are short and must not be missed.
    for (const a of TIME_TOKENS) {
      check(a);
      for (const b of TIME_TOKENS) {
        check(a + b);
        for (const c of TIME_TOKENS) check(a + b + c);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it("matchLabel", () => {
    fc.assert(
      fc.property(domainText, (text) => {
        expect(matchLabel(text)).toEqual(plainMatchLabel(text));
      }),
      RUNS,
    );
  });
});
