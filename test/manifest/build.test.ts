/**
 * The shipped build: one production build (webpack.config.js) with office.js taken from a local folder, as an
 * intranet without Microsoft's CDN would build it (OFFICE_JS). Every script the pages load must parse as
 * ES2017 (Office 2016/2019 retail run add-ins in EdgeHTML), the compat script as ES5, and the pages must load
 * office.js from the copy served with the add-in.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as acorn from "acorn";
import webpack from "webpack";
import { repoRoot } from "./manifest-checks";

/* eslint-disable @typescript-eslint/no-require-imports */
const makeConfig = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: Record<string, unknown>,
) => Promise<webpack.Configuration>;
const { OFFICE_JS_CDN, resolveOfficeJs } = require("../../scripts/webpack/office-js.cjs") as {
  OFFICE_JS_CDN: string;
  resolveOfficeJs: (
    setting: string | undefined,
    options?: { cwd?: string },
  ) => { scriptSrc: string; cspSource: string | null; copyFrom: string | null };
};
const { lowerPropertyEscapes, rewritePattern } = require("../../scripts/webpack/regexp-property-loader.cjs") as {
  lowerPropertyEscapes: (source: string) => string;
  rewritePattern: (pattern: string, flags: string) => string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** Where the script fails to parse as `ecmaVersion`, or null when it parses. */
function parseFailure(source: string, ecmaVersion: 5 | 2017): string | null {
  try {
    acorn.parse(source, { ecmaVersion, sourceType: "script" });
    return null;
  } catch (error) {
    const { message, pos } = error as { message: string; pos?: number };
    const at = pos ?? 0;
    return `${message} near ${JSON.stringify(source.slice(Math.max(0, at - 40), at + 40))}`;
  }
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}

describe("the ES2017 parse check", () => {
  it.each([
    ["optional chaining", "a?.b;"],
    ["nullish coalescing", "a ?? b;"],
    ["object spread", "({ ...a });"],
    ["optional catch binding", "try {} catch {}"],
    ["a Unicode property escape", "/\\p{L}/u;"],
    ["a named group", "/(?<year>\\d+)/;"],
    ["a class field", "class A { x = 1 }"],
    ["BigInt", "1n;"],
  ])("refuses %s", (_name, source) => {
    expect(parseFailure(source, 2017)).not.toBeNull();
  });

  it("accepts ES2017: async functions, exponent, template literals, classes", () => {
    expect(parseFailure("async function f(a, ...b) { await a; return `${a ** 2}`; } class B {}", 2017)).toBeNull();
    expect(parseFailure("const a = 1;", 5)).not.toBeNull();
  });
});

describe("Unicode property escapes, spelt out (scripts/webpack/regexp-property-loader.cjs)", () => {
  const cases: [string, string][] = [
    ["^[\\p{L}_][\\p{L}\\p{N}_.]*$", "u"],
    ["[^\\p{L}\\p{N}_.]", "gu"],
    ["\\P{N}x", "u"],
    ["\\p{Lu}+\\d", "u"],
    ["\\p{Script=Han}", "u"],
  ];

  it.each(cases)("/%s/%s matches exactly what the original matches", (pattern, flags) => {
    const lowered = rewritePattern(pattern, flags);
    expect(lowered).not.toMatch(/\\[pP]\{/);
    expect(parseFailure(`/${lowered}/${flags};`, 2017)).toBeNull();
    const original = new RegExp(pattern, flags.replace("g", ""));
    const spelt = new RegExp(lowered, flags.replace("g", ""));
    for (let code = 0; code <= 0x10ffff; code += code < 0x3000 ? 1 : 7) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCodePoint(code);
      for (const text of [char, `${char}x`, `a${char}1`]) {
        if (original.test(text) !== spelt.test(text)) throw new Error(`U+${code.toString(16)} differs in ${pattern}`);
      }
    }
  });

  it("rewrites literals only, and leaves patterns without the u flag and strings alone", () => {
    const source = 'const s = "\\\\p{L}"; const r = /\\p{L}/; const t = /[\\p{N}]/u; // /\\p{L}/u';
    const out = lowerPropertyEscapes(source);
    expect(out).toContain('"\\\\p{L}"');
    expect(out).toContain("/\\p{L}/;");
    expect(out).toContain("// /\\p{L}/u");
    expect(out).not.toContain("[\\p{N}]");
    expect(out).toMatch(/\/\[0-9\\u00b2\\u00b3/);
  });

  it("refuses what it cannot spell out exactly", () => {
    expect(() => rewritePattern("[\\P{L}]", "u")).toThrow(/negated property inside a class/);
    expect(() => rewritePattern("[\\p{L}]", "v")).toThrow(/v flag/);
    expect(() => rewritePattern("\\p{NoSuchProperty}", "u")).toThrow(/unknown Unicode property/);
  });
});

describe("OFFICE_JS: where the pages load office.js from", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "office-js-setting-"));
    fs.writeFileSync(path.join(dir, "office.js"), "/* office */");
    fs.mkdirSync(path.join(dir, "empty"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("defaults to Microsoft's CDN", () => {
    for (const setting of [undefined, "", " cdn "]) {
      expect(resolveOfficeJs(setting)).toEqual({
        scriptSrc: OFFICE_JS_CDN,
        cspSource: "https://appsforoffice.microsoft.com",
        copyFrom: null,
      });
    }
  });

  it("takes an https URL, allowing its origin", () => {
    expect(resolveOfficeJs("https://intranet.example.gov.cn/libs/office-js/office.js")).toEqual({
      scriptSrc: "https://intranet.example.gov.cn/libs/office-js/office.js",
      cspSource: "https://intranet.example.gov.cn",
      copyFrom: null,
    });
  });

  it("takes office.js or its folder, to be copied and served with the add-in", () => {
    const expected = { scriptSrc: "office-js/office.js", cspSource: null, copyFrom: dir };
    expect(resolveOfficeJs(path.join(dir, "office.js"))).toEqual(expected);
    expect(resolveOfficeJs(dir)).toEqual(expected);
    expect(resolveOfficeJs(path.basename(dir), { cwd: path.dirname(dir) })).toEqual(expected);
  });

  it.each([
    ["http://intranet.example/office.js", /must be an https URL/],
    ["https://intranet.example/office-js/", /must name the office.js file itself/],
    ["local", /needs the file: give the path of office.js/],
    ["/no/such/folder/office.js", /does not exist/],
  ])("refuses %p", (setting, message) => {
    expect(() => resolveOfficeJs(setting)).toThrow(message);
  });

  it("refuses a folder without office.js", () => {
    expect(() => resolveOfficeJs(path.join(dir, "empty"))).toThrow(/there is no office.js in/);
  });
});

describe("a production build with office.js served with the add-in", () => {
  let work: string;
  let out: string;
  let officeJs: string;

  beforeAll(async () => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-build-"));
    out = path.join(work, "dist");
    // What an administrator copies from Microsoft's office.js package: the loader and the files beside it.
    officeJs = path.join(work, "office-js");
    fs.mkdirSync(path.join(officeJs, "zh-cn"), { recursive: true });
    fs.writeFileSync(path.join(officeJs, "office.js"), "var Office = window.Office || {};\n");
    fs.writeFileSync(path.join(officeJs, "excel-win32-16.01.js"), "/* host script */\n");
    fs.writeFileSync(path.join(officeJs, "zh-cn", "office_strings.js"), "/* strings */\n");
    const previous = process.env.OFFICE_JS;
    process.env.OFFICE_JS = officeJs;
    let config: webpack.Configuration;
    try {
      config = await makeConfig({ outputPath: out }, { mode: "production" });
    } finally {
      if (previous === undefined) delete process.env.OFFICE_JS;
      else process.env.OFFICE_JS = previous;
    }
    await new Promise<void>((resolve, reject) => {
      webpack(config, (error, stats) => {
        if (error) return reject(error);
        if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
        resolve();
      });
    });
  }, 180_000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const read = (name: string) => fs.readFileSync(path.join(out, name), "utf8");

  it("emits scripts that all parse as ES2017 (our code and every dependency)", () => {
    const scripts = filesUnder(out)
      .filter((file) => file.endsWith(".js") && !file.startsWith(path.join(out, "office-js")))
      .map((file) => path.relative(out, file));
    expect(scripts).toEqual(expect.arrayContaining(["compat.js", "compat-probe.js"]));
    expect(scripts.filter((name) => /^taskpane\.[0-9a-f]+\.js$/.test(name))).toHaveLength(1);
    expect(scripts.filter((name) => /^commands\.[0-9a-f]+\.js$/.test(name))).toHaveLength(1);
    const failures = scripts
      .map((name) => [name, parseFailure(read(name), 2017)])
      .filter(([, failure]) => failure !== null);
    expect(failures).toEqual([]);
  });

  it("ships compat.js as plain ES5, and the probe with the ES2017 syntax it tests", () => {
    expect(parseFailure(read("compat.js"), 5)).toBeNull();
    const probe = read("compat-probe.js");
    expect(parseFailure(probe, 2017)).toBeNull();
    // Not minified away: the probe must still hold the syntax it exists to try.
    expect(probe).toMatch(/async \(/);
    expect(probe).toContain("**");
    expect(parseFailure(probe, 5)).not.toBeNull();
  });

  it("points both pages at the copy of office.js and allows no other script origin", () => {
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = read(page);
      // (The production HTML is minified: attribute quotes are optional.)
      expect(html).toMatch(/<script src="?office-js\/office\.js"?><\/script>/);
      expect(html).not.toContain("appsforoffice.microsoft.com");
      expect(html).toMatch(/content="script-src 'self'; object-src 'none'; base-uri 'self'"/);
    }
  });

  it("copies the whole office.js folder as it was given", () => {
    for (const name of ["office.js", "excel-win32-16.01.js", path.join("zh-cn", "office_strings.js")]) {
      expect(fs.readFileSync(path.join(out, "office-js", name), "utf8")).toBe(
        fs.readFileSync(path.join(officeJs, name), "utf8"),
      );
    }
  });

  it("runs the compat scripts before the add-in: after the loading text, the bundle deferred", () => {
    const html = read("taskpane.html");
    const position = (pattern: RegExp) => {
      const at = html.search(pattern);
      if (at === -1) throw new Error(`taskpane.html has no ${pattern}`);
      return at;
    };
    // The bundle is deferred: it runs after the whole body, the compat scripts included.
    expect(html).toMatch(/<script defer(="defer")? src="?taskpane\.[0-9a-f]+\.js"?><\/script>/);
    expect(position(/id="?loading/)).toBeLessThan(position(/<script src="?compat-probe\.js/));
    expect(position(/<script src="?compat-probe\.js/)).toBeLessThan(position(/<script src="?compat\.js/));
    expect(position(/<script src="?office-js\/office\.js/)).toBeLessThan(position(/id="?container/));
  });

  it("leaves the repository's dist/ alone", () => {
    expect(out.startsWith(repoRoot)).toBe(false);
  });
});
