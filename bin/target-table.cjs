#!/usr/bin/env node
"use strict";
// The command line is bundled into dist/ by `npm run build:cli`, which `npm ci` runs through `prepare`.
const path = require("path");
const fs = require("fs");
const bundle = path.join(__dirname, "..", "dist", "cli.cjs");
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    "target-table: 尚未构建命令行，请先运行 npm run build:cli (the command line is not built yet: run npm run build:cli)\n",
  );
  process.exit(2);
}
const cli = require(bundle);
// A bundle built before runProgram existed (not rebuilt since an update) still runs, through main.
(cli.runProgram || cli.main)(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`target-table: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
