/**
 * The pane's page in a webview too old for the add-in (Internet Explorer's Trident, or an EdgeHTML without
 * what the add-in needs), simulated in Chromium: the ES2017 syntax probe fails to parse, or an API is taken
 * away before the page loads. compat.js must replace the loading text with a clear Chinese and English
 * message, and the add-in must not start over it. In the real Chromium nothing of that shows.
 * Screenshots go to artifacts/ (old-webview.png). Run with `npm run test:e2e`.
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
import { stateFromXlsxFile } from "../fakes/excel/xlsx";
import type { FakeWorkbookState } from "../fakes/excel";

describeWithBrowser("the pane in a webview too old for it", () => {
  let outputPath: string;
  let profile: string;
  let server: { url: string; close: () => Promise<void> };
  let context: BrowserContext;
  let initial: FakeWorkbookState;

  beforeAll(async () => {
    outputPath = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-old-webview-"));
    profile = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-chromium-"));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    initial = await stateFromXlsxFile(EXAMPLE);
    await buildHarness({ outputPath, mode: "production" });
    server = await startHarnessServer({ root: outputPath, getState: () => initial });
    context = await launchChromium(profile, { viewport: { width: 360, height: 640 } });
  }, 150_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    fs.rmSync(outputPath, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  });

  let page: Page;
  let errors: string[];
  beforeEach(async () => {
    page = await context.newPage();
    errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
  });
  afterEach(async () => {
    await page.close();
  });

  /** The pane had its chance to start: its bundle ran and Office.onReady resolved. */
  async function settle(): Promise<void> {
    await page.waitForLoadState("load");
    await page.waitForTimeout(1500);
  }

  it("shows the message instead of the loading text where the ES2017 probe cannot be parsed", async () => {
    // What IE11 meets in compat-probe.js: syntax it cannot parse (here, a syntax error for Chromium too).
    await page.route("**/compat-probe.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: "(function () { const probe = async () => { ; })();" }),
    );
    await page.goto(`${server.url}/taskpane.html`);
    await settle();
    const message = page.locator("#webview-too-old");
    await message.waitFor({ state: "visible" });
    expect(await message.getAttribute("role")).toBe("alert");
    const text = await message.innerText();
    expect(text).toContain("此版本的 Office 无法运行“绩效目标表校验”");
    expect(text).toContain("This version of Office cannot run Target Table Check");
    expect(text).toMatch(/WebView2/);
    expect(text).toContain("missing: ES2017");
    expect(await page.locator("#loading").count()).toBe(0);
    // The add-in did not start over the message.
    expect(await page.locator('[data-testid="validate"]').count()).toBe(0);
    expect(await page.evaluate(() => (window as { targetTableTooOld?: boolean }).targetTableTooOld)).toBe(true);
    expect(errors.some((error) => /Unexpected|SyntaxError|token/i.test(error))).toBe(true);
    // The message fits a narrow pane: nothing wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, "old-webview.png"), fullPage: true });
  });

  it("names what is missing where the syntax parses but an API the add-in needs is absent", async () => {
    await page.addInitScript(() => {
      delete (window as { fetch?: unknown }).fetch;
    });
    await page.goto(`${server.url}/taskpane.html`);
    await settle();
    const text = await page.locator("#webview-too-old").innerText();
    expect(text).toContain("missing: fetch");
    expect(text).not.toContain("ES2017");
    expect(await page.locator('[data-testid="validate"]').count()).toBe(0);
  });

  it("shows nothing of it in a current webview: the pane starts", async () => {
    await page.goto(`${server.url}/taskpane.html`);
    await page.locator('[data-testid="validate"]').waitFor({ state: "visible" });
    expect(await page.locator("#webview-too-old").count()).toBe(0);
    expect(await page.evaluate(() => (window as { targetTableSyntax?: boolean }).targetTableSyntax)).toBe(true);
    expect(await page.evaluate(() => (window as { targetTableTooOld?: boolean }).targetTableTooOld)).toBe(false);
    expect(errors).toEqual([]);
  });
});
