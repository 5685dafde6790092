/**
 * Points the development manifest at the add-in's public host: every https://localhost:3000/ URL becomes the
 * same path under the production base URL. Pure functions, shared by scripts/manifest-prod.mjs and
 * webpack.config.js; a bad base URL is refused with a sentence saying what to fix.
 */

/* global URL */

/** Where the development manifest expects the add-in (webpack's dev server). */
const DEV_BASE_URL = "https://localhost:3000/";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "0.0.0.0"]);

class ManifestUrlError extends Error {
  constructor(message) {
    super(message);
    this.name = "ManifestUrlError";
  }
}

/** Checks a public base URL and returns it in canonical form, ending with "/". */
function normalizePublicUrl(baseUrl) {
  const text = typeof baseUrl === "string" ? baseUrl.trim() : "";
  if (text === "") {
    throw new ManifestUrlError("The public URL is empty: give the https address where the add-in's files are hosted.");
  }
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new ManifestUrlError(
      `The public URL "${text}" is not an absolute URL (for example https://addins.example.com/target-table/).`,
    );
  }
  if (url.protocol !== "https:") {
    throw new ManifestUrlError(`The public URL "${text}" must use https: Office loads add-ins only over https.`);
  }
  if (LOOPBACK_HOSTS.has(url.hostname.toLowerCase()) || url.hostname.toLowerCase().endsWith(".localhost")) {
    throw new ManifestUrlError(
      `The public URL "${text}" points at this computer; a production manifest needs the public host.`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ManifestUrlError(`The public URL "${text}" must not hold a user name, a query or a fragment.`);
  }
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}

function escapeXmlAttribute(text) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/**
 * Rewrites every https://localhost:3000/ URL of a manifest to the same path under `baseUrl`.
 * Throws a ManifestUrlError when the base URL is unusable, when the manifest has no development URL to
 * rewrite (already rewritten, or another file), or when a local address would remain afterwards.
 */
function rewriteManifestUrls(xml, baseUrl) {
  const base = normalizePublicUrl(baseUrl);
  if (!xml.includes(DEV_BASE_URL)) {
    throw new ManifestUrlError(`The manifest has no ${DEV_BASE_URL} URL to rewrite: is it the development manifest?`);
  }
  const rewritten = xml.split(DEV_BASE_URL).join(escapeXmlAttribute(base));
  const leftover = /(https?:\/\/)?(localhost|127\.0\.0\.1|\[::1\])(:\d+)?[^\s"'<]*/i.exec(rewritten);
  if (leftover) {
    const line = rewritten.slice(0, leftover.index).split("\n").length;
    throw new ManifestUrlError(
      `The manifest still names a local address after rewriting, line ${line}: ${leftover[0]}`,
    );
  }
  return rewritten;
}

module.exports = { DEV_BASE_URL, ManifestUrlError, normalizePublicUrl, rewriteManifestUrls };
