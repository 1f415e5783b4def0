import type { StartupHost } from "../../core/port";

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
