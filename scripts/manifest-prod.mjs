#!/usr/bin/env node
/**
 * Writes the production manifest: manifest.xml with every https://localhost:3000/ URL pointed at the public
 * host given by ADDIN_PUBLIC_URL (required: a manifest pointing at a made-up host would install and then fail).
 *
 *   ADDIN_PUBLIC_URL=https://addins.example.com/target-table/ node scripts/manifest-prod.mjs [--out dist/manifest.xml]
 *
 * Exit status 0 on success, 2 with one plain line on standard error otherwise.
 */
/* global process, console */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { ManifestUrlError, rewriteManifestUrls } = require("./manifest-url.cjs");

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function outputPath(argv) {
  const index = argv.indexOf("--out");
  if (index === -1) return join(root, "dist", "manifest.xml");
  const value = argv[index + 1];
  if (!value || value.startsWith("--")) throw new ManifestUrlError("--out needs a file name.");
  return resolve(value);
}

async function main() {
  const publicUrl = process.env.ADDIN_PUBLIC_URL;
  if (!publicUrl || publicUrl.trim() === "") {
    throw new ManifestUrlError(
      "ADDIN_PUBLIC_URL is not set: give the https address where the add-in's files are hosted, " +
        "for example ADDIN_PUBLIC_URL=https://addins.example.com/target-table/",
    );
  }
  const out = outputPath(process.argv.slice(2));
  const source = join(root, "manifest.xml");
  const manifest = rewriteManifestUrls(await readFile(source, "utf8"), publicUrl);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, manifest, "utf8");
  console.log(`Wrote ${out} for ${publicUrl.trim()}`);
}

main().catch((error) => {
  const message = error instanceof ManifestUrlError ? error.message : `could not write the manifest: ${error.message}`;
  console.error(`manifest-prod: ${message}`);
  process.exit(2);
});
