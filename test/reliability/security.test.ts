/**
 * Security: the pane and the ribbon's page load no script but their own bundle and office.js (the
 * Content-Security-Policy of the built HTML), no source turns text into HTML, and the manifest asks for
 * the least permission that lets the add-in paint cells and insert templates.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { JSDOM } from "jsdom";
import webpack from "webpack";

const ROOT = path.join(__dirname, "../..");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)])),
  );
  return files.flat().filter((f) => /\.(ts|tsx|html)$/.test(f));
}

test("no source turns a string into HTML or code", async () => {
  const sinks =
    /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|createContextualFragment|srcdoc/;
  const hits: string[] = [];
  const files = await sourceFiles(path.join(ROOT, "src"));
  expect(files.length).toBeGreaterThan(20);
  for (const file of files) {
    (await readFile(file, "utf8")).split("\n").forEach((line, i) => {
      if (sinks.test(line)) hits.push(`${path.relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  expect(hits).toEqual([]);
});

describe("the manifest", () => {
  let manifest: Document;
  beforeAll(async () => {
    manifest = new JSDOM(await readFile(path.join(ROOT, "manifest.xml"), "utf8"), { contentType: "text/xml" }).window
      .document;
  });

  test("asks for ReadWriteDocument: the add-in writes highlights, notes and templates, and nothing more", () => {
    const permissions = [...manifest.getElementsByTagName("Permissions")].map((p) => p.textContent?.trim());
    expect(permissions).toEqual(["ReadWriteDocument"]);
    // Mailbox permissions belong to Outlook add-ins; Restricted or read-only ones could not paint a cell.
    expect(permissions[0]).not.toMatch(/Mailbox|Restricted|^Read(All)?Document$/);
  });

  test("reaches no other domain: no AppDomains, every URL on the add-in's own https origin", () => {
    expect(manifest.getElementsByTagName("AppDomain")).toHaveLength(0);
    const urls = [...manifest.querySelectorAll("[DefaultValue]")]
      .map((el) => el.getAttribute("DefaultValue") ?? "")
      .filter((v) => /^[a-z]+:\/\//i.test(v));
    expect(urls.length).toBeGreaterThan(5);
    expect(new Set(urls.map((u) => new URL(u).origin))).toEqual(new Set(["https://localhost:3000"]));
  });
});

describe("the built pages' Content-Security-Policy", () => {
  let out: string;
  beforeAll(async () => {
    // The real webpack config and page templates, with tiny entries: the pages do not depend on the bundles' code.
    out = await mkdtemp(path.join(tmpdir(), "target-table-csp-"));
    const stub = path.join(out, "stub.js");
    await writeFile(stub, "document.title;\n");
    const makeConfig = (await import(path.join(ROOT, "webpack.config.js"))).default as (
      env: Record<string, unknown>,
      argv: Record<string, unknown>,
    ) => Promise<webpack.Configuration>;
    const config = await makeConfig({ outputPath: path.join(out, "dist") }, { mode: "production" });
    config.entry = { taskpane: stub, commands: stub };
    const stats = await new Promise<webpack.Stats>((resolve, reject) =>
      webpack(config, (error, result) => (error || !result ? reject(error) : resolve(result))),
    );
    expect(stats.hasErrors()).toBe(false);
  }, 120_000);
  afterAll(() => rm(out, { recursive: true, force: true }));

  /** The page's policy directives, and the page. */
  async function page(name: string) {
    const html = await readFile(path.join(out, "dist", name), "utf8");
    const document = new JSDOM(html).window.document;
    const metas = [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')];
    expect(metas).toHaveLength(1);
    const directives = new Map(
      (metas[0].getAttribute("content") ?? "")
        .split(";")
        .map((d) => d.trim().split(/\s+/))
        .filter((d) => d[0] !== "")
        .map(([name, ...sources]) => [name, sources] as const),
    );
    return { document, directives, meta: metas[0] };
  }

  test.each(["taskpane.html", "commands.html"])("%s: scripts only from itself and Office's CDN", async (name) => {
    const { document, directives, meta } = await page(name);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives.get("object-src")).toEqual(["'none'"]);
    expect(directives.get("base-uri")).toEqual(["'self'"]);
    for (const sources of directives.values()) {
      for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:", "http:"]) {
        expect(sources).not.toContain(forbidden);
      }
    }

    // The policy comes before any script, so it governs all of them.
    const scripts = [...document.querySelectorAll("script")];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const script of scripts) {
      expect(meta.compareDocumentPosition(script) & 4 /* FOLLOWING */).toBeTruthy();
      const src = script.getAttribute("src");
      expect(src).not.toBeNull();
      if (src !== OFFICE_JS) {
        expect(src).toMatch(/^[\w.-]+\.js$/);
        await expect(readFile(path.join(out, "dist", src!))).resolves.toBeDefined();
      }
    }
    expect(scripts.map((s) => s.getAttribute("src"))).toContain(OFFICE_JS);
    const handlers = [...document.querySelectorAll("*")].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name) || /^javascript:/i.test(a.value)).map((a) => a.name),
    );
    expect(handlers).toEqual([]);
  });
});
