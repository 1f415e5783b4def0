import { keepOnlyProfile } from "../../../src/adapters/excel";
import { buildInExcel } from "../../support/pipeline";
import { sendingWorkbook } from "../../../src/taskpane/sending-workbook";
import { prepareForSending } from "../../../src/app/prepare-for-sending";
import { clearBuilds } from "../../../src/app/build-events";
import { ASSUMPTIONS_SHEET } from "../../../src/core/plan/assumptions";
import { createExcelSimulation } from "../../../src/devtools/simulation/excel";
import { sampleSeed as insertedSampleSeed } from "../../../src/devtools/workbench/sample-seed";
import type { SimulationSeed } from "../../../src/devtools/simulation/excel";
import {
  ACME,
  ACME_MILES,
  ACME_MILES_LATER,
  BETA,
  BETA_MILES,
  CRANE,
  CRANE_MILES,
  DELTA,
  simulationContaining,
  workedOnForThreeCustomers,
} from "../../support/one-customer";
import { BUILT, hostOf } from "./support";

/** The bundled sample as the workbench inserts it (through the Excel adapter), made once for the file. */
let SAMPLE_SEED: SimulationSeed;
beforeAll(async () => {
  SAMPLE_SEED = await insertedSampleSeed();
});
const sampleSeed = (): SimulationSeed => SAMPLE_SEED;

/**
 * One customer per workbook, inside Excel (the simulation): after a switch of profile, a build and
 * "Remove the other profiles", or "Prepare for sending", nothing of another customer is anywhere
 * in the workbook: no cell (of any sheet, the very hidden record and the hidden profiles
 * included), no name, no chart.
 */

const OTHERS = [ACME, CRANE, DELTA, ACME_MILES, ACME_MILES_LATER, CRANE_MILES];
const LATER = new Date(BUILT.getTime() + 10 * 86_400_000);

afterEach(() => clearBuilds());

async function workbookOfThree() {
  const simulation = createExcelSimulation(sampleSeed());
  const host = hostOf(simulation);
  await workedOnForThreeCustomers(simulation, host, BUILT);
  // The search finds what it looks for: before, the workbook holds the others' names and numbers
  // in its history, its record and its profiles.
  const before = simulationContaining(simulation, OTHERS);
  expect(before.some((w) => w.startsWith(`${ASSUMPTIONS_SHEET}!`) && w.endsWith(CRANE))).toBe(true);
  expect(before.some((w) => w.startsWith("CVM_Meta!") && w.endsWith(String(CRANE_MILES)))).toBe(true);
  expect(before.some((w) => w.startsWith("CVM_Profiles!") && w.endsWith(String(ACME_MILES_LATER)))).toBe(true);
  return { simulation, host };
}

test("a profile switch, a build and Remove the other profiles leave nothing of the other customers", async () => {
  const { simulation, host } = await workbookOfThree();
  const built = await buildInExcel(host, LATER);
  if (!built.ok) throw new Error(built.problems.map((p) => p.message).join(" "));
  expect(built.removed).toEqual({ history: [{ customer: CRANE, entries: 1 }], recordOf: CRANE });
  // Still three round trips: the history is read with the rest.
  expect(built.syncs).toBe(3);
  expect(simulationContaining(simulation, OTHERS).filter((w) => !w.startsWith("CVM_Profiles!"))).toEqual([]);
  expect(await keepOnlyProfile(host, BETA)).toMatchObject({ ok: true });
  expect(simulationContaining(simulation, OTHERS)).toEqual([]);
  const own = simulationContaining(simulation, [BETA, BETA_MILES]);
  expect(own).toEqual(
    expect.arrayContaining([
      `${ASSUMPTIONS_SHEET}!O5: ${BETA}`,
      `${ASSUMPTIONS_SHEET}!S5: ${BETA}`,
      `CVM_Profiles!A6: ${BETA}`,
      `CVM_Profiles!C6: ${BETA_MILES}`,
    ]),
  );
  expect(simulation.document.cell(ASSUMPTIONS_SHEET, "O5").value).toBe(`First build for ${BETA}`);
});

test("Prepare for sending does the same in one action and says what it removed", async () => {
  const { simulation, host } = await workbookOfThree();
  const outcome = await prepareForSending(sendingWorkbook(host), LATER);
  expect(outcome).toEqual({
    ok: true,
    customer: BETA,
    removed: { profiles: [ACME, CRANE], history: [{ customer: CRANE, entries: 1 }], recordOf: CRANE },
    // The sample's results are Northwind Midstream's (their Customer column): the user's inputs, said and left.
    message: `Built the workbook for ${BETA}. Removed the profiles of ${ACME} and ${CRANE}, 1 history entry of ${CRANE}, and ${CRANE}' inputs from the build record. CVM_Actuals holds 11 results of Northwind Midstream, not of ${BETA}: they are not compared. Delete those rows (or keep them in another workbook) before you send this workbook to its customer. The add-in leaves them, as it never deletes your inputs; the first is the row of Actuals!F2.`,
  });
  expect(simulationContaining(simulation, OTHERS)).toEqual([]);
  // Again: nothing is left to remove, and the history of Beta is kept as it is.
  const history = simulation.document.sheet(ASSUMPTIONS_SHEET).cells.filter((c) => c.column >= 12);
  const again = await prepareForSending(sendingWorkbook(host), new Date(LATER.getTime() + 86_400_000));
  // Nothing more the add-in can remove; the results in CVM_Actuals, the user's inputs, are said again.
  expect(again).toMatchObject({
    ok: true,
    message: expect.stringMatching(
      new RegExp(`^Built the workbook for ${BETA}\\. Nothing was removed\\. CVM_Actuals holds 11 results of Northwind Midstream`),
    ),
  });
  expect(simulation.document.sheet(ASSUMPTIONS_SHEET).cells.filter((c) => c.column >= 12)).toEqual(history);
});

test("with errors in the model, Prepare for sending builds nothing, removes nothing and says why", async () => {
  const { simulation, host } = await workbookOfThree();
  simulation.edit("Elements", "C2", "PipelineMiles/0");
  const everything = JSON.stringify(simulation.document.sheetNames().map((s) => simulation.document.sheet(s)));
  const outcome = await prepareForSending(sendingWorkbook(host), LATER);
  expect(outcome).toMatchObject({
    ok: false,
    title: "Nothing was removed.",
    message: expect.stringMatching(/^The model has an error, so the workbook was not built and nothing was removed\./),
  });
  expect(JSON.stringify(simulation.document.sheetNames().map((s) => simulation.document.sheet(s)))).toBe(everything);
});
