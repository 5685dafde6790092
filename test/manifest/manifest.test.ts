/** @jest-environment jsdom */
/**
 * The add-in manifest: valid against Microsoft's XSD schemas (offline), and right where the schemas cannot
 * look — resource ids, string lengths, https, icon files — plus the ribbon the spec asks for. The checks
 * are also fed broken copies, each of which must be caught.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  functionNames,
  httpsProblems,
  iconProblems,
  localAddressProblems,
  manifestProblems,
  manifestUrls,
  parseManifest,
  pngSize,
  repoRoot,
  resourceProblems,
  schemaProblems,
  sharedRuntimeProblems,
  stringLengthProblems,
  withoutNestedOverrides,
  OV11,
} from "./manifest-checks";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_BASE_URL, normalizePublicUrl, rewriteManifestUrls } = require("../../scripts/manifest-url.cjs") as {
  DEV_BASE_URL: string;
  normalizePublicUrl: (url: unknown) => string;
  rewriteManifestUrls: (xml: string, baseUrl: unknown) => string;
};

const manifestXml = readFileSync(join(repoRoot, "manifest.xml"), "utf8");
const assetsDir = join(repoRoot, "assets");
const devOptions = { baseUrl: DEV_BASE_URL, production: false };
const publicUrl = "https://addins.example.com/target-table/";

const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

/**
 * A copy of the manifest with the first occurrence of one exact piece replaced; fails loudly if the piece is
 * not there `count` times. Pieces of the ribbon are there twice (the outer VersionOverridesV1_0 and the nested
 * VersionOverridesV1_1): the first is the outer one's.
 */
function mutate(xml: string, from: string, to: string, count = 1): string {
  const found = xml.split(from).length - 1;
  if (found !== count) throw new Error(`Mutation target found ${found} times, not ${count}: ${from}`);
  return xml.replace(from, () => to);
}

/** The same multi-line change in both ribbons: the nested one is indented two more spaces. */
function mutateBothRibbons(xml: string, from: string, to: string): string {
  const nested = (text: string) => text.replace(/\n/g, "\n  ");
  return mutate(mutate(xml, from, to), nested(from), nested(to));
}

function child(parent: Element, localName: string): Element | undefined {
  return Array.from(parent.children).find((element) => element.localName === localName);
}

function stringResource(document: Document, id: string | null): { zh: string; en: string | null } {
  const string = Array.from(document.getElementsByTagNameNS(BT, "String")).find((s) => s.getAttribute("id") === id);
  if (!string) throw new Error(`No string resource ${id}`);
  const override = Array.from(string.children).find((o) => o.getAttribute("Locale") === "en-US");
  return { zh: string.getAttribute("DefaultValue") ?? "", en: override?.getAttribute("Value") ?? null };
}

function urlResource(document: Document, id: string | null): string {
  const url = Array.from(document.getElementsByTagNameNS(BT, "Url")).find((u) => u.getAttribute("id") === id);
  if (!url) throw new Error(`No URL resource ${id}`);
  return url.getAttribute("DefaultValue") ?? "";
}

