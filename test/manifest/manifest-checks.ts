/**
 * Checks of the add-in manifest: the XSD schemas (through xmllint-wasm, offline), and what the schemas cannot
 * say — resource ids, string lengths, https, local addresses, and the icon files behind the image URLs.
 * Each check returns plain sentences, one per problem, so a failing test says what to fix.
 * Needs a DOMParser: run under the jsdom test environment.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

export const repoRoot = resolve(__dirname, "..", "..");
/** Microsoft's manifest schemas, kept in the repository (see schemas/README.md). */
const schemaDir = resolve(__dirname, "schemas");
const schemaEntry = "OfficeAppManifestV1_1.xsd";

const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
/** The nested VersionOverridesV1_1 (shared runtime): the 2019 schemas leave it to a lax wildcard. */
export const OV11 = "http://schemas.microsoft.com/office/taskpaneappversionoverrides/1.1";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

/**
 * The manifest without its nested VersionOverridesV1_1 blocks. The schemas accept that block only through a
 * lax wildcard with no schema behind it, where libxml2 cannot resolve its xsi:type (VersionOverridesV1_1) and
 * refuses it; the block is checked by `sharedRuntimeProblems` instead. Line numbers are kept (the block's lines
 * are blanked, not removed), so xmllint's messages still point into manifest.xml.
 */
export function withoutNestedOverrides(xml: string): string {
  const opening =
    /<VersionOverrides\b[^>]*xmlns="http:\/\/schemas\.microsoft\.com\/office\/taskpaneappversionoverrides\/1\.1"[^>]*>/g;
  let result = xml;
  for (let match = opening.exec(result); match; match = opening.exec(result)) {
    const end = result.indexOf("</VersionOverrides>", match.index);
    if (end === -1) break;
    const stop = end + "</VersionOverrides>".length;
    const blanked = result.slice(match.index, stop).replace(/[^\n]/g, " ");
    result = result.slice(0, match.index) + blanked + result.slice(stop);
  }
  return result;
}

/** Validates against the XSD schemas; returns xmllint's messages (empty when valid). */
export async function schemaProblems(xml: string): Promise<string[]> {
  if (!existsSync(join(schemaDir, schemaEntry))) {
    return [`The manifest schemas are missing: expected ${join(schemaDir, schemaEntry)}.`];
  }
  xml = withoutNestedOverrides(xml);
  const others = readdirSync(schemaDir).filter((name) => name.endsWith(".xsd") && name !== schemaEntry);
  const result = await validateXML({
    xml: [{ fileName: "manifest.xml", contents: xml }],
    schema: [{ fileName: schemaEntry, contents: readFileSync(join(schemaDir, schemaEntry), "utf8") }],
    preload: others.map((name) => ({ fileName: name, contents: readFileSync(join(schemaDir, name), "utf8") })),
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage.trim());
}

export function parseManifest(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, "application/xml");
  const failure = document.getElementsByTagName("parsererror")[0];
  if (failure) throw new Error(`The manifest is not well-formed XML: ${failure.textContent?.trim()}`);
  return document;
}

function elements(root: Document | Element, namespace: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(namespace, localName));
}

function allElements(root: Document | Element): Element[] {
  return Array.from(root.getElementsByTagName("*"));
}

/** Which resource collection a `resid` must point into, by the referring element's name. */
function expectedCollection(element: Element): "Images" | "Urls" | "ShortStrings" | "LongStrings" | null {
  switch (element.localName) {
    case "Image":
      return "Images";
    case "FunctionFile":
    case "SourceLocation":
    case "Runtime":
    case "LearnMoreUrl":
      return "Urls";
    case "Label":
    case "Title":
      return "ShortStrings";
    case "Description":
      return "LongStrings";
    default:
      return null;
  }
}

interface Resource {
  id: string;
  collection: string;
  element: Element;
}

/** The VersionOverrides blocks: the outer V1_0 and any nested V1_1, each with its own <Resources>. */
export function overrideBlocks(document: Document): { name: string; element: Element }[] {
  const outer = elements(document, OV, "VersionOverrides");
  const nested = elements(document, OV11, "VersionOverrides");
  return [
    ...outer.map((element) => ({ name: "VersionOverridesV1_0", element })),
    ...nested.map((element) => ({ name: "VersionOverridesV1_1", element })),
  ];
}

/** The elements that belong to a block: its descendants, minus those of a block nested in it. */
function ownElements(block: Element): Element[] {
  return allElements(block).filter((element) => element.closest("VersionOverrides") === block || element === block);
}

