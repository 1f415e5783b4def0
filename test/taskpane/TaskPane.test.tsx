/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../support/jsdom-browser";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { waitingHost } from "../../src/adapters/excel";
import { buildInExcel, inspectInExcel } from "../support/pipeline";
import { clearBuilds } from "../../src/app/build-events";
import { INCOMPLETE_MARK } from "../../src/core/plan/incomplete";
import { planSummary, SUMMARY_SHEET } from "../../src/core/plan/summary";
import { createExcelSimulation, type ExcelSimulation, type SimulationSeed } from "../../src/devtools/simulation/excel";
import { money, months, percent } from "../../src/taskpane/format";
import { createFormulaCalculator } from "../../src/devtools/simulation/excel/calculation";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { hostOf, SAMPLE_FILE, seedOfFile } from "../adapters/excel/support";

let sampleSeed: SimulationSeed;
beforeAll(async () => {
  sampleSeed = await seedOfFile(SAMPLE_FILE);
});
// Each test is a new workbook: the last build of another must not show.
afterEach(() => clearBuilds());

/** The sample with one cell changed, as a user might have typed it. */
function sampleWith(sheet: string, cell: string, value: string | number): SimulationSeed {
  return {
    ...sampleSeed,
    sheets: (sampleSeed.sheets ?? []).map((s) => (s.name === sheet ? { ...s, cells: { ...s.cells, [cell]: { value } } } : s)),
  };
}

function renderPane(simulation: ExcelSimulation) {
  const host = hostOf(simulation);
  render(<TaskPane host={host} />);
  return host;
}

/** What the core computes for the workbook, formatted as the pane formats it. */
async function annualValueOf(simulation: ExcelSimulation): Promise<string> {
  const { analysis } = await inspectInExcel(hostOf(simulation));
  if (!analysis.ok) throw new Error("the model has errors");
  return money(analysis.results.totals.TotalAnnualValue, analysis.model.settings.currency);
}

