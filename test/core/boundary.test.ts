/** The domain core runs everywhere: it must not import Office.js, exceljs, React or Node built-ins. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const FORBIDDEN = new Set([...builtinModules, "exceljs", "react", "react-dom", "office-js"]);

test("src/core imports only itself and zod", () => {
  const offenders: string[] = [];
  for (const file of sourceFiles(join(__dirname, "../../src/core"))) {
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(
      /(?:import|export)[^'"]*from\s*["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)/g,
    )) {
      const spec = match[1] ?? match[2];
      const bare = spec.replace(/^node:/, "").split("/")[0];
      if (spec.startsWith(".")) {
        if (/\/(?:excel|xlsx|host|cli|taskpane|commands)\//.test(`${spec}/`)) offenders.push(`${file}: ${spec}`);
      } else if (FORBIDDEN.has(bare) || spec.startsWith("node:") || spec.startsWith("@fluentui")) {
        offenders.push(`${file}: ${spec}`);
      } else if (bare !== "zod") offenders.push(`${file}: ${spec}`);
    }
    if (/\b(?:Excel|Office)\.(?:run|context|onReady)/.test(text)) offenders.push(`${file}: uses Office.js globals`);
  }
  expect(offenders).toEqual([]);
});
