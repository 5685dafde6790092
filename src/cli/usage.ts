/** The command line's help text and the one-line usage failures (exit status 2). */
import type { Language } from "./text-report";

export const USAGE_ZH = `用法：
  target-table check <文件.xlsx>... [--json] [--out <标注副本.xlsx>]
                     [--framework auto|legacy|2021] [--year <年份>] [--lang zh|en]
  target-table template --out <新文件.xlsx> [--framework legacy|2021] [--kind <类型>] [--lang zh|en]
  target-table --help | --version

check     检查一个或多个工作簿中的绩效目标表，逐表列出每个问题（单元格、级别、规则、说明）。
  --json        只在标准输出打印 JSON 报告（第 1 版）
  --out <文件>  另存一份标注副本：错误标红、警告标黄，并在批注中写明原因；
                只能检查一个文件，且不能与原文件相同，原文件不会被改动
  --framework   指标体系：auto（默认，逐表识别）、legacy（产出/效益/满意度）、2021（含一级指标“成本指标”）
  --year        预算年度，如 2023，用于核对项目编码中的年份
  --lang        报告语言：zh（默认）或 en
template  生成一个新工作簿，内含一张空白的项目绩效目标表（详见 target-table template --help）

退出码：0 没有错误（可有警告和提示）；1 至少一个错误；
        2 用法有误或文件无法读取（不存在、不是 .xlsx、已加密、已损坏），原因写在标准错误的一行中。
`;

export const USAGE_EN = `Usage:
  target-table check <file.xlsx>... [--json] [--out <annotated.xlsx>]
                     [--framework auto|legacy|2021] [--year <YYYY>] [--lang zh|en]
  target-table template --out <new.xlsx> [--framework legacy|2021] [--kind <kind>] [--lang zh|en]
  target-table --help | --version

check     Checks the performance target tables (绩效目标表) in one or more workbooks and lists,
          table by table, every finding with its cell, severity, rule and message.
  --json        print only the JSON report (version 1) on standard output
  --out <file>  also write an annotated copy: errors filled red, warnings yellow, the reasons in
                cell notes; one input only, never the input itself, which is left untouched
  --framework   indicator framework: auto (default, detected per table), legacy (产出/效益/满意度),
                or 2021 (成本指标 as a level 1)
  --year        the budget year, e.g. 2023, to check the year digits of project codes
  --lang        report language: zh (default) or en
template  Writes a new workbook holding one empty project table (see target-table template --help).

Exit status: 0 no error (warnings and infos allowed); 1 at least one error;
             2 bad usage or an unreadable input (missing, not .xlsx, encrypted, corrupt),
               explained in one line on standard error.
`;

export function usageText(language: Language): string {
  return language === "en" ? USAGE_EN : USAGE_ZH;
}

/** Bad usage: the command prints its one line and exits with status 2. */
export class UsageError extends Error {
  constructor(
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`${messageZh} (${messageEn})`);
    this.name = "UsageError";
  }
}

/** Usage failures end with where to look for the right usage. */
export function usageError(zh: string, en: string): UsageError {
  return new UsageError(`${zh}用法见 target-table --help。`, `${en}; see target-table --help`);
}

/** The language asked for with --lang (either form), before the arguments are fully parsed. */
export function requestedLanguage(argv: readonly string[]): Language {
  let language: Language = "zh";
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : undefined;
    if (value === "en" || value === "zh") language = value;
  }
  return language;
}
