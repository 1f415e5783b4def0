/*
 * What functions.json needs beyond what custom-functions-metadata generates from the JSDoc.
 *
 * allowErrorForDataTypeAny: Excel then runs a function even when a range argument (`any[][]`)
 * holds error cells, handing each over as a CustomFunctions.Error, so CVM.ISSUES can say which
 * cell holds the error. Microsoft documents it as a top-level property that "can only be used with
 * manually created JSON metadata" and has no JSDoc tag for it, and the generator never writes it;
 * hence this step after the generator. docs/office-requirements.md has the sources.
 *
 * FunctionsMetadataPlugin applies the step to the functions.json asset that
 * custom-functions-metadata-plugin emits; the tests apply the same function to the generator's
 * output, so what they check is what the build ships.
 */
const { createHash } = require("node:crypto");

const PLUGIN = "FunctionsMetadataPlugin";

const TOP_LEVEL = Object.freeze({ allowErrorForDataTypeAny: true });

/**
 * @param {string} generated the JSON text custom-functions-metadata produced
 * @returns {string} the JSON text the add-in serves
 */
function finalizeFunctionsMetadata(generated) {
  const metadata = JSON.parse(generated);
  if (!metadata || typeof metadata !== "object" || !Array.isArray(metadata.functions)) {
    throw new Error("functions.json has no functions array");
  }
  // Top-level properties first, as in Microsoft's example; the generator's own come after.
  return JSON.stringify({ ...TOP_LEVEL, ...metadata }, null, 4);
}

class FunctionsMetadataPlugin {
  /** @param {{ file?: string }} [options] file: the metadata asset's name (functions.json) */
  constructor(options = {}) {
    this.file = options.file ?? "functions.json";
  }

  apply(compiler) {
    const { sources, Compilation, WebpackError } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS }, () => {
        const asset = compilation.getAsset(this.file);
        if (!asset) {
          compilation.errors.push(
            new WebpackError(`${PLUGIN}: no ${this.file} to finish (custom-functions-metadata-plugin must run first)`),
          );
          return;
        }
        try {
          const finished = finalizeFunctionsMetadata(asset.source.source().toString());
          compilation.updateAsset(this.file, new sources.RawSource(finished));
        } catch (error) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: ${error instanceof Error ? error.message : String(error)}`));
        }
      });
    });
  }
}

/*
 * The version lock. Excel caches functions.json per manifest <Version> (for about a day), so a
 * changed functions.json under an unchanged version reaches users late or never. functions-lock.json
 * records the manifest version and the hash of the functions.json it shipped with;
 * test/functions/metadata-version.test.ts fails when either no longer matches, and
 * scripts/functions-lock.mjs rewrites the lock, refusing while the metadata changed and the version did not.
 */

/**
 * The hash of what Excel reads: the parsed JSON, so that indentation does not count but every
 * id, name, description, parameter and flag does.
 * @param {string} shipped functions.json as the build writes it
 */
function metadataHash(shipped) {
  return createHash("sha256")
    .update(JSON.stringify(JSON.parse(shipped)))
    .digest("hex");
}

/**
 * @param {{ manifestVersion: string, sha256: string }} current the manifest's version and the hash of today's functions.json
 * @param {{ manifestVersion: string, sha256: string }} lock what functions-lock.json records
 * @returns {string[]} what is wrong, in words; [] when the lock holds
 */
function lockProblems(current, lock) {
  const metadataChanged = current.sha256 !== lock.sha256;
  const versionChanged = current.manifestVersion !== lock.manifestVersion;
  if (metadataChanged && !versionChanged) {
    return [
      `functions.json changed but manifest.xml's <Version> is still ${lock.manifestVersion}: Excel caches functions.json per version, ` +
        "so bump <Version> in manifest.xml, then run `npm run functions:lock`.",
    ];
  }
  if (versionChanged) {
    return [
      `manifest.xml's <Version> is ${current.manifestVersion} but functions-lock.json records ${lock.manifestVersion}: run \`npm run functions:lock\`.`,
    ];
  }
  return [];
}

module.exports = { FunctionsMetadataPlugin, finalizeFunctionsMetadata, TOP_LEVEL, metadataHash, lockProblems };
