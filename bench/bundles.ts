/**
 * Bundle sizes of the production build (`npm run build`, in dist/ and dist-cli/): the JavaScript
 * taskpane.html loads before the pane runs, gzipped as a web server sends it (level 9, as the
 * build's own budget check measures it), and each bundle on its own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";

export interface BundleSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleSizes {
  /** The scripts taskpane.html loads from the add-in's own folder, in its order (office.js comes from Microsoft's CDN). */
  readonly taskpaneScripts: readonly BundleSize[];
  readonly taskpaneInitialGzipBytes: number;
  /** Every .js file of the add-in build (dist/) and of the command line (dist-cli/), which is not gzipped when used. */
  readonly addin: readonly BundleSize[];
  readonly cli: readonly BundleSize[];
}

function sizeOf(dir: string, file: string): BundleSize {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** The local scripts an HTML page loads, in order: `<script src=…>` that are not absolute URLs. */
export function localScripts(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1]!).filter((src) => !/^(?:[a-z]+:)?\/\//i.test(src));
}

export function bundleSizes(root: string): BundleSizes {
  const dist = path.join(root, "dist");
  const cli = path.join(root, "dist-cli");
  const scripts = localScripts(fs.readFileSync(path.join(dist, "taskpane.html"), "utf8"));
  if (scripts.length === 0) throw new Error("dist/taskpane.html loads no local script");
  const taskpaneScripts = scripts.map((file) => sizeOf(dist, file));
  const js = (dir: string) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith(".js"))
      .sort();
  return {
    taskpaneScripts,
    taskpaneInitialGzipBytes: taskpaneScripts.reduce((sum, s) => sum + s.gzipBytes, 0),
    addin: js(dist).map((f) => sizeOf(dist, f)),
    cli: js(cli).map((f) => sizeOf(cli, f)),
  };
}
