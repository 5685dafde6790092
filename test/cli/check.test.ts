import { spawnSync } from "node:child_process";
import { copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import packageJson from "../../package.json";
import { bufferIO } from "../../src/cli/io";
import { main } from "../../src/cli/main";
import { USAGE_EN, USAGE_ZH } from "../../src/cli/usage";
import { reportSchema } from "../../src/core/report";
import { FIXTURES, ROOT, scratchFolder } from "../xlsx/helpers";

const JULU = path.join(ROOT, "examples", "julu-2023.xlsx");
const HUAILAI = path.join(ROOT, "examples", "huailai-2022.xlsx");
const CLEAN = path.join(FIXTURES, "clean.xlsx");

async function run(...argv: string[]) {
  const io = bufferIO();
  const status = await main(argv, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}

/** Exit status 2 with exactly one line on standard error and no stack trace. */
function expectOneLineFailure(result: { status: number; stderr: string }): string {
  expect(result.status).toBe(2);
  expect(result.stderr.endsWith("\n")).toBe(true);
  const lines = result.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
  expect(result.stderr).not.toMatch(/Error:/);
  return lines[0];
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await scratchFolder()));
afterAll(() => cleanup());

describe("target-table --help, --version, commands", () => {
  it("prints the usage in Chinese, or in English with --lang en", async () => {
    expect(await run("--help")).toEqual({ status: 0, stdout: USAGE_ZH, stderr: "" });
    expect(await run("--help", "--lang", "en")).toEqual({ status: 0, stdout: USAGE_EN, stderr: "" });
    expect(await run("check", "--help")).toEqual({ status: 0, stdout: USAGE_ZH, stderr: "" });
    expect(USAGE_ZH).toContain("target-table check <文件.xlsx|文件夹|通配模式>...");
    expect(USAGE_EN).toContain("target-table check <file.xlsx|folder|pattern>... [--json]");
    for (const option of ["--report", "--out-dir", "--force", "--jobs", "--config"]) {
      expect(USAGE_ZH).toContain(option);
      expect(USAGE_EN).toContain(option);
    }
  });

  it("prints the version", async () => {
    expect(await run("--version")).toEqual({ status: 0, stdout: `${packageJson.version}\n`, stderr: "" });
  });

  it("refuses a missing or unknown command with one line", async () => {
    expect(expectOneLineFailure(await run())).toContain("缺少命令");
    expect(expectOneLineFailure(await run("lint"))).toContain("未知命令“lint”");
    expect(expectOneLineFailure(await run("book.xlsx"))).toContain("target-table check book.xlsx");
  });
});

describe("target-table check: the readable report", () => {
  it("seed 000: one table, three warnings, exit 0", async () => {
    const result = await run("check", JULU);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe(`文件 ${JULU}`);
    expect(lines[1]).toMatch(
      /^ {2}表 1：Sheet1!A1:G\d+，项目表“专项运转保障经费”（编码 13052923P00584011444Y），指标体系：原体系（legacy）$/,
    );
    expect(lines.filter((l) => /^ {4}Sheet1!/.test(l)).map((l) => l.trim().split(/\s+/).slice(0, 3))).toEqual([
      ["Sheet1!B7", "警告", "spending-plan-unit"],
      ["Sheet1!E14", "警告", "value-vague"],
      ["Sheet1!E15", "警告", "value-vague"],
    ]);
    expect(result.stdout).toContain("有效提高委员参政议政");
    expect(lines[lines.length - 1]).toBe("共检查 1 个文件、1 张表：0 个错误，3 个警告，0 个提示。");
  });

  it("seed 001: two tables, errors, exit 1", async () => {
    const result = await run("check", HUAILAI);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("表 1：Sheet1!A1:");
    expect(result.stdout).toContain("表 2：Sheet1!A18:");
    expect(result.stdout).toMatch(/Sheet1!E12 +错误 +value-option-list +指标值“优秀 良好 一般”/);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe("共检查 1 个文件、2 张表：12 个错误，10 个警告，0 个提示。");
  });

  it("speaks English with --lang en", async () => {
    const result = await run("check", "--lang", "en", HUAILAI);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`File ${HUAILAI}`);
    expect(result.stdout).toMatch(
      /Table 2: Sheet1!A18:G\d+, project table "怀财字【2022】7号 政协会议" \(code 13073022P007993100016\), framework legacy/,
    );
    expect(result.stdout).toMatch(/Sheet1!B8 +error +placeholder-text /);
    expect(result.stdout).not.toMatch(/错误|警告/);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(
      "Checked 1 file, 2 tables: 12 errors, 10 warnings, 0 infos.",
    );
  });

  it("reports several files, each with its own subtotal, then the total", async () => {
    const result = await run("check", JULU, HUAILAI, CLEAN);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("本文件：0 个错误，3 个警告，0 个提示");
    expect(result.stdout).toContain("本文件：12 个错误，10 个警告，0 个提示");
    expect(result.stdout).toContain("未发现问题。");
    expect(result.stdout.trimEnd().split("\n").pop()).toBe("共检查 3 个文件、4 张表：12 个错误，13 个警告，0 个提示。");
  });

  it("exit 0 for a clean table", async () => {
    const result = await run("check", CLEAN);
    expect(result).toMatchObject({ status: 0, stderr: "" });
  });

  it("accepts --framework and --year", async () => {
    expect((await run("check", "--framework", "legacy", "--year", "2023", JULU)).status).toBe(0);
    expect((await run("check", "--framework=auto", "--year=2023", JULU)).status).toBe(0);
    // The code's year digits (23) against a stated budget year of 2024.
    const result = await run("check", "--year", "2024", "--json", JULU);
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.files[0].issues.map((i) => i.rule)).toContain("project-code-year");
  });
});

