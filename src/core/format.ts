/**
 * The text Excel displays for a cell value under a number format code, for hosts that only have
 * the raw value (an .xlsx file, a test double). Covers the formats budget tables use: General,
 * fixed decimals, thousands separators, percentages, scientific, text (@), literal text and
 * units, dates and times in the 1900 date system (with its fictitious 1900-02-29, serial 60).
 */
import type { CellValue } from "./snapshot";

/** What Excel shows when a date or time cannot be displayed (negative or past 9999-12-31). */
export const UNDISPLAYABLE_DATE = "########";
/** Serial of 9999-12-31, the last date Excel can show, plus one. */
const SERIAL_LIMIT = 2958466;

export function formatCellText(value: CellValue, numberFormat: string | null | undefined): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const code = numberFormat && numberFormat.trim() !== "" ? numberFormat : "General";
  const sections = sectionsOf(code);
  if (typeof value === "string") return formatText(value, sections);
  if (!Number.isFinite(value)) return "#NUM!";
  return formatNumber(value, sections);
}

// ---------------------------------------------------------------------------------------------
// Sections and tokens

type Token =
  | { kind: "literal"; text: string }
  | { kind: "general" }
  | { kind: "text" }
  | { kind: "digit"; char: "0" | "#" | "?" }
  | { kind: "point" }
  | { kind: "comma" }
  | { kind: "percent" }
  | { kind: "exponent"; sign: "+" | "-" }
  | { kind: "date"; code: string }
  | { kind: "elapsed"; unit: "h" | "m" | "s"; width: number }
  | { kind: "ampm"; am: string; pm: string }
  | { kind: "subsecond"; digits: number };

interface Section {
  tokens: Token[];
  isDate: boolean;
  hasText: boolean;
}

/**
 * A question about a number format code, each code answered once: a workbook uses a handful and
 * every cell asks about one. At most 256 codes are kept, then all are forgotten at once.
 */
export function perFormatCode<T>(answer: (code: string) => T): (code: string) => T {
  const known = new Map<string, T>();
  return (code) => {
    let value = known.get(code);
    if (value === undefined) {
      value = answer(code);
      if (known.size >= 256) known.clear();
      known.set(code, value);
    }
    return value;
  };
}

const sectionsOf = perFormatCode(splitSections);

/** Splits a format code at unquoted, unescaped semicolons. */
function splitSections(code: string): Section[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end === -1 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      current += code.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = code.indexOf("]", i + 1);
      const stop = end === -1 ? code.length : end + 1;
      current += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === ";") {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts.map(parseSection);
}

const DATE_LETTERS = /[ymdhs]|a{3}/i;

/** True when the section, outside quotes, escapes and brackets, holds a date or time code. */
function sectionIsDate(source: string): boolean {
  const bare = source
    .replace(/"[^"]*"?/g, "")
    .replace(/[\\_*]./g, "")
    .replace(/\[(?:h+|m+|s+)\]/gi, "h")
    .replace(/\[[^\]]*\]?/g, "")
    .replace(/General/gi, "");
  return DATE_LETTERS.test(bare);
}

