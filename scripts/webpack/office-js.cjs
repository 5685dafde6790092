/**
 * Where the add-in's pages load office.js from: the OFFICE_JS build setting.
 *
 *   (unset) or "cdn"                 Microsoft's CDN, https://appsforoffice.microsoft.com/lib/1/hosted/office.js
 *   https://intranet.example/…/office.js   a copy the organisation serves itself (any https URL)
 *   a local path                     office.js, or the folder holding it, given by the administrator: the whole
 *                                    folder is copied into dist/office-js/ (office.js loads the files beside it:
 *                                    the per-host scripts and the language folders) and the pages load
 *                                    office-js/office.js from the add-in's own host.
 *
 * Pure apart from reading the file system; a bad setting is refused with a sentence saying what to give.
 */
/* global URL */
"use strict";
const fs = require("fs");
const path = require("path");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** Where a local copy goes in dist/. */
const LOCAL_FOLDER = "office-js";

class OfficeJsSettingError extends Error {
  constructor(message) {
    super(message);
    this.name = "OfficeJsSettingError";
  }
}

/**
 * Resolves the setting to { scriptSrc, cspSource, copyFrom }:
 *   scriptSrc  what the pages' <script src> says;
 *   cspSource  the origin to allow in script-src besides 'self' (null when office.js is served with the add-in);
 *   copyFrom   the folder to copy into dist/office-js/ (null unless a local path was given).
 */
function resolveOfficeJs(setting, { cwd = process.cwd() } = {}) {
  const text = typeof setting === "string" ? setting.trim() : "";
  if (text === "" || text.toLowerCase() === "cdn") {
    return { scriptSrc: OFFICE_JS_CDN, cspSource: new URL(OFFICE_JS_CDN).origin, copyFrom: null };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[a-z]:[\\/]/i.test(text)) {
    let url;
    try {
      url = new URL(text);
    } catch {
      throw new OfficeJsSettingError(`OFFICE_JS "${text}" is not a valid URL.`);
    }
    if (url.protocol !== "https:") {
      throw new OfficeJsSettingError(
        `OFFICE_JS "${text}" must be an https URL: Office loads the add-in over https and refuses mixed content.`,
      );
    }
    if (!/\.js$/i.test(url.pathname)) {
      throw new OfficeJsSettingError(`OFFICE_JS "${text}" must name the office.js file itself, not a folder.`);
    }
    return { scriptSrc: url.href, cspSource: url.origin, copyFrom: null };
  }
  if (text.toLowerCase() === "local") {
    throw new OfficeJsSettingError(
      "OFFICE_JS=local needs the file: give the path of office.js or of the folder holding it, for example OFFICE_JS=/srv/office-js/office.js.",
    );
  }
  const given = path.resolve(cwd, text);
  if (!fs.existsSync(given)) throw new OfficeJsSettingError(`OFFICE_JS: ${given} does not exist.`);
  const folder = fs.statSync(given).isDirectory() ? given : path.dirname(given);
  const file = fs.statSync(given).isDirectory() ? path.join(given, "office.js") : given;
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    throw new OfficeJsSettingError(`OFFICE_JS: there is no office.js in ${folder}.`);
  }
  if (!/\.js$/i.test(file)) throw new OfficeJsSettingError(`OFFICE_JS: ${file} is not a .js file.`);
  return { scriptSrc: `${LOCAL_FOLDER}/${path.basename(file)}`, cspSource: null, copyFrom: folder };
}

module.exports = { LOCAL_FOLDER, OFFICE_JS_CDN, OfficeJsSettingError, resolveOfficeJs };
