/**
 * The task pane's entry: waits for Office, then renders the pane on the Excel host boundary.
 */
import { createRoot } from "react-dom/client";
import { checkWorkbook } from "../core/check";
import { createExcelHost } from "../excel";
import { loadRibbonResult, subscribeRibbonResults } from "../commands/ribbon-result";
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
  const storage = localStorageOrNull();
  const subscribe = (handler: (result: CheckResult) => void) => subscribeRibbonResults(window, handler);
  createRoot(container).render(
    <App
      host={createExcelHost()}
      check={checkWorkbook}
      templates={projectTemplates}
      displayLanguage={displayLanguage}
      themeName={themeNameFromOffice(Office.context.officeTheme)}
      storage={storage}
      initialResult={loadRibbonResult(storage)}
      subscribeRibbonResults={subscribe}
    />,
  );
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}

start().catch((error: unknown) => {
  console.error("target-table: the pane could not start", error);
  const container = document.getElementById("container");
  if (container) showPlainMessage(container, `${strings("zh").failureGeneric} ${strings("en").failureGeneric}`);
});
