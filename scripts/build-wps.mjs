/**
 * Builds the WPS 表格 add-in into dist/wps/ (or the folder given as the first argument):
 *
 *   index.html + main.js   the page WPS opens for the add-in, with the ribbon's callbacks
 *   ribbon.xml             the tab 绩效目标表: 校验, 插入项目模板, 清除标记, 显示面板
 *   taskpane.html + .js    the React pane on the WPS host
 *   images/                the ribbon's icons
 *   publish.xml            publish mode: the add-in served from an intranet server
 *   jsplugins.xml          jsplugins.xml mode: offline, from a local or shared folder
 *
 * Syntax is lowered to ES2017 for WPS's embedded browser. No Office.js anywhere.
 * WPS_ADDIN_URL: where the add-in will be served (publish.xml, and jsplugins.xml's online entry);
 * WPS_ADDIN_FOLDER: where it will be unpacked offline (jsplugins.xml's file:/// entry).
 */
/* global process, console */
import { tokenizer } from "acorn";
import { build } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.resolve(root, process.argv[2] ?? "dist/wps");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const name = "target-table";
const version = pkg.version;
const serverUrl = (process.env.WPS_ADDIN_URL ?? "http://127.0.0.1:3889/target-table/").replace(/\/?$/, "/");
const folder = (process.env.WPS_ADDIN_FOLDER ?? `C:/WPS加载项/${name}_${version}`)
  .replace(/\\/g, "/")
  .replace(/\/$/, "");

const BUTTONS = [
  { id: "ttValidate", label: "校验", tip: "检查绩效目标表并标记问题单元格" },
  { id: "ttInsertTemplate", label: "插入项目模板", tip: "在新工作表中插入空白的项目绩效目标表" },
  { id: "ttClear", label: "清除标记", tip: "恢复被标记单元格原来的格式" },
  { id: "ttShowPane", label: "显示面板", tip: "打开校验结果面板" },
];

function xmlEscape(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const ribbon = `<?xml version="1.0" encoding="UTF-8"?>
<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui" onLoad="OnAddinLoad">
  <ribbon startFromScratch="false">
    <tabs>
      <tab id="ttTab" label="绩效目标表">
        <group id="ttGroup" label="校验">
${BUTTONS.map(
  (b) =>
    `          <button id="${b.id}" label="${xmlEscape(b.label)}" screentip="${xmlEscape(b.tip)}" size="large" getImage="GetImage" onAction="OnAction"/>`,
).join("\n")}
        </group>
      </tab>
    </tabs>
  </ribbon>
</customUI>
`;

const page = (title, script) => `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
  </head>
  <body style="margin: 0">
    <div id="container"></div>
    <script src="${script}"></script>
  </body>
</html>
`;

const publish = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${name}" type="et" url="${xmlEscape(serverUrl)}" enable="enable" install="null"/>
</jsplugins>
`;

const jsplugins = `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${name}" type="et" url="${xmlEscape(`file:///${folder.replace(/^\//, "")}/`)}" version="${version}" enable="true"/>
</jsplugins>
`;

mkdirSync(path.join(out, "images"), { recursive: true });
const common = {
  bundle: true,
  format: "iife",
  target: "es2017",
  platform: "browser",
  charset: "utf8",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  define: { "process.env.NODE_ENV": '"production"' },
  jsx: "automatic",
};

/**
 * esbuild leaves regular expressions alone, and some use ES2018 syntax (\p{L}, lookbehind, named
 * groups): as new RegExp(...) calls they parse in any ES2017 engine (running them still needs an engine
 * that knows those features: Chromium 64 or later).
 */
function lowerRegExps(file) {
  const code = readFileSync(file, "utf8");
  const edits = [];
  for (const token of tokenizer(code, { ecmaVersion: "latest" })) {
    if (token.type.label !== "regexp") continue;
    const { pattern, flags } = token.value;
    if (/\\[pP]\{|\(\?<[=!]|\(\?<[A-Za-z]/.test(pattern) || flags.includes("s")) {
      edits.push({
        start: token.start,
        end: token.end,
        text: `new RegExp(${JSON.stringify(pattern)},${JSON.stringify(flags)})`,
      });
    }
  }
  let result = code;
  for (const edit of edits.reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  writeFileSync(file, result);
}
await build({ ...common, entryPoints: [path.join(root, "src/wps/addin/main.ts")], outfile: path.join(out, "main.js") });
await build({
  ...common,
  entryPoints: [path.join(root, "src/wps/addin/pane.tsx")],
  outfile: path.join(out, "taskpane.js"),
});
lowerRegExps(path.join(out, "main.js"));
lowerRegExps(path.join(out, "taskpane.js"));
writeFileSync(path.join(out, "ribbon.xml"), ribbon);
writeFileSync(path.join(out, "index.html"), page("绩效目标表校验", "main.js"));
writeFileSync(path.join(out, "taskpane.html"), page("绩效目标表校验 · Target table check", "taskpane.js"));
writeFileSync(path.join(out, "publish.xml"), publish);
writeFileSync(path.join(out, "jsplugins.xml"), jsplugins);
for (const icon of ["validate-32.png", "insert-template-32.png", "show-pane-32.png", "icon-32.png"]) {
  copyFileSync(path.join(root, "assets", icon), path.join(out, "images", icon));
}
console.log(`WPS add-in written to ${path.relative(root, out) || "."}`);