function parseSection(source: string): Section {
  const isDate = sectionIsDate(source);
  const tokens: Token[] = [];
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last && last.kind === "literal") last.text += text;
    else tokens.push({ kind: "literal", text });
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    const rest = source.slice(i);
    if (ch === '"') {
      const end = source.indexOf('"', i + 1);
      const stop = end === -1 ? source.length : end;
      literal(source.slice(i + 1, stop));
      i = stop + 1;
      continue;
    }
    if (ch === "\\") {
      literal(source[i + 1] ?? "");
      i += 2;
      continue;
    }
    if (ch === "_") {
      // Excel leaves a blank as wide as the next character; as text, that is one space.
      literal(" ");
      i += 2;
      continue;
    }
    if (ch === "*") {
      i += 2; // a fill character repeats to the column width: nothing in plain text
      continue;
    }
    if (ch === "[") {
      const end = source.indexOf("]", i + 1);
      const stop = end === -1 ? source.length : end;
      const inner = source.slice(i + 1, stop);
      const elapsed = /^(h+|m+|s+)$/i.exec(inner);
      if (elapsed) {
        tokens.push({
          kind: "elapsed",
          unit: elapsed[1][0].toLowerCase() as "h" | "m" | "s",
          width: elapsed[1].length,
        });
      }
      // Colours, conditions and locale tags ([Red], [>100], [$-804], [DBNum1]) change no text here.
      i = stop + 1;
      continue;
    }
    if (/^General/i.test(rest)) {
      tokens.push({ kind: "general" });
      i += 7;
      continue;
    }
    if (ch === "@") {
      tokens.push({ kind: "text" });
      i++;
      continue;
    }
    if (isDate) {
      const ampm = /^(AM\/PM|A\/P|上午\/下午)/i.exec(rest);
      if (ampm) {
        const [am, pm] = ampm[1].split("/");
        tokens.push({ kind: "ampm", am, pm });
        i += ampm[1].length;
        continue;
      }
      const run = /^(y+|m+|d+|h+|s+|a{3,4})/i.exec(rest);
      if (run) {
        tokens.push({ kind: "date", code: run[1].toLowerCase() });
        i += run[1].length;
        continue;
      }
      const sub = /^\.(0+)/.exec(rest);
      if (sub) {
        tokens.push({ kind: "subsecond", digits: Math.min(sub[1].length, 3) });
        i += sub[0].length;
        continue;
      }
      literal(ch);
      i++;
      continue;
    }
    if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ kind: "digit", char: ch });
      i++;
      continue;
    }
    if (ch === ".") {
      tokens.push({ kind: "point" });
      i++;
      continue;
    }
    if (ch === ",") {
      tokens.push({ kind: "comma" });
      i++;
      continue;
    }
    if (ch === "%") {
      tokens.push({ kind: "percent" });
      i++;
      continue;
    }
    const exponent = /^[Ee]([+-])/.exec(rest);
    if (exponent && tokens.some((t) => t.kind === "digit")) {
      tokens.push({ kind: "exponent", sign: exponent[1] as "+" | "-" });
      i += 2;
      continue;
    }
    literal(ch);
    i++;
  }
  return { tokens, isDate, hasText: tokens.some((t) => t.kind === "text") };
}

// ---------------------------------------------------------------------------------------------
// Text values

function formatText(value: string, sections: Section[]): string {
  // Only a section with @ formats text (the fourth, or a lone text section); otherwise text shows as is.
  const textSection = sections.length >= 4 ? sections[3] : sections.find((s) => s.hasText);
  if (!textSection) return value;
  return textSection.tokens.map((t) => (t.kind === "literal" ? t.text : t.kind === "text" ? value : "")).join("");
}

// ---------------------------------------------------------------------------------------------
// Numbers

function formatNumber(value: number, sections: Section[]): string {
  const numeric = sections.filter((s, index) => !(s.hasText && index === sections.length - 1 && index > 0));
  let section = numeric[0];
  let magnitude = value;
  // With a negative section, that section carries its own sign (or parentheses).
  let signed = true;
  if (value < 0 && numeric.length >= 2) {
    section = numeric[1];
    magnitude = -value;
    signed = false;
  } else if (value === 0 && numeric.length >= 3) {
    section = numeric[2];
  }
  if (!section) return formatGeneral(value);
  if (section.isDate) return formatDate(value, section.tokens);
  const hasDigits = section.tokens.some((t) => t.kind === "digit");
  if (!hasDigits) {
    // General, @ or a pure literal section ("-" for zero).
    return section.tokens
      .map((t) => {
        if (t.kind === "literal") return t.text;
        if (t.kind === "general" || t.kind === "text") return formatGeneral(signed ? magnitude : Math.abs(magnitude));
        if (t.kind === "percent") return "%";
        return "";
      })
      .join("");
  }
  // Fractions (# ?/?) are not used in budget tables; show them as General rather than guess.
  if (isFractionPattern(section.tokens)) return formatGeneral(value);
  return formatPattern(magnitude, section.tokens, signed);
}

