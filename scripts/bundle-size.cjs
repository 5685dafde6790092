#!/usr/bin/env node
/**
 * Builds the add-in for production into a temporary folder and prints the gzipped size of every
 * JavaScript file it emits. Fails (exit 1) when the task pane's JavaScript, all files together (its bundle
 * and the compat scripts its page runs first), is over the budget: the pane must open quickly on a
 * government office's network. office.js is not counted: it comes from Microsoft's CDN or the intranet copy.
 *
 *   npm run size
 */
/* global console */
"use strict";
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const webpack = require("webpack");
const makeConfig = require("../webpack.config.js");

/** The task pane's JavaScript budget, gzipped: 200 KB. */
const PANE_BUDGET_BYTES = 200 * 1000;

function gzipSize(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
}

function kb(bytes) {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

async function build(outputPath) {
  const config = await makeConfig({ outputPath }, { mode: "production" });
  return new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve(stats.toJson({ all: false, entrypoints: true, assets: true }));
    });
  });
}

async function main() {
  const outputPath = fs.mkdtempSync(path.join(os.tmpdir(), "target-table-size-"));
  try {
    const stats = await build(outputPath);
    let paneTotal = 0;
    const rows = [];
    for (const [entry, point] of Object.entries(stats.entrypoints)) {
      for (const asset of point.assets) {
        if (!asset.name.endsWith(".js")) continue;
        const raw = fs.statSync(path.join(outputPath, asset.name)).size;
        const gzipped = gzipSize(path.join(outputPath, asset.name));
        rows.push([entry, asset.name, kb(raw), kb(gzipped)]);
        if (entry === "taskpane") paneTotal += gzipped;
      }
    }
    // Plain scripts taskpane.html loads before the bundle (copied, not webpack entries).
    for (const name of fs.readdirSync(outputPath).filter((file) => /^compat.*\.js$/.test(file))) {
      const file = path.join(outputPath, name);
      const gzipped = gzipSize(file);
      rows.push(["taskpane", name, kb(fs.statSync(file).size), kb(gzipped)]);
      paneTotal += gzipped;
    }
    const widths = [10, 36, 12, 12];
    const line = (cells) => cells.map((cell, i) => String(cell).padEnd(widths[i])).join(" ");
    console.log(line(["entry", "file", "size", "gzipped"]));
    for (const row of rows) console.log(line(row));
    const verdict = paneTotal <= PANE_BUDGET_BYTES ? "within" : "OVER";
    console.log(`\ntask pane JavaScript: ${kb(paneTotal)} gzipped, ${verdict} the budget of ${kb(PANE_BUDGET_BYTES)}.`);
    if (paneTotal > PANE_BUDGET_BYTES) process.exitCode = 1;
  } finally {
    fs.rmSync(outputPath, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`size: the production build failed.\n${error && error.message ? error.message : error}`);
  process.exitCode = 2;
});
