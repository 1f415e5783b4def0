/**
 * The real production build of the add-in (`webpack --env only=addin --mode production`, the
 * "addin" config of `npm run build`), run once into a temporary folder with a production base URL,
 * and what it writes: the files the manifest names, taskpane.html with its three scripts,
 * functions.json for the functions src/functions/functions.ts declares, the rewritten manifest, the
 * icons, and a functions bundle without React or Fluent UI. Also: a bad base URL stops the build.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BUILD_OUTPUTS, isIncidentalOutput } from "../support/build-outputs";
import { descendantsAndSelf, parseXml } from "../support/xml";
import { DEV_BASE_URL, rewriteManifest } from "../../webpack/base-url";
import { metadataHash } from "../../webpack/functions-metadata";

const REPO_ROOT = path.resolve(__dirname, "../..");
const WEBPACK_CLI = path.join(REPO_ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const BASE_URL = "https://addin.example.com/cvm/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const BUDGET_KB = 350;
const UI_MODULE = /[\\/]node_modules[\\/](react|react-dom|scheduler|@fluentui|@griffel)[\\/]/;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function webpack(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [WEBPACK_CLI, "--config", "webpack.config.js", "--env", "only=addin", ...args],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** Every file under dir, as /-separated paths relative to it. */
function filesUnder(dir: string, prefix = ""): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? filesUnder(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    );
}

/** The custom function ids functions.ts declares: `@customfunction [ID [NAME]]` above a top-level function. */
function declaredFunctionIds(source: string): string[] {
  const ids: string[] = [];
  const declaration = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*(?:export\s+)?(?:async\s+)?function\s+([A-Za-z_$][\w$]*)/g;
  for (const [, comment, name] of source.matchAll(declaration)) {
    const tag = /@customfunction\b[ \t]*([^\s*]*)/i.exec(comment!);
    if (tag) ids.push((tag[1] || name!).toLocaleUpperCase());
  }
  return ids;
}

interface StatsModule {
  readonly name: string;
  readonly modules?: readonly StatsModule[];
}
interface StatsChunk {
  readonly names: readonly string[];
  readonly files: readonly string[];
  readonly entry: boolean;
  readonly modules?: readonly StatsModule[];
}

function moduleNames(modules: readonly StatsModule[] = []): string[] {
  return modules.flatMap((m) => (m.modules?.length ? moduleNames(m.modules) : [m.name]));
}

