import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { bufferIO } from "../../src/cli/io";
import { runTemplate } from "../../src/cli/template";
import { TEMPLATE_SHEET_NAME } from "../../src/core/template";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "target-table-cli-template-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(...argv: string[]) {
  const io = bufferIO();
  const status = await runTemplate(argv, io);
  return { status, stdout: io.stdout(), stderr: io.stderr() };
}

/** One line on standard error, nothing on standard output, exit status 2. */
function expectUsageError(result: { status: number; stdout: string; stderr: string }): void {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr.endsWith("\n")).toBe(true);
  expect(result.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

test("writes a new workbook with the template and says where", async () => {
  const file = path.join(dir, "新项目.xlsx");
  const result = await run("--out", file, "--framework", "2021", "--kind", "培训");
  expect(result).toMatchObject({ status: 0, stderr: "" });
  expect(result.stdout).toBe(`已生成模板：${file}（指标体系：2021，类型：培训）\n`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(TEMPLATE_SHEET_NAME)!;
  expect(sheet.getCell("A1").value).toBe("项目支出绩效目标表");
  const level1 = sheet.getColumn(1).values.filter((v) => typeof v === "string");
  expect(level1).toContain("成本指标");
  const level3 = sheet.getColumn(3).values;
  expect(level3).toContain("培训人次");
});

test("defaults: legacy framework, general kind; --out=FILE is accepted", async () => {
  const file = path.join(dir, "default.xlsx");
  const result = await run(`--out=${file}`);
  expect(result).toMatchObject({ status: 0, stderr: "" });
  expect(result.stdout).toContain("指标体系：legacy，类型：通用");
});

test("refuses to overwrite an existing file and leaves it untouched", async () => {
  const file = path.join(dir, "existing.xlsx");
  await writeFile(file, "my own work");
  const result = await run("--out", file);
  expectUsageError(result);
  expect(result.stderr).toBe(
    `文件“${file}”已存在，不会覆盖。请换一个文件名。 ("${file}" already exists and will not be overwritten; choose another name)\n`,
  );
  expect(await readFile(file, "utf8")).toBe("my own work");
});

test("refuses a second run onto the file the first one wrote", async () => {
  const file = path.join(dir, "twice.xlsx");
  expect((await run("--out", file)).status).toBe(0);
  const before = await readFile(file);
  expectUsageError(await run("--out", file));
  expect(await readFile(file)).toEqual(before);
});

test("refuses a directory that does not exist", async () => {
  const file = path.join(dir, "no-such-folder", "new.xlsx");
  const result = await run("--out", file);
  expectUsageError(result);
  expect(result.stderr).toContain("不存在，请先创建");
  expect(await exists(file)).toBe(false);
});

test("refuses a bad --kind, listing the valid kinds", async () => {
  const result = await run("--out", path.join(dir, "k.xlsx"), "--kind", "宴请");
  expectUsageError(result);
  for (const valid of ["general", "meeting", "operation", "training", "it", "会议"])
    expect(result.stderr).toContain(valid);
  expect(await exists(path.join(dir, "k.xlsx"))).toBe(false);
});

test("refuses a bad --framework, listing the valid ones", async () => {
  const result = await run("--out", path.join(dir, "f.xlsx"), "--framework", "2018");
  expectUsageError(result);
  expect(result.stderr).toContain("legacy 或 2021");
});

test.each([
  [["--framework", "legacy"], "--out"],
  [["--out"], "--out"],
  [["--out", "plain.txt"], ".xlsx"],
  [["--out", "a.xlsx", "--colour", "red"], "--colour"],
  [["--out", "a.xlsx", "--lang", "fr"], "zh 或 en"],
])("refuses bad usage %j", async (argv, mentioned) => {
  const result = await run(...argv.map((a) => (a.endsWith(".xlsx") || a.endsWith(".txt") ? path.join(dir, a) : a)));
  expectUsageError(result);
  expect(result.stderr).toContain(mentioned);
});

test("failure lines say it in Chinese first, then English", async () => {
  const kind = await run("--out", path.join(dir, "e2.xlsx"), "--kind", "party");
  expectUsageError(kind);
  expect(kind.stderr).toMatch(
    /^未知的模板类型“party”.* \(unknown template kind "party"; valid kinds: general \(通用\)/,
  );
});

test("--lang en: English report line and English cell prompts", async () => {
  const file = path.join(dir, "english.xlsx");
  const written = await run("--lang", "en", "--out", file, "--kind", "it");
  expect(written).toMatchObject({ status: 0, stderr: "" });
  expect(written.stdout).toBe(`Template written: ${file} (framework: legacy, kind: it)\n`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const code = workbook.getWorksheet(TEMPLATE_SHEET_NAME)!.getCell("B3").dataValidation as ExcelJS.DataValidation;
  expect(code.promptTitle).toBe("Project code");
});

test("--help prints the usage and exits 0", async () => {
  const result = await run("--help");
  expect(result.status).toBe(0);
  expect(result.stdout).toContain("target-table template --out");
  expect(result.stdout).toContain("meeting");
});
