/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../support/jsdom-browser";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { clearBuilds } from "../../src/app/build-events";
import { VALUE_MAP_SHEET } from "../../src/core/plan/value-map";
import { createExcelSimulation, type SimulationSeed } from "../../src/devtools/simulation/excel";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { hostOf, seedOfTables } from "../adapters/excel/support";
import { SAMPLE_WITHOUT_OPTIONAL, VALUE_MAP_SAMPLE } from "../fixtures/models";

/** The pane with CVM_Stakeholders: Start lists it as optional, Check shows its warnings, Build writes the Value Map. */
let withMap: SimulationSeed;
let withoutMap: SimulationSeed;
beforeAll(async () => {
  withMap = await seedOfTables(VALUE_MAP_SAMPLE.tables, VALUE_MAP_SAMPLE.options);
  withoutMap = await seedOfTables(SAMPLE_WITHOUT_OPTIONAL.tables, SAMPLE_WITHOUT_OPTIONAL.options);
});
afterEach(() => clearBuilds());

async function rangesOnStart(seed: SimulationSeed) {
  const simulation = createExcelSimulation(seed);
  render(<TaskPane host={hostOf(simulation)} />);
  await screen.findByLabelText("Results");
  await userEvent.click(screen.getByRole("tab", { name: "Start" }));
  const list = await screen.findByRole("list", { name: "Named ranges" });
  return {
    simulation,
    items: within(list)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? ""),
  };
}

test("Start lists CVM_Stakeholders and CVM_Actuals as optional: without them, no Value Map, no realization by year, and nothing is missing", async () => {
  const { items } = await rangesOnStart(withoutMap);
  expect(items).toHaveLength(5);
  expect(items[3]).toMatch(/^CVM_Stakeholders not there: no Value Map/);
  expect(items[3]).toContain("role, objective and metric");
  expect(items[4]).toMatch(/^CVM_Actuals not there: no realization by year/);
  expect(items[4]).toContain("Element, Year, Actual, Source, Date");
  expect(items.filter((i) => i.includes("missing"))).toEqual([]);
  // The sample is complete: no starter is offered for an optional range.
  expect(screen.queryByRole("button", { name: /Add the missing tables/ })).toBeNull();
});

test("Start shows where CVM_Stakeholders is when the workbook has it", async () => {
  const { items } = await rangesOnStart(withMap);
  expect(items[3]).toMatch(/^CVM_Stakeholders found at Stakeholders!A1:E7/);
});

test("Check shows a listed stakeholder no element names as a warning at its row", async () => {
  const simulation = createExcelSimulation(withMap);
  render(<TaskPane host={hostOf(simulation)} />);
  await userEvent.click(await screen.findByRole("tab", { name: /^Check/ }));
  const problems = await screen.findByRole("list", { name: "Problems" });
  const warning = within(problems).getByRole("button", { name: /sheet "Stakeholders", row 6, column A/ });
  expect(warning.textContent).toContain('No value element names "Integrity Engineer" as its stakeholder');
  await userEvent.click(warning);
  await waitFor(() => expect(simulation.document.selection()).toBe("Stakeholders!A6"));
});

test("Build writes the Value Map and says what is on it", async () => {
  const simulation = createExcelSimulation(withMap);
  render(<TaskPane host={hostOf(simulation)} />);
  await userEvent.click(await screen.findByRole("tab", { name: "Build" }));
  await userEvent.click(screen.getByRole("button", { name: "Build value summary" }));
  const built = await screen.findByText("Built.");
  expect(built.closest("[role=status]")?.textContent ?? built.parentElement?.textContent).toContain(
    "Value Map: 6 stakeholders with their objectives and metrics, and each element's value proposition (6 written propositions).",
  );
  expect(simulation.document.hasSheet(VALUE_MAP_SHEET)).toBe(true);
  const sentence = simulation.document.sheet(VALUE_MAP_SHEET).cells.find((c) => c.formula?.includes("FIXED("));
  expect(sentence?.formula).toMatch(
    /^=A\d+&": "&IF\(E\d+<0,"-",""\)&"\$"&FIXED\(ABS\(E\d+\),0\)&" a year"&IF\(Elements!\$J\$2="","",", "&Elements!\$J\$2\)$/,
  );
});