let work: string;
let dist: string;
let build: Run;
let chunks: StatsChunk[];

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "cvm-addin-build-"));
  dist = path.join(work, "dist");
  const statsFile = path.join(work, "stats.json");
  build = await webpack(["--mode", "production", "--output-path", dist, "--json", statsFile], { ADDIN_BASE_URL: BASE_URL });
  if (build.code !== 0) throw new Error(`the production build failed (exit ${build.code}):\n${build.stdout}\n${build.stderr}`);
  chunks = (JSON.parse(fs.readFileSync(statsFile, "utf8")) as { chunks: StatsChunk[] }).chunks;
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe("the production build", () => {
  it("says which base URL the manifest got and reports the page's gzipped JS within its 350 KB budget", () => {
    expect(build.stdout).toContain(`${DEV_BASE_URL} replaced by ${BASE_URL}`);
    const report = /taskpane\.html initial JS: ([\d.]+) KB gzipped \(([^)]*)\); budget 350\.0 KB$/m.exec(build.stdout);
    expect(report).not.toBeNull();
    expect(Number(report![1])).toBeLessThanOrEqual(BUDGET_KB);
    expect(report![2]).toMatch(/^functions\.js [\d.]+ KB, commands\.js [\d.]+ KB, taskpane\.js [\d.]+ KB$/);
  });

  it("writes exactly the files of BUILD_OUTPUTS (no source maps, no commands.html)", () => {
    const written = filesUnder(dist).filter((f) => !isIncidentalOutput(f));
    expect([...written].sort()).toEqual([...BUILD_OUTPUTS].sort());
  });

  it("writes taskpane.html that loads office.js from Microsoft's CDN, then the functions, commands and taskpane bundles", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS, "functions.js", "commands.js", "taskpane.js"]);
    expect(html).toContain("id=root");
  });

  it("does not bundle office.js", () => {
    for (const file of ["functions.js", "commands.js", "taskpane.js"]) {
      expect(moduleNames(chunks.find((c) => c.files.includes(file))?.modules).filter((m) => /office-js|office\.js/i.test(m))).toEqual([]);
    }
  });

  it("writes functions.json with every function functions.ts declares, and functions.js associates each", () => {
    const declared = declaredFunctionIds(fs.readFileSync(path.join(REPO_ROOT, "src", "functions", "functions.ts"), "utf8"));
    expect(declared.length).toBeGreaterThan(0);
    const metadata = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")) as {
      functions: { id: string; name: string }[];
    };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual([...declared].sort());
    for (const f of metadata.functions) expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
    const script = fs.readFileSync(path.join(dist, "functions.js"), "utf8");
    for (const id of declared) expect(script).toContain(`CustomFunctions.associate("${id}",`);
  });

  it("writes functions.json with allowErrorForDataTypeAny, exactly as functions-lock.json records it", () => {
    const shipped = fs.readFileSync(path.join(dist, "functions.json"), "utf8");
    expect((JSON.parse(shipped) as { allowErrorForDataTypeAny?: unknown }).allowErrorForDataTypeAny).toBe(true);
    const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "functions-lock.json"), "utf8")) as { sha256: string };
    expect(metadataHash(shipped)).toBe(lock.sha256);
  });

  it("keeps React and Fluent UI out of the functions bundle (the task pane has them)", () => {
    const byName = (name: string) => {
      const chunk = chunks.find((c) => c.names.includes(name));
      if (!chunk) throw new Error(`no ${name} chunk in the stats`);
      return chunk;
    };
    const functions = byName("functions");
    expect(functions.files).toEqual(["functions.js"]);
    expect(functions.entry).toBe(true); // carries the webpack runtime: runs on its own
    const functionModules = moduleNames(functions.modules);
    expect(functionModules.length).toBeGreaterThan(0);
    expect(functionModules.filter((m) => UI_MODULE.test(m))).toEqual([]);
    expect(moduleNames(byName("taskpane").modules).some((m) => UI_MODULE.test(m))).toBe(true);
  });

  it("ships the ribbon command the manifest names in commands.js", () => {
    expect(fs.readFileSync(path.join(dist, "commands.js"), "utf8")).toContain('"buildValueSummary"');
  });

  it("writes manifest.xml with the production base URL in every URL, each naming a file it wrote", () => {
    const source = fs.readFileSync(path.join(REPO_ROOT, "manifest.xml"), "utf8");
    const manifest = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(manifest).toBe(rewriteManifest(source, BASE_URL));
    expect(manifest).not.toMatch(/localhost/i);
    const urls: string[] = [];
    for (const element of descendantsAndSelf(parseXml(manifest, "dist/manifest.xml").root)) {
      for (const a of element.attributes) if (/^https?:/i.test(a.value) && a.prefix !== "xmlns" && a.name !== "xmlns") urls.push(a.value);
      if (/^\s*https?:/i.test(element.text)) urls.push(element.text.trim());
    }
    expect(urls.length).toBeGreaterThan(5);
    const written = new Set(filesUnder(dist));
    for (const url of urls) {
      expect(url.startsWith(BASE_URL)).toBe(true);
      expect({ url, written: written.has(url.slice(BASE_URL.length)) }).toEqual({ url, written: true });
    }
  });

  it("copies the icons unchanged to assets/", () => {
    const icons = fs.readdirSync(path.join(REPO_ROOT, "assets")).filter((f) => /^icon-\d+\.png$/.test(f));
    expect(icons.length).toBeGreaterThanOrEqual(5);
    for (const icon of icons) {
      expect(fs.readFileSync(path.join(dist, "assets", icon)).equals(fs.readFileSync(path.join(REPO_ROOT, "assets", icon)))).toBe(true);
    }
  });
});

describe("a bad ADDIN_BASE_URL", () => {
  it.each([
    ["http://addin.example.com/cvm/", "must use https"],
    ["https://addin.example.com/cvm", 'must end with "/"'],
  ])("%s stops the build before anything is written (%s)", async (url, message) => {
    const out = path.join(work, `bad-${message.length}`);
    const run = await webpack(["--mode", "production", "--output-path", out], { ADDIN_BASE_URL: url });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(`ADDIN_BASE_URL "${url}" ${message}`);
    expect(run.stderr).not.toMatch(/^\s+at /m); // a message, not a stack trace
    expect(fs.existsSync(out)).toBe(false);
  });
});
