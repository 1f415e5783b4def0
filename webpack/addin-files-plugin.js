/*
 * Emits the add-in's static files next to the bundles: manifest.xml (with the production base URL
 * when one is given), the icons (assets/icon-*.png) and the help page the manifest's SupportUrl
 * names (help.html). All are watched, so the dev server serves the current versions.
 */
const fs = require("node:fs");
const path = require("node:path");
const { rewriteManifest } = require("./base-url.js");

const PLUGIN = "AddinFilesPlugin";

class AddinFilesPlugin {
  /**
   * @param {{ manifest: string, iconsDir: string, helpPage: string, baseUrl: string | null }} options
   *   manifest: path of the source manifest.xml; iconsDir: folder holding icon-<size>.png;
   *   helpPage: path of the static help page, written as help.html;
   *   baseUrl: the production base URL, or null to keep the development URLs.
   */
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const { sources, Compilation, WebpackError } = compiler.webpack;
    const { manifest, iconsDir, helpPage, baseUrl } = this.options;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        try {
          compilation.fileDependencies.add(manifest);
          compilation.emitAsset("manifest.xml", new sources.RawSource(rewriteManifest(fs.readFileSync(manifest, "utf8"), baseUrl)));
          compilation.contextDependencies.add(iconsDir);
          const icons = fs
            .readdirSync(iconsDir)
            .filter((name) => /^icon-\d+\.png$/.test(name))
            .sort();
          if (icons.length === 0) throw new Error(`no icon-<size>.png files in ${iconsDir}`);
          for (const name of icons) {
            const file = path.join(iconsDir, name);
            compilation.fileDependencies.add(file);
            compilation.emitAsset(`assets/${name}`, new sources.RawSource(fs.readFileSync(file)));
          }
          compilation.fileDependencies.add(helpPage);
          compilation.emitAsset("help.html", new sources.RawSource(fs.readFileSync(helpPage)));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    });
  }
}

module.exports = { AddinFilesPlugin };
