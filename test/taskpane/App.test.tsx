/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { checkWorkbook, type WorkbookCheck } from "../../src/core/check";
import { emptySnapshot } from "../../src/core/snapshot";
import { HostError } from "../../src/host/types";
import { App, type CheckFunction } from "../../src/taskpane/components/App";
import { projectTemplates } from "../../src/taskpane/templates";
import type { CheckResult } from "../../src/taskpane/state";
import { huailai, julu } from "../support/seeds";
import { RecordingHost } from "./recording-host";

function renderPane(
  host: RecordingHost,
  options: { language?: string; check?: CheckFunction; initial?: CheckResult } = {},
) {
  localStorage.clear();
  return render(
    <App
      host={host}
      check={options.check ?? checkWorkbook}
      templates={projectTemplates}
      displayLanguage={options.language ?? "zh-CN"}
      themeName="light"
      storage={localStorage}
      initialResult={options.initial ?? null}
    />,
  );
}

/** Busy buttons refuse clicks but keep the keyboard focus (aria-disabled, not disabled). */
function isDisabled(element: HTMLElement): boolean {
  return (element as HTMLButtonElement).disabled || element.getAttribute("aria-disabled") === "true";
}

function textOf(element: HTMLElement): string {
  return element.textContent ?? "";
}

async function validate() {
  fireEvent.click(screen.getByTestId("validate"));
  await waitFor(() => expect(isDisabled(screen.getByTestId("validate"))).toBe(false));
}

