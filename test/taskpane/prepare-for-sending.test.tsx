/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../support/jsdom-browser";
import { configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { clearBuilds } from "../../src/app/build-events";
import { createExcelSimulation, type ExcelSimulation } from "../../src/devtools/simulation/excel";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { sampleSeed as insertedSampleSeed } from "../../src/devtools/workbench/sample-seed";
import type { SimulationSeed } from "../../src/devtools/simulation/excel";
import { BUILT, hostOf } from "../adapters/excel/support";
import {
  ACME,
  ACME_MILES,
  ACME_MILES_LATER,
  BETA,
  CRANE,
  CRANE_MILES,
  DELTA,
  simulationContaining,
  workedOnForThreeCustomers,
} from "../support/one-customer";

/** The bundled sample as the workbench inserts it (through the Excel adapter), made once for the file. */
let SAMPLE_SEED: SimulationSeed;
beforeAll(async () => {
  SAMPLE_SEED = await insertedSampleSeed();
});
const sampleSeed = (): SimulationSeed => SAMPLE_SEED;

// Fluent's dialogs open with a transition; with many suites in parallel a second can pass before it is done.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => clearBuilds());

const OTHERS = [ACME, CRANE, DELTA, ACME_MILES, ACME_MILES_LATER, CRANE_MILES];

async function openCustomers(simulation: ExcelSimulation) {
  render(<TaskPane host={hostOf(simulation)} />);
  await userEvent.click(await screen.findByRole("tab", { name: "Customers" }));
  return screen.findByRole("heading", { name: "Customer profiles" });
}

async function clickWhenReady(name: string): Promise<void> {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  await userEvent.click(button);
}

async function workbookOfThree(): Promise<ExcelSimulation> {
  const simulation = createExcelSimulation(sampleSeed());
  await workedOnForThreeCustomers(simulation, hostOf(simulation), BUILT);
  expect(simulationContaining(simulation, OTHERS).length).toBeGreaterThan(0);
  return simulation;
}

test("Prepare for sending asks first with what it will remove, then builds, removes it and says what it removed", async () => {
  const simulation = await workbookOfThree();
  await openCustomers(simulation);
  await clickWhenReady("Prepare for sending");
  const dialog = await screen.findByRole("dialog", { hidden: true, name: `Prepare this workbook for ${BETA}?` });
  await waitFor(() => expect(within(dialog).queryAllByRole("button", { hidden: true }).length).toBeGreaterThan(0));
  expect(dialog.textContent).toContain(
    `Then it removes the profiles of ${ACME} and ${CRANE}, 1 history entry of ${CRANE}, and ${CRANE}' inputs from the build record.`,
  );
  expect(within(dialog).getByRole("list", { hidden: true, name: "Profiles to remove" }).textContent).toBe(`${ACME}${CRANE}`);
  // The sample's results, in CVM_Actuals, are Northwind Midstream's: the confirmation says they stay and must go.
  expect(dialog.textContent).toContain(
    `CVM_Actuals holds 11 results of Northwind Midstream, not of ${BETA}: they are not compared. Delete those rows (or keep them in another workbook) before you send this workbook to its customer. The add-in leaves them, as it never deletes your inputs; the first is the row of Actuals!F2.`,
  );
  // Nothing is written before the confirmation.
  expect(simulationContaining(simulation, [CRANE_MILES]).some((w) => w.startsWith("CVM_Meta!"))).toBe(true);

  await userEvent.click(within(dialog).getByRole("button", { hidden: true, name: "Build and remove" }));
  await screen.findByText((text) =>
    text.startsWith(
      `Built the workbook for ${BETA}. Removed the profiles of ${ACME} and ${CRANE}, 1 history entry of ${CRANE}, and ${CRANE}' inputs from the build record. CVM_Actuals holds 11 results of Northwind Midstream`,
    ),
  );
  expect(simulationContaining(simulation, OTHERS)).toEqual([]);
  const list = await screen.findByRole("list", { name: "Saved profiles" });
  await waitFor(() =>
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((i) => i.textContent),
    ).toEqual([expect.stringMatching(new RegExp(`^${BETA}active`))]),
  );
});

test("Cancel removes nothing; with errors in the model nothing is built or removed, and the pane says why", async () => {
  const simulation = await workbookOfThree();
  const everything = () => JSON.stringify(simulation.document.sheetNames().map((s) => simulation.document.sheet(s)));
  const before = everything();
  await openCustomers(simulation);
  await clickWhenReady("Prepare for sending");
  const dialog = await screen.findByRole("dialog", { hidden: true, name: `Prepare this workbook for ${BETA}?` });
  await waitFor(() => expect(within(dialog).queryAllByRole("button", { hidden: true }).length).toBeGreaterThan(0));
  await userEvent.click(within(dialog).getByRole("button", { hidden: true, name: "Cancel" }));
  await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
  expect(everything()).toBe(before);

  simulation.edit("Elements", "C2", "PipelineMiles/0");
  const broken = everything();
  await clickWhenReady("Prepare for sending");
  await screen.findByText(/^The model has an error, so the workbook was not built and nothing was removed\./);
  expect(screen.getByText("Nothing was removed.")).toBeTruthy();
  expect(document.querySelector('[role="dialog"]')).toBeNull();
  expect(everything()).toBe(broken);
});