describe("manifest.xml", () => {
  const document = parseManifest(manifestXml);
  const root = document.documentElement;

  it("is valid against the Office add-in manifest schemas", async () => {
    expect(await schemaProblems(manifestXml)).toEqual([]);
  });

  it("passes every check the schemas cannot make", () => {
    expect(manifestProblems(manifestXml, devOptions)).toEqual([]);
  });

  it("describes a task-pane add-in for Excel in Chinese first, with English overrides", () => {
    expect(root.getAttributeNS(XSI, "type")).toBe("TaskPaneApp");
    // Office knows the add-in by this id: changing it makes a different add-in.
    expect(child(root, "Id")?.textContent).toBe("6342fe07-f229-48e8-927b-9f4b9186031c");
    expect(child(root, "Version")?.textContent).toBe("1.0.0.0");
    expect(child(root, "DefaultLocale")?.textContent).toBe("zh-CN");
    const displayName = child(root, "DisplayName")!;
    expect(displayName.getAttribute("DefaultValue")).toBe("绩效目标表校验");
    expect(child(displayName, "Override")?.getAttribute("Locale")).toBe("en-US");
    expect(child(displayName, "Override")?.getAttribute("Value")).toBe("Target Table Check");
    expect(child(child(root, "Description")!, "Override")?.getAttribute("Locale")).toBe("en-US");
    const hosts = Array.from(child(root, "Hosts")!.children).map((host) => host.getAttribute("Name"));
    expect(hosts).toEqual(["Workbook"]);
    expect(child(root, "Permissions")?.textContent).toBe("ReadWriteDocument");
    const sets = Array.from(root.getElementsByTagName("Set")).map((set) => [
      set.getAttribute("Name"),
      set.getAttribute("MinVersion"),
    ]);
    expect(sets).toEqual([["ExcelApi", "1.9"]]);
    expect(child(child(root, "DefaultSettings")!, "SourceLocation")?.getAttribute("DefaultValue")).toBe(
      `${DEV_BASE_URL}taskpane.html`,
    );
  });

  it("gives every ribbon string an English override", () => {
    const strings = Array.from(document.getElementsByTagNameNS(BT, "String"));
    expect(strings.length).toBeGreaterThan(0);
    for (const string of strings) {
      const overrides = Array.from(string.children).map((o) => o.getAttribute("Locale"));
      expect({ id: string.getAttribute("id"), overrides }).toEqual({
        id: string.getAttribute("id"),
        overrides: ["en-US"],
      });
    }
  });

  it("puts its own group on the Home tab with 校验, 插入项目模板 and 显示面板", () => {
    const tabs = Array.from(document.getElementsByTagNameNS(OV, "OfficeTab"));
    expect(tabs.map((tab) => tab.getAttribute("id"))).toEqual(["TabHome"]);
    const groups = Array.from(tabs[0].getElementsByTagNameNS(OV, "Group"));
    expect(groups).toHaveLength(1);
    const buttons = Array.from(groups[0].children).filter((element) => element.localName === "Control");
    const described = buttons.map((button) => {
      const label = stringResource(document, child(button, "Label")!.getAttribute("resid"));
      const supertip = child(button, "Supertip")!;
      const tip = stringResource(document, child(supertip, "Description")!.getAttribute("resid"));
      const action = child(button, "Action")!;
      expect(tip.en).toBeTruthy();
      expect(tip.zh).toMatch(/[\u4e00-\u9fff]/);
      return {
        type: button.getAttributeNS(XSI, "type"),
        label: label.zh,
        labelEn: label.en,
        action: action.getAttributeNS(XSI, "type"),
        target:
          child(action, "FunctionName")?.textContent ??
          urlResource(document, child(action, "SourceLocation")!.getAttribute("resid")),
      };
    });
    expect(described).toEqual([
      { type: "Button", label: "校验", labelEn: "Validate", action: "ExecuteFunction", target: "validate" },
      {
        type: "Button",
        label: "插入项目模板",
        labelEn: "Insert Project Template",
        action: "ExecuteFunction",
        target: "insertTemplate",
      },
      {
        type: "Button",
        label: "显示面板",
        labelEn: "Show Pane",
        action: "ShowTaskpane",
        target: `${DEV_BASE_URL}taskpane.html`,
      },
    ]);
    const functionFile = document.getElementsByTagNameNS(OV, "FunctionFile")[0];
    expect(urlResource(document, functionFile.getAttribute("resid"))).toBe(`${DEV_BASE_URL}commands.html`);
  });

  it("names only functions that the function file associates, in both ribbons", () => {
    const register = readFileSync(join(repoRoot, "src", "commands", "register.ts"), "utf8");
    const associated = Array.from(register.matchAll(/associate\(\s*"([^"]+)"/g), (match) => match[1]);
    // Twice each: the separate function file's ribbon and the shared runtime's.
    expect(functionNames(document).sort()).toEqual(["insertTemplate", "insertTemplate", "validate", "validate"]);
    expect(associated.sort()).toEqual([...new Set(functionNames(document))].sort());
  });

  it("names only pages the build produces (webpack pages, or files in assets/)", () => {
    const webpackConfig = readFileSync(join(repoRoot, "webpack.config.js"), "utf8");
    const pages = manifestUrls(document)
      .map(({ url }) => url)
      .filter((url) => url.startsWith(DEV_BASE_URL) && !url.startsWith(`${DEV_BASE_URL}assets/`))
      .map((url) => url.slice(DEV_BASE_URL.length));
    expect(new Set(pages)).toEqual(new Set(["taskpane.html", "commands.html"]));
    for (const page of pages) expect(webpackConfig).toContain(`filename: "${page}"`);
    for (const url of manifestUrls(document)
      .map((u) => u.url)
      .filter((u) => u.startsWith(`${DEV_BASE_URL}assets/`))) {
      expect(readFileSync(join(assetsDir, url.slice(`${DEV_BASE_URL}assets/`.length))).length).toBeGreaterThan(0);
    }
  });
});

describe("the shared runtime in manifest.xml", () => {
  const document = parseManifest(manifestXml);
  const root = document.documentElement;
  const outer = child(root, "VersionOverrides")!;
  const nested = Array.from(outer.children).find((element) => element.namespaceURI === OV11)!;
  const ownUrl = (block: Element, resid: string | null) =>
    Array.from(block.getElementsByTagNameNS(BT, "Url"))
      .filter((url) => url.closest("VersionOverrides") === block)
      .find((url) => url.getAttribute("id") === resid)
      ?.getAttribute("DefaultValue");
  const inBlock = (block: Element, localName: string) =>
    Array.from(block.getElementsByTagName("*")).filter(
      (element) => element.localName === localName && element.closest("VersionOverrides") === block,
    );

  it("is declared in a nested VersionOverridesV1_1 that requires SharedRuntime 1.1", () => {
    expect(nested).toBeDefined();
    expect(nested.getAttributeNS(XSI, "type")).toBe("VersionOverridesV1_1");
    const sets = Array.from(child(nested, "Requirements")!.getElementsByTagNameNS(BT, "Set")).map((set) => [
      set.getAttribute("Name"),
      set.getAttribute("MinVersion"),
    ]);
    expect(sets).toEqual([["SharedRuntime", "1.1"]]);
    const host = child(child(nested, "Hosts")!, "Host")!;
    expect(host.getAttributeNS(XSI, "type")).toBe("Workbook");
    const runtime = child(child(host, "Runtimes")!, "Runtime")!;
    expect(runtime.getAttribute("lifetime")).toBe("long");
    expect(sharedRuntimeProblems(document)).toEqual([]);
  });

  it("runs the pane and the commands on the pane's page, with one resid", () => {
    const runtimeResid = inBlock(nested, "Runtime")[0].getAttribute("resid");
    const pane = `${DEV_BASE_URL}taskpane.html`;
    expect(ownUrl(nested, runtimeResid)).toBe(pane);
    expect(child(child(root, "DefaultSettings")!, "SourceLocation")!.getAttribute("DefaultValue")).toBe(pane);
    expect(inBlock(nested, "FunctionFile").map((element) => element.getAttribute("resid"))).toEqual([runtimeResid]);
    expect(inBlock(nested, "SourceLocation").map((element) => element.getAttribute("resid"))).toEqual([runtimeResid]);
  });

  it("keeps the separate function file for Excel without SharedRuntime 1.1", () => {
    // The base manifest does not require it: such Excel still loads the add-in and uses the outer ribbon.
    const baseSets = Array.from(child(root, "Requirements")!.getElementsByTagName("Set")).map((set) =>
      set.getAttribute("Name"),
    );
    expect(baseSets).toEqual(["ExcelApi"]);
    expect(child(outer, "Requirements")).toBeUndefined();
    expect(inBlock(outer, "Runtimes")).toEqual([]);
    const functionFile = inBlock(outer, "FunctionFile");
    expect(functionFile).toHaveLength(1);
    expect(ownUrl(outer, functionFile[0].getAttribute("resid"))).toBe(`${DEV_BASE_URL}commands.html`);
  });

  it("is left out of the XSD validation only where the schemas have nothing to say, keeping line numbers", async () => {
    const stripped = withoutNestedOverrides(manifestXml);
    expect(stripped.split("\n")).toHaveLength(manifestXml.split("\n").length);
    expect(stripped).not.toContain("taskpaneappversionoverrides/1.1");
    expect(parseManifest(stripped).getElementsByTagNameNS(OV, "FunctionFile")).toHaveLength(1);
    // The outer ribbon is still validated: a fault there is reported at its line in manifest.xml.
    const broken = mutate(
      manifestXml,
      "<FunctionName>validate</FunctionName>",
      "<FunctionNam>validate</FunctionNam>",
      2,
    );
    const line = manifestXml.slice(0, manifestXml.indexOf("<FunctionName>validate")).split("\n").length;
    expect((await schemaProblems(broken)).join("\n")).toContain(`manifest.xml:${line}:`);
  });

  const nestedRuntime = '<Runtime resid="TT.Taskpane.Url" lifetime="long"/>';
  it.each([
    [
      "SharedRuntime required by the base manifest",
      (xml: string) =>
        mutate(
          xml,
          '<Set Name="ExcelApi" MinVersion="1.9"/>',
          '<Set Name="ExcelApi" MinVersion="1.9"/>\n      <Set Name="SharedRuntime" MinVersion="1.1"/>',
        ),
      /base <Requirements> asks for SharedRuntime/,
    ],
    [
      "a short-lived runtime",
      (xml: string) => mutate(xml, nestedRuntime, '<Runtime resid="TT.Taskpane.Url" lifetime="short"/>'),
      /must be long-lived/,
    ],
    [
      "the runtime on another page",
      (xml: string) => mutate(xml, nestedRuntime, '<Runtime resid="TT.Support.Url" lifetime="long"/>'),
      /is https:\/\/localhost:3000\/assets\/support.html, not the pane's page/,
    ],
    [
      "the nested function file still on commands.html",
      (xml: string) =>
        mutate(
          mutate(xml, '<FunctionFile resid="TT.Taskpane.Url"/>', '<FunctionFile resid="TT.Commands.Url"/>'),
          '          <bt:Url id="TT.Taskpane.Url"',
          '          <bt:Url id="TT.Commands.Url" DefaultValue="https://localhost:3000/commands.html"/>\n          <bt:Url id="TT.Taskpane.Url"',
        ),
      /FunctionFile must use the runtime's resid "TT.Taskpane.Url"/,
    ],
    [
      "the same page under another resid (Office needs the same resid)",
      (xml: string) =>
        mutate(
          mutate(xml, nestedRuntime, '<Runtime resid="TT.Runtime.Url" lifetime="long"/>'),
          '          <bt:Url id="TT.Taskpane.Url"',
          '          <bt:Url id="TT.Runtime.Url" DefaultValue="https://localhost:3000/taskpane.html"/>\n          <bt:Url id="TT.Taskpane.Url"',
        ),
      /FunctionFile must use the runtime's resid "TT.Runtime.Url"/,
    ],
    [
      "no SharedRuntime requirement on the nested block",
      (xml: string) =>
        mutate(xml, '<bt:Set Name="SharedRuntime" MinVersion="1.1"/>', '<bt:Set Name="ExcelApi" MinVersion="1.9"/>'),
      /must require SharedRuntime 1.1/,
    ],
    [
      "Runtimes in the outer block (old Excel would refuse the manifest)",
      (xml: string) =>
        mutate(
          xml,
          '      <Host xsi:type="Workbook">\n        <DesktopFormFactor>',
          `      <Host xsi:type="Workbook">\n        <Runtimes>\n          ${nestedRuntime}\n        </Runtimes>\n        <DesktopFormFactor>`,
        ),
      /VersionOverridesV1_0 declares <Runtimes>/,
    ],
    [
      "a ribbon that drifted apart (a label changed in one block only)",
      (xml: string) => {
        const from = '<Label resid="TT.Pane.Label"/>';
        const at = xml.lastIndexOf(from);
        return `${xml.slice(0, at)}<Label resid="TT.Pane.Title"/>${xml.slice(at + from.length)}`;
      },
      /The ribbon of VersionOverridesV1_1 differs/,
    ],
    [
      "a misspelt element inside the nested block, which no schema sees",
      (xml: string) =>
        xml.replace(
          /(<VersionOverrides xmlns="[^"]*\/1\.1"[\s\S]*?)<FunctionName>validate<\/FunctionName>/,
          "$1<FunctionNam>validate</FunctionNam>",
        ),
      /The ribbon of VersionOverridesV1_1 differs/,
    ],
    [
      "a string translated differently in one block",
      (xml: string) => {
        const at = xml.lastIndexOf('Value="Validate"');
        return `${xml.slice(0, at)}Value="Check"${xml.slice(at + 'Value="Validate"'.length)}`;
      },
      /resources of VersionOverridesV1_1 differ/,
    ],
    [
      "the nested block left out",
      (xml: string) => xml.replace(/\s*<VersionOverrides xmlns="[^"]*\/1\.1"[\s\S]*?<\/VersionOverrides>/, ""),
      /Expected one VersionOverridesV1_1 nested in VersionOverridesV1_0, found 0/,
    ],
  ])("catches %s", (_name, change, message) => {
    const broken = change(manifestXml);
    expect(broken).not.toBe(manifestXml);
    expect(sharedRuntimeProblems(parseManifest(broken)).join("\n")).toMatch(message);
    expect(manifestProblems(broken, devOptions)).not.toEqual([]);
  });

  it("the Runtimes element in the outer block is refused by the schemas too", async () => {
    const broken = mutate(
      manifestXml,
      '      <Host xsi:type="Workbook">\n        <DesktopFormFactor>',
      `      <Host xsi:type="Workbook">\n        <Runtimes>\n          ${nestedRuntime}\n        </Runtimes>\n        <DesktopFormFactor>`,
    );
    expect((await schemaProblems(broken)).join("\n")).toMatch(/Runtimes.*not expected/);
  });
});

describe("the manifest checks catch a broken manifest", () => {
  const check = (xml: string) => manifestProblems(xml, devOptions);

  it("an undefined resid", () => {
    const broken = mutate(
      manifestXml,
      '<Description resid="TT.Validate.Tip"/>',
      '<Description resid="TT.Validate.Typo"/>',
      2,
    );
    expect(resourceProblems(parseManifest(broken))).toEqual([
      '<Description resid="TT.Validate.Typo"> names no resource in <Resources>.',
      'Resource "TT.Validate.Tip" is defined but never used.',
    ]);
    expect(check(broken)).not.toEqual([]);
  });

  it("a resid of the wrong kind (a label pointing at a long string)", () => {
    const broken = mutate(manifestXml, '<Label resid="TT.Validate.Label"/>', '<Label resid="TT.Validate.Tip"/>', 2);
    expect(resourceProblems(parseManifest(broken))).toContain(
      '<Label resid="TT.Validate.Tip"> needs a resource in ShortStrings, not in LongStrings.',
    );
  });

  it("a resource id defined twice", () => {
    const broken = mutate(
      manifestXml,
      '<bt:Url id="TT.Support.Url"',
      '<bt:Url id="TT.Commands.Url" DefaultValue="https://localhost:3000/other.html"/>\n        <bt:Url id="TT.Support.Url"',
      2,
    );
    expect(resourceProblems(parseManifest(broken))).toContain(
      'Resource id "TT.Commands.Url" is defined more than once.',
    );
  });

  it("an over-long short string (126 characters), also refused by the schema", async () => {
    const broken = mutate(manifestXml, 'Value="Validate"', `Value="${"校".repeat(126)}"`, 2);
    expect(stringLengthProblems(parseManifest(broken))).toEqual([
      'ShortStrings "TT.Validate.Label" (en-US) has 126 characters; at most 125 are allowed.',
    ]);
    expect(await schemaProblems(broken)).not.toEqual([]);
  });

  it("an over-long long string (251 characters), and accepts exactly 250 and 125", () => {
    const tip = stringResource(parseManifest(manifestXml), "TT.Pane.Tip").zh;
    const tooLong = mutate(manifestXml, `DefaultValue="${tip}"`, `DefaultValue="${"表".repeat(251)}"`, 2);
    expect(stringLengthProblems(parseManifest(tooLong))).toEqual([
      'LongStrings "TT.Pane.Tip" (default) has 251 characters; at most 250 are allowed.',
    ]);
    const atLimit = mutate(manifestXml, `DefaultValue="${tip}"`, `DefaultValue="${"表".repeat(250)}"`, 2);
    const shortAtLimit = mutate(atLimit, 'Value="Validate"', `Value="${"x".repeat(125)}"`, 2);
    expect(stringLengthProblems(parseManifest(shortAtLimit))).toEqual([]);
  });

  it("an http URL", () => {
    const broken = mutate(
      manifestXml,
      '<bt:Url id="TT.Support.Url" DefaultValue="https://localhost:3000/assets/support.html"/>',
      '<bt:Url id="TT.Support.Url" DefaultValue="http://localhost:3000/assets/support.html"/>',
      2,
    );
    expect(httpsProblems(parseManifest(broken))).toEqual([
      "<Url DefaultValue> uses http://localhost:3000/assets/support.html; every URL must be https.",
    ]);
    expect(check(broken)).not.toEqual([]);
  });

  it("a schema violation the other checks do not see (Supertip before Label)", async () => {
    const broken = mutateBothRibbons(
      manifestXml,
      `<Label resid="TT.Pane.Label"/>
                  <Supertip>
                    <Title resid="TT.Pane.Title"/>
                    <Description resid="TT.Pane.Tip"/>
                  </Supertip>`,
      `<Supertip>
                    <Title resid="TT.Pane.Title"/>
                    <Description resid="TT.Pane.Tip"/>
                  </Supertip>
                  <Label resid="TT.Pane.Label"/>`,
    );
    expect(check(broken)).toEqual([]);
    const problems = await schemaProblems(broken);
    expect(problems.join("\n")).toMatch(/Supertip.*This element is not expected/);
  });

  it("an unknown permission and a misspelt element", async () => {
    const permission = mutate(
      manifestXml,
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>Everything</Permissions>",
    );
    expect(await schemaProblems(permission)).not.toEqual([]);
    const misspelt = mutate(
      manifestXml,
      "<FunctionName>validate</FunctionName>",
      "<FunctionNam>validate</FunctionNam>",
      2,
    );
    expect(await schemaProblems(misspelt)).not.toEqual([]);
  });

  it("XML that is not well-formed", () => {
    const broken = mutate(manifestXml, "</OfficeApp>", "</OfficeAp>");
    expect(check(broken)[0]).toMatch(/not well-formed XML/);
  });

  it("an icon file that does not exist, or of the wrong size", () => {
    const missing = mutate(manifestXml, "assets/validate-32.png", "assets/validate-33.png", 2);
    expect(iconProblems(parseManifest(missing), DEV_BASE_URL, assetsDir)).toEqual([
      "TargetTable.Validate size 32 (TT.Validate.32): assets/validate-33.png does not exist.",
    ]);
    const wrongSize = mutate(manifestXml, "assets/validate-32.png", "assets/validate-16.png", 2);
    expect(iconProblems(parseManifest(wrongSize), DEV_BASE_URL, assetsDir)).toEqual([
      "TargetTable.Validate size 32 (TT.Validate.32): assets/validate-16.png is 16×16; expected 32 square.",
    ]);
    const highResolution = mutate(manifestXml, "assets/icon-128.png", "assets/icon-80.png");
    expect(iconProblems(parseManifest(highResolution), DEV_BASE_URL, assetsDir)).toEqual([
      "HighResolutionIconUrl: assets/icon-80.png is 80×80; expected 64 or 128 square.",
    ]);
    const notPng = mutate(
      manifestXml,
      '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png"/>',
      '<IconUrl DefaultValue="https://localhost:3000/assets/support.html"/>',
    );
    expect(iconProblems(parseManifest(notPng), DEV_BASE_URL, assetsDir)).toEqual([
      "IconUrl: assets/support.html is not a PNG file.",
    ]);
  });

  it("a button without its mandatory 80-pixel icon", () => {
    const broken = mutate(manifestXml, '<bt:Image size="80" resid="TT.Pane.80"/>\n', "", 2);
    expect(iconProblems(parseManifest(broken), DEV_BASE_URL, assetsDir)).toEqual([
      "TargetTable.ShowPane: no 80×80 icon; Office requires 16, 32 and 80.",
    ]);
  });

  it("a local address left in a production manifest", () => {
    expect(localAddressProblems(manifestXml).length).toBeGreaterThan(0);
    expect(manifestProblems(manifestXml, { baseUrl: DEV_BASE_URL, production: true }).join("\n")).toMatch(
      /names a local address: <IconUrl DefaultValue="https:\/\/localhost:3000\/assets\/icon-64.png"\/>/,
    );
  });

  it("reads PNG sizes from the header and refuses other bytes", () => {
    expect(pngSize(readFileSync(join(assetsDir, "icon-128.png")))).toEqual({ width: 128, height: 128 });
    expect(pngSize(Buffer.from("<html>not a picture</html>", "utf8"))).toBeNull();
    expect(pngSize(new Uint8Array(8))).toBeNull();
  });
});

describe("the production manifest", () => {
  const production = rewriteManifestUrls(manifestXml, publicUrl);

  it("points every URL at the public host, with no local address left", async () => {
    const urls = manifestUrls(parseManifest(production)).map(({ url }) => url);
    expect(urls.length).toBeGreaterThanOrEqual(manifestUrls(parseManifest(manifestXml)).length);
    for (const url of urls) expect(url.startsWith(publicUrl)).toBe(true);
    expect(manifestProblems(production, { baseUrl: publicUrl, production: true })).toEqual([]);
    expect(await schemaProblems(production)).toEqual([]);
  });

  it("keeps every path and changes nothing else", () => {
    expect(production.split(publicUrl).join(DEV_BASE_URL)).toBe(manifestXml);
  });

  it("adds the trailing slash and escapes characters XML reserves", () => {
    expect(normalizePublicUrl(" https://addins.example.com/target-table ")).toBe(publicUrl);
    expect(normalizePublicUrl("https://Addins.Example.com")).toBe("https://addins.example.com/");
    const odd = rewriteManifestUrls(manifestXml, "https://addins.example.com/a&b/");
    const iconUrl = Array.from(parseManifest(odd).documentElement.children).find((e) => e.localName === "IconUrl");
    expect(iconUrl?.getAttribute("DefaultValue")).toBe("https://addins.example.com/a&b/assets/icon-64.png");
  });

  it.each([
    ["", /empty/],
    [undefined, /empty/],
    ["addins.example.com", /not an absolute URL/],
    ["http://addins.example.com/", /must use https/],
    ["https://localhost:3000/", /points at this computer/],
    ["https://127.0.0.1/", /points at this computer/],
    ["https://addins.example.com/?v=2", /query or a fragment/],
  ])("refuses the base URL %p", (base, message) => {
    expect(() => rewriteManifestUrls(manifestXml, base)).toThrow(message);
  });

  it("refuses a manifest that has already been rewritten", () => {
    expect(() => rewriteManifestUrls(production, publicUrl)).toThrow(/no https:\/\/localhost:3000\/ URL to rewrite/);
  });

  it("refuses when a local address would remain", () => {
    const mixed = mutate(
      manifestXml,
      'https://localhost:3000/assets/support.html"/>\n  <Hosts>',
      'https://127.0.0.1:3000/assets/support.html"/>\n  <Hosts>',
    );
    expect(() => rewriteManifestUrls(mixed, publicUrl)).toThrow(
      /still names a local address after rewriting, line \d+/,
    );
  });

  describe("scripts/manifest-prod.mjs", () => {
    const script = join(repoRoot, "scripts", "manifest-prod.mjs");
    const run = (env: Record<string, string | undefined>, args: string[] = []) => {
      try {
        const stdout = execFileSync(process.execPath, [script, ...args], {
          env: { PATH: process.env.PATH, ...env },
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        });
        return { status: 0, stdout, stderr: "" };
      } catch (error) {
        const failure = error as { status: number; stdout: string; stderr: string };
        return { status: failure.status, stdout: failure.stdout, stderr: failure.stderr };
      }
    };

    it("requires ADDIN_PUBLIC_URL and says so in one line", () => {
      const result = run({});
      expect(result.status).toBe(2);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(/^manifest-prod: ADDIN_PUBLIC_URL is not set: give the https address/);
    });

    it("refuses an http address without a stack trace", () => {
      const result = run({ ADDIN_PUBLIC_URL: "http://addins.example.com/" });
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(
        'manifest-prod: The public URL "http://addins.example.com/" must use https: Office loads add-ins only over https.',
      );
    });

    it("writes the rewritten manifest", () => {
      const dir = mkdtempSync(join(tmpdir(), "manifest-prod-"));
      try {
        const out = join(dir, "manifest.xml");
        const result = run({ ADDIN_PUBLIC_URL: publicUrl }, ["--out", out]);
        expect(result.status).toBe(0);
        expect(readFileSync(out, "utf8")).toBe(production);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