function resources(block: Element): Resource[] {
  const found: Resource[] = [];
  for (const collection of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const group of ownElements(block).filter((e) => e.namespaceURI === BT && e.localName === collection)) {
      for (const child of Array.from(group.children)) {
        found.push({ id: child.getAttribute("id") ?? "", collection, element: child });
      }
    }
  }
  return found;
}

/**
 * Every resid names a resource of the right kind; every resource is used; no id is defined twice. Each
 * VersionOverrides block is checked against its own <Resources>; problems in the nested one say so.
 */
export function resourceProblems(document: Document): string[] {
  const problems: string[] = [];
  for (const { name, element: block } of overrideBlocks(document)) {
    const say = (problem: string) => problems.push(name === "VersionOverridesV1_0" ? problem : `${name}: ${problem}`);
    const defined = new Map<string, Resource>();
    for (const resource of resources(block)) {
      if (defined.has(resource.id)) say(`Resource id "${resource.id}" is defined more than once.`);
      defined.set(resource.id, resource);
    }
    const used = new Set<string>();
    for (const element of ownElements(block)) {
      const resid = element.getAttribute("resid");
      if (resid === null) continue;
      used.add(resid);
      const resource = defined.get(resid);
      const expected = expectedCollection(element);
      if (!resource) {
        say(`<${element.localName} resid="${resid}"> names no resource in <Resources>.`);
      } else if (expected && resource.collection !== expected) {
        say(`<${element.localName} resid="${resid}"> needs a resource in ${expected}, not in ${resource.collection}.`);
      }
    }
    for (const id of defined.keys()) {
      if (!used.has(id)) say(`Resource "${id}" is defined but never used.`);
    }
  }
  return problems;
}

function characters(text: string): number {
  return Array.from(text).length;
}

/** Short strings at most 125 characters, long strings at most 250, in every locale, and never empty. */
export function stringLengthProblems(document: Document): string[] {
  const problems: string[] = [];
  const check = (owner: string, text: string | null, max: number) => {
    if (text === null) return;
    const length = characters(text);
    if (length === 0) problems.push(`${owner} is empty.`);
    if (length > max) problems.push(`${owner} has ${length} characters; at most ${max} are allowed.`);
  };
  const checkWithOverrides = (element: Element, owner: string, max: number) => {
    check(`${owner} (default)`, element.getAttribute("DefaultValue"), max);
    for (const override of Array.from(element.children).filter((child) => child.localName === "Override")) {
      check(`${owner} (${override.getAttribute("Locale")})`, override.getAttribute("Value"), max);
    }
  };
  for (const [collection, max] of [
    ["ShortStrings", SHORT_STRING_MAX],
    ["LongStrings", LONG_STRING_MAX],
  ] as const) {
    for (const group of elements(document, BT, collection)) {
      for (const string of Array.from(group.children)) {
        checkWithOverrides(string, `${collection} "${string.getAttribute("id")}"`, max);
      }
    }
  }
  const root = document.documentElement;
  for (const child of Array.from(root.children)) {
    if (child.localName === "DisplayName") checkWithOverrides(child, "DisplayName", SHORT_STRING_MAX);
    if (child.localName === "Description") checkWithOverrides(child, "Description", LONG_STRING_MAX);
  }
  return problems;
}

/** Every URL in the manifest: attribute values and element texts that look like one. */
export function manifestUrls(document: Document): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  const looksLikeUrl = (text: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim());
  for (const element of allElements(document)) {
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.namespaceURI === "http://www.w3.org/2000/xmlns/" || attribute.name.startsWith("xmlns")) continue;
      if (looksLikeUrl(attribute.value))
        found.push({ where: `<${element.localName} ${attribute.name}>`, url: attribute.value.trim() });
    }
    const text = Array.from(element.childNodes)
      .filter((node) => node.nodeType === node.TEXT_NODE)
      .map((node) => node.textContent ?? "")
      .join("")
      .trim();
    if (text && looksLikeUrl(text)) found.push({ where: `<${element.localName}>`, url: text });
  }
  return found;
}

export function httpsProblems(document: Document): string[] {
  return manifestUrls(document)
    .filter(({ url }) => !url.toLowerCase().startsWith("https://"))
    .map(({ where, url }) => `${where} uses ${url}; every URL must be https.`);
}

/** A production manifest must not name the developer's machine anywhere, comments included. */
export function localAddressProblems(xml: string): string[] {
  const problems: string[] = [];
  xml.split("\n").forEach((line, index) => {
    if (/localhost|127\.0\.0\.1|\[::1\]/i.test(line))
      problems.push(`Line ${index + 1} names a local address: ${line.trim()}`);
  });
  return problems;
}

