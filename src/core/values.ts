/**
 * The indicator value grammar (spec §4): quantitative, time, qualitative or empty,
 * plus the template-text and option-list forms that make a value unusable.
 */
import { perFormatCode } from "./format";
import type { CellValue } from "./snapshot";
import { toHalfWidth, tidyText } from "./text";

export type Operator = "≥" | "≤" | ">" | "<" | "=";

export type ParsedValue =
  | { kind: "empty" }
  | {
      kind: "quantity";
      operator: Operator | null;
      amount: number;
      /** Unit text as written (万 is reported as 万元), or null. */
      unit: string | null;
      /** The value is a percentage (a % unit or a percent-formatted number cell). */
      percent: boolean;
    }
  | { kind: "time"; /** A real date cell: its serial. */ serial: number | null }
  | { kind: "text" };

const OPERATOR_PREFIXES: [RegExp, Operator][] = [
  [/^(?:>=|≥|≧|大于等于|大于或等于|不低于|不少于|不小于|至少|高于等于)/, "≥"],
  [/^(?:<=|≤|≦|小于等于|小于或等于|不高于|不超过|不大于|不多于|至多|控制在)/, "≤"],
  [/^(?:>|大于|高于|超过|多于)/, ">"],
  [/^(?:<|小于|低于|少于)/, "<"],
  [/^(?:=|==|═|等于|达到)/, "="],
];
const OPERATOR_SUFFIXES: [RegExp, Operator][] = [
  [/(?:以上|及以上|或以上)$/, "≥"],
  [/(?:以内|及以内|以下|及以下)$/, "≤"],
];

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/;
const UNIT = /^(?:%|‰|[A-Za-z\u4e00-\u9fff²³][A-Za-z\u4e00-\u9fff²³/·.]*)$/;

// Patterns used per cell live at module level: a regex literal in a function is a new object per call.
const WHITE_SPACE = /\s+/g;
const THOUSANDS = /,/g;

/** Splits a quantitative text into operator, number and unit; null when it is not one. */
function parseQuantityText(text: string): Extract<ParsedValue, { kind: "quantity" }> | null {
  let t = text.replace(WHITE_SPACE, "");
  if (t === "") return null;
  let operator: Operator | null = null;
  for (const [re, op] of OPERATOR_PREFIXES) {
    const m = re.exec(t);
    if (m) {
      operator = op;
      t = t.slice(m[0].length);
      break;
    }
  }
  for (const [re, op] of OPERATOR_SUFFIXES) {
    const m = re.exec(t);
    if (m) {
      operator = operator ?? op;
      t = t.slice(0, t.length - m[0].length);
      break;
    }
  }
  const numberMatch = NUMBER.exec(t);
  if (!numberMatch) return null;
  const amount = Number(numberMatch[0].replace(THOUSANDS, ""));
  if (!Number.isFinite(amount)) return null;
  let unit: string | null = t.slice(numberMatch[0].length);
  if (unit === "") unit = null;
  else if (unit.length > 8 || !UNIT.test(unit)) return null;
  if (unit === "万") unit = "万元";
  return { kind: "quantity", operator, amount, unit, percent: unit === "%" };
}

const TIME_CORE = [
  /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:份)?(?:底|末|中旬|上旬|下旬|中|初|\d{1,2}日)?$/,
  /^(?:年底|年末|年内|年度内|当年|当年内|本年度|本年度内|年中|上半年|下半年|全年|全年度|年度)$/,
  // Whole periods: 2021年全年, 2025年年底, 服务期内, 项目实施期内.
  /^(?:19|20)\d{2}年(?:全年|全年度|年底|年末|年内|年度内|上半年|下半年)$/,
  /^(?:项目)?(?:服务期|实施期|建设期|执行期|合同期)(?:内|之内|以内)$/,
  /^(?:19|20)\d{2}年(?:度|底|末|内)?(?:\d{1,2}月(?:份)?(?:底|末|\d{1,2}日)?)?$/,
  /^(?:19|20)\d{2}[./-]\d{1,2}(?:[./-]\d{1,2})?(?:[-~至—–]+(?:(?:19|20)\d{2}[./-])?\d{1,2}(?:[./-]\d{1,2})?)?$/,
  /^(?:(?:19|20)\d{2}年)?第?[一二三四1-4]季度(?:末|底)?$/,
  /^(?:\d+|[一二三四五六七八九十两半]+)个?(?:月|周|星期|天|日|工作日|小时|年)(?:内|之内|以内)$/,
  /^(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日)?(?:[-~至—–]+)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}日|底|末)?$/,
];

