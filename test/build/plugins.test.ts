/**
 * The build's own plugins do what they should: tiny webpack builds (entries given as data: URLs,
 * output in temporary folders) through each of them.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import webpack, { type Configuration, type Stats } from "webpack";
import { BundleBudgetPlugin } from "../../webpack/bundle-budget-plugin";
import { FunctionsGuardPlugin } from "../../webpack/functions-guard-plugin";
import { FunctionsMetadataPlugin } from "../../webpack/functions-metadata";

const REPO_ROOT = path.resolve(__dirname, "../..");

const outputs: string[] = [];
afterAll(() => {
  for (const dir of outputs) fs.rmSync(dir, { recursive: true, force: true });
});

function build(entry: Configuration["entry"], plugins: Configuration["plugins"]): Promise<Stats> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cvm-plugin-"));
  outputs.push(dir);
  const compiler = webpack({
    mode: "production",
    context: REPO_ROOT,
    entry,
    output: { path: dir, filename: "[name].js" },
    plugins,
    performance: { hints: false },
    infrastructureLogging: { level: "none" },
  });
  return new Promise((resolve, reject) => {
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || !stats) reject(error ?? new Error("no stats"));
      else resolve(stats);
    });
  });
}

const js = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

describe("FunctionsGuardPlugin", () => {
  it("fails a build whose functions entry imports React, naming the module and its importer", async () => {
    const stats = await build(
      { functions: js('import { createElement } from "react"; globalThis.x = createElement;'), taskpane: js("globalThis.y = 1;") },
      [new FunctionsGuardPlugin()],
    );
    const errors = stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message);
    expect(errors).toEqual([
      expect.stringMatching(
        /"functions" chunk must not contain react \(\d+ modules?\); imported via node_modules\/react\/index\.js <- data:/,
      ),
    ]);
  });

  it("passes a build where only the task pane imports React", async () => {
    const stats = await build(
      { functions: js("globalThis.x = 1;"), taskpane: js('import { createElement } from "react"; globalThis.y = createElement;') },
      [new FunctionsGuardPlugin()],
    );
    expect(stats.hasErrors()).toBe(false);
  });

  it("fails when the checked entry does not exist", async () => {
    const stats = await build({ main: js("globalThis.x = 1;") }, [new FunctionsGuardPlugin({ entry: "functions" })]);
    expect(stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message)).toEqual([
      expect.stringContaining('no entry named "functions"'),
    ]);
  });
});

describe("BundleBudgetPlugin", () => {
  const entry = {
    functions: js("globalThis.x = 1;"),
    taskpane: js('import { createElement } from "react"; globalThis.y = createElement;'),
  };

  it("reports the page's gzipped JS per file and passes under the budget", async () => {
    const lines: string[] = [];
    const stats = await build(entry, [
      new BundleBudgetPlugin({
        page: "taskpane.html",
        entries: ["functions", "taskpane"],
        maxGzipBytes: 350 * 1024,
        enforce: true,
        log: (l) => lines.push(l),
      }),
    ]);
    expect(stats.hasErrors()).toBe(false);
    expect(lines).toEqual([
      expect.stringMatching(
        /^taskpane\.html initial JS: \d+\.\d KB gzipped \(functions\.js [\d.]+ KB, taskpane\.js [\d.]+ KB\); budget 350\.0 KB$/,
      ),
    ]);
  });

  it("fails the build above the budget when enforced, and only reports when not", async () => {
    const options = { page: "taskpane.html", entries: ["functions", "taskpane"], maxGzipBytes: 100, log: () => undefined };
    const enforced = await build(entry, [new BundleBudgetPlugin({ ...options, enforce: true })]);
    expect(enforced.toJson({ all: false, errors: true }).errors!.map((e) => e.message)).toEqual([
      expect.stringContaining("over its budget of 0.1 KB"),
    ]);
    const lines: string[] = [];
    const reported = await build(entry, [new BundleBudgetPlugin({ ...options, enforce: false, log: (l) => lines.push(l) })]);
    expect(reported.hasErrors()).toBe(false);
    expect(lines).toEqual([expect.stringContaining("(not enforced in this mode)")]);
  });
});

describe("FunctionsMetadataPlugin", () => {
  /** Emits functions.json the way custom-functions-metadata-plugin does: on the compilation hook. */
  const generator = (json: string) => ({
    apply(compiler: webpack.Compiler) {
      compiler.hooks.compilation.tap("generator", (compilation) => {
        compilation.assets["functions.json"] = new compiler.webpack.sources.RawSource(json);
      });
    },
  });

  it("adds allowErrorForDataTypeAny at the top level of the emitted functions.json, keeping the functions", async () => {
    const functions = [{ id: "TOTAL", name: "TOTAL", parameters: [] }];
    const stats = await build({ main: js("globalThis.x = 1;") }, [
      generator(JSON.stringify({ allowCustomDataForDataTypeAny: true, functions })),
      new FunctionsMetadataPlugin(),
    ]);
    expect(stats.compilation.errors).toEqual([]);
    const written = JSON.parse(fs.readFileSync(path.join(stats.compilation.outputOptions.path!, "functions.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(Object.keys(written)).toEqual(["allowErrorForDataTypeAny", "allowCustomDataForDataTypeAny", "functions"]);
    expect(written.allowErrorForDataTypeAny).toBe(true);
    expect(written.functions).toEqual(functions);
  });

  it("fails the build when there is no functions.json to finish", async () => {
    const stats = await build({ main: js("globalThis.x = 1;") }, [new FunctionsMetadataPlugin()]);
    expect(stats.compilation.errors.map((e) => e.message)).toEqual([expect.stringContaining("no functions.json to finish")]);
  });
});
