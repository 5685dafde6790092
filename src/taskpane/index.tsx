/**
 * The task pane's entry: waits for Office, registers the ribbon's commands where Excel runs them in this page's
 * shared runtime (src/commands/runtime.ts), then renders the pane on the Excel host boundary.
 *
 * The pane hears the ribbon's results both ways: in memory from commands run in this runtime, and through
 * localStorage from commands.html where Excel has no shared runtime.
 */
import { createRoot } from "react-dom/client";
import { checkWorkbook } from "../core/check";
import { createExcelHost } from "../excel";
import { loadRibbonResult, subscribeRibbonResults } from "../commands/ribbon-result";
import { registerRibbonCommands } from "../commands/register";
import { paneResults, ribbonRuntime } from "../commands/runtime";
import type { CheckResult } from "./state";
import { App } from "./components/App";
import { languageFromDisplayLanguage, strings } from "./i18n";
import { projectTemplates } from "./templates";
import { themeNameFromOffice } from "./theme";

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    // Some hosts deny storage to add-ins (privacy settings); the pane works without it.
    return null;
  }
}

function showPlainMessage(container: HTMLElement, message: string): void {
  const paragraph = document.createElement("p");
  paragraph.style.fontFamily = "'Segoe UI', 'Microsoft YaHei', sans-serif";
  paragraph.style.padding = "16px";
  paragraph.textContent = message;
  container.replaceChildren(paragraph);
}

async function start(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const info = await Office.onReady();
  const displayLanguage = Office.context?.displayLanguage ?? navigator.language;
  const language = languageFromDisplayLanguage(displayLanguage);
  if (info.host !== Office.HostType.Excel) {
    showPlainMessage(container, `${strings("zh").notInExcel} ${strings("en").notInExcel}`);
    return;
  }
  if (ribbonRuntime("pane", Office) === "shared") registerRibbonCommands("shared", paneResults);
  const storage = localStorageOrNull();
  const initialResult = paneResults.latest() ?? loadRibbonResult(storage);
  const subscribe = (handler: (result: CheckResult) => void) => {
    const fromStorage = subscribeRibbonResults(window, handler);
    const inMemory = paneResults.subscribe(handler, initialResult);
    return () => {
      fromStorage();
      inMemory();
    };
  };
  createRoot(container).render(
    <App
      host={createExcelHost()}
      check={checkWorkbook}
      templates={projectTemplates}
      displayLanguage={displayLanguage}
      themeName={themeNameFromOffice(Office.context.officeTheme)}
      storage={storage}
      initialResult={initialResult}
      subscribeRibbonResults={subscribe}
    />,
  );
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}

declare global {
  interface Window {
    /** Set by compat.js (taskpane.html) where the webview is too old: its message stays on the page. */
    targetTableTooOld?: boolean;
  }
}

if (window.targetTableTooOld === true) {
  console.error("target-table: the webview is too old for the pane; compat.js shows why.");
} else {
  void run();
}

function run(): Promise<void> {
  return start().catch((error: unknown) => {
    console.error("target-table: the pane could not start", error);
    const container = document.getElementById("container");
    if (container) showPlainMessage(container, `${strings("zh").failureGeneric} ${strings("en").failureGeneric}`);
  });
}
