/*
 * Fails the build when the custom functions' code path pulls in UI libraries. The functions entry
 * is also the script Excel loads for the CVM functions (Functions.Script.Url), so it must stay
 * small and free of React and Fluent UI, which belong to the task pane.
 */
const path = require("node:path");

const PLUGIN = "FunctionsGuardPlugin";
const DEFAULT_FORBIDDEN = /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel|@floating-ui|tabster)[\\/]/;

/** The modules a module stands for: itself, or the modules a ConcatenatedModule was made of. */
function* innerModules(module) {
  if (module.modules) for (const inner of module.modules) yield* innerModules(inner);
  else yield module;
}

/** "react", "@fluentui/react-button": the package a file in node_modules belongs to. */
function packageOf(resource) {
  const parts = resource
    .split(/[\\/]node_modules[\\/]/)
    .pop()
    .split(/[\\/]/);
  return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
}

class FunctionsGuardPlugin {
  /** @param {{ entry?: string, forbidden?: RegExp }} [options] entry: the entry to check ("functions"). */
  constructor(options = {}) {
    this.entry = options.entry ?? "functions";
    this.forbidden = options.forbidden ?? DEFAULT_FORBIDDEN;
  }

  apply(compiler) {
    const { Compilation, WebpackError } = compiler.webpack;
    const context = compiler.context;
    const show = (module) => (module.resource ? path.relative(context, module.resource).split(path.sep).join("/") : module.identifier());
    compiler.hooks.thisCompilation.tap(PLUGIN, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN, stage: Compilation.PROCESS_ASSETS_STAGE_ANALYSE }, () => {
        const entrypoint = compilation.entrypoints.get(this.entry);
        if (!entrypoint) {
          compilation.errors.push(new WebpackError(`${PLUGIN}: there is no entry named "${this.entry}"`));
          return;
        }
        const chunks = new Set();
        for (const chunk of entrypoint.chunks) {
          chunks.add(chunk);
          for (const asyncChunk of chunk.getAllAsyncChunks()) chunks.add(asyncChunk);
        }
        // One error per package, with the import chain that first leads into it.
        const offenders = new Map();
        for (const chunk of chunks) {
          for (const outer of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            for (const module of innerModules(outer)) {
              if (!module.resource || !this.forbidden.test(module.resource)) continue;
              const name = packageOf(module.resource);
              const found = offenders.get(name) ?? { count: 0, entryModule: undefined };
              found.count++;
              const issuer = compilation.moduleGraph.getIssuer(module);
              if (!found.entryModule && !(issuer?.resource && packageOf(issuer.resource) === name)) found.entryModule = module;
              offenders.set(name, found);
            }
          }
        }
        for (const [name, { count, entryModule }] of offenders) {
          const chain = [];
          for (let m = entryModule; m && chain.length < 10; m = compilation.moduleGraph.getIssuer(m)) chain.push(show(m));
          compilation.errors.push(
            new WebpackError(
              `${PLUGIN}: the "${this.entry}" chunk must not contain ${name} (${count} module${count === 1 ? "" : "s"})` +
                (chain.length ? `; imported via ${chain.join(" <- ")}` : ""),
            ),
          );
        }
      });
    });
  }
}

module.exports = { FunctionsGuardPlugin, DEFAULT_FORBIDDEN };