function isFractionPattern(tokens: Token[]): boolean {
  return tokens.some(
    (t, index) =>
      t.kind === "literal" &&
      t.text.includes("/") &&
      tokens.slice(0, index).some((b) => b.kind === "digit") &&
      tokens.slice(index + 1).some((a) => a.kind === "digit"),
  );
}

/** A numeric pattern such as #,##0.00, 0%, 0.00E+00 or 0.00"万元". */
function formatPattern(value: number, tokens: Token[], signed: boolean): string {
  const firstDigit = tokens.findIndex((t) => t.kind === "digit");
  let lastDigit = -1;
  tokens.forEach((t, index) => {
    if (t.kind === "digit") lastDigit = index;
  });
  const exponentAt = tokens.findIndex((t) => t.kind === "exponent");
  const pointAt = tokens.findIndex((t) => t.kind === "point");

  const integerEnd = pointAt !== -1 ? pointAt : exponentAt !== -1 ? exponentAt : tokens.length;
  let lastIntegerDigit = -1;
  for (let i = firstDigit; i < integerEnd; i++) if (tokens[i].kind === "digit") lastIntegerDigit = i;
  let integerDigits = "";
  let fractionDigits = "";
  let exponentDigits = "";
  for (let i = firstDigit; i <= lastDigit; i++) {
    const t = tokens[i];
    if (t.kind !== "digit") continue;
    if (exponentAt !== -1 && i > exponentAt) exponentDigits += t.char;
    else if (pointAt !== -1 && i > pointAt) fractionDigits += t.char;
    else integerDigits += t.char;
  }
  // A comma between integer placeholders groups thousands; commas right after the last one divide by 1000 each.
  const thousands = tokens.slice(firstDigit, lastIntegerDigit).some((t) => t.kind === "comma");
  let scaleCommas = 0;
  for (let i = lastIntegerDigit + 1; i < integerEnd && tokens[i].kind === "comma"; i++) scaleCommas++;

  const percents = tokens.filter((t) => t.kind === "percent").length;
  let scaled = (Math.abs(value) * 100 ** percents) / 1000 ** scaleCommas;

  let body: string;
  if (exponentAt !== -1) {
    const exponentToken = tokens[exponentAt] as { kind: "exponent"; sign: "+" | "-" };
    body = formatScientific(scaled, integerDigits, fractionDigits, exponentDigits, exponentToken.sign);
  } else {
    scaled = Number(scaled.toPrecision(15));
    const fixed = toFixedDecimal(scaled, fractionDigits.length);
    const [intPart, fracPart = ""] = fixed.split(".");
    body = composeNumber(intPart, fracPart, integerDigits, fractionDigits, thousands, pointAt !== -1);
  }

  const negative = value < 0 && signed;
  const prefix = tokens
    .slice(0, firstDigit)
    .map((t) => literalText(t))
    .join("");
  const suffix = tokens
    .slice(firstDigit)
    .filter((t) => t.kind === "literal" || t.kind === "percent")
    .map((t) => literalText(t))
    .join("");
  return (negative ? "-" : "") + prefix + body + suffix;
}

function literalText(token: Token): string {
  if (token.kind === "literal") return token.text;
  if (token.kind === "percent") return "%";
  return "";
}

function composeNumber(
  intPart: string,
  fracPart: string,
  integerPattern: string,
  fractionPattern: string,
  thousands: boolean,
  hasPoint: boolean,
): string {
  const minInteger = (integerPattern.match(/0/g) ?? []).length;
  let integer = intPart.replace(/^0+/, "");
  if (integer.length < minInteger) integer = integer.padStart(minInteger, "0");
  if (integer === "" && integerPattern.includes("?")) integer = " ";
  if (thousands && /^\d+$/.test(integer)) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ",");

  let fraction = fracPart;
  // Optional places (# or ?) drop trailing zeros; ? keeps a space in their place.
  for (let i = fractionPattern.length - 1; i >= 0; i--) {
    const placeholder = fractionPattern[i];
    if (placeholder === "0" || fraction[i] !== "0") break;
    fraction = fraction.slice(0, i) + (placeholder === "?" ? " " : "");
  }
  return hasPoint ? `${integer}.${fraction}` : integer;
}

