/**
 * Whether Excel loads the add-in when this workbook opens.
 *
 * Microsoft documents that a custom function using a shared runtime starts the runtime itself
 * when it calculates, so CVM.* cells compute at open whether or not the pane was ever opened.
 * What Office.StartupBehavior.load adds is that the runtime starts with the workbook instead of
 * at the first calculation: the functions, the ribbon's Build button and the model cache are
 * ready before Excel asks for a value. It is a per-document setting that takes effect from the
 * next open, so it is kept in step with the workbook each time the runtime starts: Load where the
 * workbook holds a model, back to None where the model is gone (a workbook without one has no
 * reason to start the add-in). docs/office-requirements.md cites the documents.
 */

import type { StartupHost } from "../core/port";

export type { StartupHost };

export type StartupChange = "unsupported" | "unchanged" | "load" | "none";

/**
 * `hasModel` is asked only where the setting exists, so that a host without it costs no read of
 * the workbook.
 */
export async function keepStartupBehavior<B>(host: StartupHost<B>, hasModel: () => Promise<boolean>): Promise<StartupChange> {
  if (!host.addin || !host.supportsSharedRuntime()) return "unsupported";
  const model = await hasModel();
  const wanted = model ? host.load : host.none;
  // Set only on a change: the setting is stored in the document, and a workbook that already
  // says the right thing (or a workbook without a model that never had it) is left as it is.
  if ((await host.addin.getStartupBehavior()) === wanted) return "unchanged";
  await host.addin.setStartupBehavior(wanted);
  return model ? "load" : "none";
}
