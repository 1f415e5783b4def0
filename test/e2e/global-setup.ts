/**
 * Once per jest run, before the first end-to-end test: builds the workbench (production mode, as
 * `npm run workbench` does) into a temporary folder and serves it with scripts/workbench.mjs on a
 * free port of 127.0.0.1. The tests find the URL in CVM_WORKBENCH_URL.
 *
 * To iterate on a test against a workbench you already serve (`npm run workbench`), set
 * CVM_WORKBENCH_URL=http://127.0.0.1:3001/ yourself: nothing is built or started then.
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const REPO_ROOT = path.resolve(__dirname, "../..");
const WEBPACK_CLI = path.join(REPO_ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const SERVER = path.join(REPO_ROOT, "scripts", "workbench.mjs");

export interface E2eGlobals {
  server?: ChildProcess;
  outDir?: string;
}

declare global {
  var __cvmWorkbenchE2e: E2eGlobals | undefined;
}

function buildWorkbench(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [
        WEBPACK_CLI,
        "--config",
        "webpack.config.js",
        "--env",
        "only=workbench",
        "--env",
        `outDir=${outDir}`,
        "--mode",
        "production",
        "--no-stats",
      ],
      { cwd: REPO_ROOT, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`Building the workbench failed (webpack --env only=workbench):\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}

/** Starts the server on a free port and resolves with the URL it prints. */
function serve(outDir: string): Promise<{ server: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const server = spawn(process.execPath, [SERVER, "--port", "0", "--dir", outDir, "--exit-with-stdin"], {
      cwd: REPO_ROOT,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    const timer = setTimeout(() => fail(new Error(`The workbench server printed no URL within 15 s:\n${output}`)), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      server.kill("SIGTERM");
      reject(error);
    };
    server.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      const match = /Workbench: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ server, url: match[1]! });
      }
    });
    server.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    server.on("exit", (code) => fail(new Error(`The workbench server exited (${code}):\n${output}`)));
  });
}

export default async function globalSetup(): Promise<void> {
  if (process.env.CVM_WORKBENCH_URL) return;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "cvm-workbench-"));
  globalThis.__cvmWorkbenchE2e = { outDir };
  await buildWorkbench(outDir);
  const { server, url } = await serve(outDir);
  // The teardown stops it; until then it must not keep jest's own process alive.
  server.unref();
  for (const stream of [server.stdin, server.stdout, server.stderr]) (stream as unknown as { unref?: () => void } | null)?.unref?.();
  globalThis.__cvmWorkbenchE2e.server = server;
  process.env.CVM_WORKBENCH_URL = url;
  process.env.CVM_WORKBENCH_STARTED = "1";
}
