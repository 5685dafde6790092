/** @jest-environment jsdom */
/**
 * The list at scale and its actions (issue 14): severity filters on the tiles, folding tables, identical
 * messages listed once with their cells, previous / next keeping focus, paging, Apply / Undo, export.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { WorkbookCheck } from "../../src/core/check";
import type { Issue } from "../../src/core/report";
import { emptySnapshot } from "../../src/core/snapshot";
import { App } from "../../src/taskpane/components/App";
import { PAGE_SIZE } from "../../src/taskpane/i18n";
import { projectTemplates } from "../../src/taskpane/templates";
import { RecordingHost } from "./recording-host";

function issue(
  cell: string,
  severity: Issue["severity"],
  message: string,
  table = 0,
  extra: Partial<Issue> = {},
): Issue {
  return {
    rule: "value-missing",
    severity,
    sheet: "表",
    cell,
    table,
    message,
    messageEn: `${message} (en)`,
    fix: null,
    ...extra,
  };
}

function tables(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    sheet: "表",
    range: `A${i * 20 + 1}:G${i * 20 + 16}`,
    kind: "project" as const,
    framework: "legacy" as const,
    projectName: `项目${i + 1}`,
    projectCode: null,
  }));
}

function summary(issues: Issue[]) {
  return {
    errors: issues.filter((i) => i.severity === "error").length,
    warnings: issues.filter((i) => i.severity === "warning").length,
    infos: issues.filter((i) => i.severity === "info").length,
  };
}

async function paneWith(issues: Issue[], tableCount = 1, language = "zh-CN") {
  const host = new RecordingHost([emptySnapshot("表")]);
  const outcome: WorkbookCheck = { tables: tables(tableCount), issues, summary: summary(issues) };
  localStorage.clear();
  render(
    <App
      host={host}
      check={() => outcome}
      templates={projectTemplates}
      displayLanguage={language}
      themeName="light"
      storage={localStorage}
    />,
  );
  fireEvent.click(screen.getByTestId("validate"));
  await screen.findByTestId("count-error");
  await waitFor(() => expect(screen.getByTestId("validate").getAttribute("aria-disabled")).not.toBe("true"));
  return host;
}

const listed = () => screen.queryAllByTestId("finding").filter((el) => el.closest("[data-testid=finding-group]"));

test("a tile filters the list to its severity; pressing it again shows all", async () => {
  await paneWith([issue("E10", "error", "甲"), issue("E11", "warning", "乙"), issue("E12", "info", "丙")]);
  const warnings = screen.getByTestId("count-warning");
  fireEvent.click(warnings);
  expect(warnings.getAttribute("aria-pressed")).toBe("true");
  expect(listed().map((el) => el.dataset.severity)).toEqual(["warning"]);
  expect(screen.getByTestId("filter-note").textContent).toBe("显示 1 / 3 个问题");
  fireEvent.click(warnings);
  expect(listed()).toHaveLength(3);
});

test("a table folds and unfolds from its heading", async () => {
  await paneWith([issue("E10", "error", "甲", 0), issue("E30", "error", "乙", 1)], 2);
  const [first] = screen.getAllByTestId("group-toggle");
  fireEvent.click(first);
  expect(first.getAttribute("aria-expanded")).toBe("false");
  expect(listed().map((el) => el.dataset.cell)).toEqual(["E30"]);
  fireEvent.click(first);
  expect(listed()).toHaveLength(2);
});

test("identical messages in a table are one card listing the other cells", async () => {
  await paneWith([issue("E10", "error", "同一句"), issue("E11", "error", "同一句"), issue("E12", "error", "另一句")]);
  const cards = screen.getAllByTestId("finding-group")[0].querySelectorAll("ul > li[class]");
  expect(cards.length).toBe(2);
  expect(within(cards[0] as HTMLElement).getByRole("button", { name: "E11" }).dataset.cell).toBe("E11");
});

test("previous / next and Alt+↓ / Alt+↑ step through the findings and keep the focus where it was", async () => {
  const host = await paneWith([issue("E10", "error", "甲"), issue("E11", "warning", "乙"), issue("E12", "info", "丙")]);
  const next = screen.getByTestId("next-finding");
  next.focus();
  fireEvent.click(next);
  fireEvent.click(next);
  expect(document.activeElement).toBe(next);
  expect(screen.getByTestId("finding-position").textContent).toBe("第 2 / 3 个");
  act(() => {
    fireEvent.keyDown(document, { key: "ArrowUp", altKey: true });
  });
  expect(document.activeElement).toBe(next);
  fireEvent.click(screen.getByTestId("previous-finding"));
  expect(host.selected).toEqual(["表!E10", "表!E11", "表!E10", "表!E12"]);
});

test("10,000 findings render a page at a time", async () => {
  const many = Array.from({ length: 10_000 }, (_, i) => issue(`E${i + 1}`, "error", `问题 ${i}`, i % 300));
  await paneWith(many, 300);
  const shown = screen.queryAllByTestId("finding").length;
  expect(shown).toBeLessThanOrEqual(PAGE_SIZE);
  expect(shown).toBeGreaterThan(0);
  fireEvent.click(screen.getByTestId("show-more"));
  expect(screen.queryAllByTestId("finding").length).toBeGreaterThan(shown);
});

test("Apply writes the fix through the host on a click only, and the same button undoes it", async () => {
  const fixable = issue("E11", "info", "指标值含全角字符", 0, {
    rule: "value-normalizable",
    fix: { cell: "E11", value: "≥98%", was: "＞＝９８％" },
  });
  const host = await paneWith([fixable]);
  expect(host.fixed).toEqual([]);
  const button = screen.getByTestId("apply-fix");
  expect(button.textContent).toBe("应用修改");
  button.focus();
  fireEvent.click(button);
  await waitFor(() => expect(screen.getByTestId("apply-fix").textContent).toBe("撤销修改"));
  expect(host.fixed).toEqual([[{ sheet: "表", cell: "E11", value: "≥98%", was: "＞＝９８％" }]]);
  expect(screen.getByTestId("fix-state").textContent).toBe("已改为：≥98%");
  expect(document.activeElement).toBe(screen.getByTestId("apply-fix"));
  fireEvent.click(screen.getByTestId("apply-fix"));
  await waitFor(() => expect(screen.getByTestId("apply-fix").textContent).toBe("应用修改"));
  expect(host.undone).toHaveLength(1);
});

test("a fix over several cells is applied as one", async () => {
  const plan = issue("B7", "warning", "资金支出计划标注为百分比", 0, {
    rule: "spending-plan-unit",
    fixes: [
      { cell: "B7", value: "25%", was: "12.50" },
      { cell: "C7", value: "50%", was: "25.00" },
    ],
  });
  const host = await paneWith([plan]);
  expect(screen.getByTestId("fix-state").textContent).toBe("建议改为：B7 25%、C7 50%");
  fireEvent.click(screen.getByTestId("apply-fix"));
  await waitFor(() => expect(host.fixed).toHaveLength(1));
  expect(host.fixed[0].map((w) => w.cell)).toEqual(["B7", "C7"]);
});

test("导出结果 writes one row per finding, linked to its cell", async () => {
  const host = await paneWith([issue("E10", "error", "甲"), issue("E11", "warning", "乙")]);
  fireEvent.click(screen.getByTestId("export-findings"));
  await screen.findByTestId("notice");
  expect(host.exported).toHaveLength(1);
  const sheet = host.exported[0];
  expect(sheet.name).toBe("校验结果");
  expect(sheet.rows.map((r) => [r.cells[0], r.cells[1], r.cells[4], r.target])).toEqual([
    ["表!E10", "错误", "甲", { sheet: "表", cell: "E10" }],
    ["表!E11", "警告", "乙", { sheet: "表", cell: "E11" }],
  ]);
  expect(screen.getByTestId("notice").textContent).toContain("校验结果");
});

test("English counts are plural-correct", async () => {
  await paneWith(
    [issue("E10", "error", "甲"), issue("E11", "warning", "乙"), issue("E12", "warning", "丙")],
    1,
    "en-US",
  );
  expect(screen.getByTestId("count-error").textContent).toBe("1 error");
  expect(screen.getByTestId("count-warning").textContent).toBe("2 warnings");
  expect(screen.getByTestId("count-info").textContent).toBe("0 suggestions");
  expect(screen.getByText("1 error · 2 warnings · 0 suggestions")).toBeTruthy();
});
