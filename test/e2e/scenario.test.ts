/**
 * The product's main path in a real browser, as a sales engineer takes it in the workbench: a
 * variable typed wrong shows as a problem with its cell, clicking it selects that cell, fixing it
 * clears the check, and Build writes a Value Summary whose formulas compute, in the workbook, the
 * same results the core computes here in Node.
 */
import { analyzeWorkbook } from "../../src/core/model/analyze";
import { SUMMARY_SHEET } from "../../src/core/plan/summary";
import { PIPELINE_SAMPLE } from "../../src/sample/pipeline-model";
import { documentOf, expectNoErrors, gridCell, shownSheet, taskPane, typeIntoCell, useWorkbench, valueOf } from "./workbench";

const { openWorkbench } = useWorkbench();

/** The sample's results by the core, in this process: the yardstick for what the browser shows. */
function sampleTotals() {
  const analysis = analyzeWorkbook({
    variables: { address: "Variables!A1:G18", values: PIPELINE_SAMPLE.variables },
    elements: { address: "Elements!A1:I7", values: PIPELINE_SAMPLE.elements },
    settings: { address: "Settings!A1:B8", values: PIPELINE_SAMPLE.settings ?? [] },
  });
  if (!analysis.ok) throw new Error("the bundled sample has errors");
  return analysis.results.totals;
}

test("plant a problem in a variable, find it, fix it, build, and read the Value Summary back", async () => {
  const page = await openWorkbench();
  const pane = taskPane(page);

  // LeaksPerMile (Variables!B3) typed as a word instead of a number.
  await typeIntoCell(page, "B3", "lots");
  await pane.getByRole("tab", { name: /^Check/ }).click();
  const problem = pane.getByRole("list", { name: "Problems" }).getByRole("button", { name: /sheet "Variables", row 3, column B/ });
  await problem.waitFor();
  expect(await problem.innerText()).toMatch(/Variables!B3/);

  // Clicking the problem selects its cell in the workbook, and the grid shows it.
  await gridCell(page, "A1").click();
  await problem.click();
  await page.waitForFunction(() => window.cvmWorkbench?.simulation.document.selection() === "Variables!B3");
  expect(await gridCell(page, "B3").getAttribute("aria-selected")).toBe("true");

  // The fix is picked up without a rebuild or a click on Check.
  await typeIntoCell(page, "B3", "0.012");
  await pane.getByText("The model has no problems.").waitFor();

  await pane.getByRole("tab", { name: "Build" }).click();
  await pane.getByRole("button", { name: "Build value summary" }).click();
  await pane.getByText("Built.").waitFor({ timeout: 30_000 });
  expect(await pane.getByRole("status").last().innerText()).toMatch(/Value Summary: 6 elements over 5 years/);

  // The Value Summary is in the workbook, shown, and its named results compute what the core does.
  const workbook = await documentOf(page);
  expect(workbook.sheetNames).toEqual(expect.arrayContaining([SUMMARY_SHEET, "Assumptions Log"]));
  expect(workbook.activeSheet).toBe(SUMMARY_SHEET);
  await page.waitForFunction((sheet) => document.querySelector('[role="grid"]')?.getAttribute("data-sheet") === sheet, SUMMARY_SHEET);
  expect(await shownSheet(page)).toBe(SUMMARY_SHEET);

  const totals = sampleTotals();
  for (const [name, expected] of [
    ["CVM_TotalAnnualValue", totals.TotalAnnualValue],
    ["CVM_NPV", totals.NPV],
    ["CVM_ROI", totals.ROI],
    ["CVM_PaybackMonths", totals.PaybackMonths],
  ] as const) {
    const refersTo = workbook.names.find((n) => n.name === name)?.formula ?? "";
    const cell = /^='Value Summary'!\$([A-Z]+)\$(\d+)$/.exec(refersTo);
    expect(cell).not.toBeNull();
    const address = `${cell![1]}${cell![2]}`;
    // A live formula, not a pasted number; its value is the workbench's own calculation.
    expect(workbook.sheets[SUMMARY_SHEET]!.cells.find((c) => c.address === address)?.formula).toMatch(/^=/);
    const value = await valueOf(page, SUMMARY_SHEET, address);
    expect(typeof value).toBe("number");
    expect(Math.abs((value as number) - expected!)).toBeLessThanOrEqual(1e-9 * Math.abs(expected!));
  }
  expectNoErrors(page);
});

test("an empty workbook: the task pane inserts the sample on new sheets, and the preview shows its value", async () => {
  const page = await openWorkbench({ workbook: "empty" });
  const pane = taskPane(page);
  await pane.getByRole("button", { name: "Insert the sample model" }).click();
  await pane.getByText("Inserted.").waitFor();
  const workbook = await documentOf(page);
  expect(workbook.sheetNames).toEqual(["Sheet1", "Variables", "Elements", "Settings", "Stakeholders", "Actuals"]);
  await pane.getByRole("tab", { name: "Preview" }).click();
  const annual = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", maximumFractionDigits: 0 }).format(
    sampleTotals().TotalAnnualValue,
  );
  await pane.getByLabel("Results").getByText(annual).waitFor();
  expectNoErrors(page);
});

test("keyboard only: from the first tab to a finished build, and nothing overflows the pane's width", async () => {
  const page = await openWorkbench();
  const pane = taskPane(page);
  await pane.getByRole("tab").first().focus();
  // Tabs move with the arrow keys (one tab stop for the list), as in Office's own panes.
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowRight");
  expect(await pane.getByRole("tab", { name: "Build" }).evaluate((tab) => tab === document.activeElement)).toBe(true);
  await page.keyboard.press("Enter");
  // The tab panel itself takes focus first (its text can then be scrolled), then its first control.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tabpanel");
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Build value summary");
  await page.keyboard.press("Enter");
  await pane.getByText("Built.").waitFor({ timeout: 30_000 });

  // Readable at the pane's width: no panel is wider than the pane (no sideways scrolling).
  for (const step of ["Start", "Check", "Preview", "Customers", "Build"]) {
    await pane.getByRole("tab", { name: new RegExp(`^${step}`) }).click();
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect({ step, overflow }).toEqual({ step, overflow: 0 });
  }
  expectNoErrors(page);
});
