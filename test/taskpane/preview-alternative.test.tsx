/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../support/jsdom-browser";
import { render, screen, within } from "@testing-library/react";
import { analyzeWorkbook } from "../../src/core/model/analyze";
import type { CellValue } from "../../src/core/workbook/cells";
import { PreviewPanel } from "../../src/taskpane/panels/PreviewPanel";
import { alternativeInput } from "../fixtures/alternative-input";

/**
 * The Preview's next-best alternative (issue 16): the alternative's cost, the price difference and
 * the incentive, from the core, where the model names an alternative; nothing of it otherwise.
 */

// Repairs 200000 a year over 3 years: benefit 600000; the offering 60000 + 3 × 40000 = 180000.
function analysed(extra: CellValue[][]) {
  const analysis = analyzeWorkbook(alternativeInput(extra));
  if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
  return analysis;
}

test("the Preview shows the alternative by name, its cost, the price difference and the incentive", () => {
  const { model, results } = analysed([
    ["Alternative", "Manual patrols"],
    ["AlternativeAnnualCost", 120000],
  ]);
  render(<PreviewPanel model={model} results={results} />);
  const list = screen.getByLabelText("Against Manual patrols");
  expect(list.tagName).toBe("DL");
  expect(screen.getByRole("heading", { name: "Against Manual patrols" })).toBeTruthy();
  const values = within(list).getAllByRole("definition");
  const text = within(list)
    .getAllByRole("term")
    .map((term, i) => `${term.textContent}: ${values[i]!.textContent}`);
  // Alternative 3 × 120000 = 360000; price difference 180000 − 360000 = −180000; incentive 600000 + 180000.
  expect(text).toEqual(["Alternative's cost, 3 years: $360,000", "Price difference: -$180,000", "Incentive to purchase: $780,000"]);
});

test("a model without an alternative shows nothing of it", () => {
  const { model, results } = analysed([]);
  render(<PreviewPanel model={model} results={results} />);
  expect(screen.queryByText(/Incentive to purchase|Against current practice|Price difference/)).toBeNull();
});
