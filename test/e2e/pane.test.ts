/**
 * The built task pane in Chromium, on the fake Excel loaded with examples/huailai-2022.xlsx:
 * validate, go to a finding, clear the highlights, insert a template, switch language.
 * Screenshots go to artifacts/. Run with `npm run test:e2e`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import {
  ARTIFACTS,
  EXAMPLE,
  buildHarness,
  describeWithBrowser,
  launchChromium,
  startHarnessServer,
} from "./harness/browser";
import { checkWorkbook, type WorkbookCheck } from "../../src/core/check";
import { TEMPLATE_SHEET_NAME, buildTemplate } from "../../src/core/template";
import { HIGHLIGHT_COLORS, createExcelHost } from "../../src/excel";
import { createFakeExcel, type FakeWorkbookState } from "../fakes/excel";
import { stateFromXlsxFile } from "../fakes/excel/xlsx";

/** The findings checkWorkbook gives on the same workbook, read through the same Excel host. */
async function expectedCheck(state: FakeWorkbookState): Promise<WorkbookCheck> {
  const fake = createFakeExcel(JSON.parse(JSON.stringify(state)) as FakeWorkbookState).install();
  try {
    const sheets = await createExcelHost().readSheets("all");
    return checkWorkbook(sheets, { framework: "auto", year: null });
  } finally {
    fake.uninstall();
  }
}

function stateIn(page: Page): Promise<FakeWorkbookState> {
  return page.evaluate(() => window.fakeExcelHarness!.getState());
}

