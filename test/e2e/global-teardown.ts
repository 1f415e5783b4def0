/** After the last end-to-end test: stops the server the global setup started and removes its build. */
import * as fs from "node:fs";
import type { E2eGlobals } from "./global-setup";

export default async function globalTeardown(): Promise<void> {
  const globals: E2eGlobals | undefined = globalThis.__cvmWorkbenchE2e;
  if (!globals) return;
  globalThis.__cvmWorkbenchE2e = undefined;
  const { server, outDir } = globals;
  if (server && server.exitCode === null) {
    await new Promise<void>((resolve) => {
      // At most 5 s; the timer must not keep jest alive once the server is gone.
      const timer = setTimeout(resolve, 5_000);
      server.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
      server.kill("SIGTERM");
    });
  }
  if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  if (process.env.CVM_WORKBENCH_STARTED) {
    delete process.env.CVM_WORKBENCH_URL;
    delete process.env.CVM_WORKBENCH_STARTED;
  }
}
