#!/usr/bin/env node
/**
 * `npm start` / `npm stop`: sideloads the add-in into Excel with office-addin-debugging (an optional
 * dependency) and starts the https dev server; stop unregisters it. Extra arguments pass through,
 * e.g. `npm start -- web --document <url of a workbook in OneDrive>`.
 */
/* global console */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const command = process.argv[2];
const extra = process.argv.slice(3);
const manifest = path.join(__dirname, "..", "manifest.xml");

if (command !== "start" && command !== "stop") {
  console.error("usage: node scripts/office-debugging.cjs start|stop [platform] [options]");
  process.exit(2);
}

let cli;
try {
  const packageJson = require.resolve("office-addin-debugging/package.json");
  const bin = require(packageJson).bin;
  cli = path.join(path.dirname(packageJson), typeof bin === "string" ? bin : bin["office-addin-debugging"]);
} catch {
  console.error(
    "office-addin-debugging 未安装（可选依赖），无法自动旁加载。请运行 npm run dev-server，然后在 Excel 中手动上传 manifest.xml。\n" +
      "office-addin-debugging is not installed (an optional dependency), so the add-in cannot be sideloaded " +
      "automatically. Run `npm run dev-server`, then upload manifest.xml in Excel (see README).",
  );
  process.exit(1);
}

const args =
  command === "start"
    ? [
        "start",
        manifest,
        ...(extra.length > 0 && !extra[0].startsWith("-") ? [] : ["desktop"]),
        ...extra,
        "--app",
        "excel",
        "--dev-server",
        "npm run dev-server",
        "--dev-server-port",
        "3000",
      ]
    : ["stop", manifest, ...extra];
const result = spawnSync(process.execPath, [cli, ...args], { stdio: "inherit" });
process.exit(result.status ?? 1);
