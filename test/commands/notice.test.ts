/** @jest-environment jsdom */
/** The notice a ribbon command leaves when it cannot open the pane: its address, its words, its page. */
import { noticeText, noticeUrl, readNotice, renderNotice, type Notice } from "../../src/commands/notice";

const page = "https://localhost:3000/commands.html";
const checked: Notice = { kind: "checked", summary: { errors: 2, warnings: 1, infos: 0 }, tables: 3, stored: true };
const failed: Notice = { kind: "failed", messageZh: "无法读取工作表。", messageEn: "The worksheet could not be read." };

describe("the notice's address", () => {
  it.each([checked, failed])("carries the notice and the language to the dialog page: %p", (notice) => {
    const url = new URL(noticeUrl(`${page}?_host_Info=Excel#x`, notice, "en"));
    expect(url.origin + url.pathname).toBe(page);
    expect(url.hash).toBe("");
    expect(readNotice(url.search)).toEqual({ notice, language: "en" });
  });

  it("is absent from the function file's own address", () => {
    expect(readNotice("")).toBeNull();
    expect(readNotice("?_host_Info=Excel$Win32$16.01$zh-CN")).toBeNull();
  });

  it("falls back to a plain sentence when the address is damaged, and to Chinese", () => {
    const damaged = readNotice("?notice=%7Bnot-json");
    expect(damaged).toEqual({
      notice: { kind: "failed", messageZh: "无法显示这条消息。", messageEn: "This message could not be shown." },
      language: "zh",
    });
    const negative = readNotice(`?notice=${encodeURIComponent(JSON.stringify({ ...checked, tables: -1 }))}&lang=en`);
    expect(negative?.notice.kind).toBe("failed");
  });

  it("caps a message's length", () => {
    const long = readNotice(
      `?notice=${encodeURIComponent(JSON.stringify({ kind: "failed", messageZh: "错".repeat(1000), messageEn: "e" }))}`,
    );
    expect(long?.notice.kind === "failed" && long.notice.messageZh.length).toBe(300);
  });
});

describe("the notice's words", () => {
  it("counts the findings and points at 显示面板", () => {
    expect(noticeText(checked, "zh")).toEqual({
      title: "校验完成",
      lines: [
        "共检查 3 张表：2 个错误，1 个警告，0 条提示。",
        "有问题的单元格已标出颜色。",
        "点击“开始”选项卡上的“显示面板”查看每个问题的原因。",
      ],
      close: "关闭",
    });
    expect(noticeText(checked, "en").lines).toEqual([
      "Checked 3 tables: 2 errors, 1 warning, 0 suggestions.",
      "The cells with problems are highlighted.",
      "Choose Show Pane on the Home tab to see the reason for each one.",
    ]);
  });

  it("says so when everything is clean, or when no table was found", () => {
    const clean: Notice = { kind: "checked", summary: { errors: 0, warnings: 0, infos: 0 }, tables: 1, stored: true };
    expect(noticeText(clean, "zh").lines[0]).toBe("共检查 1 张表，没有发现问题。");
    expect(noticeText(clean, "en").lines[0]).toBe("Checked 1 table: no problems found.");
    const none: Notice = { kind: "checked", summary: { errors: 1, warnings: 0, infos: 0 }, tables: 0, stored: true };
    expect(noticeText(none, "zh").lines[0]).toMatch(/^没有找到绩效目标表/);
    expect(noticeText(none, "en").lines[0]).toMatch(/^No performance target table was found/);
  });

  it("tells the user what to do when the pane will not find the result", () => {
    expect(noticeText({ ...checked, stored: false } as Notice, "zh").lines.at(-1)).toMatch(/再在面板中点击“校验”/);
    expect(noticeText({ ...checked, stored: false } as Notice, "en").lines.at(-1)).toMatch(/then Validate in the pane/);
  });

  it("shows a failure in the user's language", () => {
    expect(noticeText(failed, "zh")).toEqual({ title: "操作没有完成", lines: ["无法读取工作表。"], close: "关闭" });
    expect(noticeText(failed, "en").lines).toEqual(["The worksheet could not be read."]);
  });
});

describe("the notice page", () => {
  beforeEach(() => {
    document.body.innerHTML = '<main id="notice" aria-labelledby="notice-title" hidden></main>';
  });

  it("shows the words as text and closes on the button", () => {
    const onClose = jest.fn();
    const text = { title: "操作没有完成", lines: ["<b>不是标记</b>"], close: "关闭" };
    renderNotice(document, text, "zh", onClose);
    const container = document.getElementById("notice")!;
    expect(container.hidden).toBe(false);
    expect(document.documentElement.lang).toBe("zh-CN");
    expect(document.getElementById("notice-title")?.textContent).toBe("操作没有完成");
    expect(container.querySelector("p")?.textContent).toBe("<b>不是标记</b>");
    expect(container.querySelector("b")).toBeNull();
    const button = container.querySelector("button")!;
    expect(document.activeElement).toBe(button);
    button.click();
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
