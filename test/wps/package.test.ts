/**
 * The WPS add-in package as the build writes it: a well-formed ribbon.xml whose callbacks main.js
 * defines, the publish and jsplugins files, ES2017 syntax, no Office.js, and main.js driven end to end
 * against the WPS fake (no WPS was available to load it).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { parse } from "acorn";
import { SaxesParser } from "saxes";
import { createFakeWps, emptyWpsState, findWpsSheet } from "../fakes/wps";

const root = path.join(__dirname, "../..");
let out = "";

beforeAll(() => {
  out = mkdtempSync(path.join(tmpdir(), "wps-addin-"));
  execFileSync(process.execPath, [path.join(root, "scripts/build-wps.mjs"), out], {
    env: { ...process.env, WPS_ADDIN_URL: "http://intranet.example/target-table" },
  });
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

function read(file: string): string {
  return readFileSync(path.join(out, file), "utf8");
}

interface Element {
  name: string;
  attributes: Record<string, string>;
}

/** Parses strictly (a malformed file throws) and returns every element with its attributes. */
function elements(xml: string): Element[] {
  const found: Element[] = [];
  const parser = new SaxesParser({ xmlns: false });
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => found.push({ name: tag.name, attributes: tag.attributes as Record<string, string> }));
  parser.write(xml).close();
  return found;
}

function runMain(app: unknown, alerts: string[]): Record<string, (...args: unknown[]) => unknown> {
  const store = new Map<string, string>();
  const storage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, String(v)),
    removeItem: (k: string) => void store.delete(k),
  };
  const context: Record<string, unknown> = {
    Application: app,
    location: { href: "file:///C:/addins/target-table_0.1.0/index.html" },
    navigator: { language: "zh-CN" },
    localStorage: storage,
    alert: (text: string) => alerts.push(text),
    console,
    setTimeout,
    clearTimeout,
    URL,
  };
  context.window = context;
  vm.createContext(context);
  vm.runInContext(read("main.js"), context);
  return context as Record<string, (...args: unknown[]) => unknown>;
}

test("ribbon.xml is well-formed and offers 校验, 插入项目模板, 清除标记 and 显示面板", () => {
  const tags = elements(read("ribbon.xml"));
  expect(tags[0]!.name).toBe("customUI");
  const buttons = tags.filter((t) => t.name === "button");
  expect(buttons.map((b) => b.attributes.label)).toEqual(["校验", "插入项目模板", "清除标记", "显示面板"]);
  expect(new Set(buttons.map((b) => b.attributes.id)).size).toBe(4);
});

test("every callback ribbon.xml names is a function main.js defines, and every button is handled", () => {
  const tags = elements(read("ribbon.xml"));
  const names = new Set<string>();
  for (const tag of tags)
    for (const key of ["onLoad", "onAction", "getImage"]) if (tag.attributes[key]) names.add(tag.attributes[key]!);
  expect([...names].sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
  const globals = runMain(createFakeWps().Application, []);
  for (const name of names) expect(typeof globals[name]).toBe("function");
  const ids = tags.filter((t) => t.name === "button").map((t) => t.attributes.id);
  expect(globals.TARGET_TABLE_BUTTONS).toEqual(ids);
  for (const id of ids) expect(existsSync(path.join(out, String(globals.GetImage!({ Id: id }))))).toBe(true);
});

test("publish.xml and jsplugins.xml are well-formed and name the add-in as a spreadsheet (et) add-in", () => {
  const [publish] = elements(read("publish.xml")).filter((t) => t.name === "jspluginonline");
  expect(publish!.attributes).toMatchObject({
    name: "target-table",
    type: "et",
    url: "http://intranet.example/target-table/",
  });
  const [local] = elements(read("jsplugins.xml")).filter((t) => t.name === "jsplugin");
  expect(local!.attributes).toMatchObject({ name: "target-table", type: "et", version: "0.1.0" });
  expect(local!.attributes.url).toMatch(/^file:\/\/\/.+\/$/);
});

test("the scripts parse as ES2017 and nothing refers to Office.js", () => {
  for (const file of ["main.js", "taskpane.js"]) {
    expect(() => parse(read(file), { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
  }
  for (const file of ["main.js", "taskpane.js", "index.html", "taskpane.html", "ribbon.xml"]) {
    const text = read(file);
    expect(text).not.toMatch(/office\.js|appsforoffice|Office\.onReady|Office\.context|Excel\.run/);
  }
  expect(read("taskpane.html")).toContain('src="taskpane.js"');
  expect(read("index.html")).toContain('src="main.js"');
});

test("main.js end to end on the fake: 校验 paints and opens the pane, 清除标记 restores, 插入项目模板 adds a sheet", async () => {
  const state = emptyWpsState(["表"]);
  state.sheets[0]!.cells = {
    A1: { value: "项目支出绩效目标表" },
    A2: { value: "一级指标" },
    B2: { value: "二级指标" },
    C2: { value: "三级指标" },
    D2: { value: "指标值" },
    A3: { value: "产出指标" },
    B3: { value: "数量指标" },
    C3: { value: "培训人数" },
    D3: { value: "优秀 良好 一般" },
  };
  const fake = createFakeWps(state);
  const before = fake.snapshot();
  const alerts: string[] = [];
  const main = runMain(fake.Application, alerts);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  main.OnAction!({ Id: "ttValidate" });
  await settle();
  expect(alerts).toEqual([]);
  expect(findWpsSheet(fake.state, "表")!.cells.D3!.interior).toBeDefined();
  expect(fake.taskPanes).toHaveLength(1);
  expect(fake.taskPanes[0]).toMatchObject({ Visible: true, url: "file:///C:/addins/target-table_0.1.0/taskpane.html" });

  main.OnAction!({ Id: "ttShowPane" });
  await settle();
  expect(fake.taskPanes).toHaveLength(1);

  main.OnAction!({ Id: "ttClear" });
  await settle();
  expect(alerts.pop()).toMatch(/已清除 \d+ 个单元格的标记/);
  expect(fake.snapshot()).toEqual(before);

  main.OnAction!({ Id: "ttInsertTemplate" });
  await settle();
  expect(fake.state.activeSheet).toBe("项目绩效目标表");
  expect(alerts).toEqual([]);
});
