/* global window, document */
/*
 * The task pane's webview check, in plain ES5 so that every webview Office may use can run it: Internet
 * Explorer 11 (Trident) and EdgeHTML parse this file even where they cannot parse the add-in. Where the
 * webview lacks the ES2017 syntax (compat-probe.js did not run) or an API the add-in needs, it replaces the
 * loading text with a message in Chinese and English, and sets window.targetTableTooOld so the add-in does not
 * start. Not processed by webpack; test/manifest/build.test.ts parses it as ES5.
 */
(function (global, document) {
  "use strict";

  function missingFeatures() {
    var missing = [];
    if (global.targetTableSyntax !== true) missing.push("ES2017");
    if (typeof global.Promise !== "function") missing.push("Promise");
    if (typeof global.fetch !== "function") missing.push("fetch");
    if (typeof global.Map !== "function" || typeof global.Set !== "function" || typeof global.WeakMap !== "function") {
      missing.push("Map/Set");
    }
    if (typeof global.Symbol !== "function") missing.push("Symbol");
    if (typeof Object.assign !== "function" || typeof Object.entries !== "function") missing.push("Object.entries");
    if (typeof Array.prototype.includes !== "function" || typeof Array.from !== "function") missing.push("Array.from");
    if (typeof global.Intl !== "object") missing.push("Intl");
    return missing;
  }

  function webviewName(userAgent) {
    if (/Trident\//.test(userAgent)) return "Internet Explorer 11 (Trident)";
    if (/Edge\/\d+/.test(userAgent)) return "Microsoft Edge Legacy (EdgeHTML)";
    return "";
  }

  function paragraph(text, style) {
    var element = document.createElement("p");
    element.appendChild(document.createTextNode(text));
    element.setAttribute("style", "margin: 0 0 12px; " + (style || ""));
    return element;
  }

  var TITLE_ZH = "此版本的 Office 无法运行“绩效目标表校验”";
  var TEXT_ZH =
    "Office 用来显示加载项的网页组件过旧。请更新到 Microsoft 365 或 Office 2021 及以上版本；" +
    "零售版 Office 2016/2019 请在 Windows 上安装 Microsoft Edge WebView2 运行时。也可以改用网页版 Excel。";
  var TITLE_EN = "This version of Office cannot run Target Table Check";
  var TEXT_EN =
    "The web component Office uses to show add-ins is too old. Update to Microsoft 365 or Office 2021 " +
    "or later; for retail Office 2016/2019, install the Microsoft Edge WebView2 Runtime on Windows. " +
    "Excel on the web works too.";
  var BOX_STYLE =
    "font-family: 'Segoe UI', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif; font-size: 14px; " +
    "line-height: 1.5; padding: 16px; color: #242424; background: #ffffff;";
  var HEADING = "font-size: 16px; font-weight: 600;";
  var DETAIL = "font-size: 12px; color: #616161;";

  // Kept to short calls: a call broken over lines would get a trailing comma, which ES5 cannot parse.
  function showMessage(missing) {
    var container = document.getElementById("container");
    if (!container) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.setAttribute("id", "webview-too-old");
    box.setAttribute("style", BOX_STYLE);
    box.appendChild(paragraph(TITLE_ZH, HEADING));
    box.appendChild(paragraph(TEXT_ZH));
    box.appendChild(paragraph(TITLE_EN, HEADING));
    box.appendChild(paragraph(TEXT_EN));
    var agent = global.navigator ? global.navigator.userAgent : "";
    var name = webviewName(agent);
    var detail = (name ? name + " · " : "") + "missing: " + missing.join(", ");
    box.appendChild(paragraph(detail, DETAIL));
    container.appendChild(box);
  }

  var missing = missingFeatures();
  global.targetTableTooOld = missing.length > 0;
  if (missing.length > 0) showMessage(missing);
})(window, document);