/** Every time form has one of these: a value without any is not a time and skips the patterns. */
const TIME_HINT = /[月年季周期天日时./-]/;
const TIME_LEAD = /^(?:截至|截止|截止到|截至到|于|在|按|预计|计划|≤|<=|<|不晚于|最迟)/;
const TIME_DONE = /(?:全部)?(?:完成|支付完毕|支出完毕|完毕|执行完毕|结束|完工|到位)$/;
const TIME_BEFORE = /(?:前|之前|以前|止)$/;
const TIME_END_BEFORE = /(?:底|末)前$/;

const NAME_NOTE = /[(（]([^()（）]{1,12})[)）]\s*$/;
/** Bracketed notes that are not units: (选填), (含税), (工期指标), (年度). */
const NOT_A_UNIT = /指标|选填|必填|含|年度|合计|[的和及与或]/;
const NOTE_NOISE = /^(?:≥|≤|>=|<=|>|<|=|＞|＜|＝|≧|≦)?(?:\*+|X+|x+|\d+(?:\.\d+)?)?/;

/**
 * The unit an indicator's name states in a trailing bracket (实施营造林总面积（亩）, 公猪舍(≥**平方米),
 * 租车次数(次)), or null: the value beside such a name has its unit.
 */
export function unitInName(name: string): string | null {
  const note = NAME_NOTE.exec(toHalfWidth(name));
  if (!note) return null;
  const unit = note[1].replace(WHITE_SPACE, "").replace(NOTE_NOISE, "");
  return unit !== "" && unit.length <= 4 && UNIT.test(unit) && !NOT_A_UNIT.test(unit) ? unit : null;
}

/** A unit of time: a quantity in it is a duration (≥1年, ≤2个工作日, 4小时), a valid 时效 target (spec §4). */
const DURATION_UNIT = /^(?:个)?(?:年|月|周|星期|天|日|工作日|小时|分钟)(?:内|之内|以内)?$/;

export function isDurationUnit(unit: string | null): boolean {
  return unit !== null && DURATION_UNIT.test(unit);
}

/** Recognises a time target: 12月底, 年底, 6月30日前, 2023年12月31日, 2023.07-2024.01, 第三季度, 一个月内. */
export function isTimeText(text: string): boolean {
  let t = text.replace(WHITE_SPACE, "");
  t = t.replace(TIME_LEAD, "");
  t = t.replace(TIME_DONE, "");
  t = t.replace(TIME_BEFORE, "");
  t = t.replace(TIME_END_BEFORE, "底");
  for (const re of TIME_CORE) if (re.test(t)) return true;
  return false;
}

const OPTION_WORDS = new Set([
  "优秀",
  "优",
  "良好",
  "良",
  "较好",
  "一般",
  "中",
  "合格",
  "较差",
  "差",
  "好",
  "达到",
  "部分达到",
  "未达到",
  "是",
  "否",
  "不合格",
  "基本达到",
  "满意",
  "基本满意",
  "不满意",
  "较满意",
]);

const OPTION_SEPARATORS = /[\s、,，/;；|]+/;

