/** @jest-environment jsdom */
import { renderSheetGrid } from "./harness/grid";
import type { FakeSheet } from "../fakes/excel/state";

function sheet(): FakeSheet {
  return {
    name: "项目表",
    id: "{s1}",
    cells: {
      A1: { value: "1.专项运转保障经费绩效目标表", font: { bold: true } },
      A2: { value: "项目编码" },
      B2: { value: 183.6, numberFormat: "0.00" },
      C3: {
        value: '<img src=x onerror="alert(1)">',
        fill: { color: "#FFC7CE", pattern: "Solid" },
        font: { color: "#9C0006" },
        note: { content: "指标值是评价等级的选项" },
      },
    },
    merges: ["A1:D1", "A2:A3"],
    selection: "C3",
  };
}

describe("renderSheetGrid", () => {
  it("spans merged areas and skips the cells they cover", () => {
    const table = renderSheetGrid(document, sheet());
    const title = table.querySelector<HTMLTableCellElement>('td[data-address="A1"]')!;
    expect(title.colSpan).toBe(4);
    expect(title.style.fontWeight).toBe("bold");
    expect(table.querySelector('td[data-address="B1"]')).toBeNull();
    const label = table.querySelector<HTMLTableCellElement>('td[data-address="A2"]')!;
    expect(label.rowSpan).toBe(2);
    expect(table.querySelector('td[data-address="A3"]')).toBeNull();
  });

  it("shows the text Excel displays, fills, font colours, notes and the selection", () => {
    const table = renderSheetGrid(document, sheet());
    expect(table.querySelector('td[data-address="B2"]')!.textContent).toBe("183.60");
    const marked = table.querySelector<HTMLTableCellElement>('td[data-address="C3"]')!;
    expect(marked.style.backgroundColor).toBe("rgb(255, 199, 206)");
    expect(marked.style.color).toBe("rgb(156, 0, 6)");
    expect(marked.title).toBe("指标值是评价等级的选项");
    expect(marked.classList.contains("selected")).toBe(true);
    // Cell text is text: no element comes out of it.
    expect(marked.querySelector("img")).toBeNull();
    expect(marked.textContent).toBe('<img src=x onerror="alert(1)">');
  });

  it("pads an empty sheet to the minimum size with column letters and row numbers", () => {
    const table = renderSheetGrid(
      document,
      { name: "Sheet1", id: "{s}", cells: {}, merges: [] },
      { minRows: 5, minCols: 3 },
    );
    expect([...table.querySelectorAll("thead th")].map((th) => th.textContent)).toEqual(["", "A", "B", "C"]);
    expect(table.querySelectorAll("tbody tr")).toHaveLength(5);
  });

  it("reports a click with the cell's address, or the whole merged area", () => {
    const clicks: string[] = [];
    const table = renderSheetGrid(document, sheet(), { onSelect: (address) => clicks.push(address) });
    table.querySelector<HTMLElement>('td[data-address="C3"]')!.click();
    table.querySelector<HTMLElement>('td[data-address="A2"]')!.click();
    expect(clicks).toEqual(["C3", "A2:A3"]);
  });
});
