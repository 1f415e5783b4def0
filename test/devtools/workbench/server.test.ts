/**
 * scripts/workbench.mjs, the workbench's static server: the URL it prints, the redirect from `/`,
 * content types, nothing served from outside its folder, only GET and HEAD, and a clean exit on
 * SIGTERM or when its standard input ends.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as os from "node:os";
import * as path from "node:path";

const SERVER = path.resolve(__dirname, "../../../scripts/workbench.mjs");
const SECRET = "top secret, outside the served folder";

let base: string;
let dir: string;
const running: ChildProcess[] = [];

const stderrs = new WeakMap<ChildProcess, string>();
const stderrOf = (child: ChildProcess): string => stderrs.get(child) ?? "";

function start(args: string[], stdin: "ignore" | "pipe" = "ignore", keepStderr = false): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, ...args], { stdio: [stdin, "pipe", "pipe"] });
    running.push(child);
    if (keepStderr) child.stderr!.setEncoding("utf8").on("data", (chunk: string) => stderrs.set(child, stderrOf(child) + chunk));
    let output = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      const match = /^Workbench: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output);
      if (match) resolve({ child, url: match[1]! });
    });
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("exit", (code) => reject(new Error(`exited ${code}: ${output}`)));
  });
}

interface Reply {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A request with the path exactly as given (no normalization of `..`, as a browser would do). */
function request(url: string, rawPath: string, method = "GET"): Promise<Reply> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), "cvm-server-test-"));
  dir = path.join(base, "site");
  fs.mkdirSync(path.join(dir, "sub"), { recursive: true });
  fs.writeFileSync(path.join(dir, "workbench.html"), "<!doctype html><title>wb</title>");
  fs.writeFileSync(path.join(dir, "workbench.js"), "console.log(1)");
  fs.writeFileSync(path.join(dir, "sub", "style.css"), "body{}");
  fs.writeFileSync(path.join(dir, "icon-32.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  fs.writeFileSync(path.join(base, "secret.txt"), SECRET);
  // A stand-in for node_modules/@microsoft/office-js/dist: office.js and a file it loads beside itself.
  fs.mkdirSync(path.join(base, "office-dist", "en-us"), { recursive: true });
  fs.writeFileSync(path.join(base, "office-dist", "office.js"), "/* office.js */");
  fs.writeFileSync(path.join(base, "office-dist", "en-us", "office_strings.js"), "/* strings */");
  fs.mkdirSync(path.join(base, "empty"));
});

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

describe("the workbench server", () => {
  test("serves the office.js folder under /office-js/, with the files office.js loads beside itself", async () => {
    const { url } = await start(["--port", "0", "--dir", dir, "--office-js", path.join(base, "office-dist")]);
    const script = await request(url, "/office-js/office.js");
    expect([script.status, script.headers["content-type"], script.body]).toEqual([
      200,
      "text/javascript; charset=utf-8",
      "/* office.js */",
    ]);
    expect((await request(url, "/office-js/en-us/office_strings.js")).body).toBe("/* strings */");
    for (const attempt of ["/office-js/../secret.txt", "/office-js/%2e%2e/secret.txt", "/office-js/../site/workbench.html"]) {
      expect({ attempt, status: (await request(url, attempt)).status }).toEqual({ attempt, status: 404 });
    }
    expect((await request(url, "/workbench.html")).status).toBe(200);
  });

  test("without office.js, /office-js/ is 404 and says why once; the workbench is served all the same", async () => {
    const { url, child } = await start(["--port", "0", "--dir", dir, "--office-js", path.join(base, "empty")], "ignore", true);
    const reply = await request(url, "/office-js/office.js");
    expect([reply.status, reply.body]).toEqual([404, "Not found (the @microsoft/office-js package is not installed)\n"]);
    expect((await request(url, "/workbench.html")).status).toBe(200);
    expect(stderrOf(child)).toMatch(/^No office\.js in .*empty: the workbench runs without the real library/);
  });

  test("serves the folder on 127.0.0.1 with the right content types, / redirecting to workbench.html", async () => {
    const { url } = await start(["--port", "0", "--dir", dir]);
    expect((await request(url, "/")).status).toBe(302);
    expect((await request(url, "/")).headers.location).toBe("/workbench.html");
    expect((await request(url, "/?workbook=empty&theme=dark")).headers.location).toBe("/workbench.html?workbook=empty&theme=dark");
    const html = await request(url, "/workbench.html");
    expect(html.status).toBe(200);
    expect(html.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(html.body).toContain("<title>wb</title>");
    expect((await request(url, "/workbench.html?x=1")).status).toBe(200);
    expect((await request(url, "/workbench.js")).headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect((await request(url, "/sub/style.css")).headers["content-type"]).toBe("text/css; charset=utf-8");
    expect((await request(url, "/icon-32.png")).headers["content-type"]).toBe("image/png");
    expect((await request(url, "/missing.js")).status).toBe(404);
    expect((await request(url, "/sub")).status).toBe(404);
    expect((await request(url, "/workbench.html", "HEAD")).status).toBe(200);
    expect((await request(url, "/workbench.html", "POST")).status).toBe(405);
  });

  test("never serves a file outside its folder", async () => {
    const { url } = await start(["--port", "0", "--dir", dir]);
    for (const attempt of [
      "/../secret.txt",
      "/%2e%2e/secret.txt",
      "/..%2fsecret.txt",
      "/sub/../../secret.txt",
      "/%2e%2e%5csecret.txt",
      "/..\\secret.txt",
      "//../secret.txt",
      "/%00",
      "/%E0%A4%A",
    ]) {
      const reply = await request(url, attempt);
      expect({ attempt, status: reply.status }).toEqual({ attempt, status: 404 });
      expect(reply.body).not.toContain(SECRET);
    }
  });

  test("takes the port from --port or PORT, and says so when the build is missing or the port is bad", async () => {
    const fromEnv = spawnSync(process.execPath, [SERVER, "--dir", path.join(base, "nothing-here")], {
      env: { ...process.env, PORT: "0" },
      encoding: "utf8",
    });
    expect(fromEnv.status).toBe(1);
    expect(fromEnv.stderr).toContain("npm run build:workbench");
    const bad = spawnSync(process.execPath, [SERVER, "--port", "http"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/port/);
    const unknown = spawnSync(process.execPath, [SERVER, "--verbose"], { encoding: "utf8" });
    expect(unknown.status).toBe(2);
  });

  test("exits cleanly on SIGTERM and SIGINT, and with --exit-with-stdin when its input ends", async () => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const { child, url } = await start(["--port", "0", "--dir", dir]);
      await request(url, "/workbench.html");
      child.kill(signal);
      expect(await exitOf(child)).toBe(0);
    }
    const { child } = await start(["--port", "0", "--dir", dir, "--exit-with-stdin"], "pipe");
    child.stdin!.end();
    expect(await exitOf(child)).toBe(0);
  });
});