describe("the task pane", () => {
  test("a build pressed while a cell is being edited says to finish the cell, then builds when it is finished", async () => {
    const simulation = createExcelSimulation(sampleSeed);
    // A host that refuses requests during an edit rather than holding them: the pane must say why nothing moves.
    let clock = 0;
    const host = waitingHost(
      { run: (_options, batch) => simulation.run(batch), isSetSupported: (version) => simulation.supports("ExcelApi", version) },
      {
        now: () => clock,
        sleep: async (ms) => ((clock += ms), new Promise((resolve) => setTimeout(resolve, 5))),
        slowAfterMs: 60_000,
        giveUpAfterMs: 600_000,
        firstRetryMs: 250,
        longestRetryMs: 2000,
      },
    );
    render(<TaskPane host={host} />);
    await screen.findByLabelText("Results");
    simulation.startEditing("Variables", "B2");
    await userEvent.click(screen.getByRole("tab", { name: /Build/ }));
    await userEvent.click(screen.getByRole("button", { name: "Build value summary" }));
    expect(await screen.findByText("Finish editing the cell to continue.")).toBeTruthy();
    expect(simulation.document.hasSheet(SUMMARY_SHEET)).toBe(false);
    act(() => simulation.finishEditing("1300"));
    await screen.findByText("Built.");
    await waitFor(() => expect(screen.queryByText("Finish editing the cell to continue.")).toBeNull());
    expect(simulation.document.hasSheet(SUMMARY_SHEET)).toBe(true);
  });

  test("a sound model opens on its preview: annual value, NPV, ROI, payback, green and gray, stakeholders", async () => {
    const simulation = createExcelSimulation(sampleSeed);
    renderPane(simulation);
    const results = await screen.findByLabelText("Results");
    expect(screen.getByRole("tab", { name: /Preview/ }).getAttribute("aria-selected")).toBe("true");
    expect(results.textContent).toContain(await annualValueOf(simulation));
    for (const term of ["Annual value", "NPV at 8.0%", "ROI", "Payback"]) expect(within(results).getByText(term)).toBeTruthy();
    expect(screen.getByRole("img", { name: /green \(hard, documented\) money/ })).toBeTruthy();
    const stakeholders = screen.getByRole("list", { name: "Annual value by stakeholder" });
    expect(
      within(stakeholders)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual(expect.arrayContaining([expect.stringContaining("Production Manager"), expect.stringContaining("CFO")]));
  });

  test("a planted problem shows on Check with its cell; clicking it selects that cell in the workbook", async () => {
    const simulation = createExcelSimulation(sampleWith("Variables", "B3", "lots"));
    renderPane(simulation);
    const problems = await screen.findByRole("list", { name: "Problems" });
    expect(screen.getByRole("tab", { name: /Check/ }).getAttribute("aria-selected")).toBe("true");
    const problem = within(problems).getByRole("button", { name: /sheet "Variables", row 3, column B/ });
    await userEvent.click(problem);
    await waitFor(() => expect(simulation.document.selection()).toBe("Variables!B3"));
    expect(simulation.document.activeSheet()).toBe("Variables");
  });

  test("a Value outside its Low–High range is a warning on Check, at the Value cell, in a sales engineer's words", async () => {
    const simulation = createExcelSimulation(sampleWith("Variables", "B2", 2300));
    renderPane(simulation);
    await userEvent.click(await screen.findByRole("tab", { name: /^Check/ }));
    const problems = await screen.findByRole("list", { name: "Problems" });
    const warning = within(problems).getByRole("button", { name: /sheet "Variables", row 2, column B/ });
    expect(warning.textContent).toContain(
      "PipelineMiles is 2,300, outside its range 1,100 to 1,300 (Low to High): the conservative and optimistic cases would not bracket it; update Low and High for this customer.",
    );
  });

  test("the preview follows an edit of the workbook without a build", async () => {
    const simulation = createExcelSimulation(sampleSeed);
    renderPane(simulation);
    const results = await screen.findByLabelText("Results");
    const before = await annualValueOf(simulation);
    await waitFor(() => expect(results.textContent).toContain(before));
    act(() => simulation.edit("Variables", "B2", "2400"));
    const after = await annualValueOf(simulation);
    expect(after).not.toBe(before);
    await waitFor(() => expect(screen.getByLabelText("Results").textContent).toContain(after), { timeout: 3000 });
    expect(simulation.document.hasSheet(SUMMARY_SHEET)).toBe(false);
  });

  test("Build writes the Value Summary and says what it wrote", async () => {
    const simulation = createExcelSimulation(sampleSeed);
    renderPane(simulation);
    await userEvent.click(await screen.findByRole("tab", { name: "Build" }));
    await userEvent.click(screen.getByRole("button", { name: "Build value summary" }));
    const status = await screen.findByText("Built.");
    expect(status.closest("[role=status]")?.textContent).toMatch(/Value Summary: 6 elements over 5 years/);
    expect(simulation.document.hasSheet(SUMMARY_SHEET)).toBe(true);
  });

  test("a build Excel stops halfway says so, and the sheet it had begun says INCOMPLETE until the next build", async () => {
    const simulation = createExcelSimulation(sampleSeed);
    renderPane(simulation);
    await userEvent.click(await screen.findByRole("tab", { name: "Build" }));
    // The build's third request is its writing; Excel stops it halfway.
    simulation.failOnSync(3);
    await userEvent.click(screen.getByRole("button", { name: "Build value summary" }));
    const failed = await screen.findByText("Excel refused the request.");
    expect(failed.parentElement?.textContent).toMatch(/says INCOMPLETE in cell A1: build again/);
    expect(simulation.document.cell(SUMMARY_SHEET, "A1").value).toBe(INCOMPLETE_MARK);
    await userEvent.click(screen.getByRole("button", { name: "Build value summary" }));
    await screen.findByText("Built.");
    expect(simulation.document.cell(SUMMARY_SHEET, "A1").formula).toMatch(/"Value Summary"/);
  });

  test("Check lists a clash with the user's own sheet before any build is tried", async () => {
    const seed: SimulationSeed = {
      ...sampleSeed,
      sheets: [...(sampleSeed.sheets ?? []), { name: SUMMARY_SHEET, cells: { A1: { value: "mine" } } }],
    };
    renderPane(createExcelSimulation(seed));
    await userEvent.click(await screen.findByRole("tab", { name: /^Check/ }));
    const problems = await screen.findByRole("list", { name: "Problems" });
    expect(problems.textContent).toMatch(/already has a sheet named "Value Summary"/);
    expect(screen.getByRole("tab", { name: /^Check/ }).textContent).toMatch(/1/);
  });

  test("the preview's figures are what the built workbook's own formulas compute", async () => {
    // The workbook's formulas are computed by the simulation's calculator, not by the core the
    // pane uses: two independent computations of the same model must agree.
    const simulation = createExcelSimulation(sampleSeed, { calculate: createFormulaCalculator() });
    await buildInExcel(hostOf(simulation), new Date());
    const valueOfName = (name: string) => {
      const [, sheet, cell] = /^='?(.+?)'?!\$([A-Z]+\$\d+)$/.exec(simulation.document.name(name)!.formula)!;
      return simulation.document.value(sheet!, cell!.replace("$", "")) as number;
    };
    renderPane(simulation);
    const results = await screen.findByLabelText("Results");
    expect(results.textContent).toContain(money(valueOfName("CVM_TotalAnnualValue"), "USD"));
    expect(results.textContent).toContain(money(valueOfName("CVM_NPV"), "USD"));
    expect(results.textContent).toContain(percent(valueOfName("CVM_ROI")));
    expect(results.textContent).toContain(months(valueOfName("CVM_PaybackMonths"), 5));
    expect(screen.getByText(/^Green \(hard\)/).textContent).toContain(money(valueOfName("CVM_Green"), "USD"));
  });

  test("the preview's scenarios and realization are what the built workbook's own formulas compute", async () => {
    // An Actual for the first element (Elements!I2), so that realization shows too.
    const simulation = createExcelSimulation(sampleWith("Elements", "I2", 900000), { calculate: createFormulaCalculator() });
    await buildInExcel(hostOf(simulation), new Date());
    const { analysis } = await inspectInExcel(hostOf(simulation));
    if (!analysis.ok) throw new Error("the sample has errors");
    const { layout } = planSummary(analysis.model, analysis.results, "");
    const cell = (address: string) => simulation.document.value(SUMMARY_SHEET, address) as number;
    renderPane(simulation);
    const table = await screen.findByRole("table", { name: "Scenarios" });
    const rows = within(table)
      .getAllByRole("row")
      .map((r) => Array.from(r.children, (c) => c.textContent));
    const npv = rows.find((r) => r[0] === "NPV")!;
    const { results } = layout.scenarios!;
    expect(npv.slice(1)).toEqual([
      money(cell(results.conservative.NPV), "USD"),
      money(cell(results.expected.NPV), "USD"),
      money(cell(results.optimistic.NPV), "USD"),
    ]);
    expect(rows.find((r) => r[0] === "ROI")!.slice(1)).toEqual([
      percent(cell(results.conservative.ROI)),
      percent(cell(results.expected.ROI)),
      percent(cell(results.optimistic.ROI)),
    ]);
    const total = layout.realization!.total;
    expect(screen.getByText(/^\$900,000 of /).textContent).toBe(
      `${money(cell(total.actual), "USD")} of ${money(cell(total.estimated), "USD")} estimated for 1 measured element (${percent(cell(total.share))}).`,
    );
  });

  test("a clash with the user's own sheet is a clear message, and nothing is written", async () => {
    const seed: SimulationSeed = {
      ...sampleSeed,
      sheets: [...(sampleSeed.sheets ?? []), { name: SUMMARY_SHEET, cells: { A1: { value: "mine" } } }],
    };
    const simulation = createExcelSimulation(seed);
    renderPane(simulation);
    await userEvent.click(await screen.findByRole("tab", { name: "Build" }));
    const syncsBefore = simulation.syncs.length;
    await userEvent.click(screen.getByRole("button", { name: "Build value summary" }));
    const refused = await screen.findByText("Nothing was written.");
    expect(refused.closest("[role=status]")?.textContent).toMatch(/already has a sheet named "Value Summary"/);
    expect(simulation.document.sheet(SUMMARY_SHEET).cells.map((c) => c.value)).toEqual(["mine"]);
    // The refused build only read.
    expect(simulation.syncs.slice(syncsBefore).every((s) => s.operations.every((o) => o.action.startsWith("load")))).toBe(true);
  });

  test("an empty workbook opens on Start, and the sample goes in from there", async () => {
    const simulation = createExcelSimulation({ sheets: [{ name: "Sheet1" }] });
    renderPane(simulation);
    const ranges = await screen.findByRole("list", { name: "Named ranges" });
    expect(screen.getByRole("tab", { name: "Start" }).getAttribute("aria-selected")).toBe("true");
    expect(within(ranges).getAllByText("missing")).toHaveLength(2);
    expect(within(ranges).getByText("not there: the defaults apply")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Insert the sample model" }));
    await screen.findByText("Inserted.");
    expect(simulation.document.sheetNames()).toEqual(["Sheet1", "Variables", "Elements", "Settings", "Stakeholders", "Actuals"]);
    await waitFor(() => expect(within(screen.getByRole("list", { name: "Named ranges" })).queryAllByText("missing")).toHaveLength(0));
  });
});
