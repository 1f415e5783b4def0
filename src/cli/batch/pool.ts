import { Worker } from "node:worker_threads";
import type { CustomerInput } from "./customer-model";
import { buildCustomerWorkbook, type BatchModel } from "./customer-workbook";

/**
 * Builds the customers' workbooks, in this thread and in worker threads beside it. Each worker
 * loads and checks the model once, then builds the customers it is sent, each from an untouched
 * copy of the model's bytes; the bytes of each workbook come back to this thread, which writes
 * them. The result is the same whichever thread builds a workbook: the same function builds them all.
 */

/** What a worker is started with. */
export interface WorkerData {
  readonly modelBytes: Uint8Array;
  /** The build time, as milliseconds since 1970. */
  readonly now: number;
}

export type ToWorker = { readonly type: "build"; readonly index: number; readonly input: CustomerInput };

export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "built"; readonly index: number; readonly bytes: Uint8Array }
  | { readonly type: "failed"; readonly index?: number; readonly message: string };

export class BuildFailure extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
  }
}

export class Interrupted extends Error {
  constructor() {
    super("interrupted");
  }
}

export interface BuildAllOptions {
  readonly model: BatchModel;
  readonly inputs: readonly CustomerInput[];
  readonly now: Date;
  /** Threads that build: this one, plus `threads - 1` worker threads running `workerScript`. */
  readonly threads: number;
  readonly workerScript?: string;
  readonly signal?: AbortSignal;
  /** Called once per customer, as its workbook is finished (in any order); the build waits for it. */
  readonly onBuilt: (index: number, bytes: Uint8Array) => Promise<void>;
}

/** Jobs a worker holds at once: one building, one waiting, so that it never idles on a message. */
const IN_FLIGHT = 2;

/**
 * Builds every customer's workbook; rejects with Interrupted when the signal aborts, with
 * BuildFailure when one cannot be built. This thread starts building at once and takes the next
 * customer whenever it is free; worker threads join as soon as they have started (about 0.3 s),
 * so that a few customers never wait for workers and many are shared among all threads.
 */
export function buildAll(options: BuildAllOptions): Promise<void> {
  const { model, inputs, now, threads, workerScript, signal } = options;
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new Interrupted());
      return;
    }
    const pool = new Pool(inputs.length, options.onBuilt, signal, resolve, reject);
    if (inputs.length === 0) {
      pool.stop();
      return;
    }
    if (workerScript) {
      const workerData: WorkerData = { modelBytes: model.bytes, now: now.getTime() };
      for (let i = 1; i < Math.min(threads, inputs.length); i++) pool.workers.push(startWorker(pool, workerScript, workerData, inputs));
    }
    pool.here = buildHere(pool, model, inputs, now);
  });
}

/**
 * What this thread and the workers share: which customer is next, the writes under way, and the
 * one end of the build (resolved or rejected once, after everything under way has ended).
 */
class Pool {
  readonly workers: Worker[] = [];
  readonly writes = new Set<Promise<void>>();
  /** This thread's own building. */
  here: Promise<void> = Promise.resolve();
  settled = false;
  private next = 0;
  private finished = 0;
  private readonly onAbort = () => this.stop(new Interrupted());

  constructor(
    private readonly total: number,
    private readonly onBuilt: (index: number, bytes: Uint8Array) => Promise<void>,
    private readonly signal: AbortSignal | undefined,
    private readonly resolve: () => void,
    private readonly reject: (error: Error) => void,
  ) {
    signal?.addEventListener("abort", this.onAbort);
  }

  /** The next customer to build, or undefined when none is left or the build has stopped. */
  take(): number | undefined {
    return this.settled || this.next >= this.total ? undefined : this.next++;
  }

  deliver(index: number, bytes: Uint8Array): Promise<void> {
    const writing = this.onBuilt(index, bytes).then(
      () => {
        if (++this.finished === this.total) this.stop();
      },
      (e: Error) => this.stop(e),
    );
    this.writes.add(writing);
    void writing.finally(() => this.writes.delete(writing));
    return writing;
  }

  stop(error?: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.signal?.removeEventListener("abort", this.onAbort);
    const exits = this.workers.map((w) => w.terminate().catch(() => undefined));
    // Whatever is under way ends before the caller cleans up: this thread's build, the writes.
    void Promise.all([...exits, this.here, ...this.writes]).then(() => (error ? this.reject(error) : this.resolve()));
  }
}

/** A worker thread that takes customers from the pool, IN_FLIGHT at a time, once it has started. */
function startWorker(pool: Pool, workerScript: string, workerData: WorkerData, inputs: readonly CustomerInput[]): Worker {
  const worker = new Worker(workerScript, { workerData });
  let holding = 0;
  const feed = () => {
    while (holding < IN_FLIGHT) {
      const index = pool.take();
      if (index === undefined) return;
      holding++;
      worker.postMessage({ type: "build", index, input: inputs[index]! } satisfies ToWorker);
    }
  };
  worker.on("message", (message: FromWorker) => {
    if (pool.settled) return;
    if (message.type === "ready") feed();
    else if (message.type === "failed") pool.stop(new BuildFailure(message.message, message.index));
    else {
      holding--;
      void pool.deliver(message.index, message.bytes);
      feed();
    }
  });
  worker.on("error", (e) => pool.stop(new BuildFailure(`a worker thread failed: ${e.message}`)));
  worker.on("exit", (code) => {
    if (!pool.settled) pool.stop(new BuildFailure(`a worker thread stopped unexpectedly (exit code ${code})`));
  });
  return worker;
}

/** This thread builds customers from the pool until none is left. */
async function buildHere(pool: Pool, model: BatchModel, inputs: readonly CustomerInput[], now: Date): Promise<void> {
  for (let index = pool.take(); index !== undefined; index = pool.take()) {
    let bytes: Uint8Array;
    try {
      bytes = await buildCustomerWorkbook(model, inputs[index]!, now);
    } catch (e) {
      pool.stop(new BuildFailure((e as Error).message, index));
      return;
    }
    // Once stopped, nothing more is written: the caller is about to remove the staging folder.
    if (pool.settled) return;
    // The next build need not wait for this file to be written; a few writes may be under way.
    void pool.deliver(index, bytes);
    if (pool.writes.size >= 4) await Promise.race(pool.writes);
  }
}