describeWithBrowser("the task pane in a browser", () => {
  let outputPath: string;
  let profile: string;
  let server: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let initial: FakeWorkbookState;
  let expected: WorkbookCheck;
  const problems: string[] = [];

  beforeAll(async () => {
    outputPath = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-e2e-"));
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-chromium-"));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    initial = await stateFromXlsxFile(EXAMPLE);
    expected = await expectedCheck(initial);
    await buildHarness({ outputPath, mode: "production" });
    server = await startHarnessServer({ root: outputPath, getState: () => initial });
    context = await launchChromium(profile, { viewport: { width: 380, height: 900 } });
  }, 150_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    fs.rmSync(outputPath, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  afterEach(() => {
    // A script error or a Content-Security-Policy violation anywhere fails the test that caused it.
    const seen = problems.splice(0);
    expect(seen).toEqual([]);
  });

  async function openPane(query = "lang=zh-CN"): Promise<Page> {
    const page = await context.newPage();
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("target-table:")) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    // Every test starts from stored settings of nobody.
    await page.goto(`${server.url}/taskpane.html?${query}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByTestId("validate").waitFor();
    return page;
  }

  async function validate(page: Page): Promise<void> {
    await page.getByTestId("validate").click();
    await page.getByTestId("count-error").waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
  }

  /** The findings listed under their tables (not the copies in the selection box). */
  function listedFindings(page: Page) {
    return page.locator("[data-testid=finding-group] [data-testid=finding]");
  }

  test("validate lists what checkWorkbook finds and paints the cells", async () => {
    const page = await openPane();
    expect(expected.issues.length).toBeGreaterThan(0);
    await validate(page);

    expect(await page.getByTestId("count-error").getAttribute("data-count")).toBe(String(expected.summary.errors));
    expect(await page.getByTestId("count-warning").getAttribute("data-count")).toBe(String(expected.summary.warnings));
    expect(await page.getByTestId("count-info").getAttribute("data-count")).toBe(String(expected.summary.infos));
    expect(await page.getByTestId("tables-found").getAttribute("data-count")).toBe(String(expected.tables.length));
    expect(await listedFindings(page).count()).toBe(expected.issues.length);

    const listed = await listedFindings(page).evaluateAll((items) =>
      items.map((item) => `${item.dataset.sheet}!${item.dataset.cell} ${item.dataset.rule}`),
    );
    expect([...listed].sort()).toEqual(expected.issues.map((i) => `${i.sheet}!${i.cell} ${i.rule}`).sort());

    // Errors come first within each table.
    const severities = await page
      .locator("[data-testid=finding-group]")
      .evaluateAll((groups) =>
        groups.map((group) =>
          [...group.querySelectorAll<HTMLElement>("[data-testid=finding]")].map((item) => item.dataset.severity),
        ),
      );
    for (const group of severities) {
      const rank = group.map((s) => (s === "error" ? 0 : s === "warning" ? 1 : 2));
      expect(rank).toEqual([...rank].sort((a, b) => a - b));
    }

    const state = await stateIn(page);
    for (const issue of expected.issues) {
      const cell = state.sheets.find((s) => s.name === issue.sheet)!.cells[issue.cell];
      if (issue.severity === "info") continue;
      const colours = issue.severity === "error" ? HIGHLIGHT_COLORS.error : HIGHLIGHT_COLORS.warning;
      expect(cell?.fill?.color?.toUpperCase()).toBe(colours.fill.toUpperCase());
    }

    await page.screenshot({ path: path.join(ARTIFACTS, "pane-zh.png"), fullPage: true });
    await page.close();
  });

  test("clicking a finding selects its cell, and selecting a cell brings its findings to the top", async () => {
    const page = await openPane();
    await validate(page);
    const target = expected.issues.find((i) => i.severity === "error") ?? expected.issues[0];
    const item = listedFindings(page).and(page.locator(`[data-cell="${target.cell}"][data-rule="${target.rule}"]`));
    await item.first().click();
    await page.waitForFunction(
      ([sheet, cell]) => {
        const state = window.fakeExcelHarness!.getState();
        const selected = state.sheets.find((s) => s.name === sheet)?.selection;
        return state.activeSheet === sheet && (selected === cell || selected?.startsWith(`${cell}:`));
      },
      [target.sheet, target.cell] as const,
    );
    // The selection event comes back from the sheet: the finding is shown at the top.
    const box = page.getByTestId("selection-findings");
    await box.waitFor();
    expect(await box.locator(`[data-cell="${target.cell}"]`).count()).toBeGreaterThan(0);

    const other = expected.issues.find((i) => i.cell !== target.cell && i.sheet === target.sheet)!;
    await page.evaluate(([sheet, cell]) => window.fakeExcelHarness!.select(sheet, cell), [other.sheet, other.cell]);
    await box.locator(`[data-cell="${other.cell}"]`).first().waitFor();
    expect(await box.locator(`[data-cell="${target.cell}"]`).count()).toBe(0);
    await page.close();
  });

  test("清除标记 puts every cell's own formatting back exactly", async () => {
    const page = await openPane();
    const before = await stateIn(page);
    await validate(page);
    await page.getByTestId("clear-marks").click();
    await page.getByTestId("notice").waitFor();
    const notice = await page.getByTestId("notice").textContent();
    const painted = new Set(expected.issues.filter((i) => i.severity !== "info").map((i) => `${i.sheet}!${i.cell}`));
    expect(notice).toContain(`已清除 ${painted.size} 个单元格的标记`);
    const after = await stateIn(page);
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    for (const [index, sheet] of after.sheets.entries()) {
      expect(sheet.cells).toEqual(before.sheets[index].cells);
      expect(sheet.merges).toEqual(before.sheets[index].merges);
    }
    await page.close();
  });

  test("插入项目模板 writes the template on a new sheet", async () => {
    const page = await openPane();
    const before = await stateIn(page);
    await page.getByTestId("template-kind").selectOption("meeting");
    await page.getByTestId("insert-template").click();
    await page.getByTestId("notice").waitFor();
    const after = await stateIn(page);
    // One new visible sheet (the template's drop-down lists may live on a very hidden one).
    const visible = (sheets: FakeWorkbookState["sheets"]) =>
      sheets.filter((s) => (s.visibility ?? "Visible") === "Visible");
    expect(visible(after.sheets)).toHaveLength(visible(before.sheets).length + 1);
    const added = visible(after.sheets).find((s) => !before.sheets.some((b) => b.name === s.name))!;
    expect(added.name.startsWith(TEMPLATE_SHEET_NAME)).toBe(true);
    const patch = buildTemplate({ framework: "legacy", kind: "meeting", language: "zh" });
    const written = patch.cells.filter((cell) => typeof cell.value === "string" && cell.value !== "");
    expect(written.length).toBeGreaterThan(20);
    for (const cell of written) {
      const address = `${String.fromCharCode(65 + cell.col)}${cell.row + 1}`;
      expect(added.cells[address]?.value).toBe(cell.value);
    }
    expect(added.merges.length).toBe(patch.merges.length);
    expect(await page.getByTestId("notice").textContent()).toContain(added.name);
    await page.close();
  });

  test("switching the language to English shows English strings and messages", async () => {
    const page = await openPane();
    await page.getByText("设置", { exact: true }).click();
    await page.getByTestId("setting-language").selectOption("en");
    await page.getByRole("button", { name: "Validate" }).waitFor();
    await validate(page);
    expect(await page.getByRole("heading", { name: "Findings" }).count()).toBe(1);
    const first = expected.issues[0];
    const shown = await listedFindings(page)
      .and(page.locator(`[data-cell="${first.cell}"][data-rule="${first.rule}"]`))
      .first()
      .textContent();
    expect(shown).toContain(first.messageEn);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await page.getByText("Settings", { exact: true }).click();
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-en.png"), fullPage: true });
    await page.close();
  });

  test("works from the keyboard alone", async () => {
    const page = await openPane();
    await page.locator("body").focus();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("validate");
    await page.keyboard.press("Enter");
    await page.getByTestId("count-error").waitFor();
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
    // Tab onwards to the first finding and open it with the keyboard.
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("data-testid") === "finding")) break;
    }
    const cell = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.cell);
    expect(cell).toBeTruthy();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (address) => window.fakeExcelHarness!.getState().sheets.some((s) => s.selection?.split(":")[0] === address),
      cell,
    );
    await page.close();
  });

  test("follows Office's display language and theme", async () => {
    const page = await openPane("lang=en-US&theme=dark");
    await page.getByRole("button", { name: "Validate" }).waitFor();
    await page.getByRole("button", { name: "Insert project template" }).waitFor();
    const background = await page.locator("main").evaluate((main) => getComputedStyle(main).backgroundColor);
    expect(background).not.toBe("rgb(255, 255, 255)");
    await validate(page);
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-dark-en.png") });
    await page.close();
  });

  test("the preview shows the workbook beside the pane and redraws after a check", async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await page.goto(`${server.url}/preview.html?lang=zh-CN`);
    const pane = page.frameLocator("#pane");
    await pane.getByTestId("validate").click();
    await pane.getByTestId("count-error").waitFor();
    const target = expected.issues.find((i) => i.severity === "error")!;
    const cell = page.locator(`#grid-scroll td[data-address="${target.cell}"]`);
    await page.waitForFunction((address) => {
      const td = document.querySelector<HTMLElement>(`#grid-scroll td[data-address="${address}"]`);
      return td !== null && td.style.backgroundColor === "rgb(255, 199, 206)";
    }, target.cell);
    expect(await cell.getAttribute("title")).toBeTruthy();
    await page.screenshot({ path: path.join(ARTIFACTS, "preview-zh.png") });
    await page.close();
  });
});
