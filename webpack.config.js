/*
 * `npm run build`: the deployable outputs, as two webpack configs.
 *   "addin": the Excel add-in into dist/ (served from https://localhost:3000/ in development):
 *            taskpane.html loading the taskpane, functions and commands bundles (one shared
 *            runtime), functions.json, manifest.xml, help.html (the SupportUrl) and assets/icon-*.png.
 *   "cli":   the `cvm` command line into dist-cli/ (webpack.cli.config.js).
 *
 * ADDIN_BASE_URL=https://host/path/ sets the production base URL that replaces
 * https://localhost:3000/ in dist/manifest.xml; without it the development URLs stay.
 * `webpack serve` (npm run dev-server) builds only the add-in, in memory, on https://localhost:3000;
 * so does `--env only=addin`.
 *
 * Not part of `npm run build` (nothing of it is deployed):
 *   "workbench": `--env only=workbench` (npm run build:workbench) builds the workbench, the task
 *            pane beside a simulated workbook, into dist-workbench/ (workbench.html, workbench.js),
 *            served by scripts/workbench.mjs; `--env outDir=<folder>` builds it elsewhere (the
 *            end-to-end tests build into a temporary folder).
 */
const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const cli = require("./webpack.cli.config.js");
const { DEV_BASE_URL, resolveBaseUrl } = require("./webpack/base-url.js");
const { AddinFilesPlugin } = require("./webpack/addin-files-plugin.js");
const { FunctionsGuardPlugin } = require("./webpack/functions-guard-plugin.js");
const { FunctionsMetadataPlugin } = require("./webpack/functions-metadata.js");
const { BundleBudgetPlugin } = require("./webpack/bundle-budget-plugin.js");
const { devServerHttps } = require("./webpack/dev-server-https.js");

const DEV_PORT = 3000;
/** Budget for the JavaScript taskpane.html loads (all three entries), gzipped. */
const TASKPANE_BUDGET_GZIP_BYTES = 350 * 1024;

/**
 * The workbench: src/devtools/workbench/index.tsx into dist-workbench/. The task pane runs on the in-memory
 * Excel simulation, and no ExcelJS (the sample is seeded without it). office.js is not bundled nor
 * copied: workbench.html loads /office-js/office.js, which scripts/workbench.mjs serves in place
 * from the @microsoft/office-js package (a loader that fetches sibling files, so the whole folder).
 * @param {string} mode
 * @param {string | undefined} outDir
 * @returns {import("webpack").Configuration}
 */
function workbenchConfig(mode, outDir) {
  const production = mode === "production";
  return {
    name: "workbench",
    mode,
    target: ["web", "es2020"],
    entry: { workbench: "./src/devtools/workbench/index.tsx" },
    output: {
      path: outDir ? path.resolve(outDir) : path.resolve(__dirname, "dist-workbench"),
      filename: "[name].js",
      clean: true,
    },
    ...typescriptSources(production),
    devtool: production ? false : "source-map",
    plugins: [
      new HtmlWebpackPlugin({
        filename: "workbench.html",
        template: "./src/devtools/workbench/workbench.html",
        favicon: "./assets/icon-32.png",
      }),
      // The browser bundle must not pull in the Node-side .xlsx adapter.
      new FunctionsGuardPlugin({ entry: "workbench", forbidden: /[\\/]node_modules[\\/](exceljs|jszip)[\\/]/ }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env = {}, argv = {}) => {
  const serving = Boolean(env.WEBPACK_SERVE);
  const mode = argv.mode ?? (serving ? "development" : "production");
  const production = mode === "production";
  if (env.only === "workbench") return workbenchConfig(mode, env.outDir);

  let baseUrl = null;
  if (serving) {
    if (process.env.ADDIN_BASE_URL) console.warn(`[addin] ADDIN_BASE_URL is ignored by the dev server, which serves ${DEV_BASE_URL}`);
  } else {
    try {
      baseUrl = resolveBaseUrl(process.env.ADDIN_BASE_URL);
    } catch (error) {
      error.stack = `Error: ${error.message}`; // a bad setting, not a bug: no stack trace
      throw error;
    }
    console.log(
      baseUrl
        ? `[addin] dist/manifest.xml: ${DEV_BASE_URL} replaced by ${baseUrl}`
        : `[addin] ADDIN_BASE_URL is not set: dist/manifest.xml keeps the development URLs (${DEV_BASE_URL})`,
    );
  }

  /** @type {import("webpack").Configuration} */
  const addin = {
    name: "addin",
    mode,
    target: ["web", "es2020"],
    // taskpane.html loads all three, in this order (shared runtime). functions.js carries the
    // webpack runtime and runs on its own (it is also the manifest's Functions.Script.Url);
    // commands.js and taskpane.js depend on what came before them, so the page has one module
    // registry: a module they share (the Excel adapter, the functions' cache) is one instance and
    // is shipped once.
    entry: {
      functions: "./src/functions/functions.ts",
      commands: { import: "./src/commands/commands.ts", dependOn: "functions" },
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: ["functions", "commands"] },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Fixed names: the manifest names functions.js (Functions.Script.Url).
      filename: "[name].js",
      clean: true,
    },
    ...typescriptSources(production),
    devtool: production ? false : "source-map",
    // office.js comes from Microsoft's CDN (a <script> in taskpane.html) and is used as a global.
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Shared runtime: one page runs the custom functions, the ribbon commands and the pane.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      // Writes functions.json and, through its loader, appends CustomFunctions.associate calls.
      new CustomFunctionsMetadataPlugin({ input: "./src/functions/functions.ts", output: "functions.json" }),
      // Adds what the generator cannot write (allowErrorForDataTypeAny), after it has emitted.
      new FunctionsMetadataPlugin({ file: "functions.json" }),
      new AddinFilesPlugin({
        manifest: path.resolve(__dirname, "manifest.xml"),
        iconsDir: path.resolve(__dirname, "assets"),
        helpPage: path.resolve(__dirname, "assets", "help.html"),
        baseUrl,
      }),
      new FunctionsGuardPlugin({ entry: "functions" }),
      new BundleBudgetPlugin({
        page: "taskpane.html",
        entries: ["functions", "commands", "taskpane"],
        maxGzipBytes: TASKPANE_BUDGET_GZIP_BYTES,
        enforce: production,
      }),
    ],
    // The size that matters is the gzipped budget above, not webpack's raw-size hints.
    performance: { hints: false },
  };

  if (serving) {
    addin.devServer = {
      host: "localhost",
      port: DEV_PORT,
      server: await devServerHttps(),
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      // A reload restarts the shared runtime cleanly; hot updates would re-run custom function registration.
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    };
    return addin;
  }
  // `--env only=addin` builds the add-in alone (the build tests do).
  if (env.only === "addin") return addin;
  return [addin, { ...cli, name: "cli" }];
};

/** How both browser configs read the TypeScript sources. */
function typescriptSources(production) {
  return {
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          // Type checking is `npm run typecheck`; the bundle only needs the transpiled code.
          options: { transpileOnly: true, compilerOptions: { sourceMap: !production } },
        },
      ],
    },
  };
}
