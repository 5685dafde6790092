/**
 * A tiny static server for the built harness: the pane's files plus /fake-state.json, the workbook
 * the fake Excel starts from. Loopback only; used by the browser tests and by `npm run preview`.
 */
/* global Buffer, URL */
"use strict";
const fs = require("fs");
const http = require("http");
const path = require("path");

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves `root` and the state on host:port (port 0 picks a free one).
 * `getState` is called on every request for /fake-state.json, so each page load starts afresh.
 */
function startHarnessServer({ root, getState, host = "127.0.0.1", port = 0 }) {
  const rootDir = path.resolve(root);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url || "/", "http://harness.local");
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405).end();
      return;
    }
    if (url.pathname === "/") {
      response.writeHead(302, { Location: "/preview.html" }).end();
      return;
    }
    if (url.pathname === "/fake-state.json") {
      const body = Buffer.from(JSON.stringify(getState()), "utf8");
      response.writeHead(200, { "Content-Type": CONTENT_TYPES[".json"], "Cache-Control": "no-store" });
      response.end(body);
      return;
    }
    const file = path.resolve(rootDir, "." + decodeURIComponent(url.pathname));
    if (!file.startsWith(rootDir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404, { "Content-Type": CONTENT_TYPES[".txt"] }).end("not found");
      return;
    }
    response.writeHead(200, {
      "Content-Type": CONTENT_TYPES[path.extname(file)] || "application/octet-stream",
      "Cache-Control": "no-store",
    });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({
        url: `http://${host}:${address.port}`,
        port: address.port,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

module.exports = { startHarnessServer };
