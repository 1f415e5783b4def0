/**
 * Jest runs the TypeScript sources directly; the type check is `npm run typecheck`.
 * Two projects, both run by `npx jest`:
 *   "unit": everything under test/ but test/e2e (node by default; a `@jest-environment jsdom`
 *           docblock gives a file a DOM);
 *   "e2e":  test/e2e, the workbench in headless Chromium. Its global setup builds the workbench
 *           once per run into a temporary folder and serves it (test/e2e/global-setup.ts); it runs
 *           only when an e2e test is selected. `npm run test:e2e` runs these alone.
 */
const transform = {
  "^.+\\.tsx?$": [
    "ts-jest",
    {
      tsconfig: { module: "commonjs", moduleResolution: "node10", verbatimModuleSyntax: false, isolatedModules: true, jsx: "react-jsx" },
      diagnostics: false,
    },
  ],
};

module.exports = {
  // LibreOffice interop tests start a headless office; give them room.
  testTimeout: 120000,
  projects: [
    {
      displayName: "unit",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/"],
      transform,
    },
    {
      displayName: "e2e",
      testEnvironment: "node",
      roots: ["<rootDir>/test/e2e"],
      testMatch: ["**/*.test.ts"],
      transform,
      globalSetup: "<rootDir>/test/e2e/global-setup.ts",
      globalTeardown: "<rootDir>/test/e2e/global-teardown.ts",
    },
  ],
};
