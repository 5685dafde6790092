/**
 * Builds the add-in: the task pane (taskpane.html) and the ribbon's function file (commands.html),
 * plus assets/ and the manifest.
 *
 *   npm run build            production build into dist/
 *   npm run dev-server       https://localhost:3000 with Office's developer certificates
 *   webpack --env harness    the pane with a local Office stub instead of office.js, for the
 *                            browser tests and `npm run preview` (plain http, no certificates)
 *
 * Env options: harness, outputPath=<dir> (default dist/), http (serve over plain http).
 * ADDIN_PUBLIC_URL (production): where the add-in will be hosted; the manifest's
 * https://localhost:3000/ URLs are rewritten to it.
 * OFFICE_JS: where the pages load office.js from (scripts/webpack/office-js.cjs): Microsoft's CDN by default,
 * an https URL, or a local office.js (or its folder) that is copied into dist/office-js/, for networks that
 * cannot reach the CDN.
 *
 * Every script the pages load parses as ES2017 (Office 2016/2019 retail run add-ins in EdgeHTML): TypeScript
 * and every dependency go through esbuild-loader with target es2017, Unicode property escapes in regular
 * expressions are spelt out (scripts/webpack/regexp-property-loader.cjs); webpack's own minifier (terser)
 * adds no newer syntax. test/manifest/build.test.ts parses every emitted script as ES2017.
 * The pane's page loads two tiny scripts first (src/taskpane/compat/): an ES2017 syntax probe and a plain
 * ES5 check that, in a webview too old for the add-in, shows a message instead of the loading text.
 */
/* global require, module, process, __dirname, console */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { LOCAL_FOLDER, resolveOfficeJs } = require("./scripts/webpack/office-js.cjs");

const devServerPort = 3000;
/** The oldest JavaScript every shipped script must parse as (EdgeHTML 18, Office 2016/2019 retail). */
const scriptTarget = "es2017";
/** The scripts the pane's page runs before anything else: plain files, copied as they are. */
const compatScripts = ["compat-probe.js", "compat.js"];

/** Scripts only from the add-in's own origin and where office.js comes from; no inline or eval'd code. */
function contentSecurityPolicy(officeJs) {
  return [
    ["script-src", "'self'", officeJs.cspSource].filter(Boolean).join(" "),
    "object-src 'none'",
    "base-uri 'self'",
  ].join("; ");
}

async function httpsOptions() {
  // Required lazily: it installs a developer certificate, which only serving needs.
  const devCerts = require("office-addin-dev-certs");
  try {
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    // Where the CA cannot be trusted automatically (Linux without sudo), serve with the generated
    // certificate anyway: the browser warns, and the user can trust the CA by hand.
    const fs = require("fs");
    const defaults = require("office-addin-dev-certs/lib/defaults");
    const files = [defaults.caCertificatePath, defaults.localhostKeyPath, defaults.localhostCertificatePath];
    if (!files.every((file) => fs.existsSync(file))) throw error;
    console.warn(
      `dev-server: the developer CA could not be installed (${error.message.split("\n")[0]}); ` +
        `serving https with the certificate in ${defaults.certificateDirectory}. Trust ${defaults.caCertificatePath} by hand.`,
    );
    const [ca, key, cert] = files.map((file) => fs.readFileSync(file));
    return { ca, key, cert };
  }
}

function manifestTransform(production) {
  const publicUrl = process.env.ADDIN_PUBLIC_URL;
  if (!production || !publicUrl) return undefined;
  const { rewriteManifestUrls } = require("./scripts/manifest-url.cjs");
  return (content) => rewriteManifestUrls(content.toString("utf8"), publicUrl);
}

module.exports = async (env = {}, argv = {}) => {
  const production = (argv.mode ?? "production") === "production";
  const harness = Boolean(env.harness);
  const serving = Boolean(env.WEBPACK_SERVE);
  const plainHttp = harness || Boolean(env.http);
  const outputPath = path.resolve(__dirname, env.outputPath || "dist");
  // The harness has no network: a local stub installs a fake Excel before the pane starts.
  const officeJs = harness
    ? { scriptSrc: "office-stub.js", cspSource: null, copyFrom: null }
    : resolveOfficeJs(process.env.OFFICE_JS, { cwd: process.cwd() });
  const csp = contentSecurityPolicy(officeJs);

  const entry = { taskpane: "./src/taskpane/index.tsx" };
  const copies = [
    { from: "assets", to: "assets" },
    // Copied as written, never minified: the probe's syntax is the test, and compat.js stays ES5.
    ...compatScripts.map((name) => ({
      from: `src/taskpane/compat/${name}`,
      to: name,
      info: { minimized: true },
      // Only the comments go (block comments that start a line; these files have no "/*" in a string).
      transform: (content) => content.toString("utf8").replace(/^\s*\/\*[\s\S]*?\*\/[ \t]*\n/gm, ""),
    })),
  ];
  // Microsoft's files, as Microsoft ships them.
  if (officeJs.copyFrom) copies.push({ from: officeJs.copyFrom, to: LOCAL_FOLDER, info: { minimized: true } });
  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
      contentSecurityPolicy: csp,
      officeJsUrl: officeJs.scriptSrc,
      compatScripts,
    }),
    new CopyWebpackPlugin({ patterns: copies }),
  ];

  if (harness) {
    entry["office-stub"] = "./test/e2e/harness/office-stub.ts";
    entry.preview = "./test/e2e/harness/preview.ts";
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./test/e2e/harness/preview.html",
        chunks: ["preview"],
        contentSecurityPolicy: csp,
      }),
    );
  } else {
    entry.commands = "./src/commands/commands.ts";
    const transform = manifestTransform(production);
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
        contentSecurityPolicy: csp,
        officeJsUrl: officeJs.scriptSrc,
      }),
      new CopyWebpackPlugin({
        patterns: [{ from: "manifest*.xml", to: "[name][ext]", ...(transform ? { transform } : {}) }],
      }),
    );
  }

  const config = {
    // Paths below are relative to the project, wherever webpack is started from.
    context: __dirname,
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry,
    output: {
      path: outputPath,
      filename: production && !harness ? "[name].[contenthash:8].js" : "[name].js",
      // dist/ also holds the command line and scripts bundled as .cjs (build:cli, bench); those stay.
      clean: { keep: /\.cjs$/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
    // webpack's own runtime code, too, stays within ES2017.
    target: ["web", scriptTarget],
    module: {
      rules: [
        {
          // Our TypeScript and every dependency's JavaScript: loaders run bottom to top.
          test: /\.[cm]?[jt]sx?$/,
          use: [
            { loader: path.resolve(__dirname, "scripts/webpack/regexp-property-loader.cjs") },
            { loader: "esbuild-loader", options: { target: scriptTarget } },
          ],
        },
      ],
    },
    plugins,
    // `npm run size` enforces the gzipped budget; webpack's uncompressed hint says nothing useful.
    performance: { hints: false },
    stats: "errors-warnings",
  };

  if (serving) {
    config.devServer = {
      host: plainHttp ? "127.0.0.1" : "localhost",
      port: devServerPort,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: plainHttp ? "http" : { type: "https", options: await httpsOptions() },
      // Everything served is built by webpack (assets and the manifest are copied).
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { warnings: false, errors: true } },
    };
  }
  return config;
};
