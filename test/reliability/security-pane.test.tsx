/** @jest-environment jsdom */
/**
 * Cell text never reaches the task pane's DOM as HTML: a workbook whose sheet name, project name, values
 * and descriptions hold markup is checked through the real pane, and every finding shows that markup as text.
 */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { checkWorkbook } from "../../src/core/check";
import { App } from "../../src/taskpane/components/App";
import { projectTemplates } from "../../src/taskpane/templates";
import { RecordingHost } from "../taskpane/recording-host";
import { cleanSheet, setCell } from "../support/clean-table";

// Each lands in a finding's message: a number-less quantity, grade options, a bad code, a repeated name.
const PAYLOADS = {
  value: "<img src=x onerror=alert()>",
  options: '优秀 良好 一般 <b onmouseover="window.__injected=2">',
  code: "<script>window.__injected=3</script>",
  name: '<iframe src="javascript:window.__injected=4">',
  sheet: "<svg onload=alert(1)>项目",
};

test("markup in cells and sheet names is shown as text, never parsed", async () => {
  const sheet = {
    ...cleanSheet((rows) => {
      setCell(rows, "E10", PAYLOADS.value);
      setCell(rows, "E11", PAYLOADS.options);
      setCell(rows, "B3", PAYLOADS.code);
      setCell(rows, "C12", PAYLOADS.name);
      setCell(rows, "D12", PAYLOADS.name);
    }),
    name: PAYLOADS.sheet,
  };
  const host = new RecordingHost([sheet]);
  localStorage.clear();
  render(
    <App
      host={host}
      check={checkWorkbook}
      templates={projectTemplates}
      displayLanguage="zh-CN"
      themeName="light"
      storage={localStorage}
      initialResult={null}
    />,
  );
  fireEvent.click(screen.getByTestId("validate"));
  const expected = checkWorkbook([sheet]).issues.filter((i) => /<(img|b|script|iframe)/.test(i.message));
  expect(expected.map((i) => i.rule).sort()).toEqual([
    "description-repeats-name",
    "project-code-format",
    "value-not-numeric",
  ]);
  await waitFor(() => expect(screen.getAllByTestId("finding").length).toBeGreaterThanOrEqual(expected.length));

  const body = document.body;
  // The pane itself uses no images, scripts or frames; its icons are SVG, so SVG is looked for in the findings only.
  for (const selector of ["img", "script", "iframe", '[data-testid="finding"] svg', '[data-testid="finding"] b']) {
    expect([selector, body.querySelectorAll(selector).length]).toEqual([selector, 0]);
  }
  const injected = [...body.querySelectorAll("*")].filter((el) =>
    // Text in a title or label attribute is text; an event handler or a javascript: link would run.
    [...el.attributes].some(
      (a) =>
        /^on/i.test(a.name) || (/^(href|src|action|formaction|data)$/i.test(a.name) && /javascript:/i.test(a.value)),
    ),
  );
  expect(injected.map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
  expect((window as unknown as { __injected?: number }).__injected).toBeUndefined();

  const text = screen
    .getAllByTestId("finding")
    .map((el) => el.textContent ?? "")
    .join("\n");
  for (const issue of expected) expect(text).toContain(issue.message);
  expect(text).toContain("<img src=x onerror=");
  expect(text).toContain("<script>window.__injected=3</script>");
  expect(body.textContent).toContain("<svg onload=alert(1)>项目");
});
