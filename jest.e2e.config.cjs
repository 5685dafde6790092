/** Browser tests (`npm run test:e2e`): the built task pane in Chromium on the fake Excel. */
const base = require("./jest.config.cjs");

module.exports = {
  ...base,
  roots: ["<rootDir>/test/e2e"],
  testPathIgnorePatterns: ["/node_modules/"],
  // One browser at a time: the tests share one build and one Chromium.
  maxWorkers: 1,
  testTimeout: 60_000,
};
