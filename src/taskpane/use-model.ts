import { useCallback, useEffect, useRef, useState } from "react";
import { excelWorkbook, type ExcelHost, watchWorkbook } from "../adapters/excel";
import { inspectWorkbook, type ModelInspection } from "../app/pipeline";
import { debounce } from "./debounce";

/** The model as last read, whether a read is under way, and why the last one failed, if it did. */
export interface ModelState {
  readonly inspection?: ModelInspection;
  readonly reading: boolean;
  readonly failure?: string;
  readonly readAt?: Date;
}

/** How long after the last change the model is read again. */
export const REREAD_AFTER_MS = 400;

/**
 * Reads the model now, and again whenever the workbook changes (debounced), without building:
 * the pane's check and preview follow the user's edits. A read that finishes after a newer one
 * started is dropped, so a slow read never overwrites a fresher result.
 */
export function useModel(host: ExcelHost, rereadAfterMs = REREAD_AFTER_MS): ModelState & { readonly refresh: () => Promise<void> } {
  const [state, setState] = useState<ModelState>({ reading: true });
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, reading: true }));
    try {
      const inspection = await inspectWorkbook(excelWorkbook(host), new Date());
      if (ticket === latest.current) setState({ inspection, reading: false, readAt: new Date() });
    } catch (e) {
      if (ticket === latest.current) setState((s) => ({ ...s, reading: false, failure: e instanceof Error ? e.message : String(e) }));
    }
  }, [host]);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    let live = true;
    const reread = debounce(() => void refresh(), rereadAfterMs);
    void refresh();
    watchWorkbook(host, reread).then(
      (stop) => (live ? (unsubscribe = stop) : stop()),
      // Without change events (an old Excel) the pane still works: the user re-checks by hand.
      () => undefined,
    );
    return () => {
      live = false;
      reread.cancel();
      unsubscribe?.();
    };
  }, [host, refresh, rereadAfterMs]);

  return { ...state, refresh };
}
