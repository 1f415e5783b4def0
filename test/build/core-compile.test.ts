/**
 * tsconfig.core.json (`npm run typecheck:core`): the core compiles with no Office.js, DOM or Node
 * types, so code in src/core that reaches for Excel, the browser or Node does not compile. Probe
 * files are added to the program in memory (nothing is written into src/core); the same probes
 * compile under tsconfig.json, so it is the core's configuration that rejects them.
 */
import * as path from "node:path";
import * as ts from "typescript";

const REPO_ROOT = path.resolve(__dirname, "../..");

/** Each probe, by file name in src/core, and a name its error must mention. */
const PROBES: Record<string, { code: string; missing: string }> = {
  "excel-probe.ts": { code: "export const book = (context: Excel.RequestContext) => context.workbook;\n", missing: "Excel" },
  "node-probe.ts": { code: 'import { readFileSync } from "node:fs";\nexport const read = readFileSync;\n', missing: "node:fs" },
  "dom-probe.ts": { code: "export const title = (): string => document.title;\n", missing: "document" },
  "node-global-probe.ts": { code: "export const home = (): string | undefined => process.env.HOME;\n", missing: "process" },
};
const PURE = "pure-probe.ts";
const PURE_CODE = "export const twice = (n: number): number => 2 * n;\n";

/** The diagnostics, by file relative to the repository, of compiling `config` with the probes added. */
function compile(config: string, withProjectFiles: boolean): Map<string, string[]> {
  const configPath = path.join(REPO_ROOT, config);
  const read = ts.readConfigFile(configPath, ts.sys.readFile);
  if (read.error) throw new Error(ts.flattenDiagnosticMessageText(read.error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, REPO_ROOT, undefined, configPath);
  const probes = new Map(
    [...Object.entries(PROBES).map(([name, probe]) => [name, probe.code] as const), [PURE, PURE_CODE] as const].map(([name, code]) => [
      path.join(REPO_ROOT, "src/core", name),
      code,
    ]),
  );
  const host = ts.createCompilerHost(parsed.options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (file, language, ...rest) => {
    const code = probes.get(path.resolve(file));
    return code === undefined ? getSourceFile.call(host, file, language, ...rest) : ts.createSourceFile(file, code, language);
  };
  host.fileExists = (file) => probes.has(path.resolve(file)) || fileExists.call(host, file);
  host.readFile = (file) => probes.get(path.resolve(file)) ?? readFile.call(host, file);
  const roots = [...(withProjectFiles ? parsed.fileNames : []), ...probes.keys()];
  const program = ts.createProgram({ rootNames: roots, options: parsed.options, host });
  const byFile = new Map<string, string[]>();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const file = diagnostic.file ? path.relative(REPO_ROOT, diagnostic.file.fileName) : "(options)";
    byFile.set(file, [...(byFile.get(file) ?? []), ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")]);
  }
  return byFile;
}

describe("tsconfig.core.json", () => {
  let core: Map<string, string[]>;
  let whole: Map<string, string[]>;

  beforeAll(() => {
    core = compile("tsconfig.core.json", true);
    whole = compile("tsconfig.json", false);
  }, 120_000);

  it.each(Object.entries(PROBES))("rejects src/core/%s", (name, { missing }) => {
    const errors = core.get(`src/core/${name}`) ?? [];
    expect(errors).toEqual([expect.stringContaining(`'${missing}'`)]);
  });

  it("compiles the core itself and plain TypeScript in it without an error", () => {
    const others = [...core].filter(([file]) => !Object.keys(PROBES).some((name) => file === `src/core/${name}`));
    expect(others).toEqual([]);
  });

  it("is what rejects the probes: tsconfig.json compiles them", () => {
    expect([...whole]).toEqual([]);
  });
});
