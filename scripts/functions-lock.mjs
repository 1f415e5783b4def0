#!/usr/bin/env node
/*
 * `npm run functions:lock`: records in functions-lock.json the manifest <Version> and the hash of
 * the functions.json the build ships (see webpack/functions-metadata.js). It refuses when
 * functions.json changed and <Version> did not: Excel would keep serving the cached metadata, so
 * the version must be bumped first.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
const { finalizeFunctionsMetadata, metadataHash, lockProblems } = require("../webpack/functions-metadata.js");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LOCK = path.join(ROOT, "functions-lock.json");

const generated = await generateCustomFunctionsMetadata([path.join(ROOT, "src/functions/functions.ts")], true);
if (generated.errors.length > 0) {
  console.error(generated.errors.join("\n"));
  process.exit(1);
}
const manifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const version = /<Version>([^<]+)<\/Version>/.exec(manifest)?.[1];
if (!version) {
  console.error("manifest.xml has no <Version>");
  process.exit(1);
}
const current = { manifestVersion: version, sha256: metadataHash(finalizeFunctionsMetadata(generated.metadataJson)) };
const lock = fs.existsSync(LOCK) ? JSON.parse(fs.readFileSync(LOCK, "utf8")) : undefined;
// A new version may record anything; the one refusal is new metadata under the recorded version.
const refused = lock && current.manifestVersion === lock.manifestVersion ? lockProblems(current, lock) : [];
if (refused.length > 0) {
  console.error(refused.join("\n"));
  process.exit(1);
}
fs.writeFileSync(LOCK, `${JSON.stringify(current, null, 2)}\n`);
console.log(`functions-lock.json: version ${current.manifestVersion}, functions.json ${current.sha256.slice(0, 12)}…`);
