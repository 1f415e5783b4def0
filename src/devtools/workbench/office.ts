/**
 * The real office.js on the workbench page (see workbench.html). Outside Office, Office.onReady
 * resolves with host null, and office.js defines no Excel: the task pane's Excel is the
 * simulation, which the page hands it as its host whatever office.js did.
 */
import type { OfficeOnPage } from "./global";

type OfficeGlobal = { onReady?: () => Promise<{ host: unknown }> };

export async function officeOnPage(global: { Office?: unknown } = globalThis as { Office?: unknown }): Promise<OfficeOnPage> {
  const office = global.Office as OfficeGlobal | undefined;
  // The script 404s where the package is not installed: the page needs nothing of it.
  if (typeof office?.onReady !== "function") return { library: "absent" };
  const { host } = await office.onReady();
  return { library: "office.js", host: host === null || host === undefined ? null : String(host) };
}