describe("target-table check --json", () => {
  it("prints only the version-1 report, which validates", async () => {
    const result = await run("check", "--json", JULU, HUAILAI);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.version).toBe(1);
    expect(report.files.map((f) => f.file)).toEqual([JULU, HUAILAI]);
    expect(report.files.map((f) => f.summary)).toEqual([
      { errors: 0, warnings: 3, infos: 0 },
      { errors: 12, warnings: 10, infos: 0 },
    ]);
    expect(report.files[0].tables).toEqual([
      expect.objectContaining({
        sheet: "Sheet1",
        kind: "project",
        framework: "legacy",
        projectName: "专项运转保障经费",
      }),
    ]);
    expect(report.files[1].issues.every((i) => i.table === 0 || i.table === 1)).toBe(true);
  });

  it("keeps the file name as given", async () => {
    const relative = path.relative(process.cwd(), JULU);
    const result = await run("check", relative, "--json");
    expect(reportSchema.parse(JSON.parse(result.stdout)).files[0].file).toBe(relative);
  });
});

describe("target-table check: bad usage and unreadable inputs (exit 2, one line)", () => {
  it.each([
    [["check"], "请指定要检查的 .xlsx 文件、文件夹或通配模式"],
    [["check", "--bogus", JULU], "未知选项 --bogus"],
    [["check", "-x", JULU], "未知选项 -x"],
    [["check", JULU, "--out"], "选项 --out 缺少取值"],
    [["check", "--framework", "2020", JULU], "--framework 只能是 auto、legacy 或 2021"],
    [["check", "--year", "23", JULU], "--year 应为四位年份"],
    [["check", "--lang", "fr", JULU], "--lang 只能是 zh 或 en"],
    [["check", "--json=yes", JULU], "选项 --json 不带取值"],
    [["check", JULU, HUAILAI, "--out", "x.xlsx"], "--out 只能用于检查单个文件"],
    [["check", JULU, "--out", "x.xlsx", "--out-dir", "d"], "--out 和 --out-dir 只能选一个"],
    [["check", JULU, "--report", "findings.txt"], "须以 .xlsx 或 .csv 结尾"],
    [["check", JULU, "--jobs", "0"], "--jobs 应为 1 到 256 之间的整数"],
    [["check", JULU, "--jobs", "two"], "--jobs 应为 1 到 256 之间的整数"],
    [["check", JULU, "--out", "annotated.csv"], "须以 .xlsx 结尾"],
  ])("%j", async (argv, expected) => {
    const result = await run(...argv);
    const line = expectOneLineFailure(result);
    expect(line).toContain(expected);
    expect(line).toContain("target-table --help");
    expect(result.stdout).toBe("");
  });

  async function put(name: string, data: Uint8Array | string): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, data);
    return file;
  }

  it("a text file named .xlsx", async () => {
    const file = await put("数据.xlsx", "项目名称,预算数\n专项经费,183.6\n");
    const result = await run("check", file);
    expect(expectOneLineFailure(result)).toBe(
      `无法读取“${file}”：这是文本文件（例如 CSV），不是 Excel 工作簿；请在 Excel 中打开并另存为 .xlsx 后再检查。 ` +
        `(cannot read "${file}": this is a text file (such as CSV), not an Excel workbook; open it in Excel and save it as .xlsx, then check it again.)`,
    );
    expect(result.stdout).toBe("");
  });

  it("a truncated zip", async () => {
    const whole = await readFile(JULU);
    const file = await put("cut.xlsx", whole.subarray(0, 3000));
    expect(expectOneLineFailure(await run("check", file))).toContain("文件不完整或已损坏");
  });

  it("a missing path", async () => {
    const file = path.join(dir, "没有这个文件.xlsx");
    expect(expectOneLineFailure(await run("check", file))).toContain(`无法读取“${file}”：找不到这个文件`);
  });

  it("a directory", async () => {
    const folder = path.join(dir, "folder.xlsx");
    await mkdir(folder);
    expect(expectOneLineFailure(await run("check", folder))).toContain("这是一个文件夹");
  });

  it("an encrypted workbook and an old .xls", async () => {
    expect(expectOneLineFailure(await run("check", path.join(FIXTURES, "encrypted.xlsx")))).toContain("文件已加密");
    expect(expectOneLineFailure(await run("check", path.join(FIXTURES, "legacy.xls")))).toContain("Excel 97-2003");
  });

  it("with --json, an unreadable input is a report row with an error, and the one line", async () => {
    const missing = path.join(dir, "missing.xlsx");
    const result = await run("check", "--json", missing);
    const line = expectOneLineFailure(result);
    const files = reportSchema.parse(JSON.parse(result.stdout)).files;
    expect(files).toEqual([
      {
        file: missing,
        tables: [],
        issues: [],
        summary: { errors: 0, warnings: 0, infos: 0 },
        error: {
          message: expect.stringContaining("找不到这个文件"),
          messageEn: expect.stringContaining("no such file"),
        },
      },
    ]);
    expect(line).toBe(`${files[0].error!.message} (${files[0].error!.messageEn})`);
  });

  it("reports the readable files, and each unreadable one as a row of its own (exit 1)", async () => {
    const bad = await put("bad.xlsx", "not a workbook");
    const result = await run("check", JULU, bad);
    expect(result.status).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([expect.stringContaining(`无法读取“${bad}”`)]);
    expect(result.stdout).toContain(`文件 ${JULU}`);
    expect(result.stdout).toContain(`文件 ${bad}\n  无法读取“${bad}”：`);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(
      "共检查 2 个文件（其中 1 个无法读取）、1 张表：0 个错误，3 个警告，0 个提示。",
    );
  });
});

