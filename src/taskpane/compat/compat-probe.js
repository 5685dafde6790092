/* global window */
/*
 * The ES2017 syntax probe of taskpane.html: a webview that cannot parse this file cannot parse the add-in's
 * scripts either, and compat.js then shows why. Not processed by webpack; it must stay valid ES2017 and use
 * the syntax the bundles rely on.
 */
(function (global) {
  "use strict";
  const probe = async (values, ...rest) => {
    let total = 0;
    for (const value of [...values, ...rest]) total += value ** 2;
    await Promise.resolve(total);
    const { a, b = `${total}` } = { a: 1 };
    class Probe {
      constructor() {
        this.a = a;
      }
    }
    return new Probe().a + b.length;
  };
  global.targetTableSyntax = typeof probe === "function";
})(window);
