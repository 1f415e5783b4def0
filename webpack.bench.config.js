/*
 * `npm run bench`: the benchmark (bench/*.ts) bundled for Node into dist-bench/ and run from there
 * (nothing of it is shipped). HyperFormula (GPL-3.0, a development dependency used only here),
 * ExcelJS and JSZip stay commonjs externals: Node loads them from node_modules at run time, so
 * HyperFormula is never bundled, not even into this local, unshipped bundle.
 */
const path = require("node:path");

module.exports = {
  name: "bench",
  mode: "production",
  target: "node20",
  entry: { bench: "./bench/main.ts" },
  output: { path: path.resolve(__dirname, "dist-bench"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: false } } }] },
  externals: { hyperformula: "commonjs hyperformula", exceljs: "commonjs exceljs", jszip: "commonjs jszip" },
  node: { __dirname: false, __filename: false },
  optimization: { minimize: false },
  devtool: false,
};
