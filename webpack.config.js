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
 */
/* global require, module, process, __dirname, console */
/* eslint-disable @typescript-eslint/no-require-imports */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const devServerPort = 3000;
const officeJsUrl = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** Scripts only from the add-in's own origin and Microsoft's Office.js CDN; no inline or eval'd code. */
const contentSecurityPolicy = [
  "script-src 'self' https://appsforoffice.microsoft.com",
  "object-src 'none'",
  "base-uri 'self'",
].join("; ");

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

  const entry = { taskpane: "./src/taskpane/index.tsx" };
  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane"],
      contentSecurityPolicy,
      // The harness has no network: a local stub installs a fake Excel before the pane starts.
      officeJsUrl: harness ? "office-stub.js" : officeJsUrl,
    }),
    new CopyWebpackPlugin({ patterns: [{ from: "assets", to: "assets" }] }),
  ];

  if (harness) {
    entry["office-stub"] = "./test/e2e/harness/office-stub.ts";
    entry.preview = "./test/e2e/harness/preview.ts";
    plugins.push(
      new HtmlWebpackPlugin({
        filename: "preview.html",
        template: "./test/e2e/harness/preview.html",
        chunks: ["preview"],
        contentSecurityPolicy,
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
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              // tsconfig.json is for type checking only (noEmit); here TypeScript must emit.
              compilerOptions: { noEmit: false, sourceMap: !production },
            },
          },
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
