/**
 * Batch mode (issue 15) and the command line under faults (issue 13, item 4): folders and patterns,
 * every input a row, exit statuses, the findings workbook and CSV read back, --out-dir, profiles,
 * --out refusing an existing file, a broken pipe and a full disk on standard output.
 */
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { reportSchema, type Report } from "../../src/core/report";
import { FIXTURES, scratchFolder } from "../xlsx/helpers";
import { ensureBundle, expectNoTrace, HUAILAI, JULU, run, runNode, spawnNode } from "./helpers";

const CLEAN = path.join(FIXTURES, "clean.xlsx");

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ensureBundle();
  ({ dir, cleanup } = await scratchFolder());
});
afterAll(() => cleanup());

let folderCount = 0;
/** A fresh folder holding the given files: a path to copy, or text content (a broken "workbook"). */
async function folderWith(files: Record<string, string | { text: string }>): Promise<string> {
  const root = path.join(dir, `batch-${++folderCount}`);
  for (const [name, source] of Object.entries(files)) {
    const target = path.join(root, name);
    await mkdir(path.dirname(target), { recursive: true });
    if (typeof source === "string") await copyFile(source, target);
    else await writeFile(target, source.text);
  }
  return root;
}

function parseReport(stdout: string): Report {
  return reportSchema.parse(JSON.parse(stdout));
}

/** Every file below a folder, relative, sorted. */
async function listing(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(folder, path.join(e.parentPath, e.name)))
    .sort();
}

describe("inputs: folders and patterns", () => {
  it("a folder is searched recursively for .xlsx; hidden files and folders, ~$ lock files and other files are skipped", async () => {
    const root = await folderWith({
      "b.xlsx": JULU,
      "A 县/10.xlsx": CLEAN,
      "A 县/2.xlsx": HUAILAI,
      "A 县/~$2.xlsx": { text: "lock" },
      ".hidden.xlsx": JULU,
      ".git/x.xlsx": JULU,
      "notes.txt": { text: "not a workbook" },
      "old.xls": { text: "not looked at" },
    });
    const result = await run("check", root, "--json", "--jobs", "1");
    expect(result.stderr).toBe("");
    expect(parseReport(result.stdout).files.map((f) => path.relative(root, f.file))).toEqual([
      path.join("A 县", "2.xlsx"),
      path.join("A 县", "10.xlsx"),
      "b.xlsx",
    ]);
    // The folder as given starts each name: a relative folder gives relative names.
    expect(parseReport(result.stdout).files[0].file).toBe(path.join(root, "A 县", "2.xlsx"));
    expect(result.status).toBe(1);
  });

  it("a pattern is expanded by the program (no shell), relative to the current folder", async () => {
    const root = await folderWith({ "2023/a.xlsx": JULU, "2023/sub/b.xlsx": CLEAN, "2024/c.xlsx": HUAILAI });
    const flat = runNode(["check", "2023/*.xlsx", "--json"], root);
    expect(flat.stderr).toBe("");
    expect(parseReport(flat.stdout).files.map((f) => f.file)).toEqual([path.join("2023", "a.xlsx")]);
    expect(flat.status).toBe(0);
    const deep = runNode(["check", "**/*.xlsx", "--json"], root);
    expect(parseReport(deep.stdout).files.map((f) => f.file)).toEqual([
      path.join("2023", "a.xlsx"),
      path.join("2023", "sub", "b.xlsx"),
      path.join("2024", "c.xlsx"),
    ]);
    expect(deep.status).toBe(1);
  });

  it("an absolute pattern, a file named twice, and a pattern matching nothing (a row of its own)", async () => {
    const root = await folderWith({ "x.xlsx": JULU, "y.xlsx": CLEAN });
    const pattern = path.join(root, "*.xlsx");
    const result = await run("check", path.join(root, "x.xlsx"), pattern, path.join(root, "无此*.xlsx"), "--json");
    const files = parseReport(result.stdout).files;
    expect(files.map((f) => f.file)).toEqual([
      path.join(root, "x.xlsx"),
      path.join(root, "y.xlsx"),
      path.join(root, "无此*.xlsx"),
    ]);
    expect(files[2].error?.message).toBe(`没有与“${path.join(root, "无此*.xlsx")}”匹配的文件。`);
    // A row that could not be read counts against the batch: status 1.
    expect(result.status).toBe(1);
  });

  it("a file whose name holds glob characters is read as a file", async () => {
    const root = await folderWith({ "报表[终稿](1).xlsx": JULU });
    const result = await run("check", path.join(root, "报表[终稿](1).xlsx"), "--json");
    expect(parseReport(result.stdout).files.map((f) => [path.basename(f.file), f.error])).toEqual([
      ["报表[终稿](1).xlsx", undefined],
    ]);
  });

  it("an empty folder is one failure line, exit 2", async () => {
    const root = await folderWith({ "readme.txt": { text: "nothing here" } });
    const result = await run("check", root);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `无法读取“${root}”：这是一个文件夹，不是 Excel 文件，其中也没有 .xlsx 工作簿（隐藏文件和 ~$ 锁定文件不计）。 ` +
        `(cannot read "${root}": this is a folder, not an Excel file, and it holds no .xlsx workbook (hidden files and ~$ lock files are skipped).)\n`,
    );
  });
});

