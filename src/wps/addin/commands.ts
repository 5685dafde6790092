/**
 * The WPS ribbon's commands (ribbon.xml names them): 校验, 插入项目模板, 清除标记, 显示面板. They reuse the
 * Office ribbon's steps (src/commands/ribbon.ts) over the WPS host; the pane is a WPS custom task pane
 * and notices are plain alert boxes. Kept apart from main.ts so tests can drive it with a fake WPS.
 */
import { checkWorkbook } from "../../core/check";
import { TEMPLATE_SHEET_NAME, buildProjectTemplate } from "../../core/template";
import { noticeText, type Notice, type NoticeLanguage } from "../../commands/notice";
import { saveRibbonResult } from "../../commands/ribbon-result";
import { insertTemplate, runCommand, validate, type RibbonDependencies } from "../../commands/ribbon";
import { loadSettings } from "../../taskpane/settings";
import { WpsHost } from "../host";
import { wpsApplication, type WpsApplication } from "../api";

/** The ribbon's button ids, as ribbon.xml names them. */
export const BUTTON_IDS = ["ttValidate", "ttInsertTemplate", "ttClear", "ttShowPane"] as const;
export type ButtonId = (typeof BUTTON_IDS)[number];

/** Where the pane's id is kept between calls (PluginStorage is shared by the add-in's pages). */
export const PANE_ID_KEY = "target-table.wps-pane-id";

export interface WpsCommandEnvironment {
  app: WpsApplication;
  /** The add-in's base address ("file:///…/target-table_0.1.0/" or "http://…/target-table/"). */
  baseUrl: string;
  storage: Storage | null;
  alert: (text: string) => void;
  language: NoticeLanguage;
}

/** Opens the task pane (creating it once) and returns true. */
export function showPane(env: WpsCommandEnvironment): boolean {
  const storage = env.app.PluginStorage;
  const known = Number(storage.getItem(PANE_ID_KEY));
  if (known > 0) {
    try {
      const pane = env.app.GetTaskPane(known);
      pane.Visible = true;
      return true;
    } catch {
      // Closed for good (or from an earlier session): make a new one.
    }
  }
  const pane = env.app.CreateTaskPane(`${env.baseUrl}taskpane.html`, "绩效目标表校验");
  pane.Visible = true;
  storage.setItem(PANE_ID_KEY, pane.ID);
  return true;
}

function notifier(env: WpsCommandEnvironment): (notice: Notice) => Promise<void> {
  return async (notice) => {
    const text = noticeText(notice, env.language);
    env.alert([text.title, ...text.lines].join("\n\n"));
  };
}

function dependencies(env: WpsCommandEnvironment): RibbonDependencies {
  return {
    host: new WpsHost(env.app),
    check: checkWorkbook,
    buildTemplate: ({ framework, language }) => buildProjectTemplate({ framework, language }).patch,
    templateSheetName: TEMPLATE_SHEET_NAME,
    settings: loadSettings(env.storage),
    language: env.language,
    // The pane is a separate page of the same add-in: the result travels through localStorage.
    deliver: (result) => saveRibbonResult(env.storage, result),
    showPane: async () => showPane(env),
    notify: notifier(env),
    now: () => new Date(),
  };
}

/** Runs one button's command; a failure is told to the user in a plain sentence. */
export async function runButton(id: string, env: WpsCommandEnvironment): Promise<void> {
  const notify = notifier(env);
  await runCommand(
    () => undefined,
    async () => {
      switch (id) {
        case "ttValidate":
          return validate(dependencies(env));
        case "ttInsertTemplate":
          return insertTemplate(dependencies(env));
        case "ttClear": {
          const restored = await new WpsHost(env.app).clearFindings();
          env.alert(
            env.language === "zh"
              ? `已清除 ${restored} 个单元格的标记。`
              : `Highlights cleared from ${restored} cells.`,
          );
          return;
        }
        case "ttShowPane":
          showPane(env);
          return;
        default:
          throw new Error(`Unknown ribbon control "${id}".`);
      }
    },
    notify,
  );
}

/** The environment of the add-in's main page in WPS. */
export function pageEnvironment(): WpsCommandEnvironment | null {
  const app = wpsApplication();
  if (!app) return null;
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  const href = window.location.href;
  return {
    app,
    baseUrl: href.slice(0, href.lastIndexOf("/") + 1),
    storage,
    alert: (text) => window.alert(text),
    language: /^zh/i.test(navigator.language || "zh") ? "zh" : "en",
  };
}
