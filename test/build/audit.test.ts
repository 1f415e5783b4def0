/**
 * `npm run audit` judges npm's advisory report: it passes only a report that has run and has no
 * unexplained high or critical advisory, and never mistakes an audit that could not run for a pass.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const SCRIPT = path.resolve(__dirname, "../../scripts/audit.mjs");

function judge(report: unknown): { status: number | null; out: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "cvm-audit-"));
  const file = path.join(folder, "report.json");
  fs.writeFileSync(file, typeof report === "string" ? report : JSON.stringify(report));
  const run = spawnSync(process.execPath, [SCRIPT, "--from-file", file], { encoding: "utf8" });
  fs.rmSync(folder, { recursive: true, force: true });
  return { status: run.status, out: run.stdout + run.stderr };
}

const metadata = (counts: Record<string, number>) => ({
  vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts },
  dependencies: { prod: 287 },
});
const advisory = (severity: string) => ({
  source: 1,
  name: "tmp",
  severity,
  title: "Path traversal",
  url: "https://github.com/advisories/GHSA-ph9p-34f9-6g65",
  range: "<0.2.6",
});

test("a clean report passes", () => {
  const result = judge({ auditReportVersion: 2, vulnerabilities: {}, metadata: metadata({}) });
  expect(result).toMatchObject({ status: 0 });
  expect(result.out).toMatch(/287 production packages checked.*no unexplained high or critical/s);
});

test("a moderate advisory is listed but does not fail", () => {
  const report = {
    vulnerabilities: { tmp: { via: [advisory("moderate")], nodes: ["node_modules/tmp"] } },
    metadata: metadata({ moderate: 1 }),
  };
  expect(judge(report).status).toBe(0);
});

test("a high advisory not explained in docs/release.md fails, naming it", () => {
  const report = {
    vulnerabilities: {
      tmp: { via: [advisory("high")], nodes: ["node_modules/tmp"] },
      exceljs: { via: ["tmp"], nodes: ["node_modules/exceljs"] },
    },
    metadata: metadata({ high: 2 }),
  };
  const result = judge(report);
  expect(result.status).toBe(1);
  expect(result.out).toContain("UNEXPLAINED high tmp <0.2.6: Path traversal (GHSA-ph9p-34f9-6g65) at node_modules/tmp");
});

test("an audit that could not reach npm's advisory service is not a pass", () => {
  const unreachable = judge({ message: "audit endpoint returned an error", statusCode: 405 });
  expect(unreachable.status).toBe(2);
  expect(unreachable.out).toMatch(/NOT RUN.*audit endpoint returned an error/s);
  expect(judge("npm error code E405").status).toBe(2);
});
