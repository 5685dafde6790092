/** Navigation: selecting a finding's cell, and following the user's selection. */
import { HostError, type CellSelection } from "../../src/host/types";
import { emptyWorkbookState } from "../fakes/excel";
import { setUp, tearDown } from "./helpers";

afterEach(tearDown);

describe("navigation", () => {
  test("selectCell activates the sheet and selects the cell", async () => {
    const { fake, host } = setUp(emptyWorkbookState(["一", "二"]));
    await host.selectCell("二", "E17");
    expect(fake.state.activeSheet).toBe("二");
    expect(fake.state.sheets[1]!.selection).toBe("E17");
  });

  test("selectCell on a sheet that is gone fails with a plain message", async () => {
    const { host } = setUp(emptyWorkbookState(["一"]));
    const failure = await host.selectCell("不存在", "A1").catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(HostError);
    expect((failure as HostError).messageZh).toContain("找不到");
  });

  test("onSelectionChanged reports sheet, top-left cell and range, also after a rename; unsubscribing stops it", async () => {
    const { fake, host } = setUp(emptyWorkbookState(["一", "二"]));
    const seen: CellSelection[] = [];
    const unsubscribe = await host.onSelectionChanged((selection) => seen.push(selection));
    await fake.userSelects("二", "B3:D7");
    fake.state.sheets[0]!.name = "改名";
    fake.state.activeSheet = "改名";
    await fake.userSelects("改名", "C5");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([
      { sheet: "二", cell: "B3", range: "B3:D7" },
      { sheet: "改名", cell: "C5", range: "C5" },
    ]);
    await unsubscribe();
    await fake.userSelects("二", "A1");
    expect(seen).toHaveLength(2);
  });

  test("a selection made by selectCell is reported too", async () => {
    const { host } = setUp(emptyWorkbookState(["一"]));
    const seen: CellSelection[] = [];
    await host.onSelectionChanged((selection) => seen.push(selection));
    await host.selectCell("一", "C9");
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen).toEqual([{ sheet: "一", cell: "C9", range: "C9" }]);
  });
});