/** Width and height from a PNG file's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((byte, index) => bytes[index] !== byte)) return null;
  const chunkType = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (chunkType !== "IHDR") return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The icon sizes Office accepts: per button icon (16, 32, 80 mandatory), and for the add-in's own icon. */
const MANDATORY_BUTTON_SIZES = [16, 32, 80];
const ICON_URL_SIZES = [32, 64];
const HIGH_RESOLUTION_ICON_SIZES = [64, 128];

/**
 * Every image the manifest names is a PNG in assets/ of the size it is used at.
 * `baseUrl` is where the manifest expects the add-in's files (https://localhost:3000/ in development).
 */
export function iconProblems(document: Document, baseUrl: string, assetsDir: string): string[] {
  const problems: string[] = [];

  const checkImage = (owner: string, url: string, acceptedSizes: number[]) => {
    if (!url.startsWith(`${baseUrl}assets/`)) {
      problems.push(`${owner}: ${url} is not under ${baseUrl}assets/.`);
      return;
    }
    const fileName = decodeURIComponent(url.slice(`${baseUrl}assets/`.length));
    const path = join(assetsDir, fileName);
    if (fileName.includes("/") || fileName.includes("\\") || !existsSync(path)) {
      problems.push(`${owner}: assets/${fileName} does not exist.`);
      return;
    }
    const size = pngSize(readFileSync(path));
    if (!size) {
      problems.push(`${owner}: assets/${fileName} is not a PNG file.`);
    } else if (size.width !== size.height || !acceptedSizes.includes(size.width)) {
      problems.push(
        `${owner}: assets/${fileName} is ${size.width}×${size.height}; expected ${acceptedSizes.join(" or ")} square.`,
      );
    }
  };

  // Each VersionOverrides block names images from its own <Resources>.
  for (const { name, element: block } of overrideBlocks(document)) {
    const imageUrls = new Map<string, string>();
    for (const image of resources(block).filter((resource) => resource.collection === "Images")) {
      imageUrls.set(image.id, image.element.getAttribute("DefaultValue") ?? "");
    }
    for (const icon of ownElements(block).filter((element) => element.localName === "Icon")) {
      const id = icon.parentElement?.getAttribute("id") ?? icon.parentElement?.localName ?? "Icon";
      const owner = name === "VersionOverridesV1_0" ? id : `${name}: ${id}`;
      const sizes = new Set<number>();
      for (const image of Array.from(icon.children)) {
        const size = Number(image.getAttribute("size"));
        const resid = image.getAttribute("resid") ?? "";
        if (sizes.has(size)) problems.push(`${owner}: size ${size} is listed twice.`);
        sizes.add(size);
        const url = imageUrls.get(resid);
        if (url !== undefined) checkImage(`${owner} size ${size} (${resid})`, url, [size]);
      }
      for (const size of MANDATORY_BUTTON_SIZES) {
        if (!sizes.has(size)) problems.push(`${owner}: no ${size}×${size} icon; Office requires 16, 32 and 80.`);
      }
    }
  }

  const root = document.documentElement;
  for (const [name, accepted] of [
    ["IconUrl", ICON_URL_SIZES],
    ["HighResolutionIconUrl", HIGH_RESOLUTION_ICON_SIZES],
  ] as const) {
    const element = Array.from(root.children).find((child) => child.localName === name);
    if (!element) problems.push(`${name} is missing.`);
    else checkImage(name, element.getAttribute("DefaultValue") ?? "", [...accepted]);
  }
  return problems;
}

/** The names of the ribbons' ExecuteFunction actions, in both VersionOverrides blocks. */
export function functionNames(document: Document): string[] {
  return [...elements(document, OV, "Action"), ...elements(document, OV11, "Action")]
    .filter((action) => action.getAttributeNS(XSI, "type") === "ExecuteFunction")
    .map(
      (action) =>
        Array.from(action.children)
          .find((c) => c.localName === "FunctionName")
          ?.textContent?.trim() ?? "",
    );
}

/** Everything but the schema, for a development manifest (base https://localhost:3000/) or a production one. */
export function manifestProblems(
  xml: string,
  options: { baseUrl: string; production: boolean; assetsDir?: string },
): string[] {
  let document: Document;
  try {
    document = parseManifest(xml);
  } catch (error) {
    return [(error as Error).message];
  }
  return [
    ...resourceProblems(document),
    ...sharedRuntimeProblems(document),
    ...stringLengthProblems(document),
    ...httpsProblems(document),
    ...(options.production ? localAddressProblems(xml) : []),
    ...iconProblems(document, options.baseUrl, options.assetsDir ?? join(repoRoot, "assets")),
  ];
}