describe("every input is a row; exit statuses", () => {
  it("a broken file in the middle of a batch: the others are reported, in input order, and it is a row", async () => {
    const root = await folderWith({
      "1.xlsx": JULU,
      "2.xlsx": { text: "项目名称,预算数\n" },
      "3.xlsx": HUAILAI,
      "4.xlsx": { text: "" },
      "5.xlsx": CLEAN,
    });
    const json = await run("check", root, "--json", "--jobs", "2");
    expect(json.status).toBe(1);
    const files = parseReport(json.stdout).files;
    expect(files.map((f) => [path.basename(f.file), f.summary.errors, f.error === undefined])).toEqual([
      ["1.xlsx", 0, true],
      ["2.xlsx", 0, false],
      ["3.xlsx", 12, true],
      ["4.xlsx", 0, false],
      ["5.xlsx", 0, true],
    ]);
    expect(files[1].error!.message).toContain("这是文本文件");
    expect(files[3].error!.message).toContain("文件是空的");
    expect(files[1]).toMatchObject({ tables: [], issues: [], summary: { errors: 0, warnings: 0, infos: 0 } });
    // The streamed JSON is byte for byte what JSON.stringify gives for the whole report.
    expect(json.stdout).toBe(`${JSON.stringify(JSON.parse(json.stdout), null, 2)}\n`);
    // Standard error names each unreadable file in one line.
    expect(json.stderr.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^无法读取“.*2\.xlsx”：这是文本文件/),
      expect.stringMatching(/^无法读取“.*4\.xlsx”：文件是空的/),
    ]);

    const text = await run("check", root, "--jobs", "2");
    expect(text.status).toBe(1);
    const blocks = text.stdout.split(/\n(?=文件 )/).map((b) => b.split("\n")[0]);
    expect(blocks.map((b) => path.basename(b))).toEqual(["1.xlsx", "2.xlsx", "3.xlsx", "4.xlsx", "5.xlsx"]);
    const summaryAt = text.stdout.indexOf("逐个文件汇总：");
    expect(summaryAt).toBeGreaterThan(text.stdout.lastIndexOf(`\n文件 ${root}`));
    const table = text.stdout.slice(summaryAt).trimEnd().split("\n");
    expect(table[1].trim().split(/\s+/)).toEqual(["文件", "表格", "错误", "警告", "提示", "结论"]);
    expect(table.slice(2, 7).map((line) => line.trim().split(/\s+/).slice(-6))).toEqual([
      [path.join(root, "1.xlsx"), "1", "0", "3", "0", "有警告"],
      [path.join(root, "2.xlsx"), "-", "-", "-", "-", "无法读取"],
      [path.join(root, "3.xlsx"), "2", "12", "10", "0", "有错误"],
      [path.join(root, "4.xlsx"), "-", "-", "-", "-", "无法读取"],
      [path.join(root, "5.xlsx"), "1", "0", "0", "0", "通过"],
    ]);
    expect(table[table.length - 1]).toBe(
      "共检查 5 个文件（其中 2 个无法读取）、4 张表：12 个错误，13 个警告，0 个提示。",
    );
  });

  it("the summary says no table for an empty workbook, in English too", async () => {
    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1");
    const root = await folderWith({ "clean.xlsx": CLEAN });
    await empty.xlsx.writeFile(path.join(root, "empty.xlsx"));
    const result = await run("check", root, "--lang", "en");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Summary by file:\n {2}file +tables +errors +warnings +infos +status\n/);
    expect(result.stdout).toMatch(/clean\.xlsx +1 +0 +0 +0 +passed\n/);
    expect(result.stdout).toMatch(/empty\.xlsx +0 +0 +0 +0 +no table\n/);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe("Checked 2 files, 1 table: 0 errors, 0 warnings, 0 infos.");
  });

  it.each([
    ["warnings only", () => [JULU, CLEAN], 0],
    ["an error finding", () => [JULU, HUAILAI], 1],
    ["a readable clean file beside an unreadable one", () => [CLEAN, path.join(dir, "none.xlsx")], 1],
    ["nothing readable", () => [path.join(dir, "none.xlsx"), path.join(dir, "none-*.xlsx")], 2],
  ])("exit status: %s", async (_name, files, status) => {
    const result = await run("check", ...files(), "--json");
    expect(result.status).toBe(status);
    expect(parseReport(result.stdout).files).toHaveLength(2);
  });
});

