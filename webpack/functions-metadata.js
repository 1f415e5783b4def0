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
          compilation.errors.push(new WebpackError(`${PLUGIN}: no ${this.file} to finish (custom-functions-metadata-plugin must run first)`));
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

module.exports = { FunctionsMetadataPlugin, finalizeFunctionsMetadata, TOP_LEVEL };
