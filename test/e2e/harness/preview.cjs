#!/usr/bin/env node
/**
 * `npm run preview [-- book.xlsx]`: builds the task pane with the local Office stub, loads the
 * workbook (default examples/huailai-2022.xlsx) into the fake Excel and serves the preview page on
 * http://127.0.0.1:3001: the workbook as a grid on the left, the real pane on the right.
 */
/* global console */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const esbuild = require("esbuild");
const { buildHarness, root } = require("./build.cjs");
const { startHarnessServer } = require("./server.cjs");

const PORT = Number(process.env.PREVIEW_PORT || 3001);

/** The fake's .xlsx loader is TypeScript: bundle it for Node first (exceljs stays external). */
function loadXlsxLoader() {
  // Inside the project, so that `require("exceljs")` in the bundle finds node_modules.
  const outfile = path.join(root, "node_modules", ".cache", "target-table", "xlsx-loader.cjs");
  esbuild.buildSync({
    entryPoints: [path.join(root, "test", "fakes", "excel", "xlsx.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile,
    logLevel: "error",
  });
  return require(outfile);
}

async function main() {
  const workbook = path.resolve(process.argv[2] || path.join(root, "examples", "huailai-2022.xlsx"));
  if (!fs.existsSync(workbook)) {
    console.error(`preview: 找不到工作簿 ${workbook} (no such workbook)`);
    process.exitCode = 2;
    return;
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-preview-"));
  const cleanUp = () => fs.rmSync(workDir, { recursive: true, force: true });
  process.on("exit", cleanUp);

  console.log("preview: 正在构建加载项 building the add-in…");
  const outputPath = path.join(workDir, "site");
  await buildHarness({ outputPath, mode: "development" });

  const { stateFromXlsxFile } = loadXlsxLoader();
  let state;
  try {
    state = await stateFromXlsxFile(workbook);
  } catch (error) {
    console.error(
      `preview: 无法读取 ${workbook}，它不是可用的 .xlsx 文件 (not a readable .xlsx file): ${error.message}`,
    );
    process.exitCode = 2;
    return;
  }

  let server;
  try {
    server = await startHarnessServer({ root: outputPath, getState: () => state, port: PORT });
  } catch (error) {
    const busy = error && error.code === "EADDRINUSE";
    console.error(
      busy
        ? `preview: 端口 ${PORT} 已被占用 (port ${PORT} is in use); set PREVIEW_PORT to another port.`
        : `preview: 无法启动服务器 (cannot start the server): ${error.message}`,
    );
    process.exitCode = 2;
    return;
  }
  console.log(`\n  预览 Preview: ${server.url}/preview.html\n`);
  console.log(`  工作簿 workbook: ${path.relative(process.cwd(), workbook) || workbook}`);
  console.log("  每次重新打开面板都会从原始工作簿开始。Reopening the pane starts from the original workbook.");
  console.log("  按 Ctrl+C 停止 Press Ctrl+C to stop.\n");
  const stop = () => server.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(`preview: ${error && error.message ? error.message : error}`);
  process.exitCode = 1;
});
