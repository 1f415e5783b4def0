/**
 * The Office.js adapter's round trips: a whole build (the pipeline over `excelWorkbook`: read, analyse, plan, write,
 * recalculate) on the in-memory Excel simulation seeded with the generated model, as
 * test/adapters/excel/build.test.ts does, counting `context.sync()` calls and request payload.
 */
import { excelWorkbook } from "../src/adapters/excel";
import { buildWorkbook } from "../src/app/pipeline";
import { hostOf, seedOfTables, simulationOf } from "../test/adapters/excel/support";
import { BUILT, generatedModel } from "./models";

export interface SyncMeasure {
  readonly elements: number;
  /** `context.sync()` calls of one build, reading included. */
  readonly syncs: number;
  /** Request payload of all of them: the JSON length of every argument and value set (the simulation's payloadBytes). */
  readonly payloadBytes: number;
  /** The largest single request. */
  readonly largestRequestBytes: number;
}

/** One build per size: the counts are deterministic, so one run is the figure. */
export async function measureSyncs(elements: number): Promise<SyncMeasure> {
  const simulation = await simulationOf(await seedOfTables(generatedModel(elements)));
  const outcome = await buildWorkbook(excelWorkbook(hostOf(simulation)), { now: BUILT });
  if (!outcome.ok) throw new Error(`the generated model of ${elements} elements did not build: ${outcome.problems[0]?.message}`);
  const payloads = simulation.syncs.map((s) => s.payloadBytes);
  return {
    elements,
    syncs: simulation.syncs.length,
    payloadBytes: payloads.reduce((sum, bytes) => sum + bytes, 0),
    largestRequestBytes: Math.max(0, ...payloads),
  };
}
