import { createHash } from "node:crypto";
import { promises as fs } from "node:fs";
import { runCli } from "../../src/cli/cvm";
import { BUILT_AT } from "./build";

/** Runs `cvm` in-process with the build time fixed, collecting what it prints. */
export async function cvm(...argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const status = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    now: () => BUILT_AT,
    stderrIsTTY: false,
  });
  return { status, stdout, stderr };
}

/** A file's SHA-256, to show that a command left it exactly as it was. */
export async function sha256Of(file: string): Promise<string> {
  return createHash("sha256")
    .update(await fs.readFile(file))
    .digest("hex");
}
