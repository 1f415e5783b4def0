#!/usr/bin/env node
/**
 * Serves the built workbench (dist-workbench/, from `npm run build:workbench`) on
 * http://127.0.0.1:3001/ : plain http on the loopback interface, static files only, no
 * dependencies beyond Node.
 *
 *   node scripts/workbench.mjs [--port N] [--dir FOLDER] [--office-js FOLDER] [--exit-with-stdin]
 *
 * /office-js/ serves the pinned office.js of the `@microsoft/office-js` package (its dist folder, or
 * --office-js FOLDER), so that the page runs with the real library present, as the task pane
 * does inside Office: office.js is a loader that fetches its other files (strings, host scripts)
 * from beside itself, so the whole folder is served in place rather than one file copied into
 * the build. Without the package the page still works (the simulation is all it needs) and the
 * server says so once.
 *
 * The port is --port, else the PORT environment variable, else 3001; 0 picks a free one. The URL is
 * printed once the server listens (`Workbench: http://127.0.0.1:3001/`). `/` redirects to
 * workbench.html (keeping the query); paths outside the folder are refused. Ctrl+C (SIGINT) or
 * SIGTERM stops it; with --exit-with-stdin, so does the end of its standard input (a test harness
 * that dies, even killed, takes the server with it).
 */
import { createReadStream, promises as fs } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const HOST = "127.0.0.1";
const DEFAULT_PORT = 3001;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

/** The URL path under which the office.js folder is served; src/devtools/workbench/workbench.html loads office.js from it. */
export const OFFICE_JS_PATH = "/office-js/";

/** node_modules/@microsoft/office-js/dist, or undefined when the package is not installed. */
export function officeJsPackageDir() {
  try {
    return path.join(path.dirname(createRequire(import.meta.url).resolve("@microsoft/office-js/package.json")), "dist");
  } catch {
    return undefined;
  }
}

function usage(message) {
  process.stderr.write(
    `${message}\nUsage: node scripts/workbench.mjs [--port N] [--dir FOLDER] [--office-js FOLDER] [--exit-with-stdin]\n`,
  );
  process.exit(2);
}

function parseArgs(argv) {
  let port = process.env.PORT ?? String(DEFAULT_PORT);
  let dir = path.join(ROOT, "dist-workbench");
  let exitWithStdin = false;
  let officeJs = officeJsPackageDir();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? usage(`${flag} needs a value`);
    if (flag === "--port") port = value();
    else if (flag === "--dir") dir = path.resolve(value());
    else if (flag === "--office-js") officeJs = path.resolve(value());
    else if (arg === "--exit-with-stdin") exitWithStdin = true;
    else if (flag === "--help" || flag === "-h") usage("Serves the built workbench.");
    else usage(`Unknown argument ${arg}`);
  }
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) usage(`The port must be a number from 0 to 65535, not ${JSON.stringify(port)}`);
  return { port: Number(port), dir, officeJs, exitWithStdin };
}

/** The file for a request path inside root, or undefined when the path leaves root or is malformed. */
function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0")) return undefined;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

function send(response, status, text, headers = {}) {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  response.end(text);
}

/**
 * @param {string} root the built workbench
 * @param {{ officeJs?: string }} [options] officeJs: the folder served under /office-js/
 */
export function createWorkbenchServer(root, options = {}) {
  return createServer(async (request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "Method not allowed\n", { Allow: "GET, HEAD" });
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === "/") return send(response, 302, "", { Location: `/workbench.html${url.search}` });
    const inOfficeJs = url.pathname.startsWith(OFFICE_JS_PATH);
    if (inOfficeJs && !options.officeJs) return send(response, 404, "Not found (the @microsoft/office-js package is not installed)\n");
    const file = inOfficeJs ? fileFor(options.officeJs, url.pathname.slice(OFFICE_JS_PATH.length - 1)) : fileFor(root, url.pathname);
    if (!file) return send(response, 404, "Not found\n");
    let stat;
    try {
      stat = await fs.stat(file);
    } catch {
      return send(response, 404, "Not found\n");
    }
    if (!stat.isFile()) return send(response, 404, "Not found\n");
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": stat.size,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    if (request.method === "HEAD") return response.end();
    createReadStream(file)
      .on("error", () => response.destroy())
      .pipe(response);
  });
}

async function main() {
  const { port, dir, officeJs, exitWithStdin } = parseArgs(process.argv.slice(2));
  try {
    await fs.access(path.join(dir, "workbench.html"));
  } catch {
    process.stderr.write(
      `No workbench build in ${dir}: run \`npm run build:workbench\` first (or \`npm run workbench\`, which builds and serves).\n`,
    );
    process.exit(1);
  }
  const found =
    officeJs &&
    (await fs.stat(path.join(officeJs, "office.js")).then(
      (stat) => stat.isFile(),
      () => false,
    ));
  if (!found)
    process.stderr.write(
      `No office.js in ${officeJs ?? "node_modules/@microsoft/office-js/dist"}: the workbench runs without the real library (install the @microsoft/office-js dev dependency).\n`,
    );
  const server = createWorkbenchServer(dir, found ? { officeJs } : {});
  server.on("error", (error) => {
    process.stderr.write(`The workbench server could not start on ${HOST}:${port}: ${error.message}\n`);
    process.exit(1);
  });
  server.listen(port, HOST, () => {
    const address = server.address();
    process.stdout.write(`Workbench: http://${HOST}:${typeof address === "object" && address ? address.port : port}/\n`);
  });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  if (exitWithStdin) {
    process.stdin.on("end", stop).on("error", stop).resume();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
