/**
 * The preview page: the workbook drawn as a grid on the left, the real task pane (in an iframe,
 * running on the fake Excel) on the right. The grid redraws after every operation the pane makes.
 */
import type { FakeExcelHarness } from "./office-stub";
import { renderSheetGrid } from "./grid";

const frame = document.getElementById("pane") as HTMLIFrameElement;
const gridScroll = document.getElementById("grid-scroll") as HTMLDivElement;
const tabs = document.getElementById("tabs") as HTMLElement;
const languageSelect = document.getElementById("language") as HTMLSelectElement;
const themeSelect = document.getElementById("theme") as HTMLSelectElement;

const params = new URLSearchParams(window.location.search);
languageSelect.value = params.get("lang") || "zh-CN";
themeSelect.value = params.get("theme") || "light";

let detach: (() => void) | null = null;

function draw(harness: FakeExcelHarness): void {
  const state = harness.getState();
  const active = state.sheets.find((s) => s.name === state.activeSheet) ?? state.sheets[0];
  tabs.replaceChildren(
    ...state.sheets
      .filter((sheet) => (sheet.visibility ?? "Visible") === "Visible")
      .map((sheet) => {
        const tab = document.createElement("button");
        tab.type = "button";
        tab.setAttribute("role", "tab");
        tab.setAttribute("aria-selected", String(sheet.name === active?.name));
        tab.textContent = sheet.name;
        tab.addEventListener("click", () => harness.activate(sheet.name));
        return tab;
      }),
  );
  if (!active) {
    gridScroll.replaceChildren();
    return;
  }
  const grid = renderSheetGrid(document, active, {
    minRows: 30,
    minCols: 8,
    onSelect: (address) => void harness.select(active.name, address),
  });
  gridScroll.replaceChildren(grid);
}

function attach(): void {
  const paneWindow = frame.contentWindow as (Window & { fakeExcelHarness?: FakeExcelHarness }) | null;
  if (!paneWindow) return;
  const connect = () => {
    const harness = paneWindow.fakeExcelHarness;
    if (!harness) return;
    detach?.();
    detach = harness.onChange(() => draw(harness));
    draw(harness);
  };
  if (paneWindow.fakeExcelHarness) connect();
  else paneWindow.addEventListener("fake-excel-ready", connect, { once: true });
}

function openPane(): void {
  const query = new URLSearchParams({ lang: languageSelect.value, theme: themeSelect.value });
  detach?.();
  detach = null;
  frame.src = `taskpane.html?${query.toString()}`;
  history.replaceState(null, "", `?${query.toString()}`);
}

frame.addEventListener("load", attach);
languageSelect.addEventListener("change", openPane);
themeSelect.addEventListener("change", openPane);
openPane();
