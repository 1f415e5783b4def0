/** The simulation's entry point: a seeded workbook, contexts on it, and the record of their syncs. */
import type { CellValue } from "./state";
import { SimContext } from "./context";
import { officeError } from "./errors";
import { type Environment, type SyncRecord, SyncLog } from "./requests";
import { type SimulationSeed, seedState } from "./seed";
import { type DocumentView, documentView } from "./snapshot";

/** Computes a formula cell's value (no seeded value); undefined when it cannot. */
export type CalculateFormula = (sheet: string, row: number, column: number, formula: string, document: DocumentView) => CellValue | undefined;

export interface SimulationOptions {
  /** The highest ExcelApi requirement set the simulated host supports. Default "1.12". */
  readonly apiVersion?: string;
  readonly calculate?: CalculateFormula;
}

export interface ExcelSimulation {
  /** Like Excel.run: a fresh context per call, a final sync of what is still queued, then the context is closed. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** A fresh context that stays open; the caller syncs it. */
  context(): Excel.RequestContext;
  /** Every sync so far, in order. */
  readonly syncs: readonly SyncRecord[];
  /** The n-th sync from now (1 = the next) applies the first half of its operations, then rejects with `error`. */
  failOnSync(n: number, error?: unknown): void;
  /** Like Office.context.requirements.isSetSupported. */
  supports(set: string, version: string): boolean;
  readonly apiVersion: string;
  readonly document: DocumentView;
}

/** `1.10` is newer than `1.9`: versions compare number by number. */
export function versionAtLeast(have: string, need: string): boolean {
  const a = have.split(".").map(Number);
  const b = need.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

export function createExcelSimulation(seed?: SimulationSeed, options: SimulationOptions = {}): ExcelSimulation {
  const apiVersion = options.apiVersion ?? "1.12";
  const state = seedState(seed);
  const document = documentView(state);
  const log = new SyncLog();
  const { calculate } = options;
  const environment: Environment = {
    state,
    calculate: calculate && ((sheet, row, column, formula) => calculate(sheet, row, column, formula, document)),
    supports: (version) => versionAtLeast(apiVersion, version),
  };
  const newContext = (): SimContext => new SimContext(log, environment);

  return {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = newContext();
      try {
        const pending = batch(context.asReal()) as Promise<T> | undefined;
        if (typeof pending?.then !== "function") throw officeError("RunMustReturnPromise");
        const result = await pending;
        // Office.js syncs what the batch left queued; with nothing queued it sends no request.
        if (context.hasPending) await context.sync();
        return result;
      } finally {
        context.close();
      }
    },
    context: () => newContext().asReal(),
    get syncs() {
      return log.records;
    },
    failOnSync: (n, error) => log.failOnSync(n, error),
    supports: (set, version) => set === "ExcelApi" && versionAtLeast(apiVersion, version),
    apiVersion,
    document,
  };
}
