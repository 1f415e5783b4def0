/*
 * Reports the gzipped size of the JavaScript a page loads before it runs (the initial files of the
 * entries the page includes) and fails the build when it is over the budget.
 */
const zlib = require("node:zlib");

const PLUGIN = "BundleBudgetPlugin";

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

class BundleBudgetPlugin {
  /**
   * @param {{ page: string, entries: string[], maxGzipBytes: number, enforce: boolean, log?: (line: string) => void }} options
   *   page: the HTML file, for the report; entries: the entries it loads; enforce: fail above the
   *   budget (production builds); log: where the summary line goes (stdout by default).
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    const { page, entries, maxGzipBytes, enforce } = this.options;
    const log = this.options.log ?? ((line) => process.stdout.write(`${line}\n`));
    let summary = null;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      summary = null;
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const files = new Set();
        for (const entry of entries) {
          const entrypoint = compilation.entrypoints.get(entry);
          if (!entrypoint) {
            compilation.errors.push(new WebpackError(`${PLUGIN}: there is no entry named "${entry}"`));
            return;
          }
          for (const file of entrypoint.getFiles()) if (file.endsWith(".js")) files.add(file);
        }
        let total = 0;
        const parts = [];
        for (const file of files) {
          const buffer = compilation.getAsset(file)?.source.buffer();
          if (!buffer) continue;
          const gzip = zlib.gzipSync(buffer, { level: 9 }).length;
          total += gzip;
          parts.push(`${file} ${kb(gzip)}`);
        }
        const over = total > maxGzipBytes;
        summary =
          `${page} initial JS: ${kb(total)} gzipped (${parts.join(", ")}); budget ${kb(maxGzipBytes)}` +
          (enforce ? (over ? ": OVER BUDGET" : "") : " (not enforced in this mode)");
        if (enforce && over) {
          compilation.errors.push(
            new WebpackError(`${PLUGIN}: ${page} loads ${kb(total)} of JavaScript gzipped, over its budget of ${kb(maxGzipBytes)}`),
          );
        }
      });
    });
    // On stdout, a one-off build prints the summary as the process exits, after webpack-cli's stats
    // (which, for several configs, come after every compiler's own hooks); a watching build prints
    // it after each rebuild. A given `log` gets it when the build is done.
    let pending = false;
    compiler.hooks.afterDone.tap(PLUGIN, () => {
      if (!summary) return;
      if (this.options.log || compiler.watchMode) {
        log(summary);
      } else if (!pending) {
        pending = true;
        process.once("exit", () => log(summary));
      }
    });
  }
}

module.exports = { BundleBudgetPlugin };
