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
export function buildAll({ model, inputs, now, threads, workerScript, signal, onBuilt }: BuildAllOptions): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    let next = 0;
    let finished = 0;
    let settled = false;
    const writes = new Set<Promise<void>>();

    const take = () => (settled || next >= inputs.length ? undefined : next++);
    const deliver = (index: number, bytes: Uint8Array) => {
      const writing = onBuilt(index, bytes).then(
        () => {
          if (++finished === inputs.length) stop();
        },
        (e: Error) => stop(e),
      );
      writes.add(writing);
      void writing.finally(() => writes.delete(writing));
      return writing;
    };

    let here: Promise<void> = Promise.resolve();
    const stop = (error?: Error) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener("abort", onAbort);
      const exits = workers.map((w) => w.terminate().catch(() => undefined));
      // Whatever is under way ends before the caller cleans up: this thread's build, the writes.
      void Promise.all([...exits, here, ...writes]).then(() => (error ? reject(error) : resolve()));
    };
    const onAbort = () => stop(new Interrupted());
    if (signal?.aborted) {
      reject(new Interrupted());
      return;
    }
    signal?.addEventListener("abort", onAbort);
    if (inputs.length === 0) {
      stop();
      return;
    }

    if (workerScript) {
      const workerData: WorkerData = { modelBytes: model.bytes, now: now.getTime() };
      for (let i = 1; i < Math.min(threads, inputs.length); i++) {
        const worker = new Worker(workerScript, { workerData });
        workers.push(worker);
        let holding = 0;
        const feed = () => {
          while (holding < IN_FLIGHT) {
            const index = take();
            if (index === undefined) return;
            holding++;
            worker.postMessage({ type: "build", index, input: inputs[index]! } satisfies ToWorker);
          }
        };
        worker.on("message", (message: FromWorker) => {
          if (settled) return;
          if (message.type === "ready") feed();
          else if (message.type === "failed") stop(new BuildFailure(message.message, message.index));
          else {
            holding--;
            void deliver(message.index, message.bytes);
            feed();
          }
        });
        worker.on("error", (e) => stop(new BuildFailure(`a worker thread failed: ${e.message}`)));
        worker.on("exit", (code) => {
          if (!settled) stop(new BuildFailure(`a worker thread stopped unexpectedly (exit code ${code})`));
        });
      }
    }

    here = (async () => {
      for (let index = take(); index !== undefined; index = take()) {
        let bytes: Uint8Array;
        try {
          bytes = await buildCustomerWorkbook(model, inputs[index]!, now);
        } catch (e) {
          stop(new BuildFailure((e as Error).message, index));
          return;
        }
        // Once stopped, nothing more is written: the caller is about to remove the staging folder.
        if (settled) return;
        // The next build need not wait for this file to be written; a few writes may be under way.
        void deliver(index, bytes);
        if (writes.size >= 4) await Promise.race(writes);
      }
    })();
  });
}
