/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
// The Preview's realization by year, rendered from a small model worked out by hand.
import "../support/jsdom-browser";
import { render, screen, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core/model/analyze";
import type { WorkbookInput } from "../../src/core/workbook/cells";
import { PreviewPanel } from "../../src/taskpane/panels/PreviewPanel";

// Repairs = 100000 with ramp 50%,100%: year 1 50000, year 2 100000. Crews = 20000, no ramp.
const BASE: WorkbookInput = {
  variables: {
    address: "V!A1:B3",
    values: [
      ["Name", "Value"],
      ["Base", 100000],
      ["CrewCost", 20000],
    ],
  },
  elements: {
    address: "E!A1:E3",
    values: [
      ["Element", "Id", "Formula", "Stakeholder", "Ramp"],
      ["Fewer repairs", "Repairs", "Base", "Production Manager", "50%,100%"],
      ["Crew time", "Crews", "CrewCost", "Operations", ""],
    ],
  },
  settings: {
    address: "S!A1:B3",
    values: [
      ["Setting", "Value"],
      ["Years", 3],
      ["Currency", "USD"],
    ],
  },
};

function renderPreview(input: WorkbookInput) {
  const analysis = analyzeWorkbook(input);
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("; "));
  render(<PreviewPanel model={analysis.model} results={analysis.results} />);
}

test("with actuals, the preview shows each measured year's estimate, actual and share, and the total to date", () => {
  renderPreview({
    ...BASE,
    actuals: {
      address: "A!A1:C4",
      values: [
        ["Element", "Year", "Actual"],
        ["Repairs", 1, 45000],
        ["Crews", 1, 25000],
        ["Repairs", 2, 90000],
      ],
    },
  });
  const table = screen.getByRole("table", { name: "Realization by year" });
  const rows = within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));
  // Year 1: 50000 + 20000 estimated, 45000 + 25000 actual, 100%. Year 2: 100000 against 90000, 90%.
  expect(rows).toEqual([
    ["Year 1", "$70,000", "$70,000", "100.0%"],
    ["Year 2", "$100,000", "$90,000", "90.0%"],
  ]);
  // To date: 160000 of 170000, 94.1%.
  expect(screen.getByText(/To date \$160,000 realized of \$170,000 estimated \(94\.1%\), over the 3 element-years measured/)).toBeTruthy();
});

test("without actuals (no range, or a header alone) the preview has no realization by year", () => {
  renderPreview(BASE);
  expect(screen.queryByRole("table", { name: "Realization by year" })).toBeNull();
  renderPreview({ ...BASE, actuals: { address: "A!A1:C1", values: [["Element", "Year", "Actual"]] } });
  expect(screen.queryByRole("table", { name: "Realization by year" })).toBeNull();
  expect(screen.getAllByLabelText("Results")).toHaveLength(2);
});
