/**
 * The ribbon's function file (commands.html) for Excel without a shared runtime (VersionOverridesV1_0 of
 * manifest.xml): registers 校验 and 插入项目模板 in this page's own runtime. Where Excel has SharedRuntime 1.1 it
 * calls the pane's page instead (src/taskpane/index.tsx, runtime.ts). The same page, opened as
 * commands.html?notice=…, is the small dialog a command uses to tell the user something.
 */
import { noticeText, readNotice, renderNotice } from "./notice";
import { registerRibbonCommands } from "./register";
import { ribbonRuntime } from "./runtime";

const shownNotice = readNotice(window.location.search);

if (shownNotice) {
  Office.onReady(() => {
    renderNotice(document, noticeText(shownNotice.notice, shownNotice.language), shownNotice.language, () =>
      Office.context.ui.messageParent("close"),
    );
  });
} else {
  Office.onReady(() => {
    const runtime = ribbonRuntime("function-file", Office);
    if (runtime) registerRibbonCommands(runtime);
  });
}
