/**
 * A worker thread of `cvm batch` (bundled as dist-cli/batch-worker.js). It loads and checks the
 * model once, then builds each customer's workbook it is sent and sends back the bytes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { buildCustomerWorkbook, openBatchModel } from "./customer-workbook";
import type { FromWorker, ToWorker, WorkerData } from "./pool";

async function main(port: NonNullable<typeof parentPort>): Promise<void> {
  const data = workerData as WorkerData;
  const now = new Date(data.now);
  const opened = await openBatchModel(data.modelBytes, now);
  if (opened.kind !== "ok") {
    port.postMessage({
      type: "failed",
      message: "the worker could not read the model, which the main thread had read",
    } satisfies FromWorker);
    return;
  }
  const model = opened.model;
  // One customer at a time, in the order sent: a second message waits for the first to finish.
  let queue = Promise.resolve();
  port.on("message", (message: ToWorker) => {
    queue = queue.then(async () => {
      try {
        const bytes = await buildCustomerWorkbook(model, message.input, now);
        const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
        port.postMessage({ type: "built", index: message.index, bytes } satisfies FromWorker, whole ? [bytes.buffer as ArrayBuffer] : []);
      } catch (e) {
        port.postMessage({ type: "failed", index: message.index, message: (e as Error).message } satisfies FromWorker);
      }
    });
  });
  port.postMessage({ type: "ready" } satisfies FromWorker);
}

if (parentPort) {
  void main(parentPort);
} else {
  process.stderr.write("batch-worker.js is a worker thread of `cvm batch`; run `cvm batch` instead.\n");
  process.exitCode = 2;
}
