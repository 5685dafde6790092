/**
 * Issue 14 in Chromium: 300 tables validated, filtered and folded; a fix applied and undone; export; the English
 * pane at 320 px; axe-core in Chinese and English, light, dark and forced colours (Windows high contrast).
 * Screenshots go to artifacts/. Run with `npm run test:e2e`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import {
  ARTIFACTS,
  buildHarness,
  describeWithBrowser,
  launchChromium,
  root,
  startHarnessServer,
} from "./harness/browser";
import { columnName } from "../../src/core/address";
import type { FakeSheet, FakeWorkbookState } from "../fakes/excel";
import { cleanRows, CLEAN_MERGES } from "../support/clean-table";
import { money, type TestCell } from "../support/sheet";

const AXE = path.join(root, "node_modules", "axe-core", "axe.min.js");

const TABLE_COUNT = 300;
const TABLE_HEIGHT = 18;

/** 300 copies of the clean table, each with a few faults: full-width value, amounts under %, missing values. */
function bigWorkbook(): FakeWorkbookState {
  const cells: FakeSheet["cells"] = {};
  const merges: string[] = [];
  for (let t = 0; t < TABLE_COUNT; t++) {
    const rows: TestCell[][] = cleanRows();
    rows[2][4] = `项目${t + 1}`;
    rows[10][4] = "＞＝９８％";
    rows[6] = [null, money(12.5), money(25), money(37.5), money(50), null, null];
    rows[13][4] = "有效提高";
    rows[14][4] = null;
    const top = t * TABLE_HEIGHT;
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const address = `${columnName(c)}${top + r + 1}`;
        cells[address] =
          typeof value === "object" && !(value instanceof Date) && "format" in value
            ? { value: value.value as number, numberFormat: value.format }
            : { value: value as string | number };
      }),
    );
    for (const merge of CLEAN_MERGES) {
      merges.push(merge.replace(/\d+/g, (n) => String(Number(n) + top)));
    }
  }
  return {
    sheets: [{ name: "目标表", id: "{00000000-0001-0000-0000-000000000000}", cells, merges }],
    activeSheet: "目标表",
    customXmlParts: [],
    names: [],
  };
}

