/**
 * Excel caches functions.json per manifest <Version>, so a change to the functions under an
 * unchanged version reaches users late or never. functions-lock.json records the version and the
 * hash of the functions.json the build ships; this fails when they no longer match.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { finalizeFunctionsMetadata, type FunctionsLock, lockProblems, metadataHash } from "../../webpack/functions-metadata";

const ROOT = path.join(__dirname, "../..");
const LOCK = JSON.parse(fs.readFileSync(path.join(ROOT, "functions-lock.json"), "utf8")) as FunctionsLock;
const MANIFEST_VERSION = /<Version>([^<]+)<\/Version>/.exec(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8"))?.[1];

describe("functions-lock.json", () => {
  it("records the manifest's <Version> and the hash of the functions.json the build ships", async () => {
    const generated = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")], true);
    expect(generated.errors).toEqual([]);
    const current = { manifestVersion: MANIFEST_VERSION!, sha256: metadataHash(finalizeFunctionsMetadata(generated.metadataJson)) };
    expect(lockProblems(current, LOCK)).toEqual([]);
  });
});

describe("the lock's rule", () => {
  const lock = { manifestVersion: "1.2.0.0", sha256: "a".repeat(64) };

  it("fails when functions.json changed and <Version> did not, asking for a bump", () => {
    expect(lockProblems({ manifestVersion: "1.2.0.0", sha256: "b".repeat(64) }, lock)).toEqual([
      expect.stringContaining("bump <Version> in manifest.xml"),
    ]);
  });

  it("fails when <Version> changed and the lock was not rewritten", () => {
    expect(lockProblems({ manifestVersion: "1.3.0.0", sha256: "a".repeat(64) }, lock)).toEqual([
      expect.stringContaining("npm run functions:lock"),
    ]);
    expect(lockProblems({ manifestVersion: "1.3.0.0", sha256: "b".repeat(64) }, lock)).toEqual([
      expect.stringContaining("npm run functions:lock"),
    ]);
  });

  it("hashes what Excel reads: a description counts, indentation does not", () => {
    const shipped = finalizeFunctionsMetadata(JSON.stringify({ functions: [{ id: "TOTAL", name: "TOTAL", description: "Total." }] }));
    expect(metadataHash(JSON.stringify(JSON.parse(shipped)))).toBe(metadataHash(shipped));
    expect(metadataHash(shipped.replace("Total.", "Sum."))).not.toBe(metadataHash(shipped));
  });
});
