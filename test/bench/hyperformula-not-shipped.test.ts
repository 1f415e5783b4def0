/**
 * HyperFormula is GPL-3.0: a development dependency of the benchmark (bench/) alone, never in
 * anything the project ships. What `npm run build` bundles is read from the webpack configs
 * themselves (webpack.config.js, which includes webpack.cli.config.js): from each entry, every
 * import is followed as the config resolves it, through the sources, to the packages they use;
 * each package's own dependencies come from package-lock.json. None may be HyperFormula, and no
 * shipped source may be the benchmark's. A negative control checks that the same walk does find
 * HyperFormula from the benchmark's entry, so that a walk that finds nothing cannot pass.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import ts from "typescript";

const ROOT = path.resolve(__dirname, "../..");
const HYPERFORMULA = "hyperformula";
const load = createRequire(__filename);

type Entry = string | readonly string[] | { readonly import: string | readonly string[] };
interface Config {
  readonly name?: string;
  readonly entry: Readonly<Record<string, Entry>>;
  readonly resolve?: { readonly extensions?: readonly string[]; readonly extensionAlias?: Readonly<Record<string, readonly string[]>> };
  readonly externals?: Readonly<Record<string, string>>;
}

/** The configs `npm run build` runs (the add-in and the command line), as webpack gets them. */
async function shippedConfigs(): Promise<Config[]> {
  const factory = load(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<Config | Config[]>;
  const saved = process.env.ADDIN_BASE_URL;
  delete process.env.ADDIN_BASE_URL;
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    const configs = await factory({}, { mode: "production" });
    return Array.isArray(configs) ? configs : [configs];
  } finally {
    log.mockRestore();
    if (saved !== undefined) process.env.ADDIN_BASE_URL = saved;
  }
}

function benchConfig(): Config {
  return load(path.join(ROOT, "webpack.bench.config.js")) as Config;
}

function entryFiles(config: Config): string[] {
  return Object.values(config.entry).flatMap((entry) => {
    const imports = typeof entry === "string" || Array.isArray(entry) ? entry : (entry as { import: string | readonly string[] }).import;
    return (typeof imports === "string" ? [imports] : [...imports]).map((file) => path.resolve(ROOT, file));
  });
}

/** "react-dom/client" → "react-dom", "@fluentui/react-components/x" → "@fluentui/react-components". */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

const isFile = (file: string) => fs.existsSync(file) && fs.statSync(file).isFile();

/** A relative import resolved as webpack resolves it with the config's extensions and extension aliases. */
function resolveRelative(from: string, specifier: string, config: Config): string {
  const base = path.resolve(path.dirname(from), specifier);
  const extensions = config.resolve?.extensions ?? [".js"];
  const aliased = Object.entries(config.resolve?.extensionAlias ?? {}).flatMap(([ext, replacements]) =>
    base.endsWith(ext) ? replacements.map((r) => base.slice(0, -ext.length) + r) : [],
  );
  const candidates = [...aliased, base, ...extensions.map((ext) => base + ext), ...extensions.map((ext) => path.join(base, `index${ext}`))];
  const found = candidates.find(isFile);
  if (!found)
    throw new Error(`${path.relative(ROOT, from)} imports "${specifier}", which the ${config.name ?? "webpack"} config cannot resolve`);
  return found;
}

interface Reach {
  /** Source files of the repository the entries reach. */
  readonly files: Set<string>;
  /** Packages they import (Node's built-in modules left out). */
  readonly packages: Set<string>;
}

/** Every file and package the config's entries reach through their imports (type-only ones too: a stricter walk). */
function reach(config: Config, entries = entryFiles(config)): Reach {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith(".")) queue.push(resolveRelative(file, specifier, config));
      else if (!specifier.startsWith("node:")) packages.add(packageOf(specifier));
    }
  }
  return { files, packages };
}

interface LockPackage {
  readonly dev?: boolean;
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
}
const lock = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8")) as { packages: Record<string, LockPackage> };

/** The packages and everything they depend on, by package-lock.json. */
function dependencyClosure(roots: Iterable<string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const entry = lock.packages[`node_modules/${name}`];
    if (entry) queue.push(...Object.keys({ ...entry.dependencies, ...entry.optionalDependencies, ...entry.peerDependencies }));
  }
  return seen;
}

const relative = (files: Iterable<string>) => [...files].map((f) => path.relative(ROOT, f).split(path.sep).join("/"));

describe("HyperFormula is never shipped", () => {
  let shipped: { name: string; reach: Reach }[];

  beforeAll(async () => {
    shipped = (await shippedConfigs()).map((config) => ({ name: config.name ?? "?", reach: reach(config) }));
  });

  it("npm run build bundles the add-in and the command line, from sources that use their real packages", () => {
    expect(shipped.map((s) => s.name).sort()).toEqual(["addin", "cli"]);
    const addin = shipped.find((s) => s.name === "addin")!.reach;
    const cli = shipped.find((s) => s.name === "cli")!.reach;
    // The walk really follows the imports: the pane's UI and the command line's .xlsx packages are found.
    expect(addin.files.size).toBeGreaterThan(50);
    expect([...addin.packages]).toEqual(expect.arrayContaining(["react", "@fluentui/react-components"]));
    expect([...cli.packages]).toEqual(expect.arrayContaining(["exceljs", "jszip"]));
  });

  it("no shipped source imports it, nor anything of bench/", () => {
    for (const { name, reach: r } of shipped) {
      expect({ name, imports: [...r.packages].filter((p) => p === HYPERFORMULA) }).toEqual({ name, imports: [] });
      expect({ name, bench: relative(r.files).filter((f) => f.startsWith("bench/") || f.includes("node_modules/")) }).toEqual({
        name,
        bench: [],
      });
    }
  });

  it("no package a shipped source uses depends on it, directly or through others", () => {
    for (const { name, reach: r } of shipped) {
      expect({ name, through: [...r.packages].filter((p) => dependencyClosure([p]).has(HYPERFORMULA)) }).toEqual({ name, through: [] });
    }
  });

  it("is a development dependency only, and npm installs it for development alone", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    expect(manifest.devDependencies?.[HYPERFORMULA]).toBeDefined();
    for (const field of ["dependencies", "optionalDependencies", "peerDependencies", "bundleDependencies", "bundledDependencies"]) {
      expect({ field, has: Object.keys(manifest[field] ?? {}).includes(HYPERFORMULA) }).toEqual({ field, has: false });
    }
    // npm marks a package "dev" when nothing but devDependencies leads to it.
    expect(lock.packages[`node_modules/${HYPERFORMULA}`]?.dev).toBe(true);
  });

  it("the benchmark loads it from node_modules at run time: an external of its bundle, not bundled", () => {
    const bench = benchConfig();
    expect(bench.externals?.[HYPERFORMULA]).toBe(`commonjs ${HYPERFORMULA}`);
    // Negative control: the same walk finds HyperFormula from the benchmark's entry.
    expect([...reach(bench).packages]).toContain(HYPERFORMULA);
  });
});
