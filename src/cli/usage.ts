/** The command line's help text and the one-line usage failures (exit status 2). */
import type { Language } from "./text-report";

export const USAGE_ZH = `用法：
  target-table check <文件.xlsx|文件夹|通配模式>... [--json] [--report <问题清单.xlsx|.csv>]
                     [--out <标注副本.xlsx> | --out-dir <文件夹>] [--force] [--jobs <N>]
                     [--config <配置.json>] [--framework auto|legacy|2021] [--year <年份>] [--lang zh|en]
  target-table template --out <新文件.xlsx> [--framework legacy|2021] [--kind <类型>] [--lang zh|en]
  target-table schema [report|config]
  target-table --help | --version

check     检查一个或多个工作簿中的绩效目标表，逐表列出每个问题（单元格、级别、规则、说明），
          多个文件时再列出逐个文件汇总。文件夹会递归查找 .xlsx（跳过隐藏文件和 ~$ 锁定文件）；
          通配模式（如 "报表/**/*.xlsx"）由本程序展开，在 cmd.exe、PowerShell 和 bash 中用法相同。
  --json        只在标准输出打印 JSON 报告（第 1 版）；无法读取的文件带 error 字段
  --report <文件>  另存问题清单：.xlsx（汇总表和问题表，可筛选）或 .csv（UTF-8，Excel 可直接打开）
  --out <文件>  另存一份标注副本：错误标红、警告标黄，并在批注中写明原因；只能检查一个文件
  --out-dir <文件夹>  每个文件各存一份标注副本，保持子文件夹结构
  --force       允许覆盖已存在的 --out、--out-dir、--report 文件（被检查的原文件永远不会被改动）
  --jobs <N>    同时检查的文件数，默认等于处理器核数
  --config <文件>  配置文件（关闭规则、调整级别，设定指标体系、年度和语言）；
                未指定时使用当前文件夹中的 target-table.config.json（如有）
  --framework   指标体系：auto（默认，逐表识别）、legacy（产出/效益/满意度）、2021（含一级指标“成本指标”）
  --year        预算年度，如 2023，用于核对项目编码中的年份
  --lang        报告语言：zh（默认）或 en
template  生成一个新工作簿，内含一张空白的项目绩效目标表（详见 target-table template --help）
schema    打印 JSON 报告（report，默认）或配置文件（config）的 JSON Schema

退出码：0 没有错误（可有警告和提示）；1 至少一个错误，或有文件无法读取；
        2 用法有误、没有一个文件能读取、要求写出的文件写不了，或标准输出中断；原因写在标准错误中。
`;

export const USAGE_EN = `Usage:
  target-table check <file.xlsx|folder|pattern>... [--json] [--report <findings.xlsx|.csv>]
                     [--out <annotated.xlsx> | --out-dir <folder>] [--force] [--jobs <N>]
                     [--config <profile.json>] [--framework auto|legacy|2021] [--year <YYYY>] [--lang zh|en]
  target-table template --out <new.xlsx> [--framework legacy|2021] [--kind <kind>] [--lang zh|en]
  target-table schema [report|config]
  target-table --help | --version

check     Checks the performance target tables (绩效目标表) in one or more workbooks and lists,
          table by table, every finding with its cell, severity, rule and message; for several
          files, a summary by file follows. Folders are searched for .xlsx files (hidden files and
          ~$ lock files skipped); patterns such as "reports/**/*.xlsx" are expanded by the program,
          so they work alike in cmd.exe, PowerShell and bash.
  --json        print only the JSON report (version 1); an unreadable file has an error field
  --report <file>  also write the findings: .xlsx (summary and findings sheets, filterable) or
                .csv (UTF-8 with a byte order mark, opens in Excel)
  --out <file>  also write an annotated copy: errors filled red, warnings yellow, the reasons in
                cell notes; one input only
  --out-dir <folder>  an annotated copy of every input, keeping their subfolders
  --force       replace an existing --out, --out-dir or --report file (an input is never written)
  --jobs <N>    files checked at once; default: the number of processor cores
  --config <file>  a profile (rules off or at another severity; framework, year, language);
                without it, target-table.config.json in the current folder, if there is one
  --framework   indicator framework: auto (default, detected per table), legacy (产出/效益/满意度),
                or 2021 (成本指标 as a level 1)
  --year        the budget year, e.g. 2023, to check the year digits of project codes
  --lang        report language: zh (default) or en
template  Writes a new workbook holding one empty project table (see target-table template --help).
schema    Prints the JSON Schema of the JSON report (report, the default) or of a profile (config).

Exit status: 0 no error (warnings and infos allowed); 1 at least one error, or an unreadable file;
             2 bad usage, no input could be read, an output asked for could not be written, or
               standard output failed; the reason is on standard error.
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
