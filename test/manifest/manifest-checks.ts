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
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const SHORT_STRING_MAX = 125;
const LONG_STRING_MAX = 250;

/** Validates against the XSD schemas; returns xmllint's messages (empty when valid). */
export async function schemaProblems(xml: string): Promise<string[]> {
  if (!existsSync(join(schemaDir, schemaEntry))) {
    return [`The manifest schemas are missing: expected ${join(schemaDir, schemaEntry)}.`];
  }
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

function resources(document: Document): Resource[] {
  const found: Resource[] = [];
  for (const collection of ["Images", "Urls", "ShortStrings", "LongStrings"]) {
    for (const group of elements(document, BT, collection)) {
      for (const child of Array.from(group.children)) {
        found.push({ id: child.getAttribute("id") ?? "", collection, element: child });
      }
    }
  }
  return found;
}

/** Every resid names a resource of the right kind; every resource is used; no id is defined twice. */
export function resourceProblems(document: Document): string[] {
  const problems: string[] = [];
  const defined = new Map<string, Resource>();
  for (const resource of resources(document)) {
    if (defined.has(resource.id)) problems.push(`Resource id "${resource.id}" is defined more than once.`);
    defined.set(resource.id, resource);
  }
  const used = new Set<string>();
  for (const element of allElements(document)) {
    const resid = element.getAttribute("resid");
    if (resid === null) continue;
    used.add(resid);
    const resource = defined.get(resid);
    const expected = expectedCollection(element);
    if (!resource) {
      problems.push(`<${element.localName} resid="${resid}"> names no resource in <Resources>.`);
    } else if (expected && resource.collection !== expected) {
      problems.push(
        `<${element.localName} resid="${resid}"> needs a resource in ${expected}, not in ${resource.collection}.`,
      );
    }
  }
  for (const id of defined.keys()) {
    if (!used.has(id)) problems.push(`Resource "${id}" is defined but never used.`);
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
  const imageUrls = new Map<string, string>();
  for (const image of elements(document, BT, "Images").flatMap((group) => Array.from(group.children))) {
    imageUrls.set(image.getAttribute("id") ?? "", image.getAttribute("DefaultValue") ?? "");
  }

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

  for (const icon of elements(document, OV, "Icon")) {
    const owner = icon.parentElement?.getAttribute("id") ?? icon.parentElement?.localName ?? "Icon";
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

/** The names of the ribbon's ExecuteFunction actions. */
export function functionNames(document: Document): string[] {
  return elements(document, OV, "Action")
    .filter((action) => action.getAttributeNS(XSI, "type") === "ExecuteFunction")
    .map((action) => elements(action, OV, "FunctionName")[0]?.textContent?.trim() ?? "");
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
    ...stringLengthProblems(document),
    ...httpsProblems(document),
    ...(options.production ? localAddressProblems(xml) : []),
    ...iconProblems(document, options.baseUrl, options.assetsDir ?? join(repoRoot, "assets")),
  ];
}
