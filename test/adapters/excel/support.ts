import * as fs from "node:fs";
import * as path from "node:path";
import { type ExcelHost, waitingHost } from "../../../src/adapters/excel";
import { loadXlsx } from "../../../src/adapters/xlsx/read";
import { type ModelWorkbookOptions, type ModelWorkbookTables, writeModelWorkbook } from "../../support/model-workbook";
import { createExcelSimulation, type ExcelSimulation, type SimulationSeed } from "../../../src/devtools/simulation/excel";
import { seedFromXlsx } from "../../support/xlsx-to-simulation";
import { buildInExcel } from "../../support/pipeline";

export const SAMPLE_FILE = path.resolve(__dirname, "../../../assets/sample/pipeline-leak-analytics.xlsx");
export const BUILT = new Date(Date.UTC(2026, 10, 23, 9, 30));

/** The host the add-in gets inside Excel, on the simulation: every run waits out a cell being edited. */
export function hostOf(simulation: ExcelSimulation): ExcelHost {
  return waitingHost({
    run: (options, batch) => simulation.run(options, batch),
    isSetSupported: (version) => simulation.supports("ExcelApi", version),
  });
}

export async function seedOfFile(file: string): Promise<SimulationSeed> {
  return seedFromXlsx(await loadXlsx(new Uint8Array(fs.readFileSync(file))));
}

export async function seedOfTables(tables: ModelWorkbookTables, options?: ModelWorkbookOptions): Promise<SimulationSeed> {
  return seedFromXlsx(await loadXlsx(await writeModelWorkbook(tables, options)));
}

export async function simulationOf(seed: SimulationSeed, apiVersion = "1.12"): Promise<ExcelSimulation> {
  return createExcelSimulation(seed, { apiVersion });
}

/** Operations of a sync that change the workbook (everything but loads). */
export function writes(simulation: ExcelSimulation): string[] {
  return simulation.syncs.flatMap((s) => s.operations.filter((o) => !o.action.startsWith("load")).map((o) => `${o.object} ${o.action}`));
}

/** A model built once in Excel (simulated), then PipelineMiles changed: the next build rewrites every output's money. */
export async function builtThenChanged(seed: SimulationSeed): Promise<ExcelSimulation> {
  const simulation = await simulationOf(seed);
  expect((await buildInExcel(hostOf(simulation), BUILT)).ok).toBe(true);
  const miles = /^=Variables!\$([A-Z]+)\$(\d+)$/.exec(simulation.document.name("PipelineMiles")!.formula)!;
  await simulation.run(async (context) => {
    context.workbook.worksheets.getItem("Variables").getRange(`${miles[1]}${miles[2]}`).values = [[4321]];
    await context.sync();
  });
  return simulation;
}