function formatScientific(
  value: number,
  integerPattern: string,
  fractionPattern: string,
  exponentPattern: string,
  sign: "+" | "-",
): string {
  const places = fractionPattern.length;
  let exponent = value === 0 ? 0 : Math.floor(Math.log10(value));
  let mantissa = value === 0 ? 0 : value / 10 ** exponent;
  let fixed = toFixedDecimal(mantissa, places);
  if (Number(fixed) >= 10) {
    exponent++;
    mantissa = value / 10 ** exponent;
    fixed = toFixedDecimal(mantissa, places);
  }
  const [intPart, fracPart = ""] = fixed.split(".");
  const body = composeNumber(intPart, fracPart, integerPattern || "0", fractionPattern, false, places > 0);
  const minExponent = Math.max(1, (exponentPattern.match(/0/g) ?? []).length);
  const exponentSign = exponent < 0 ? "-" : sign === "+" ? "+" : "";
  return `${body}E${exponentSign}${String(Math.abs(exponent)).padStart(minExponent, "0")}`;
}

/**
 * A non-negative number rounded half away from zero to `places` decimals, on its decimal
 * digits (Excel rounds what it shows, 0.955 at 15 significant digits → 0.96), not on its binary value.
 */
export function toFixedDecimal(value: number, places: number): string {
  const exact = Math.abs(value).toPrecision(15);
  const [mantissa, exponentText] = exact.split("e");
  const exponent = exponentText ? Number(exponentText) : 0;
  const [whole, decimals = ""] = mantissa.split(".");
  let digits = whole + decimals;
  let pointPosition = whole.length + exponent; // digits before the decimal point
  if (pointPosition < 0) {
    digits = "0".repeat(-pointPosition) + digits;
    pointPosition = 0;
  }
  if (digits.length < pointPosition) digits = digits.padEnd(pointPosition, "0");
  const keep = pointPosition + places;
  let kept = digits.slice(0, keep).padEnd(keep, "0");
  if ((digits[keep] ?? "0") >= "5") {
    // Carry the rounding through the kept digits.
    const chars = kept.split("");
    let i = chars.length - 1;
    while (i >= 0) {
      if (chars[i] === "9") {
        chars[i] = "0";
        i--;
      } else {
        chars[i] = String(Number(chars[i]) + 1);
        break;
      }
    }
    kept = (i < 0 ? "1" : "") + chars.join("");
    if (i < 0) pointPosition++;
  }
  const intPart = kept.slice(0, kept.length - places).replace(/^0+(?=\d)/, "") || "0";
  const fracPart = kept.slice(kept.length - places);
  return places > 0 ? `${intPart}.${fracPart}` : intPart;
}

/**
 * Excel's General format in a standard-width column: up to 11 characters, so integers up to
 * 11 digits shown whole, decimals rounded to fit, very large or very small numbers as 1.23457E+11.
 */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const sign = value < 0 ? "-" : "";
  const magnitude = Math.abs(value);
  const exponent = Math.floor(Math.log10(Number(magnitude.toPrecision(15))));
  if (exponent >= 11 || exponent <= -10) return sign + scientificGeneral(magnitude);
  const places = exponent < 0 ? 9 : Math.max(0, 9 - exponent);
  let text = toFixedDecimal(magnitude, places);
  if (text.includes(".")) text = text.replace(/0+$/, "").replace(/\.$/, "");
  if (text === "0") return sign + scientificGeneral(magnitude);
  return sign + text;
}

function scientificGeneral(magnitude: number): string {
  const text = formatScientific(magnitude, "0", "00000", "00", "+");
  return text.replace(/\.?0+E/, "E");
}

