/**
 * Every bad input the command line may meet, each answered with a clear Chinese sentence (then English):
 * through `main()` exactly as `target-table check ...` runs it.
 */
import { mkdir, readFile, stat, symlink } from "node:fs/promises";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Report } from "../../src/core/report";
import { cleanRows, CLEAN_MERGES, setCell } from "../support/clean-table";
import { encryptWorkbook } from "./office-crypto";
import {
  expectOneLineFailure,
  runCli,
  scratchFolder,
  writeBytes,
  writeWorkbook,
  type SheetCell,
  type SheetSpec,
} from "./workbooks";

const EXAMPLE = path.join(__dirname, "../../examples/julu-2023.xlsx");
const LEGACY_XLS = path.join(__dirname, "fixtures/legacy.xls");

let dir: string;
let removeDir: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove: removeDir } = await scratchFolder());
});
afterAll(() => removeDir());

const at = (name: string) => path.join(dir, name);

/** The clean table with some cells changed, as one sheet. */
function cleanSpec(edits: [string, SheetCell][] = [], extra: Partial<SheetSpec> = {}): SheetSpec[] {
  const rows = cleanRows() as SheetCell[][];
  for (const [address, value] of edits) setCell(rows as never, address, value as never);
  return [{ name: "项目绩效目标", rows, merges: CLEAN_MERGES, ...extra }];
}

async function checkJson(file: string, ...options: string[]): Promise<{ status: number; report: Report }> {
  const run = await runCli("check", file, "--json", ...options);
  expect(run.stderr).toBe("");
  return { status: run.status, report: JSON.parse(run.stdout) as Report };
}

const findings = (report: Report) =>
  report.files.flatMap((f) => f.issues.map((i) => `${i.severity} ${i.rule} ${i.cell}`));