describe("--report: the findings workbook and CSV", () => {
  let root: string;
  let report: Report;
  beforeAll(async () => {
    root = await folderWith({ "a/julu.xlsx": JULU, "a/broken.xlsx": { text: "a,b\n" }, "b/huailai.xlsx": HUAILAI });
    const json = await run("check", root, "--json");
    report = parseReport(json.stdout);
  });

  /** The findings rows the report should hold, in order, from the JSON report. */
  function expectedRows(language: "zh" | "en"): string[][] {
    const severity =
      language === "en"
        ? { error: "error", warning: "warning", info: "info" }
        : { error: "错误", warning: "警告", info: "提示" };
    return report.files.flatMap((f) =>
      f.error
        ? [[f.file, "", "", severity.error, "", language === "en" ? f.error.messageEn : f.error.message, ""]]
        : f.issues.map((i) => [
            f.file,
            i.sheet,
            i.cell,
            severity[i.severity],
            i.rule,
            language === "en" ? i.messageEn : i.message,
            i.fix?.value ?? "",
          ]),
    );
  }

  it("the workbook: a summary sheet and a findings sheet with links, filters, frozen headers and widths", async () => {
    const out = path.join(dir, "问题清单.xlsx");
    const result = await run("check", root, "--report", out);
    expect(result.status).toBe(1);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(`已写入问题清单：${out}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["汇总", "问题清单"]);

    const summary = workbook.getWorksheet("汇总")!;
    const summaryRows = summary.getSheetValues().slice(1) as ExcelJS.CellValue[][];
    expect(summaryRows[0].slice(1)).toEqual(["文件", "表格", "错误", "警告", "提示", "结论", "原因"]);
    expect(summaryRows.slice(1).map((r) => [(r[1] as ExcelJS.CellHyperlinkValue).text, ...r.slice(2, 7)])).toEqual([
      [path.join(root, "a", "broken.xlsx"), undefined, undefined, undefined, undefined, "无法读取"],
      [path.join(root, "a", "julu.xlsx"), 1, 0, 3, 0, "有警告"],
      [path.join(root, "b", "huailai.xlsx"), 2, 12, 10, 0, "有错误"],
    ]);
    expect((summaryRows[1][1] as ExcelJS.CellHyperlinkValue).hyperlink).toBe(
      path.join(path.basename(root), "a", "broken.xlsx"),
    );
    expect(summaryRows[1][7]).toContain("这是文本文件");

    const findings = workbook.getWorksheet("问题清单")!;
    const rows = (findings.getSheetValues().slice(1) as ExcelJS.CellValue[][]).map((r) =>
      Array.from({ length: 7 }, (_, i) => {
        const value = r[i + 1];
        if (value && typeof value === "object" && "formula" in value) return String(value.result);
        return value === undefined || value === null ? "" : String(value);
      }),
    );
    expect(rows[0]).toEqual(["文件", "工作表", "单元格", "级别", "规则", "说明", "建议修改"]);
    expect(rows.slice(1)).toEqual(expectedRows("zh"));
    // The cell is a link into the checked workbook, relative to the report's folder.
    const link = findings.getCell("C3").value as ExcelJS.CellFormulaValue;
    const first = report.files[1];
    expect(link.formula).toBe(
      `HYPERLINK("[${path.join(path.basename(root), "a", "julu.xlsx")}]${first.issues[0].sheet}!${first.issues[0].cell}","${first.issues[0].cell}")`,
    );
    for (const sheet of [summary, findings]) {
      expect(sheet.autoFilter).toBeTruthy();
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(40);
    }
    expect(findings.autoFilter).toBe(`A1:G${rows.length}`);
    expect(summary.autoFilter).toBe("A1:G4");
  });

  it("the CSV: UTF-8 with a byte order mark, the same rows, in English on request", async () => {
    const out = path.join(dir, "findings.csv");
    const result = await run("check", root, "--report", out, "--lang", "en", "--json");
    expect(result.status).toBe(1);
    parseReport(result.stdout);
    const bytes = await readFile(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([
      ["file", "sheet", "cell", "severity", "rule", "message", "suggested fix"],
      ...expectedRows("en"),
    ]);
    const zh = path.join(dir, "findings-zh.csv");
    await run("check", root, "--report", zh);
    expect(parseCsv((await readFile(zh, "utf8")).slice(1)).slice(1)).toEqual(expectedRows("zh"));
  });

  it("refuses an existing report unless --force, and the file named as a report may not be an input", async () => {
    const out = path.join(dir, "existing.csv");
    await writeFile(out, "mine");
    const refused = await run("check", JULU, "--report", out);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toContain("文件已存在，不会覆盖");
    expect(await readFile(out, "utf8")).toBe("mine");
    expect((await run("check", JULU, "--report", out, "--force")).status).toBe(0);
    expect(await readFile(out, "utf8")).toContain("spending-plan-unit");
    const input = path.join(dir, "input.xlsx");
    await copyFile(JULU, input);
    const same = await run("check", input, "--report", input, "--force");
    expect(same.status).toBe(2);
    expect(same.stderr).toContain("--report 不能是被检查的文件本身");
    expect(Buffer.compare(await readFile(input), await readFile(JULU))).toBe(0);
  });
});

/** RFC 4180: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  return rows;
}

describe("--out-dir: one annotated copy per input", () => {
  it("mirrors the subfolders, paints each copy, leaves the inputs alone, and never overwrites", async () => {
    const root = await folderWith({ "河北/怀来.xlsx": HUAILAI, "河北/巨鹿/巨鹿.xlsx": JULU, "坏.xlsx": { text: "x" } });
    const before = await readFile(path.join(root, "河北", "怀来.xlsx"));
    const outDir = path.join(root, "标注");
    const result = await run("check", root, "--out-dir", outDir);
    expect(result.status).toBe(1);
    expect(await listing(outDir)).toEqual(
      [path.join("河北", "巨鹿", "巨鹿.xlsx"), path.join("河北", "怀来.xlsx")].sort(),
    );
    expect(result.stdout).toContain(`  已写入标注副本：${path.join(outDir, "河北", "怀来.xlsx")}\n`);
    expect(result.stdout.trimEnd().split("\n").pop()).toBe(`已在“${outDir}”中写入 2 份标注副本。`);
    expect(Buffer.compare(await readFile(path.join(root, "河北", "怀来.xlsx")), before)).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(outDir, "河北", "怀来.xlsx"));
    const sheet = copy.getWorksheet("Sheet1")!;
    expect((sheet.getCell("E12").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFC7CE");
    expect(sheet.getCell("E12").value).toBe("优秀 良好 一般");

    // Again: the copies exist, so nothing is written (the output folder is not read as input either).
    const stamp = (await stat(path.join(outDir, "河北", "怀来.xlsx"))).mtimeMs;
    const again = await run("check", root, "--out-dir", outDir);
    expect(again.status).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("文件已存在，不会覆盖");
    expect((await stat(path.join(outDir, "河北", "怀来.xlsx"))).mtimeMs).toBe(stamp);
    const forced = await run("check", root, "--out-dir", outDir, "--force", "--json");
    expect(parseReport(forced.stdout).files).toHaveLength(3);
    expect(forced.status).toBe(1);
    // No temporary file is left behind.
    expect(await listing(outDir)).toEqual(
      [path.join("河北", "巨鹿", "巨鹿.xlsx"), path.join("河北", "怀来.xlsx")].sort(),
    );
  });

  it("files from two folders keep their folders apart", async () => {
    const root = await folderWith({ "2023/表.xlsx": JULU, "2024/表.xlsx": CLEAN });
    const outDir = path.join(dir, "out-two");
    const result = await run("check", path.join(root, "2023"), path.join(root, "2024", "表.xlsx"), "--out-dir", outDir);
    expect(result.status).toBe(0);
    expect(await listing(outDir)).toEqual([path.join("2023", "表.xlsx"), path.join("2024", "表.xlsx")]);
  });

  it("refuses an output folder that would put a copy over an input, even with --force", async () => {
    const root = await folderWith({ "表.xlsx": JULU });
    const before = await readFile(path.join(root, "表.xlsx"));
    const result = await run("check", path.join(root, "表.xlsx"), "--out-dir", root, "--force");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--out-dir 会让标注副本覆盖被检查的文件");
    expect(Buffer.compare(await readFile(path.join(root, "表.xlsx")), before)).toBe(0);
  });
});

describe("--out refuses an existing file", () => {
  it("refuses, unless --force; the temporary file is gone either way", async () => {
    const root = await folderWith({ "in.xlsx": HUAILAI });
    const out = path.join(root, "out.xlsx");
    await writeFile(out, "the user's own file");
    const refused = await run("check", path.join(root, "in.xlsx"), "--out", out);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toBe(
      `无法写入“${out}”：文件已存在，不会覆盖。请换一个文件名，或加 --force 覆盖。 ` +
        `(cannot write "${out}": the file already exists and will not be overwritten; choose another name, or add --force to replace it.)\n`,
    );
    expect(await readFile(out, "utf8")).toBe("the user's own file");
    const forced = await run("check", path.join(root, "in.xlsx"), "--out", out, "--force");
    expect(forced.status).toBe(1);
    expect(forced.stdout.trimEnd().split("\n").pop()).toBe(`已写入标注副本：${out}`);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(out);
    expect(copy.getWorksheet("Sheet1")!.getCell("E12").value).toBe("优秀 良好 一般");
    expect((await readdir(root)).sort()).toEqual(["in.xlsx", "out.xlsx"]);
  });

  it("--out with a folder of several files is bad usage", async () => {
    const root = await folderWith({ "a.xlsx": JULU, "b.xlsx": CLEAN });
    const result = await run("check", root, "--out", path.join(dir, "one.xlsx"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--out 只能用于检查单个文件（这次有 2 个）");
  });
});

describe("profiles (--config, target-table.config.json)", () => {
  async function profile(name: string, content: unknown): Promise<string> {
    const file = path.join(dir, name);
    await writeFile(file, typeof content === "string" ? content : JSON.stringify(content));
    return file;
  }

  it("turns rules off, changes severities, and sets the language; the command line wins over it", async () => {
    const file = await profile("hebei.json", {
      description: "河北省",
      language: "en",
      rules: { "value-vague": "off", "spending-plan-unit": "error" },
    });
    const result = await run("check", JULU, "--config", file, "--json");
    expect(result.status).toBe(1);
    const issues = parseReport(result.stdout).files[0].issues;
    expect(issues.map((i) => [i.rule, i.severity])).toEqual([["spending-plan-unit", "error"]]);
    expect(parseReport(result.stdout).files[0].summary).toEqual({ errors: 1, warnings: 0, infos: 0 });
    const text = await run("check", JULU, "--config", file);
    expect(text.stdout.trimEnd().split("\n").pop()).toBe("Checked 1 file, 1 table: 1 error, 0 warnings, 0 infos.");
    const zh = await run("check", JULU, "--config", file, "--lang", "zh");
    expect(zh.stdout.trimEnd().split("\n").pop()).toBe("共检查 1 个文件、1 张表：1 个错误，0 个警告，0 个提示。");
  });

  it("sets the year (the project code's year digits are then checked against it)", async () => {
    const file = await profile("year.json", "\uFEFF" + JSON.stringify({ year: 2024, framework: "legacy" }));
    const result = await run("check", JULU, "--config", file, "--json");
    expect(parseReport(result.stdout).files[0].issues.map((i) => i.rule)).toContain("project-code-year");
  });

  it("target-table.config.json in the current folder is used without --config", async () => {
    const root = await folderWith({ "a.xlsx": JULU });
    await writeFile(path.join(root, "target-table.config.json"), JSON.stringify({ rules: { "value-vague": "info" } }));
    const result = runNode(["check", "a.xlsx", "--json"], root);
    expect(result.status).toBe(0);
    expect(parseReport(result.stdout).files[0].summary).toEqual({ errors: 0, warnings: 1, infos: 2 });
    await writeFile(path.join(root, "target-table.config.json"), JSON.stringify({ rules: { "unit-mising": "off" } }));
    const bad = runNode(["check", "a.xlsx"], root);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(
      /^配置文件“target-table\.config\.json”有误：“rules”中的“unit-mising”不是规则名称；是否想写“unit-missing”？/,
    );
  });

  it.each([
    [{ frmework: "2021" }, "未知的配置项“frmework”", 'unknown key "frmework"'],
    [
      { rules: { "value-vage": "off" } },
      "“rules”中的“value-vage”不是规则名称；是否想写“value-vague”？",
      "did you mean",
    ],
    [
      { rules: { "value-vague": "none" } },
      '“rules.value-vague”应为off、error、warning 或 info，而不是 "none"',
      '"rules.value-vague" must be off',
    ],
    [{ framework: "2020" }, '“framework”应为auto、legacy 或 2021，而不是 "2020"', '"framework" must be auto'],
    [{ year: "2024" }, '“year”应为四位年份（1990–2100），如 2024，而不是 "2024"', '"year" must be a four-digit year'],
    [[1, 2], "整个文件应为一个 JSON 对象", "the whole file must be a JSON object"],
    ["{ rules: }", "不是有效的 JSON", "it is not valid JSON"],
  ])("a bad profile %j is one line naming the bad key, exit 2", async (content, zh, en) => {
    const file = await profile("bad.json", content);
    const result = await run("check", JULU, "--config", file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(`配置文件“${file}”有误：`);
    expect(result.stderr).toContain(zh);
    expect(result.stderr).toContain(en);
    expectNoTrace(result.stderr);
  });

  it("a --config file that does not exist", async () => {
    const result = await run("check", JULU, "--config", path.join(dir, "nope.json"));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("找不到配置文件");
  });
});

describe("target-table schema", () => {
  it("prints the report's JSON Schema, with error optional", async () => {
    const result = await run("schema");
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(["version", "files"]);
    const file = schema.properties.files.items;
    expect(file.required).toEqual(["file", "tables", "issues", "summary"]);
    expect(file.properties.error.required).toEqual(["message", "messageEn"]);
  });

  it("prints the profile's JSON Schema, listing every rule", async () => {
    const schema = JSON.parse((await run("schema", "config")).stdout);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.rules.propertyNames.enum).toContain("value-vague");
    expect((await run("schema", "nonsense")).status).toBe(2);
  });
});

describe("standard output under faults", () => {
  it("a reader that goes away (EPIPE): exit 2, quietly, no stack trace, no temporary file", async () => {
    const root = await folderWith(Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`${i}.xlsx`, HUAILAI])));
    const child = spawnNode(["check", root, "--jobs", "2"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk, then close the pipe, as `| head -1` does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
    expect(status).toBe(2);
    expect(stderr).toBe("");
  });

  const full = existsSync("/dev/full") ? it : it.skip;
  full("a full disk (ENOSPC): exit 2 with one line", async () => {
    const { spawnSync } = await import("node:child_process");
    const { openSync, closeSync } = await import("node:fs");
    const { BIN } = await import("./helpers");
    const fd = openSync("/dev/full", "w");
    try {
      const result = spawnSync(process.execPath, [BIN, "check", HUAILAI], {
        stdio: ["ignore", fd, "pipe"],
        encoding: "utf8",
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toBe("写入标准输出失败：磁盘已满。 (writing standard output failed: the disk is full.)\n");
    } finally {
      closeSync(fd);
    }
  });
});

describe("start-up: a plain check loads neither exceljs nor zod", () => {
  it("records the packages the bundle requires", async () => {
    const hook = path.join(dir, "record-requires.cjs");
    await writeFile(
      hook,
      `const Module = require("module");
const load = Module._load;
const seen = new Set();
Module._load = function (request, ...rest) {
  if (!request.startsWith(".") && !request.startsWith("/") && !request.startsWith("node:")) seen.add(request.split("/")[0]);
  return load.call(this, request, ...rest);
};
process.on("exit", () => process.stderr.write("REQUIRED " + [...seen].sort().join(" ") + "\\n"));
`,
    );
    const { spawnSync } = await import("node:child_process");
    const { BIN, BUNDLE } = await import("./helpers");
    expect(existsSync(BUNDLE)).toBe(true);
    const check = spawnSync(process.execPath, ["-r", hook, BIN, "check", JULU], { encoding: "utf8" });
    expect(check.status).toBe(0);
    const required = /REQUIRED (.*)/.exec(check.stderr)![1].split(" ");
    expect(required).not.toContain("exceljs");
    expect(required).not.toContain("zod");
    expect(required).not.toContain("tinyglobby");
    // The recorder sees what is loaded: writing a template does load exceljs.
    const out = path.join(dir, "startup-template.xlsx");
    const template = spawnSync(process.execPath, ["-r", hook, BIN, "template", "--out", out], { encoding: "utf8" });
    expect(template.status).toBe(0);
    expect(/REQUIRED (.*)/.exec(template.stderr)![1].split(" ")).toContain("exceljs");
  });
});
