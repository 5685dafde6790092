/**
 * The ribbon's function file (commands.html): registers 校验 (validate) and 插入项目模板 (insertTemplate),
 * the ExecuteFunction actions of manifest.xml. The same page, opened as commands.html?notice=…, is the small
 * dialog a command uses to tell the user something when it cannot open the task pane.
 */
import { checkWorkbook } from "../core/check";
import { buildTemplate, TEMPLATE_SHEET_NAME } from "../core/template";
import { createExcelHost } from "../excel";
import { languageFromDisplayLanguage } from "../taskpane/i18n";
import { loadSettings, type PaneSettings } from "../taskpane/settings";
import { noticeText, noticeUrl, readNotice, renderNotice, type Notice, type NoticeLanguage } from "./notice";
import { insertTemplate, runCommand, validate, type RibbonDependencies } from "./ribbon";

function localStorageOrNull(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Office.addin.showAsTaskpane needs SharedRuntime 1.1; elsewhere the command leaves a notice instead. */
async function showPane(): Promise<boolean> {
  if (!Office.context.requirements.isSetSupported("SharedRuntime", "1.1")) return false;
  if (typeof Office.addin?.showAsTaskpane !== "function") return false;
  try {
    await Office.addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

/** Opens the notice dialog and waits until the user closes it; resolves at once if it cannot be opened. */
function notifier(language: NoticeLanguage): (notice: Notice) => Promise<void> {
  return (notice) =>
    new Promise<void>((resolve) => {
      const url = noticeUrl(window.location.href, notice, language);
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

function dependencies(): RibbonDependencies {
  const storage = localStorageOrNull();
  const settings = loadSettings(storage);
  const language = currentLanguage(settings);
  return {
    host: createExcelHost(),
    check: checkWorkbook,
    buildTemplate,
    templateSheetName: TEMPLATE_SHEET_NAME,
    settings,
    language,
    storage,
    showPane,
    notify: notifier(language),
    now: () => new Date(),
  };
}

/** The language the user chose in the pane's settings, else Office's display language. */
function currentLanguage(settings: PaneSettings = loadSettings(localStorageOrNull())): NoticeLanguage {
  return settings.language ?? languageFromDisplayLanguage(Office.context.displayLanguage);
}

function command(action: (deps: RibbonDependencies) => Promise<void>) {
  return (event: Office.AddinCommands.Event) => {
    // The language is known before anything can fail, so even a failure to start speaks the user's language.
    const notify = notifier(currentLanguage());
    void runCommand(
      () => event.completed(),
      () => action(dependencies()),
      notify,
    );
  };
}

const shownNotice = readNotice(window.location.search);

if (shownNotice) {
  Office.onReady(() => {
    renderNotice(document, noticeText(shownNotice.notice, shownNotice.language), shownNotice.language, () =>
      Office.context.ui.messageParent("close"),
    );
  });
} else {
  Office.onReady(() => {
    Office.actions.associate("validate", command(validate));
    Office.actions.associate("insertTemplate", command(insertTemplate));
  });
}
