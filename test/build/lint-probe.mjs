// Lints the text on stdin as if it were each file named on the command line, with the project's
// eslint.config.mjs, in one process; prints [{ file, messages: [{ line, ruleId }] }] as JSON.
// Used by lint-config.test.ts (one ESLint start-up instead of one per file).
import { ESLint } from "eslint";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const code = Buffer.concat(chunks).toString("utf8");
const eslint = new ESLint({ cwd: process.cwd() });
const results = [];
for (const file of process.argv.slice(2)) {
  const [result] = await eslint.lintText(code, { filePath: file });
  results.push({ file, messages: result.messages.map((m) => ({ line: m.line, ruleId: m.ruleId ?? m.message })) });
}
process.stdout.write(JSON.stringify(results));
