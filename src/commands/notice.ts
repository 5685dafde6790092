/**
 * What a ribbon command tells the user when it cannot open the task pane: a small Office dialog showing
 * commands.html?notice=…, which renders the notice instead of registering the commands. The notice travels in
 * the URL, not in storage: a dialog is a top-level window, which browsers may give storage of its own.
 */
import type { Summary } from "../core/report";

export type NoticeLanguage = "zh" | "en";

export type Notice =
  /** 校验 finished; `stored` says whether the pane will find the result. */
  | { kind: "checked"; summary: Summary; tables: number; stored: boolean }
  /** A command failed; the messages are plain sentences. */
  | { kind: "failed"; messageZh: string; messageEn: string };

interface NoticeText {
  title: string;
  lines: string[];
  close: string;
}

const MAX_MESSAGE = 300;

/** The dialog's address: the function file's own page with the notice and the language in the query. */
export function noticeUrl(pageUrl: string, notice: Notice, language: NoticeLanguage): string {
  const url = new URL(pageUrl);
  url.search = "";
  url.hash = "";
  url.searchParams.set("notice", JSON.stringify(notice));
  url.searchParams.set("lang", language);
  return url.href;
}

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : null;
}

function sentence(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, MAX_MESSAGE) : null;
}

/** Reads the notice from a page's query string; null when the page is not a notice (the function file itself). */
export function readNotice(search: string): { notice: Notice; language: NoticeLanguage } | null {
  const params = new URLSearchParams(search);
  const raw = params.get("notice");
  if (raw === null) return null;
  const language: NoticeLanguage = params.get("lang") === "en" ? "en" : "zh";
  let value: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(raw);
    value = parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    value = {};
  }
  if (value.kind === "checked" && value.summary && typeof value.summary === "object") {
    const summary = value.summary as Record<string, unknown>;
    const errors = count(summary.errors);
    const warnings = count(summary.warnings);
    const infos = count(summary.infos);
    const tables = count(value.tables);
    if (errors !== null && warnings !== null && infos !== null && tables !== null) {
      return {
        notice: { kind: "checked", summary: { errors, warnings, infos }, tables, stored: value.stored === true },
        language,
      };
    }
  }
  const messageZh = sentence(value.messageZh);
  const messageEn = sentence(value.messageEn);
  if (value.kind === "failed" && messageZh && messageEn) {
    return { notice: { kind: "failed", messageZh, messageEn }, language };
  }
  // A damaged address still deserves a sentence rather than an empty window.
  return {
    notice: { kind: "failed", messageZh: "无法显示这条消息。", messageEn: "This message could not be shown." },
    language,
  };
}

function checkedText(notice: Extract<Notice, { kind: "checked" }>, language: NoticeLanguage): NoticeText {
  const { errors, warnings, infos } = notice.summary;
  if (language === "zh") {
    const lines =
      notice.tables === 0
        ? ["没有找到绩效目标表。可以点击“插入项目模板”新建一张。"]
        : errors + warnings + infos === 0
          ? [`共检查 ${notice.tables} 张表，没有发现问题。`]
          : [
              `共检查 ${notice.tables} 张表：${errors} 个错误，${warnings} 个警告，${infos} 条提示。`,
              "有问题的单元格已标出颜色。",
            ];
    lines.push(
      notice.stored
        ? "点击“开始”选项卡上的“显示面板”查看每个问题的原因。"
        : "结果未能保存给面板：请点击“显示面板”，再在面板中点击“校验”。",
    );
    return { title: "校验完成", lines, close: "关闭" };
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines =
    notice.tables === 0
      ? ["No performance target table was found. Choose Insert Project Template to start one."]
      : errors + warnings + infos === 0
        ? [`Checked ${plural(notice.tables, "table", "tables")}: no problems found.`]
        : [
            `Checked ${plural(notice.tables, "table", "tables")}: ${plural(errors, "error", "errors")}, ${plural(warnings, "warning", "warnings")}, ${plural(infos, "suggestion", "suggestions")}.`,
            "The cells with problems are highlighted.",
          ];
  lines.push(
    notice.stored
      ? "Choose Show Pane on the Home tab to see the reason for each one."
      : "The result could not be kept for the pane: choose Show Pane, then Validate in the pane.",
  );
  return { title: "Check finished", lines, close: "Close" };
}

export function noticeText(notice: Notice, language: NoticeLanguage): NoticeText {
  if (notice.kind === "checked") return checkedText(notice, language);
  return language === "zh"
    ? { title: "操作没有完成", lines: [notice.messageZh], close: "关闭" }
    : { title: "The command did not finish", lines: [notice.messageEn], close: "Close" };
}

/** Fills the notice page; `onClose` runs when the user presses the button. */
export function renderNotice(
  document: Document,
  text: NoticeText,
  language: NoticeLanguage,
  onClose: () => void,
): void {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
  document.title = text.title;
  const container = document.getElementById("notice");
  if (!container) return;
  const heading = document.createElement("h1");
  heading.id = "notice-title";
  heading.textContent = text.title;
  container.replaceChildren(heading);
  for (const line of text.lines) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    container.append(paragraph);
  }
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = text.close;
  button.addEventListener("click", onClose);
  container.append(button);
  container.hidden = false;
  button.focus();
}
