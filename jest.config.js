/** Jest runs the TypeScript sources directly; the type check is `npm run typecheck`. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node10", verbatimModuleSyntax: false, isolatedModules: true }, diagnostics: false }],
  },
  // LibreOffice interop tests start a headless office; give them room.
  testTimeout: 120000,
};