describe("target-table check --out", () => {
  it("writes an annotated copy and leaves the input untouched", async () => {
    const input = path.join(dir, "怀来 2022.xlsx");
    await copyFile(HUAILAI, input);
    const before = await readFile(input);
    const out = path.join(dir, "怀来 2022 标注.xlsx");
    const result = await run("check", input, "--out", out);
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(`已写入标注副本：${out}`);
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("Sheet1")!;
    expect((sheet.getCell("E12").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(sheet.getCell("E12").value).toBe("优秀 良好 一般");
  });

  it("with --json, writes the copy and prints only the report", async () => {
    const out = path.join(dir, "julu-annotated.xlsx");
    const result = await run("check", JULU, "--json", "--out", out);
    expect(result.status).toBe(0);
    reportSchema.parse(JSON.parse(result.stdout));
    expect((await stat(out)).isFile()).toBe(true);
  });

  it("refuses the input itself, however it is spelled", async () => {
    const input = path.join(dir, "原件.xlsx");
    await copyFile(JULU, input);
    const before = await readFile(input);
    const spellings = [input, path.join(dir, "sub", "..", "原件.xlsx"), path.relative(process.cwd(), input)];
    for (const out of spellings) {
      const result = await run("check", input, "--out", out);
      expect(expectOneLineFailure(result)).toContain("--out 不能是被检查的文件本身");
      expect(result.stdout).toBe("");
    }
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
  });

  it("refuses a folder that does not exist, and a folder as the file", async () => {
    const missing = path.join(dir, "没有的目录", "out.xlsx");
    expect(expectOneLineFailure(await run("check", JULU, "--out", missing))).toContain("不存在");
    const folder = path.join(dir, "out-folder.xlsx");
    await mkdir(folder);
    expect(expectOneLineFailure(await run("check", JULU, "--out", folder))).toContain("这是一个文件夹");
  });

  it("works with Chinese paths holding spaces", async () => {
    const folder = path.join(dir, "巨鹿 县", "2023 年");
    await mkdir(folder, { recursive: true });
    const input = path.join(folder, "专项 运转 经费.xlsx");
    await copyFile(JULU, input);
    const out = path.join(folder, "专项 运转 经费（标注）.xlsx");
    const result = await run("check", input, "--out", out, "--lang", "en");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`File ${input}`);
    expect(result.stdout).toContain(`Annotated copy written: ${out}`);
    expect((await stat(out)).isFile()).toBe(true);
  });
});

describe("node bin/target-table.cjs (the bundled command line)", () => {
  const bin = path.join(ROOT, "bin", "target-table.cjs");
  const bundle = path.join(ROOT, "dist", "cli.cjs");

  beforeAll(() => {
    // `npm test` builds the bundle first; a direct jest run rebuilds it when it is missing or older than the sources.
    if (bundleAge() < newestSource(path.join(ROOT, "src"))) {
      const build = spawnSync("npm", ["run", "--silent", "build:cli"], { cwd: ROOT, encoding: "utf8" });
      expect(build.status).toBe(0);
    }
  });

  function bundleAge(): number {
    try {
      return statSync(bundle).mtimeMs;
    } catch {
      return -1;
    }
  }

  function newestSource(folder: string): number {
    let newest = 0;
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = path.join(folder, entry.name);
      newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
    }
    return newest;
  }

  function node(...args: string[]) {
    return spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: "utf8" });
  }

  it("checks a workbook: report on standard output, exit 1 on errors", () => {
    const result = node("check", "examples/huailai-2022.xlsx", "--json");
    expect(result.status).toBe(1);
    expect(result.stderr).toBe("");
    const report = reportSchema.parse(JSON.parse(result.stdout));
    expect(report.files[0].summary).toEqual({ errors: 12, warnings: 10, infos: 0 });
  });

  it("exit 0 with warnings only", () => {
    const result = node("check", "examples/julu-2023.xlsx");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Sheet1!B7");
  });

  it("exit 2 with one line for an unreadable input, no stack trace", async () => {
    const file = path.join(dir, "bin-text.xlsx");
    await writeFile(file, "a,b,c\n");
    const result = node("check", file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expectOneLineFailure({ status: result.status ?? -1, stderr: result.stderr });
  });

  it("exit 2 for an unknown option", () => {
    const result = node("check", "--nope", "examples/julu-2023.xlsx");
    expectOneLineFailure({ status: result.status ?? -1, stderr: result.stderr });
  });
});
