// Lints each { file, code } of the JSON array on stdin as if it were that file, with the project's
// eslint.config.mjs, in one process; prints [{ file, messages: [{ line, ruleId, message }] }] as
// JSON, in the same order. Used by lint-config.test.ts (one ESLint start-up instead of one per file).
import { ESLint } from "eslint";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const probes = JSON.parse(Buffer.concat(chunks).toString("utf8"));
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const { file, code } of probes) {
  const [result] = await eslint.lintText(code, { filePath: file });
  results.push({ file, messages: result.messages.map((m) => ({ line: m.line, ruleId: m.ruleId ?? m.message, message: m.message })) });
}
process.stdout.write(JSON.stringify(results));
