import { waitingHost, type Waiting } from "../../../src/adapters/excel";
import { buildInExcel, inspectInExcel } from "../../support/pipeline";
import { isCellEditError } from "../../../src/adapters/excel/host";
import { SUMMARY_SHEET } from "../../../src/core/plan/summary";
import { BUILT, SAMPLE_FILE, hostOf, seedOfFile, simulationOf } from "./support";

/**
 * A user typing in a cell: Excel takes no request while a cell is being edited. The add-in asks
 * Excel to hold its requests (`delayForCellEdit`) and, where a host refuses them instead
 * (InvalidOperationInCellEditMode), tries the whole batch again until the edit ends.
 */
const quick = {
  now: () => clock,
  sleep: async (ms: number) => void (clock += ms),
  slowAfterMs: 60_000,
  giveUpAfterMs: 30_000,
  firstRetryMs: 250,
  longestRetryMs: 2000,
};
let clock = 0;
beforeEach(() => (clock = 0));

describe("the simulation in cell-edit mode", () => {
  test("refuses a request as Excel does, and holds one whose run asked to wait until the edit ends", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    simulation.startEditing("Variables", "B2");
    expect(simulation.editing).toBe(true);
    const refused = simulation.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    await expect(refused).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });

    let done = false;
    const held = simulation.run({ delayForCellEdit: true }, async (context) => {
      const range = context.workbook.worksheets.getItem("Variables").getRange("B2").load("values");
      await context.sync();
      done = true;
      return range.values[0]![0];
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    // Enter: the typed entry lands before the held request reads.
    simulation.finishEditing("1500");
    await expect(held).resolves.toBe(1500);
    expect(simulation.editing).toBe(false);
  });
});

describe("a build started while a cell is being edited", () => {
  test("waits for the edit, then builds with what was typed, in the usual three syncs", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    simulation.startEditing("Variables", "B2");
    const building = buildInExcel(hostOf(simulation), BUILT);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(simulation.syncs).toHaveLength(0);
    simulation.finishEditing("2400");
    const outcome = await building;
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.syncs).toBe(3);
    expect(outcome.analysis.model.variables.find((v) => v.name === "PipelineMiles")!.value).toBe(2400);
    expect(simulation.document.cell(SUMMARY_SHEET, "A1").formula).toMatch(/"Value Summary"/);
  });

  test("on a host that refuses instead of waiting, tries again until the edit ends, and says it is waiting for the cell", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    // A host that ignores delayForCellEdit: every request during the edit is refused.
    const states: Waiting[] = [];
    let attempts = 0;
    const host = waitingHost(
      {
        run: (_options, batch) => {
          attempts++;
          if (attempts === 3) simulation.finishEditing();
          return simulation.run(batch);
        },
        isSetSupported: (version) => simulation.supports("ExcelApi", version),
      },
      quick,
    );
    host.watchWaiting!((state) => states.push(state));
    simulation.startEditing("Variables", "B2");
    const outcome = await buildInExcel(host, BUILT);
    expect(outcome.ok).toBe(true);
    expect(attempts).toBe(3);
    // Two refusals, waited out with pauses of 250 and 500 ms.
    expect(clock).toBe(750);
    expect(states).toEqual(["none", "cell-edit", "none"]);
  });

  test("gives up with Excel's own error when the edit lasts longer than the add-in waits", async () => {
    const simulation = await simulationOf(await seedOfFile(SAMPLE_FILE));
    const host = waitingHost({ run: (_options, batch) => simulation.run(batch), isSetSupported: () => true }, quick);
    simulation.startEditing("Variables", "B2");
    const failure = await inspectInExcel(host).catch((error: unknown) => error);
    expect(isCellEditError(failure)).toBe(true);
    // Pauses of 250, 500, 1000, then 2000 ms until thirty seconds have passed.
    expect(clock).toBeGreaterThanOrEqual(30_000);
    expect(clock).toBeLessThan(32_000);
  });

  test("any other error is not waited out", async () => {
    let attempts = 0;
    const host = waitingHost(
      {
        run: async () => {
          attempts++;
          throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
        },
        isSetSupported: () => true,
      },
      quick,
    );
    await expect(host.run(async () => 1)).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(attempts).toBe(1);
    expect(clock).toBe(0);
  });
});
