#!/usr/bin/env node
// The command line is compiled from src/cli by `npm run build:cli` (run by `npm ci` and `npm install`).
try {
  require.resolve("../dist-cli/cvm.js");
} catch {
  process.stderr.write("cvm: the command line is not built yet; run `npm run build:cli` in the package folder.\n");
  process.exit(2);
}
require("../dist-cli/cvm.js");