describe("workbooks with nothing to check", () => {
  test("a workbook without any worksheet: no table found, exit 0", async () => {
    const file = at("无工作表.xlsx");
    await new ExcelJS.Workbook().xlsx.writeFile(file);
    const run = await runCli("check", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("未找到绩效目标表。");
    expect(run.stdout).toContain("0 张表：0 个错误，0 个警告，0 个提示");
  });

  test("an empty worksheet: no table found, no finding", async () => {
    const file = await writeWorkbook(at("空白.xlsx"), [{ name: "Sheet1", rows: [] }]);
    const run = await runCli("check", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("未找到绩效目标表。");
    const { report } = await checkJson(file);
    expect(report.files[0].issues).toEqual([]);
  });

  test("a sheet with content but no table: one no-table info saying what header was looked for", async () => {
    const file = await writeWorkbook(at("会议纪要.xlsx"), [{ name: "纪要", rows: [["会议纪要"], ["2023年工作总结"]] }]);
    const run = await runCli("check", file);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/纪要!A1 +提示 +no-table +工作表“纪要”有内容，但未找到绩效指标表（需要含“一级指标”/);
  });

  test("a grid header with no indicator rows: the missing indicator groups, at the header", async () => {
    const rows = cleanRows().slice(0, 9);
    const file = await writeWorkbook(at("只有表头.xlsx"), [
      { name: "表", rows, merges: CLEAN_MERGES.filter((m) => !/^A1[04]:/.test(m)) },
    ]);
    const { status, report } = await checkJson(file);
    expect(status).toBe(1);
    expect(findings(report)).toEqual([
      "error level1-missing A9",
      "error level1-missing A9",
      "warning level1-missing A9",
    ]);
    const run = await runCli("check", file);
    expect(run.stdout).toContain("本表没有填写任何“产出指标”");
  });
});

describe("large inputs", () => {
  test("a 30,000-row grid is read to its last row", async () => {
    const rows: SheetCell[][] = [["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]];
    for (let i = 1; i <= 30000; i++) {
      rows.push([
        i === 1 ? "产出指标" : null,
        i === 1 ? "数量指标" : null,
        `指标${i}号`,
        `描述${i}`,
        `≥${i}次`,
        "计划",
      ]);
    }
    rows[30000][4] = "优秀 良好 一般";
    const file = await writeWorkbook(at("三万行.xlsx"), [{ name: "大表", rows }]);
    const { report } = await checkJson(file);
    expect(report.files[0].tables.map((t) => t.range)).toEqual(["A1:F30001"]);
    expect(findings(report)).toContain("error value-option-list E30001");
  }, 60_000);

  test("a 30,000-row sheet without a table gives one no-table info", async () => {
    const rows: SheetCell[][] = Array.from({ length: 30000 }, (_, i) => [`第${i + 1}行`, "说明"]);
    const file = await writeWorkbook(at("三万行无表.xlsx"), [{ name: "清单", rows }]);
    const { status, report } = await checkJson(file);
    expect(status).toBe(0);
    expect(findings(report)).toEqual(["info no-table A1"]);
  }, 60_000);

  test("a cell of 32,767 characters (Excel's limit) is checked and quoted shortly", async () => {
    const huge = "提高".repeat(16384).slice(0, 32767);
    const file = await writeWorkbook(
      at("超长单元格.xlsx"),
      cleanSpec([
        ["E14", huge],
        ["B8", "保障会议".repeat(8192).slice(0, 32767)],
      ]),
    );
    const run = await runCli("check", file);
    expect(run.status).toBe(0);
    const line = run.stdout.split("\n").find((l) => l.includes("value-vague"))!;
    expect(line).toContain("“提高提高");
    expect(line.length).toBeLessThan(300);
    expect(line).toContain("…”");
  });
});

describe("cell contents Excel allows", () => {
  test("formula errors in value cells are named with their cause, and are those cells' only finding", async () => {
    const file = await writeWorkbook(
      at("公式错误.xlsx"),
      cleanSpec([
        ["E10", { formula: "#REF!+1", result: { error: "#REF!" } }],
        ["E11", { formula: "VLOOKUP(1,H1:I2,2,FALSE)", result: { error: "#N/A" } }],
        ["E14", { formula: "1/0", result: { error: "#DIV/0!" } }],
      ]),
    );
    const { status, report } = await checkJson(file);
    expect(status).toBe(1);
    // The error is each cell's only finding: no "value has no number" beside it.
    expect(findings(report)).toEqual(["error formula-error E10", "error formula-error E11", "error formula-error E14"]);
    const run = await runCli("check", file);
    expect(run.stdout).toContain("单元格显示公式错误“#REF!”：公式引用的单元格已被删除或移动");
    expect(run.stdout).toContain("单元格显示公式错误“#N/A”：查找公式没有找到要引用的值");
    expect(run.stdout).toContain("单元格显示公式错误“#DIV/0!”：公式除以了零或空单元格");
  });

  test("formulas with results are read as their results", async () => {
    const file = await writeWorkbook(
      at("公式.xlsx"),
      cleanSpec([
        ["C4", { formula: "E4+G4", result: 50, format: "0.00" }],
        ["E15", { formula: '"≥"&3&"项"', result: "≥3项" }],
        ["E16", { formula: "0.9", result: 0.9, format: "0%" }],
      ]),
    );
    const { status, report } = await checkJson(file);
    expect(status).toBe(0);
    expect(findings(report)).toEqual([]);
  });

  // Open defect, listed in the reliability report: a formula saved without its computed result (as
  // openpyxl, Apache POI or exceljs write them) reads as an empty cell, so C4 = "=E4" gives
  // budget-missing and a value formula gives value-missing, though Excel shows the values.
  test.todo("a formula saved without its result is named as such, not reported as a missing value");

  test("numbers stored as text read like numbers", async () => {
    const file = await writeWorkbook(
      at("文本数字.xlsx"),
      cleanSpec([
        ["C4", "50"],
        ["E4", "50.00"],
        ["G4", "0"],
        ["B7", "25%"],
        ["C7", "50%"],
        ["D7", "75%"],
        ["E7", "100%"],
      ]),
    );
    const { status, report } = await checkJson(file);
    expect(status).toBe(0);
    expect(findings(report)).toEqual([]);
  });

  test("a date cell is a time value; a bare date serial is explained with its date", async () => {
    const dated = await writeWorkbook(
      at("日期.xlsx"),
      cleanSpec([["E12", { value: new Date(Date.UTC(2024, 11, 31)) as never, format: "yyyy-mm-dd" }]]),
    );
    expect(findings((await checkJson(dated)).report)).toEqual([]);
    const serial = await writeWorkbook(at("日期序号.xlsx"), cleanSpec([["E12", 45657]]));
    const run = await runCli("check", serial);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/E12 +错误 +date-serial +指标值“45657”是 Excel 的日期序号（即 2024-12-31）/);
  });

  test("hidden rows and columns are checked like visible ones", async () => {
    const file = await writeWorkbook(
      at("隐藏行列.xlsx"),
      cleanSpec([["E11", "优秀 良好 一般"]], {
        edit: (worksheet) => {
          worksheet.getRow(11).hidden = true;
          worksheet.getColumn(5).hidden = true;
        },
      }),
    );
    const { report } = await checkJson(file);
    expect(findings(report)).toEqual(["error value-option-list E11"]);
  });

  test("a protected sheet is checked, and its annotated copy keeps the protection", async () => {
    const input = await writeWorkbook(
      at("受保护.xlsx"),
      cleanSpec([["E11", "优秀 良好 一般"]], { edit: (worksheet) => worksheet.protect("1234", {}) }),
    );
    const out = at("受保护-标注.xlsx");
    const run = await runCli("check", input, "--out", out);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`已写入标注副本：${out}`);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    const sheet = copy.worksheets[0] as ExcelJS.Worksheet & { sheetProtection?: { sheet?: boolean } };
    expect(sheet.sheetProtection?.sheet).toBe(true);
    expect((sheet.getCell("E11").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
  });
});

describe("files that are not a readable .xlsx", () => {
  test("an Excel 97-2003 workbook (.xls, saved by LibreOffice), also when renamed .xlsx", async () => {
    expectOneLineFailure(
      await runCli("check", LEGACY_XLS),
      "旧版 Excel 97-2003 工作簿（.xls），请在 Excel 中另存为 .xlsx",
    );
    const renamed = await writeBytes(at("旧版.xlsx"), await readFile(LEGACY_XLS));
    expectOneLineFailure(await runCli("check", renamed), "旧版 Excel 97-2003 工作簿");
  });

  test("a CSV file named .xlsx", async () => {
    const file = await writeBytes(
      at("导出.xlsx"),
      "一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,会议次数,≥2次\n",
    );
    expectOneLineFailure(await runCli("check", file), "这是文本文件（例如 CSV），不是 Excel 工作簿");
  });

  test("a text file in GB18030 named .xlsx", async () => {
    // "绩效目标表" in GB18030: text files from Chinese Windows rarely are UTF-8.
    const file = await writeBytes(at("说明.xlsx"), Buffer.from("bca8d0a7c4bfb1eab1ed0d0a", "hex"));
    expectOneLineFailure(await runCli("check", file), "这是文本文件");
  });

  test("a web page saved with an .xlsx name (what some systems export)", async () => {
    const file = await writeBytes(
      at("网页导出.xlsx"),
      "<html><body><table><tr><td>一级指标</td></tr></table></body></html>",
    );
    expectOneLineFailure(await runCli("check", file), "这是网页（HTML）文件");
  });

  test("a truncated workbook (a download cut short)", async () => {
    const bytes = await readFile(EXAMPLE);
    for (const length of [100, bytes.length >> 1, bytes.length - 10]) {
      const file = await writeBytes(at(`截断-${length}.xlsx`), bytes.subarray(0, length));
      expectOneLineFailure(await runCli("check", file), "文件不完整或已损坏");
    }
  });

  test("an empty file", async () => {
    const file = await writeBytes(at("零字节.xlsx"), new Uint8Array(0));
    expectOneLineFailure(await runCli("check", file), "文件是空的（0 字节）");
  });

  test("a workbook encrypted with a password to open", async () => {
    const file = await writeBytes(at("加密.xlsx"), encryptWorkbook(await readFile(EXAMPLE), "1234"));
    expectOneLineFailure(await runCli("check", file), "文件已加密，请先在 Excel 中取消密码");
  });

  test("a missing file and a folder", async () => {
    expectOneLineFailure(await runCli("check", at("没有这个文件.xlsx")), "找不到这个文件，请检查路径和文件名");
    await mkdir(at("一个文件夹.xlsx"));
    expectOneLineFailure(await runCli("check", at("一个文件夹.xlsx")), "这是一个文件夹，不是 Excel 文件");
  });

  test("one unreadable file among good ones: all are reported, the exit status is 1 (2 only when nothing was read)", async () => {
    const bad = await writeBytes(at("坏.xlsx"), "not a workbook");
    const run = await runCli("check", EXAMPLE, bad);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("无法读取");
    expect(run.stdout).toContain("专项运转保障经费");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("坏.xlsx");
  });
});

describe("paths and the annotated copy", () => {
  test("paths with Chinese characters, spaces and brackets, for input and --out", async () => {
    const input = await writeBytes(at("巨鹿 县 绩效目标表 (2023).xlsx"), await readFile(EXAMPLE));
    const out = at("标注 副本【2023】.xlsx");
    const run = await runCli("check", input, "--out", out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`文件 ${input}`);
    expect(run.stdout).toContain(`已写入标注副本：${out}`);
    expect((await stat(out)).size).toBeGreaterThan(0);
  });

  test("--out naming the input, in any spelling, is refused and the input is untouched", async () => {
    const input = await writeBytes(at("原表.xlsx"), await readFile(EXAMPLE));
    const before = await readFile(input);
    await symlink(input, at("原表-链接.xlsx"));
    const spellings = [input, path.join(dir, ".", "..", path.basename(dir), "原表.xlsx"), at("原表-链接.xlsx")];
    for (const out of spellings) {
      expectOneLineFailure(
        await runCli("check", input, "--out", out),
        "--out 不能是被检查的文件本身",
        "原文件不会被改动",
      );
    }
    expect(await readFile(input)).toEqual(before);
  });

  test("--out in a folder that does not exist, or naming a folder", async () => {
    expectOneLineFailure(
      await runCli("check", EXAMPLE, "--out", at("不存在的文件夹/副本.xlsx")),
      /无法写入“.*副本\.xlsx”：文件夹“.*不存在的文件夹”不存在/,
    );
    await mkdir(at("目录.xlsx"));
    expectOneLineFailure(await runCli("check", EXAMPLE, "--out", at("目录.xlsx")), "这是一个文件夹");
  });
});
