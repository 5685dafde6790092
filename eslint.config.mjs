// ESLint flat config: typescript-eslint's recommended rules, eslint-plugin-office-addins' recommended
// rules (load before read, sync before read, no sync in loops, prettier), and the core's import boundary.
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import { builtinModules } from "node:module";

// The plugin's preset registers its own copy of @typescript-eslint; keep typescript-eslint's and take the rest.
const officeRecommended = officeAddins.configs.recommended.map((config) => {
  if (!config.plugins) return config;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { "@typescript-eslint": _duplicate, ...plugins } = config.plugins;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { parser: _parser, ...languageOptions } = config.languageOptions ?? {};
  return { ...config, plugins, languageOptions, files: ["**/*.{js,mjs,cjs,ts,cts,mts,tsx}"] };
});

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", "artifacts/", "examples/"] },
  ...officeRecommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", __dirname: "readonly", process: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The domain core runs everywhere: no Office.js, exceljs, React or Node built-ins.
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: nodeBuiltins.map((name) => ({ name, message: "The domain core must not use Node built-ins." })),
          patterns: [
            { group: ["exceljs", "exceljs/*"], message: "The domain core must not use exceljs." },
            {
              group: ["react", "react-dom", "react/*", "react-dom/*", "@fluentui/*"],
              message: "The domain core must not use React.",
            },
            {
              group: ["office-js", "@microsoft/office-js", "../host/*", "../excel/*", "../xlsx/*"],
              message: "The domain core must not depend on a host.",
            },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        { name: "Office", message: "No Office.js in the core." },
        { name: "Excel", message: "No Office.js in the core." },
      ],
    },
  },
);
