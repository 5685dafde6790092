/** The pane's start-up choice of host: WPS where the page has WPS's Application, else Office. */
import { paneHostKind } from "../../src/taskpane/host-choice";
import { createFakeWps } from "../fakes/wps";

test("WPS when the page has WPS's Application, Office otherwise", () => {
  expect(paneHostKind()).toBe("office");
  const fake = createFakeWps().install();
  try {
    expect(paneHostKind()).toBe("wps");
  } finally {
    fake.uninstall();
  }
  (globalThis as Record<string, unknown>).Application = { Name: "not WPS" };
  try {
    expect(paneHostKind()).toBe("office");
  } finally {
    delete (globalThis as Record<string, unknown>).Application;
  }
});
