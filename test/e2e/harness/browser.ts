/**
 * What every browser test file shares: the harness build and server, Debian's Chromium (never a
 * downloaded browser; CHROMIUM_PATH points elsewhere), and the rule that a missing browser fails
 * under CI=true and skips elsewhere.
 */
import fs from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/* eslint-disable @typescript-eslint/no-require-imports */
export const { buildHarness, root } = require("./build.cjs") as {
  buildHarness: (options: { outputPath: string; mode?: string }) => Promise<void>;
  root: string;
};
export const { startHarnessServer } = require("./server.cjs") as {
  startHarnessServer: (options: {
    root: string;
    getState: () => unknown;
  }) => Promise<{ url: string; close: () => Promise<void> }>;
};
/* eslint-enable @typescript-eslint/no-require-imports */

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const EXAMPLE = path.join(root, "examples", "huailai-2022.xlsx");
export const ARTIFACTS = path.join(root, "artifacts");

const browserPresent = fs.existsSync(CHROMIUM);

/** `describe` when Chromium is there; otherwise a failing test under CI=true, a warning and a skip elsewhere. */
export function describeWithBrowser(name: string, body: () => void): void {
  if (!browserPresent) {
    if (process.env.CI === "true") {
      test("Chromium is installed", () => {
        throw new Error(`The browser tests need Chromium at ${CHROMIUM} (apt-get install chromium).`);
      });
    } else {
      console.warn(`Skipping the browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium to run them).`);
    }
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/** Chromium, headless, in a fresh profile, with nothing running in the background. */
export function launchChromium(
  profile: string,
  options: { viewport: { width: number; height: number }; bypassCSP?: boolean },
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: "zh-CN",
    ...options,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
