import { type ExcelHost, waitingHost } from "../../adapters/excel";
import type { ExcelSimulation } from "../simulation/excel";

/** What the task pane gets inside Excel is Office.js; here, the same calls on the simulation. */
export function simulationHost(simulation: ExcelSimulation): ExcelHost {
  return waitingHost({
    run: (options, batch) => simulation.run(options, batch),
    isSetSupported: (version) => simulation.supports("ExcelApi", version),
  });
}
