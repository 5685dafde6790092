/**
 * Builds the harness: the real task pane, with a local Office stub in place of office.js, and the
 * preview page. Shared by the browser tests and `npm run preview`.
 */
"use strict";
const path = require("path");
const webpack = require("webpack");

const root = path.join(__dirname, "..", "..", "..");

async function buildHarness({ outputPath, mode = "production" }) {
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = await makeConfig({ harness: true, outputPath }, { mode });
  await new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve();
    });
  });
}

module.exports = { buildHarness, root };
