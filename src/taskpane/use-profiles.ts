import { useCallback, useEffect, useRef, useState } from "react";
import { type ExcelHost, inspectProfiles, type ProfilesInspection } from "../adapters/excel";

export interface ProfilesState {
  readonly inspection?: ProfilesInspection;
  readonly reading: boolean;
  readonly failure?: string;
}

/**
 * The customer profiles and the current values, read when the Customers panel shows and again
 * each time the pane re-reads the model (`readAt`: the workbook changed). Reading is two round
 * trips whatever the number of variables or profiles; a read that finishes after a newer one
 * started is dropped.
 */
export function useProfiles(host: ExcelHost, readAt: Date | undefined): ProfilesState & { readonly refresh: () => Promise<void> } {
  const [state, setState] = useState<ProfilesState>({ reading: true });
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++latest.current;
    setState((s) => ({ ...s, reading: true }));
    try {
      const inspection = await inspectProfiles(host);
      if (ticket === latest.current) setState({ inspection, reading: false });
    } catch (e) {
      if (ticket === latest.current) setState((s) => ({ ...s, reading: false, failure: e instanceof Error ? e.message : String(e) }));
    }
  }, [host]);

  const readKey = readAt?.getTime();
  useEffect(() => {
    void refresh();
  }, [refresh, readKey]);

  return { ...state, refresh };
}
