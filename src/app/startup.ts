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

/** Office.addin as far as startup goes (SharedRuntime 1.1). */
export interface AddinStartup<B> {
  getStartupBehavior(): Promise<B>;
  setStartupBehavior(behavior: B): Promise<void>;
}

export interface StartupHost<B> {
  /** Undefined where the host has no Office.addin (outside Office, or before SharedRuntime 1.1). */
  readonly addin: AddinStartup<B> | undefined;
  /** `Office.context.requirements.isSetSupported("SharedRuntime", "1.1")`. */
  readonly supportsSharedRuntime: () => boolean;
  /** The enum's two values, Office.StartupBehavior.load and .none. */
  readonly load: B;
  readonly none: B;
}

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

/** The real host, read when called: office.js defines Office.addin only inside Office. */
export function officeStartupHost(): StartupHost<Office.StartupBehavior> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return {
    addin: office?.addin,
    supportsSharedRuntime: () => office?.context?.requirements?.isSetSupported?.("SharedRuntime", "1.1") === true,
    load: office?.StartupBehavior?.load ?? ("Load" as Office.StartupBehavior),
    none: office?.StartupBehavior?.none ?? ("None" as Office.StartupBehavior),
  };
}