function childElements(parent: Element, localName?: string): Element[] {
  return Array.from(parent.children).filter((element) => localName === undefined || element.localName === localName);
}

/** An element as text for comparison: name, attributes (sorted, without namespace declarations), children. */
function canonical(element: Element, replace: (element: Element) => string | null = () => null): string {
  const replaced = replace(element);
  if (replaced !== null) return replaced;
  const attributes = Array.from(element.attributes)
    .filter((attribute) => !attribute.name.startsWith("xmlns"))
    .map((attribute) => `${attribute.localName}=${JSON.stringify(attribute.value)}`)
    .sort()
    .join(" ");
  const text = childElements(element).length === 0 ? (element.textContent ?? "").trim() : "";
  const children = childElements(element)
    .map((child) => canonical(child, replace))
    .join("");
  return `<${element.localName} ${attributes}>${text}${children}</${element.localName}>`;
}

function urlResourceIn(block: Element, resid: string | null): string | null {
  const url = resources(block).find((resource) => resource.collection === "Urls" && resource.id === resid);
  return url ? url.element.getAttribute("DefaultValue") : null;
}

function requirementSets(requirements: Element | undefined): string[] {
  if (!requirements) return [];
  return allElements(requirements)
    .filter((element) => element.localName === "Set")
    .map((set) => `${set.getAttribute("Name")} ${set.getAttribute("MinVersion") ?? ""}`.trim());
}

/**
 * The shared runtime, which the 2019 schemas cannot see (see schemas/README.md). The manifest must declare it
 * the way Office reads it and keep a working ribbon where Excel has no SharedRuntime 1.1:
 *   - the base <Requirements> does not ask for SharedRuntime (Excel without it would not load the add-in);
 *   - the outer VersionOverridesV1_0 keeps its ribbon with the separate function file and has no <Runtimes>;
 *   - it ends with one nested VersionOverridesV1_1 (namespace …/1.1) that requires SharedRuntime 1.1, whose
 *     Workbook host starts with <Runtimes><Runtime resid=R lifetime="long"/></Runtimes>;
 *   - R is the pane's page: the base manifest's SourceLocation, the nested FunctionFile and every
 *     ShowTaskpane's SourceLocation use R itself (Office requires the same resid) and that URL;
 *   - the nested ribbon and its strings are the outer ones, the function file apart.
 */
