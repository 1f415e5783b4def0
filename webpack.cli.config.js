/*
 * Builds the `cvm` command line for Node; exceljs and jszip stay runtime dependencies.
 * Two entries: cvm.js (bin/cvm.js runs it) and batch-worker.js, the worker thread of `cvm batch`,
 * which cvm.js starts from its own folder (`__dirname` stays Node's: the folder of the bundle).
 */
const path = require("node:path");

module.exports = {
  mode: "production",
  target: "node20",
  entry: { cvm: "./src/cli/main.ts", "batch-worker": "./src/cli/batch/worker.ts" },
  output: { path: path.resolve(__dirname, "dist-cli"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: false } } }] },
  externals: { exceljs: "commonjs exceljs", jszip: "commonjs jszip" },
  node: { __dirname: false, __filename: false },
  optimization: { minimize: false },
  devtool: false,
};
