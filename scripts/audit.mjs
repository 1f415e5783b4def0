#!/usr/bin/env node
// `npm run audit`: npm's advisory check of what ships (dependencies, not devDependencies).
//   exit 0: no high or critical advisory, or each is explained in docs/release.md › Supply chain (EXPLAINED);
//   exit 1: a high or critical advisory that is not explained;
//   exit 2: the audit did not run (npm's advisory service was not reached). Never a pass.
// `node scripts/audit.mjs --from-file report.json` judges a report saved on a machine that can
// reach the service with `npm audit --omit=dev --json > report.json`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** GHSA ids of high or critical advisories explained in docs/release.md › Supply chain. None so far. */
const EXPLAINED = new Set([]);
const BLOCKING = new Set(["high", "critical"]);

function runNpmAudit() {
  const args = ["audit", "--omit=dev", "--json"];
  // Under `npm run`, npm says where its own CLI is: run that one, whatever is on the PATH.
  const npmCli = process.env.npm_execpath;
  const result =
    npmCli && /\.c?js$/.test(npmCli)
      ? spawnSync(process.execPath, [npmCli, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
      : spawnSync("npm", args, { encoding: "utf8", shell: process.platform === "win32", maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { error: `could not start npm: ${result.error.message}` };
  return { text: result.stdout, stderr: result.stderr };
}

function notRun(reason) {
  console.error("audit: NOT RUN. npm's advisory service could not be used, so nothing was checked.");
  console.error(`audit: ${reason}`);
  console.error("audit: npm audit posts to <registry>/-/npm/v1/security/advisories/bulk. Run it where the");
  console.error("audit: public registry is reachable, or save a report there with");
  console.error("audit:   npm audit --omit=dev --json > report.json");
  console.error("audit: and judge it here with: node scripts/audit.mjs --from-file report.json");
  process.exit(2);
}

const fromFile = process.argv.indexOf("--from-file");
const run = fromFile > 0 ? { text: readFileSync(process.argv[fromFile + 1], "utf8") } : runNpmAudit();
if (run.error) notRun(run.error);
let report;
try {
  report = JSON.parse(run.text);
} catch {
  notRun(`npm printed no JSON report${run.stderr ? `: ${run.stderr.trim().split("\n").pop()}` : ""}`);
}
if (!report.vulnerabilities || !report.metadata)
  notRun(report.message ?? report.error?.summary ?? "the report has no vulnerabilities section");

const counts = report.metadata.vulnerabilities ?? {};
console.log(
  `audit: ${report.metadata.dependencies?.prod ?? "?"} production packages checked; advisories: ` +
    ["critical", "high", "moderate", "low", "info"].map((s) => `${s} ${counts[s] ?? 0}`).join(", "),
);
const unexplained = [];
for (const vulnerability of Object.values(report.vulnerabilities)) {
  for (const via of vulnerability.via) {
    // A string points at another entry of the report, which is listed on its own.
    if (typeof via !== "object" || !BLOCKING.has(via.severity)) continue;
    const id = /GHSA-[\w-]+/.exec(via.url ?? "")?.[0] ?? String(via.source);
    const line = `${via.severity} ${via.name} ${via.range}: ${via.title} (${id}) at ${vulnerability.nodes.join(", ")}`;
    if (EXPLAINED.has(id)) console.log(`audit: explained in docs/release.md: ${line}`);
    else unexplained.push(line);
  }
}
for (const line of unexplained) console.error(`audit: UNEXPLAINED ${line}`);
if (unexplained.length > 0) {
  console.error("audit: upgrade (or override in package.json) or explain each in docs/release.md › Supply chain.");
  process.exit(1);
}
console.log("audit: no unexplained high or critical advisory.");