describeWithBrowser("findings at scale, fixes, export and accessibility in a browser", () => {
  let outputPath: string;
  let profile: string;
  let server: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  const state = bigWorkbook();
  const problems: string[] = [];

  beforeAll(async () => {
    outputPath = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-e2e-scale-"));
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-chromium-scale-"));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await buildHarness({ outputPath, mode: "production" });
    server = await startHarnessServer({ root: outputPath, getState: () => state });
    // axe-core is injected as a script the pane's Content Security Policy would refuse (pane.test.ts checks the CSP).
    context = await launchChromium(profile, { viewport: { width: 380, height: 900 }, bypassCSP: true });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    fs.rmSync(outputPath, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  async function openPane(query: string, width = 380): Promise<Page> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("target-table:")) {
        problems.push(`console error: ${message.text()}`);
      }
    });
    await page.goto(`${server.url}/taskpane.html?${query}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.getByTestId("validate").waitFor();
    return page;
  }

  async function validate(page: Page): Promise<void> {
    await page.getByTestId("validate").click();
    await page.getByTestId("count-error").waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"), undefined, { timeout: 60_000 });
  }

  test("300 tables: validated, filtered by a tile and folded, a page rendered at a time", async () => {
    const page = await openPane("lang=zh-CN");
    await validate(page);
    expect(await page.getByTestId("tables-found").getAttribute("data-count")).toBe(String(TABLE_COUNT));
    const total = Number(await page.getByTestId("count-warning").getAttribute("data-count"));
    expect(total).toBeGreaterThanOrEqual(TABLE_COUNT * 2);
    const rendered = await page.getByTestId("finding").count();
    expect(rendered).toBeLessThan(200);
    const started = Date.now();
    await page.getByTestId("count-warning").click();
    await page.getByTestId("filter-note").waitFor();
    expect(Date.now() - started).toBeLessThan(2000);
    const severities = await page
      .locator("[data-testid=finding-group] [data-testid=finding]")
      .evaluateAll((items) => [...new Set(items.map((item) => (item as HTMLElement).dataset.severity))]);
    expect(severities).toEqual(["warning"]);
    await page.getByTestId("group-toggle").nth(0).click();
    await page.getByTestId("group-toggle").nth(1).click();
    expect(await page.getByTestId("group-toggle").nth(0).getAttribute("aria-expanded")).toBe("false");
    // The focus stays on the control used.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("group-toggle");
    await page.screenshot({ path: path.join(ARTIFACTS, "scale-300-filtered-folded.png") });
    await page.getByTestId("next-finding").click();
    await page.keyboard.press("Alt+ArrowDown");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("next-finding");
    expect(await page.getByTestId("finding-position").textContent()).toBe(`第 2 / ${total} 个`);
    await page.close();
  }, 120_000);

  test("a fix applied, then undone: the cell has its old value back", async () => {
    const page = await openPane("lang=zh-CN");
    await validate(page);
    await page.getByTestId("count-info").click();
    const apply = page.locator('[data-testid=apply-fix][data-cell="E11"]').first();
    const cellValue = () => page.evaluate(() => window.fakeExcelHarness!.getState().sheets[0].cells.E11?.value ?? null);
    expect(await cellValue()).toBe("＞＝９８％");
    await apply.scrollIntoViewIfNeeded();
    await apply.click();
    await page.waitForFunction(() => window.fakeExcelHarness!.getState().sheets[0].cells.E11?.value === "≥98%");
    await page.locator('[data-testid=fix-state][data-applied="true"]').first().waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("apply-fix");
    await page.locator('[data-testid=fix-state][data-applied="true"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, "fix-applied.png") });
    await apply.click();
    await page.waitForFunction(() => window.fakeExcelHarness!.getState().sheets[0].cells.E11?.value === "＞＝９８％");
    await page.waitForFunction(() => !document.querySelector("[data-testid=busy]"));
    await page.screenshot({ path: path.join(ARTIFACTS, "fix-undone.png") });
    await page.close();
  }, 120_000);

  test("导出结果 adds a sheet with one linked row per finding", async () => {
    const page = await openPane("lang=zh-CN");
    await validate(page);
    const findings =
      Number(await page.getByTestId("count-error").getAttribute("data-count")) +
      Number(await page.getByTestId("count-warning").getAttribute("data-count")) +
      Number(await page.getByTestId("count-info").getAttribute("data-count"));
    await page.getByTestId("export-findings").click();
    await page.locator("[data-testid=notice][data-kind=exported]").waitFor({ timeout: 60_000 });
    const sheet = await page.evaluate(() =>
      window.fakeExcelHarness!.getState().sheets.find((s) => s.name === "校验结果"),
    );
    expect(sheet).toBeDefined();
    expect(sheet!.cells[`A${findings + 1}`]?.hyperlink?.documentReference).toMatch(/^'目标表'!/);
    expect(sheet!.cells[`A${findings + 2}`]).toBeUndefined();
    await page.close();
  }, 120_000);

  test("the English pane at 320 px does not overflow", async () => {
    const page = await openPane("lang=en-US", 320);
    await validate(page);
    expect(await page.getByTestId("count-error").textContent()).toMatch(/^\d+ errors?$/);
    const overflow = await page.evaluate(() => ({
      by: document.documentElement.scrollWidth - window.innerWidth,
      wide: [...document.querySelectorAll<HTMLElement>("main *")]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5)
        .slice(0, 5)
        .map((el) => `${el.tagName}.${el.getAttribute("data-testid") ?? ""} ${el.textContent?.slice(0, 40)}`),
    }));
    expect(overflow).toEqual({ by: 0, wide: [] });
    await page.screenshot({ path: path.join(ARTIFACTS, "pane-en-320.png") });
    await page.close();
  }, 120_000);

  describe.each([
    ["zh-CN", "light", false],
    ["en-US", "light", false],
    ["zh-CN", "dark", false],
    ["en-US", "dark", false],
    ["zh-CN", "light", true],
    ["en-US", "light", true],
  ] as const)("axe-core: %s, %s theme, forced colours %s", (lang, theme, forced) => {
    test("finds no violation before and after a check", async () => {
      const page = await openPane(`lang=${lang}&theme=${theme}`);
      if (forced) await page.emulateMedia({ forcedColors: "active" });
      const violations = async () => {
        await page.addScriptTag({ path: AXE });
        return page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (context: Document) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run(document);
          return result.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
        });
      };
      expect(await violations()).toEqual([]);
      await validate(page);
      expect(await violations()).toEqual([]);
      await page.close();
    }, 120_000);
  });
});