/** Two or more grade options separated by spaces, 、 , / or ； (seed 001: 优秀 良好 一般). */
export function isOptionList(text: string): boolean {
  const half = toHalfWidth(text);
  // Without a separator there is one part at most: most values end here, before the split.
  if (!OPTION_SEPARATORS.test(half)) return false;
  const parts = half
    .split(OPTION_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  if (parts.length < 2) return false;
  return parts.every((p) => OPTION_WORDS.has(p));
}

const PLACEHOLDER_PATTERNS = [
  /目标内容\s*\d*/,
  /^(?:\d+[.、]\s*)?(?:三级)?指标\s*\d+$/,
  /(?:^|[^A-Za-z])(?:XX+|xx+|[Xx]{2,})(?![A-Za-z])/,
  /\*\*+/,
  /请填写|请输入|待定|待补充|待填/,
];

const PLACEHOLDER_HINT = /目标内容|指标\s*[0-9０-９]|[XxＸｘ]|[*＊]|请填写|请输入|待定|待补充|待填|…|[.．]{3}/;
const ELLIPSIS = /…|\.{3,}/;
const ELLIPSES = /…+|\.{3,}/g;
const TEMPLATE_FILLER = /[\d.、:：,，;；\s()（）如例]/g;

/** Template text left in a cell: 目标内容1, 指标1, XX, **, 请填写, 待定, a bare ……. */
export function isPlaceholderText(text: string): boolean {
  // Every pattern needs one of these, in half- or full-width form: most texts stop here, uncopied.
  if (!PLACEHOLDER_HINT.test(text)) return false;
  const t = toHalfWidth(text).trim();
  if (t === "") return false;
  for (const re of PLACEHOLDER_PATTERNS) if (re.test(t)) return true;
  // An ellipsis with nothing real around it (……, 1.……, 如：……) is an unfilled template line.
  if (ELLIPSIS.test(t)) {
    const rest = t.replace(ELLIPSES, "").replace(TEMPLATE_FILLER, "");
    return rest === "";
  }
  return false;
}

/** Excel's error values: what a cell shows when its formula cannot be calculated. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/** The Excel error value a cell holds (#REF!, #N/A, #DIV/0! …), or null. */
export function excelErrorOf(value: CellValue): string | null {
  // Every error value starts with #: most texts are ruled out without a copy.
  if (typeof value !== "string" || !value.includes("#")) return null;
  const t = value.trim().toUpperCase();
  return EXCEL_ERRORS.has(t) ? t : null;
}

const DATE_FORMAT = /(?:^|[^"\\])(?:y|d|m{1,2}(?!m)|yyyy|e)/i;

const QUOTED_OR_ESCAPED_OR_BRACKETED = /"[^"]*"|\\.|\[[^\]]*\]/g;
const QUOTED_OR_ESCAPED = /"[^"]*"|\\./g;
const NOT_A_DATE = /^(?:General|@|0.*|#.*)$/i;
const DATE_LETTER = /[ymd]/i;

/** True when a number format shows a date (not merely a number, percentage or text). */
export const isDateFormat = perFormatCode((format) => {
  const cleaned = format.replace(QUOTED_OR_ESCAPED_OR_BRACKETED, "");
  if (NOT_A_DATE.test(cleaned)) return false;
  return DATE_FORMAT.test(cleaned) && DATE_LETTER.test(cleaned);
});

export const isPercentFormat = perFormatCode((format) => format.replace(QUOTED_OR_ESCAPED, "").includes("%"));

/** Parses one value cell; text is the displayed text, value the raw value. */
export function parseValue(value: CellValue, text: string, numberFormat: string): ParsedValue {
  if (typeof value === "number") {
    if (isDateFormat(numberFormat)) return { kind: "time", serial: value };
    if (isPercentFormat(numberFormat)) {
      return { kind: "quantity", operator: null, amount: roundTo(value * 100, 10), unit: "%", percent: true };
    }
    return { kind: "quantity", operator: null, amount: value, unit: null, percent: false };
  }
  const t = tidyText(value === null ? text : String(value));
  if (t === "") return { kind: "empty" };
  if (TIME_HINT.test(t) && isTimeText(t)) return { kind: "time", serial: null };
  const quantity = parseQuantityText(t);
  if (quantity) return quantity;
  return { kind: "text" };
}

const UNTIDY_SPELLING = /[\uff01-\uff5e\u3000\s]|>=|<=/;

/** The normalised spelling of a valid value written with full-width characters, spaces or >=; null when already tidy. */
export function normalizedSpelling(raw: string, parsed: ParsedValue): string | null {
  if (parsed.kind !== "quantity" && parsed.kind !== "time") return null;
  // Nothing full-width, no white space and no >= or <=: already tidy.
  if (!UNTIDY_SPELLING.test(raw)) return null;
  let t = toHalfWidth(raw).trim();
  t = t.replace(/>=/g, "≥").replace(/<=/g, "≤");
  // Spaces between a digit and what follows, or around an operator, are line-wrap leftovers.
  t = t.replace(/\s+/g, (space, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? "";
    const after = whole[offset + space.length] ?? "";
    const cjkOrDigit = /[\d\u4e00-\u9fff%≥≤<>=.]/;
    return cjkOrDigit.test(before) && cjkOrDigit.test(after) ? "" : " ";
  });
  return t === raw ? null : t;
}

/** Parses a money amount: a number cell, "183.60", "250万", "854万（其中建设400万元……）"; in 万元 unless 元 is written. */
export function parseAmount(value: CellValue, text: string): { amount: number; unit: "万元" | "元" | null } | null {
  if (typeof value === "number") return Number.isFinite(value) ? { amount: value, unit: null } : null;
  const t = toHalfWidth(value === null ? text : String(value)).replace(WHITE_SPACE, "");
  const m = NUMBER.exec(t);
  if (!m) return null;
  const amount = Number(m[0].replace(THOUSANDS, ""));
  if (!Number.isFinite(amount)) return null;
  const rest = t.slice(m[0].length);
  const unit = rest.startsWith("万") ? "万元" : rest.startsWith("元") ? "元" : null;
  return { amount, unit };
}

export function roundTo(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Any digit at all, half- or full-width. */
const ANY_DIGIT = /[0-9０-９]/;

export function hasDigit(text: string): boolean {
  return ANY_DIGIT.test(text);
}

/** An Excel serial as a calendar date "2021-12-31" (1900 date system). */
export function serialToDate(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