// ---------------------------------------------------------------------------------------------
// Dates and times

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const WEEKDAYS_ZH = ["日", "一", "二", "三", "四", "五", "六"];

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The calendar date of a whole serial in Excel's 1900 date system (0 = 1900-01-00, 60 = 1900-02-29). */
export function serialToCalendar(days: number): CalendarDate {
  if (days === 0) return { year: 1900, month: 1, day: 0 };
  if (days === 60) return { year: 1900, month: 2, day: 29 };
  // Excel counts a 1900-02-29 that never was: serials from 61 on are one day behind the real count.
  const base = days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(base + days * 86400000);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function formatDate(serial: number, tokens: Token[]): string {
  if (serial < 0 || serial >= SERIAL_LIMIT) return UNDISPLAYABLE_DATE;
  const subsecondDigits = Math.max(0, ...tokens.map((t) => (t.kind === "subsecond" ? t.digits : 0)));
  const unitsPerSecond = 10 ** subsecondDigits;
  const units = Math.round(serial * 86400 * unitsPerSecond);
  const unitsPerDay = 86400 * unitsPerSecond;
  const days = Math.floor(units / unitsPerDay);
  const dayUnits = units - days * unitsPerDay;
  const secondsOfDay = Math.floor(dayUnits / unitsPerSecond);
  const subsecond = dayUnits - secondsOfDay * unitsPerSecond;
  const hour = Math.floor(secondsOfDay / 3600);
  const minute = Math.floor((secondsOfDay % 3600) / 60);
  const second = secondsOfDay % 60;
  const { year, month, day } = serialToCalendar(days);
  // Excel's own weekday count (it believes 1900-01-01 was a Sunday).
  const weekday = (days + 6) % 7;
  const twelveHour = tokens.some((t) => t.kind === "ampm");
  const pad = (n: number, width: number) => String(n).padStart(width, "0");

  const dateParts = tokens
    .map((t, index) => ({ t, index }))
    .filter(({ t }) => t.kind === "date" || t.kind === "elapsed");
  const minuteAt = new Set<number>();
  dateParts.forEach(({ t, index }, k) => {
    if (t.kind !== "date" || t.code[0] !== "m" || t.code.length > 2) return;
    const before = dateParts[k - 1]?.t;
    const after = dateParts[k + 1]?.t;
    const afterHour =
      before &&
      ((before.kind === "date" && before.code[0] === "h") || (before.kind === "elapsed" && before.unit === "h"));
    const beforeSecond =
      after && ((after.kind === "date" && after.code[0] === "s") || (after.kind === "elapsed" && after.unit === "s"));
    if (afterHour || beforeSecond) minuteAt.add(index);
  });

  return tokens
    .map((t, index) => {
      switch (t.kind) {
        case "literal":
          return t.text;
        case "ampm":
          return hour < 12 ? t.am : t.pm;
        case "subsecond":
          return pad(subsecond, subsecondDigits).slice(0, t.digits).replace(/^/, ".");
        case "elapsed": {
          const totalSeconds = days * 86400 + secondsOfDay;
          const amount =
            t.unit === "h"
              ? Math.floor(totalSeconds / 3600)
              : t.unit === "m"
                ? Math.floor(totalSeconds / 60)
                : totalSeconds;
          return pad(amount, t.width);
        }
        case "date":
          return dateToken(t.code, minuteAt.has(index));
        default:
          return "";
      }
    })
    .join("");

  function dateToken(code: string, isMinute: boolean): string {
    const letter = code[0];
    const width = code.length;
    if (letter === "y") return width <= 2 ? pad(year % 100, 2) : pad(year, 4);
    if (letter === "m") {
      if (isMinute) return pad(minute, width);
      if (width === 1) return String(month);
      if (width === 2) return pad(month, 2);
      const name = MONTHS[month - 1] ?? "";
      return width === 3 ? name.slice(0, 3) : width === 4 ? name : name.slice(0, 1);
    }
    if (letter === "d") {
      if (width === 1) return String(day);
      if (width === 2) return pad(day, 2);
      const name = WEEKDAYS[weekday];
      return width === 3 ? name.slice(0, 3) : name;
    }
    if (letter === "h") {
      const shown = twelveHour ? hour % 12 || 12 : hour;
      return pad(shown, Math.min(width, 2));
    }
    if (letter === "s") return pad(second, Math.min(width, 2));
    if (letter === "a") return width === 4 ? `星期${WEEKDAYS_ZH[weekday]}` : WEEKDAYS_ZH[weekday];
    return code;
  }
}
