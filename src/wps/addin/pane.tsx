/**
 * The task pane page of the WPS add-in: the same React pane as in Excel (src/taskpane), on the WPS
 * host. No Office.js: the theme is light and the language is the browser's.
 */
import { createRoot } from "react-dom/client";
import { checkWorkbook } from "../../core/check";
import { loadRibbonResult, subscribeRibbonResults } from "../../commands/ribbon-result";
import { App } from "../../taskpane/components/App";
import { strings } from "../../taskpane/i18n";
import type { CheckResult } from "../../taskpane/state";
import { projectTemplates } from "../../taskpane/templates";
import { wpsApplication } from "../api";
import { createWpsHost } from "../host";

function storageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

function start(): void {
  const container = document.getElementById("container");
  if (!container) return;
  if (!wpsApplication()) {
    container.textContent = "请在 WPS 表格中打开此加载项。 Please open this add-in in WPS Spreadsheets.";
    return;
  }
  const storage = storageOrNull();
  const displayLanguage = navigator.language || "zh-CN";
  createRoot(container).render(
    <App
      host={createWpsHost()}
      check={checkWorkbook}
      templates={projectTemplates}
      displayLanguage={displayLanguage}
      themeName="light"
      storage={storage}
      initialResult={loadRibbonResult(storage)}
      subscribeRibbonResults={(handler: (result: CheckResult) => void) => subscribeRibbonResults(window, handler)}
    />,
  );
}

try {
  start();
} catch (error) {
  console.error("target-table: the pane could not start", error);
  const container = document.getElementById("container");
  if (container) container.textContent = `${strings("zh").failureGeneric} ${strings("en").failureGeneric}`;
}
