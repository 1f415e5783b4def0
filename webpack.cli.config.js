/* Builds the `cvm` command line into one file for Node; exceljs and jszip stay runtime dependencies. */
const path = require("node:path");

module.exports = {
  mode: "production",
  target: "node20",
  entry: { cvm: "./src/cli/main.ts" },
  output: { path: path.resolve(__dirname, "dist-cli"), filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: { rules: [{ test: /\.ts$/, loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: false } } }] },
  externals: { exceljs: "commonjs exceljs", jszip: "commonjs jszip" },
  optimization: { minimize: false },
  devtool: false,
};