describe("the task pane", () => {
  it("checks the workbook, paints the findings and lists them grouped by table, errors first", async () => {
    const host = new RecordingHost([huailai()]);
    renderPane(host);
    expect(screen.getByRole("button", { name: "校验" })).toBeTruthy();
    await validate();

    const expected = checkWorkbook([huailai()], { framework: "auto", year: null });
    expect(host.painted).toEqual([expected.issues]);
    expect(screen.getByTestId("count-error").dataset.count).toBe(String(expected.summary.errors));
    expect(screen.getByTestId("count-warning").dataset.count).toBe(String(expected.summary.warnings));
    expect(screen.getByTestId("tables-found").dataset.count).toBe(String(expected.tables.length));

    const groups = screen.getAllByTestId("finding-group");
    expect(groups).toHaveLength(expected.tables.length);
    for (const group of groups) {
      const severities = within(group)
        .queryAllByTestId("finding")
        .map((item) => item.dataset.severity);
      const rank = severities.map((s) => (s === "error" ? 0 : s === "warning" ? 1 : 2));
      expect(rank).toEqual([...rank].sort((a, b) => a - b));
    }
    expect(screen.getAllByTestId("finding")).toHaveLength(expected.issues.length);
    // Each finding shows its cell and the rule's message, which quotes the offending text.
    const first = expected.issues.find((issue) => issue.rule === "value-option-list");
    expect(first).toBeDefined();
    const item = screen
      .getAllByTestId("finding")
      .find((el) => el.dataset.cell === first!.cell && el.dataset.rule === first!.rule)!;
    expect(textOf(item)).toContain(`${first!.sheet}!${first!.cell}`);
    expect(textOf(item)).toContain(first!.message);
  });

  it("disables the actions and shows a spinner while a check runs", async () => {
    const host = new RecordingHost([julu()]);
    let release: () => void = () => undefined;
    host.gate = new Promise((resolve) => (release = resolve));
    renderPane(host);
    fireEvent.click(screen.getByTestId("validate"));
    await waitFor(() => expect(screen.getByTestId("busy")).toBeTruthy());
    expect(isDisabled(screen.getByTestId("validate"))).toBe(true);
    expect(isDisabled(screen.getByTestId("insert-template"))).toBe(true);
    expect(isDisabled(screen.getByTestId("clear-marks"))).toBe(true);
    expect(screen.getByText("正在校验…")).toBeTruthy();
    await act(async () => release());
    await waitFor(() => expect(screen.queryByTestId("busy")).toBeNull());
    expect(isDisabled(screen.getByTestId("validate"))).toBe(false);
  });

  it("selects a finding's cell when it is clicked", async () => {
    const host = new RecordingHost([huailai()]);
    renderPane(host);
    await validate();
    const item = screen.getAllByTestId("finding")[0];
    fireEvent.click(item);
    await waitFor(() => expect(host.selected).toEqual([`${item.dataset.sheet}!${item.dataset.cell}`]));
  });

  it("brings the findings of the cell selected in the sheet to the top", async () => {
    const host = new RecordingHost([huailai()]);
    renderPane(host);
    await validate();
    const target = screen.getAllByTestId("finding")[3];
    act(() =>
      host.userSelects({ sheet: target.dataset.sheet!, cell: target.dataset.cell!, range: target.dataset.cell! }),
    );
    const box = await screen.findByTestId("selection-findings");
    const cells = within(box)
      .getAllByTestId("finding")
      .map((el) => el.dataset.cell);
    expect(cells.length).toBeGreaterThan(0);
    expect(new Set(cells)).toEqual(new Set([target.dataset.cell]));
    // The box sits in the dock after the list: it appears without moving the list.
    expect(box.compareDocumentPosition(screen.getByTestId("summary")) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
    act(() => host.userSelects({ sheet: "Sheet9", cell: "A1", range: "A1" }));
    await waitFor(() => expect(screen.queryByTestId("selection-findings")).toBeNull());
  });

  it("clears the highlights and says how many cells were restored", async () => {
    const host = new RecordingHost([huailai()]);
    renderPane(host);
    await validate();
    fireEvent.click(screen.getByTestId("clear-marks"));
    const notice = await screen.findByTestId("notice");
    const painted = host.painted[0].filter((issue) => issue.severity !== "info").length;
    expect(textOf(notice)).toContain(`已清除 ${painted} 个单元格的标记`);
    expect(screen.queryAllByTestId("finding")).toHaveLength(0);
  });

  it("inserts the chosen kind of template on a new sheet", async () => {
    const host = new RecordingHost([julu()]);
    renderPane(host);
    fireEvent.change(screen.getByTestId("template-kind"), { target: { value: "meeting" } });
    fireEvent.change(screen.getByTestId("template-framework"), { target: { value: "2021" } });
    fireEvent.click(screen.getByTestId("insert-template"));
    const notice = await screen.findByTestId("notice");
    expect(host.inserted).toHaveLength(1);
    expect(host.inserted[0].where).toBe("new-sheet");
    fireEvent.change(screen.getByTestId("template-placement"), { target: { value: "selection" } });
    fireEvent.click(screen.getByTestId("insert-template"));
    await waitFor(() => expect(host.inserted).toHaveLength(2));
    expect(host.inserted[1].where).toBe("selection");
    expect(host.inserted[0].sheetName).toBe(projectTemplates.sheetName);
    expect(host.inserted[0].patch).toEqual(projectTemplates.build("meeting", "2021", "zh"));
    expect(textOf(notice)).toContain("已在工作表");
  });

  it("offers a template when the sheet holds no table", async () => {
    const host = new RecordingHost([emptySnapshot("Sheet1")]);
    renderPane(host);
    await validate();
    const offer = screen.getByRole("button", { name: "插入一张空白项目模板" });
    fireEvent.click(offer);
    await waitFor(() => expect(host.inserted).toHaveLength(1));
  });

  it("shows a host failure as the host's plain sentence, never a stack trace", async () => {
    const host = new RecordingHost([julu()]);
    host.failNextRead = new HostError(
      "工作簿正在编辑单元格，请先按 Enter 完成输入。",
      "A cell is being edited; press Enter first.",
    );
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderPane(host);
    await validate();
    spy.mockRestore();
    const alert = screen.getByRole("alert");
    expect(textOf(alert)).toContain("工作簿正在编辑单元格，请先按 Enter 完成输入。");
    expect(alert.textContent).not.toMatch(/at |Error|\.ts/);
  });

  it("shows an unexpected failure as a generic sentence", async () => {
    const host = new RecordingHost([julu()]);
    host.failNextRead = new TypeError("Cannot read properties of undefined (reading 'load')");
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    renderPane(host);
    await validate();
    spy.mockRestore();
    expect(textOf(screen.getByRole("alert"))).toContain("出现了意外问题");
    expect(screen.getByRole("alert").textContent).not.toContain("Cannot read");
  });

  it("switches to English from the settings and keeps the choice", async () => {
    const host = new RecordingHost([huailai()]);
    renderPane(host);
    await validate();
    fireEvent.click(screen.getByText("设置"));
    fireEvent.change(screen.getByTestId("setting-language"), { target: { value: "en" } });
    expect(screen.getByRole("button", { name: "Validate" })).toBeTruthy();
    expect(screen.getByText("Findings")).toBeTruthy();
    const shown = screen.getAllByTestId("finding")[0];
    const issue = checkWorkbook([huailai()]).issues.find(
      (i) => i.cell === shown.dataset.cell && i.rule === shown.dataset.rule,
    );
    expect(textOf(shown)).toContain(issue!.messageEn);
    expect(textOf(shown)).not.toContain(issue!.message);
    expect(JSON.parse(localStorage.getItem("target-table.pane-settings")!).language).toBe("en");
    expect(document.documentElement.lang).toBe("en");
  });

  it("follows an English Office display language", () => {
    renderPane(new RecordingHost([]), { language: "en-US" });
    expect(screen.getByRole("button", { name: "Validate" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Insert project template" })).toBeTruthy();
  });

  it("passes the framework, year and scope settings to the check", async () => {
    const host = new RecordingHost([julu(), huailai()]);
    const calls: unknown[] = [];
    const check: CheckFunction = (sheets, options): WorkbookCheck => {
      calls.push({ sheets: sheets.length, options });
      return checkWorkbook(sheets, options);
    };
    renderPane(host, { check });
    fireEvent.click(screen.getByText("设置"));
    fireEvent.change(screen.getByTestId("setting-framework"), { target: { value: "2021" } });
    fireEvent.change(screen.getByTestId("setting-year"), { target: { value: "2023" } });
    fireEvent.change(screen.getByTestId("setting-scope"), { target: { value: "active" } });
    await validate();
    expect(calls).toEqual([{ sheets: 1, options: { framework: "2021", year: 2023 } }]);
    expect(host.scopes).toEqual(["active"]);
  });

  it("refuses an implausible year without changing the setting", () => {
    renderPane(new RecordingHost([]));
    fireEvent.click(screen.getByText("设置"));
    fireEvent.change(screen.getByTestId("setting-year"), { target: { value: "23" } });
    expect(screen.getByText("请输入 4 位年份，例如 2024。")).toBeTruthy();
    expect(localStorage.getItem("target-table.pane-settings")).toBeNull();
  });

  it("renders cell text as text, never as markup", async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const check: CheckFunction = () => ({
      tables: [],
      issues: [
        {
          rule: "value-vague",
          severity: "warning",
          sheet: "Sheet1",
          cell: "E14",
          table: null,
          message: `指标值“${hostile}”只说明了变化方向。`,
          messageEn: `The value "${hostile}" only names a direction.`,
          fix: null,
        },
      ],
      summary: { errors: 0, warnings: 1, infos: 0 },
    });
    const { container } = renderPane(new RecordingHost([julu()]), { check });
    await validate();
    expect(container.querySelector("img")).toBeNull();
    expect(textOf(screen.getByTestId("finding"))).toContain(hostile);
  });

  it("opens on the results the ribbon's 校验 left", () => {
    const issues = checkWorkbook([huailai()]).issues;
    const initial: CheckResult = {
      ...checkWorkbook([huailai()]),
      issues,
      scope: "all",
      sheetCount: 1,
      source: "ribbon",
      checkedAt: "2024-03-01T08:00:00.000Z",
    };
    renderPane(new RecordingHost([]), { initial });
    expect(textOf(screen.getByTestId("ribbon-note"))).toContain("功能区“校验”");
    expect(screen.getAllByTestId("finding")).toHaveLength(issues.length);
  });

  it("unsubscribes from selection events when it closes", async () => {
    const host = new RecordingHost([]);
    const view = renderPane(host);
    await act(async () => undefined);
    view.unmount();
    await waitFor(() => expect(host.unsubscribed).toBe(true));
  });
});
