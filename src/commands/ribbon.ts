/**
 * What the ribbon's 校验 and 插入项目模板 do, over the host boundary and the core. Everything Office-specific
 * (the host, opening the pane, the notice dialog) comes in as a dependency, so the steps can be tested alone.
 */
import type { CheckOptions, WorkbookCheck } from "../core/check";
import type { Framework } from "../core/report";
import type { SheetPatch } from "../core/patch";
import type { SheetSnapshot } from "../core/snapshot";
import { hasPlainMessages, type SpreadsheetHost } from "../host/types";
import type { PaneSettings } from "../taskpane/settings";
import type { Notice, NoticeLanguage } from "./notice";
import type { RibbonResult } from "./ribbon-result";

export interface RibbonDependencies {
  host: SpreadsheetHost;
  check: (sheets: readonly SheetSnapshot[], options: CheckOptions) => WorkbookCheck;
  buildTemplate: (options: { framework: Framework; language: NoticeLanguage }) => SheetPatch;
  /** The base name of the template's new worksheet (the host makes it unique). */
  templateSheetName: string;
  /** The pane's settings: the ribbon checks the way the pane would. */
  settings: PaneSettings;
  language: NoticeLanguage;
  /**
   * Leaves the result for the pane: in memory in a shared runtime, in localStorage from the separate function
   * file (see runtime.ts). False when the pane will not find it.
   */
  deliver: (result: RibbonResult) => boolean;
  /** Opens the task pane; false when this Office cannot do it from a ribbon command. */
  showPane: () => Promise<boolean>;
  /** Tells the user something; resolves when the user has dismissed it (or at once if it cannot be shown). */
  notify: (notice: Notice) => Promise<void>;
  now: () => Date;
}

/** 校验: check, paint the findings, leave the result for the pane, then open the pane on it. */
export async function validate(deps: RibbonDependencies): Promise<void> {
  const { settings } = deps;
  const sheets = await deps.host.readSheets(settings.scope);
  const outcome = deps.check(sheets, { framework: settings.framework, year: settings.year });
  await deps.host.showFindings(outcome.issues);
  const result: RibbonResult = {
    tables: outcome.tables,
    issues: outcome.issues,
    summary: outcome.summary,
    scope: settings.scope,
    sheetCount: sheets.length,
    source: "ribbon",
    checkedAt: deps.now().toISOString(),
  };
  const stored = deps.deliver(result);
  const shown = stored && (await deps.showPane());
  if (!shown) await deps.notify({ kind: "checked", summary: outcome.summary, tables: outcome.tables.length, stored });
}

/** The framework of a template inserted from the ribbon: the one pinned in the settings, else the legacy one. */
export function ribbonTemplateFramework(settings: PaneSettings): Framework {
  return settings.framework === "2021" ? "2021" : "legacy";
}

/** 插入项目模板: the general template on a new worksheet, which is then shown with its first cell selected. */
export async function insertTemplate(deps: RibbonDependencies): Promise<void> {
  const patch = deps.buildTemplate({ framework: ribbonTemplateFramework(deps.settings), language: deps.language });
  const placement = await deps.host.insertTemplate(patch, "new-sheet", deps.templateSheetName);
  await deps.host.selectCell(placement.sheet, placement.range.split(":")[0]);
}

/** A failure as the user reads it: the host's own sentences when it has them, else a general one. */
export function failureNotice(error: unknown): Notice {
  if (hasPlainMessages(error) && error.messageZh.trim() !== "" && error.messageEn.trim() !== "") {
    return { kind: "failed", messageZh: error.messageZh, messageEn: error.messageEn };
  }
  return {
    kind: "failed",
    messageZh: "出现了意外错误，操作没有完成。请重试；如果问题依旧，请打开面板再操作一次。",
    messageEn:
      "Something unexpected went wrong and the command did not finish. Please try again; if it keeps failing, open the pane and try from there.",
  };
}

/**
 * Runs one ribbon command: a failure becomes a notice with a plain sentence (the details go to the console),
 * and Office always hears that the command has completed, whatever happened.
 */
export async function runCommand(
  completed: () => void,
  command: () => Promise<void>,
  notify: (notice: Notice) => Promise<void>,
  log: (message: string, error: unknown) => void = console.error,
): Promise<void> {
  try {
    await command();
  } catch (error) {
    log("target-table: ribbon command failed", error);
    try {
      await notify(failureNotice(error));
    } catch (notifyError) {
      log("target-table: could not show the failure", notifyError);
    }
  } finally {
    completed();
  }
}