export function sharedRuntimeProblems(document: Document): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const baseSets = requirementSets(childElements(root, "Requirements")[0]);
  if (baseSets.some((set) => set.startsWith("SharedRuntime"))) {
    problems.push("The base <Requirements> asks for SharedRuntime: Excel without it would not load the add-in at all.");
  }
  const paneUrl = childElements(root, "DefaultSettings")
    .flatMap((settings) => childElements(settings, "SourceLocation"))[0]
    ?.getAttribute("DefaultValue");

  const outers = childElements(root, "VersionOverrides").filter((element) => element.namespaceURI === OV);
  if (outers.length !== 1) return [...problems, `Expected one VersionOverridesV1_0, found ${outers.length}.`];
  const outer = outers[0];
  const nestedBlocks = childElements(outer, "VersionOverrides").filter((element) => element.namespaceURI === OV11);
  if (nestedBlocks.length !== 1) {
    return [
      ...problems,
      `Expected one VersionOverridesV1_1 nested in VersionOverridesV1_0, found ${nestedBlocks.length}.`,
    ];
  }
  const nested = nestedBlocks[0];
  if (nested.getAttributeNS(XSI, "type") !== "VersionOverridesV1_1") {
    problems.push(
      `The nested VersionOverrides has xsi:type "${nested.getAttributeNS(XSI, "type")}", not VersionOverridesV1_1.`,
    );
  }
  if (childElements(outer).at(-1) !== nested) {
    problems.push("The nested VersionOverridesV1_1 must be the last child of VersionOverridesV1_0.");
  }
  if (elements(document, OV11, "VersionOverrides").length !== 1) {
    problems.push("Only one VersionOverridesV1_1 is allowed.");
  }

  // The outer block: the fallback ribbon, in its own runtime.
  const outerOwn = ownElements(outer);
  if (outerOwn.some((element) => element.localName === "Runtimes")) {
    problems.push("VersionOverridesV1_0 declares <Runtimes>: it belongs in the nested VersionOverridesV1_1 only.");
  }
  if (requirementSets(childElements(outer, "Requirements")[0]).some((set) => set.startsWith("SharedRuntime"))) {
    problems.push("VersionOverridesV1_0 requires SharedRuntime: Excel without it would lose the ribbon.");
  }
  const outerFunctionFile = outerOwn.find((element) => element.localName === "FunctionFile");
  const outerFunctionUrl = urlResourceIn(outer, outerFunctionFile?.getAttribute("resid") ?? null);
  if (!outerFunctionUrl || outerFunctionUrl === paneUrl) {
    problems.push("VersionOverridesV1_0's FunctionFile must be the separate function file, not the pane's page.");
  }

  // The nested block: order, requirement, runtime.
  const order = childElements(nested).map((element) => element.localName);
  if (order.join(",") !== "Requirements,Hosts,Resources") {
    problems.push(
      `VersionOverridesV1_1 must hold Requirements, Hosts, Resources in that order, not ${order.join(", ")}.`,
    );
  }
  const nestedSets = requirementSets(childElements(nested, "Requirements")[0]);
  if (!nestedSets.includes("SharedRuntime 1.1")) {
    problems.push(
      'VersionOverridesV1_1 must require SharedRuntime 1.1 (<bt:Set Name="SharedRuntime" MinVersion="1.1"/>).',
    );
  }
  const hosts = childElements(nested, "Hosts").flatMap((group) => childElements(group, "Host"));
  if (hosts.length !== 1 || hosts[0].getAttributeNS(XSI, "type") !== "Workbook") {
    return [...problems, "VersionOverridesV1_1 must have exactly one Host of type Workbook."];
  }
  const host = hosts[0];
  const hostChildren = childElements(host).map((element) => element.localName);
  if (hostChildren.join(",") !== "Runtimes,DesktopFormFactor") {
    problems.push(
      `The shared-runtime Host must hold Runtimes, then DesktopFormFactor, not ${hostChildren.join(", ")}.`,
    );
  }
  const runtimes = childElements(host, "Runtimes").flatMap((group) => childElements(group, "Runtime"));
  if (runtimes.length !== 1) {
    return [...problems, `The shared-runtime Host must declare exactly one <Runtime>, not ${runtimes.length}.`];
  }
  const runtime = runtimes[0];
  if (runtime.getAttribute("lifetime") !== "long") {
    problems.push(`<Runtime lifetime="${runtime.getAttribute("lifetime")}">: the shared runtime must be long-lived.`);
  }
  const runtimeResid = runtime.getAttribute("resid");
  const runtimeUrl = urlResourceIn(nested, runtimeResid);
  if (!runtimeUrl || runtimeUrl !== paneUrl) {
    problems.push(`<Runtime resid="${runtimeResid}"> is ${runtimeUrl ?? "no URL"}, not the pane's page ${paneUrl}.`);
  }
  const nestedOwn = ownElements(nested);
  const functionFiles = nestedOwn.filter((element) => element.localName === "FunctionFile");
  if (functionFiles.length !== 1 || functionFiles[0].getAttribute("resid") !== runtimeResid) {
    problems.push(`VersionOverridesV1_1's FunctionFile must use the runtime's resid "${runtimeResid}".`);
  }
  for (const location of nestedOwn.filter((element) => element.localName === "SourceLocation")) {
    if (location.getAttribute("resid") !== runtimeResid) {
      problems.push(
        `<SourceLocation resid="${location.getAttribute("resid")}"> in VersionOverridesV1_1 must use the runtime's resid "${runtimeResid}".`,
      );
    }
  }

  // The same ribbon in both blocks, the function file apart.
  const functionFileAsPlaceholder = (element: Element) =>
    element.localName === "FunctionFile" ? "<FunctionFile/>" : null;
  const outerRibbon = ownElements(outer).find((element) => element.localName === "DesktopFormFactor");
  const nestedRibbon = nestedOwn.find((element) => element.localName === "DesktopFormFactor");
  if (
    !outerRibbon ||
    !nestedRibbon ||
    canonical(outerRibbon, functionFileAsPlaceholder) !== canonical(nestedRibbon, functionFileAsPlaceholder)
  ) {
    problems.push(
      "The ribbon of VersionOverridesV1_1 differs from that of VersionOverridesV1_0 (beyond the FunctionFile).",
    );
  }
  const outerFunctionResid = outerFunctionFile?.getAttribute("resid");
  const resourceText = (block: Element, skip: string | null | undefined) =>
    resources(block)
      .filter((resource) => resource.id !== skip)
      .map((resource) => `${resource.collection}:${canonical(resource.element)}`)
      .join("\n");
  if (resourceText(outer, outerFunctionResid) !== resourceText(nested, null)) {
    problems.push(
      "The resources of VersionOverridesV1_1 differ from those of VersionOverridesV1_0 (beyond the function file's URL).",
    );
  }
  return problems;
}
