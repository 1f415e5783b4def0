/**
 * What the adapter needs from its host: `Excel.run`, and whether an ExcelApi requirement set is
 * there. Inside Office these are Office.js itself; in tests and in the workbench, the in-memory
 * simulation. Nothing else in the add-in reaches for the `Excel` or `Office` globals to write.
 */
export interface ExcelHost {
  readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  readonly supportsExcelApi: (version: string) => boolean;
  /** Tells whether the add-in is waiting for Excel, so that the pane can say why nothing moves. */
  readonly watchWaiting?: (listener: (waiting: Waiting) => void) => () => void;
}

/**
 * `cell-edit`: Excel refused a request because a cell is being edited, and the add-in tries again
 * until the edit ends. `slow`: a request has taken longer than a moment, which is what a request
 * held by `delayForCellEdit` looks like from here (Office.js does not say why it waits).
 */
export type Waiting = "none" | "slow" | "cell-edit";

/** What Office.js (or the simulation) offers: `Excel.run` with its options, and requirement sets. */
export interface ExcelApi {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  isSetSupported(version: string): boolean;
}

export interface WaitTiming {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** After this long a run counts as slow. */
  readonly slowAfterMs: number;
  /** How long the add-in keeps trying while a cell is edited before it gives up with Excel's error. */
  readonly giveUpAfterMs: number;
  readonly firstRetryMs: number;
  readonly longestRetryMs: number;
}

export const DEFAULT_WAIT_TIMING: WaitTiming = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  slowAfterMs: 1500,
  giveUpAfterMs: 10 * 60_000,
  firstRetryMs: 250,
  longestRetryMs: 2000,
};

/** Office.js's error when a request reaches Excel while a cell is being edited. */
export function isCellEditError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "InvalidOperationInCellEditMode";
}

/**
 * A host whose every run waits out a cell the user is editing. Each run asks Excel to hold its
 * requests until the edit ends (`delayForCellEdit`, documented on Excel.RunOptions); where a host
 * does not honour that and refuses the request instead (InvalidOperationInCellEditMode), the whole
 * batch runs again after a pause that doubles up to two seconds, for at most ten minutes. A batch
 * runs again from its start: each of the add-in's batches reads before it writes, and a refused
 * request changed nothing.
 */
export function waitingHost(api: ExcelApi, timing: WaitTiming = DEFAULT_WAIT_TIMING): ExcelHost {
  const listeners = new Set<(waiting: Waiting) => void>();
  const runs = new Map<number, Waiting>();
  let nextRun = 0;
  let shown: Waiting = "none";
  const update = (run: number, waiting: Waiting | undefined) => {
    if (waiting === undefined) runs.delete(run);
    else runs.set(run, waiting);
    const states = [...runs.values()];
    const now: Waiting = states.includes("cell-edit") ? "cell-edit" : states.includes("slow") ? "slow" : "none";
    if (now === shown) return;
    shown = now;
    for (const listener of [...listeners]) listener(now);
  };

  return {
    async run(batch) {
      const id = nextRun++;
      update(id, "none");
      const slow = setTimeout(() => runs.get(id) === "none" && update(id, "slow"), timing.slowAfterMs);
      const start = timing.now();
      let pause = timing.firstRetryMs;
      try {
        for (;;) {
          try {
            return await api.run({ delayForCellEdit: true }, batch);
          } catch (error) {
            if (!isCellEditError(error) || timing.now() - start >= timing.giveUpAfterMs) throw error;
            update(id, "cell-edit");
            await timing.sleep(pause);
            pause = Math.min(pause * 2, timing.longestRetryMs);
          }
        }
      } finally {
        clearTimeout(slow);
        update(id, undefined);
      }
    },
    supportsExcelApi: (version) => api.isSetSupported(version),
    watchWaiting(listener) {
      listeners.add(listener);
      listener(shown);
      return () => listeners.delete(listener);
    },
  };
}

/** The host inside Excel. Call only after `Office.onReady`. */
export function officeHost(): ExcelHost {
  return waitingHost({
    run: (options, batch) => Excel.run(options, batch),
    isSetSupported: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  });
}
