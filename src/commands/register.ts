/**
 * Registers the ribbon's 校验 (validate) and 插入项目模板 (insertTemplate), the ExecuteFunction actions of
 * manifest.xml, with what they need from Office for the runtime they run in (see runtime.ts):
 *   - "shared": on the pane's page. The result goes to the pane in memory and 校验 opens the pane.
 *   - "separate": on commands.html. The result goes through localStorage and a notice says where to find it.
 * Either way a failure is told in a notice dialog (commands.html?notice=…), and Office always hears that the
 * command completed.
 */
import { checkWorkbook } from "../core/check";
import { buildTemplate, TEMPLATE_SHEET_NAME } from "../core/template";
import { createExcelHost } from "../excel";
import { languageFromDisplayLanguage } from "../taskpane/i18n";
import { loadSettings, type PaneSettings } from "../taskpane/settings";
import { noticeUrl, type Notice, type NoticeLanguage } from "./notice";
import { insertTemplate, runCommand, validate, type RibbonDependencies } from "./ribbon";
import { saveRibbonResult } from "./ribbon-result";
import { paneResults, type ResultChannel } from "./runtime";

/** The page that shows a notice: the function file, next to the page running the command. */
export const NOTICE_PAGE = "commands.html";

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Office.addin.showAsTaskpane exists only in a shared runtime. */
async function showPane(): Promise<boolean> {
  try {
    await Office.addin.showAsTaskpane();
    return true;
  } catch (error) {
    console.error("target-table: could not show the task pane", error);
    return false;
  }
}

/** Opens the notice dialog and waits until the user closes it; resolves at once if it cannot be opened. */
function notifier(language: NoticeLanguage): (notice: Notice) => Promise<void> {
  return (notice) =>
    new Promise<void>((resolve) => {
      const page = new URL(NOTICE_PAGE, window.location.href).href;
      const url = noticeUrl(page, notice, language);
      Office.context.ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, (opened) => {
        if (opened.status !== Office.AsyncResultStatus.Succeeded) {
          console.error("target-table: could not open the notice", opened.error);
          resolve();
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        // The user closed the dialog with its own close box.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    });
}

/** The language the user chose in the pane's settings, else Office's display language. */
function currentLanguage(settings: PaneSettings): NoticeLanguage {
  return settings.language ?? languageFromDisplayLanguage(Office.context.displayLanguage);
}

function dependencies(runtime: "shared" | "separate", channel: ResultChannel): RibbonDependencies {
  const storage = localStorageOrNull();
  // Read at every press: the pane saves its settings as the user changes them.
  const settings = loadSettings(storage);
  const language = currentLanguage(settings);
  return {
    host: createExcelHost(),
    check: checkWorkbook,
    buildTemplate,
    templateSheetName: TEMPLATE_SHEET_NAME,
    settings,
    language,
    deliver:
      runtime === "shared"
        ? (result) => {
            channel.publish(result);
            return true;
          }
        : (result) => saveRibbonResult(storage, result),
    showPane: runtime === "shared" ? showPane : async () => false,
    notify: notifier(language),
    now: () => new Date(),
  };
}

/** Associates the manifest's functions with Office; call once Office is ready. */
export function registerRibbonCommands(runtime: "shared" | "separate", channel: ResultChannel = paneResults): void {
  const command = (action: (deps: RibbonDependencies) => Promise<void>) => (event: Office.AddinCommands.Event) => {
    // The language is known before anything can fail, so even a failure to start speaks the user's language.
    const notify = notifier(currentLanguage(loadSettings(localStorageOrNull())));
    void runCommand(
      () => event.completed(),
      () => action(dependencies(runtime, channel)),
      notify,
    );
  };
  Office.actions.associate("validate", command(validate));
  Office.actions.associate("insertTemplate", command(insertTemplate));
}
