/**
 * The workbench in a real browser: the page the README's run command serves shows the sample in
 * the grid beside the real task pane, with the real office.js (the pinned @microsoft/office-js,
 * served by the workbench itself) present and ready outside Office, needs no network beyond
 * itself, reports no errors, and the user's edits in the grid reach the simulated workbook the
 * task pane works on.
 */
import {
  cellText,
  documentOf,
  expectNoErrors,
  gridCell,
  nameBox,
  formulaBar,
  selectCell,
  sheetTab,
  shownSheet,
  taskPane,
  typeIntoCell,
  useWorkbench,
  valueOf,
} from "./workbench";

const { openWorkbench } = useWorkbench();

describe("the workbench", () => {
  test("shows the sample's Variables sheet, formatted, beside the task pane, without errors or outside requests", async () => {
    const page = await openWorkbench();
    expect(await page.title()).toBe("Customer Value Model · workbench");
    expect(await shownSheet(page)).toBe("Variables");
    expect(await cellText(page, "A2")).toBe("PipelineMiles");
    expect(await cellText(page, "B2")).toBe("1,200");
    expect(await cellText(page, "B4")).toBe("35%");
    expect(await cellText(page, "B13")).toBe("2,500,000");
    for (const sheet of ["Variables", "Elements", "Settings"]) await sheetTab(page, sheet).waitFor();

    // The real task pane, in a column as wide as Excel's, with its own heading.
    const pane = taskPane(page);
    expect(await pane.getByRole("heading").count()).toBeGreaterThan(0);
    expect((await pane.boundingBox())?.width).toBe(350);
    // office.js from the workbench's own server, loaded before the page's scripts; outside Office
    // its Office.onReady resolves with host null, and Excel stays the simulation.
    expect(
      await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => new URL((s as HTMLScriptElement).src).pathname)),
    ).toEqual(expect.arrayContaining(["/office-js/office.js"]));
    expect(await page.locator("script[src]").first().getAttribute("src")).toBe("/office-js/office.js");
    expect(await page.evaluate(() => window.cvmWorkbench?.office)).toEqual({ library: "office.js", host: null });

    const workbook = await documentOf(page);
    expect(workbook.sheetNames).toEqual(expect.arrayContaining(["Variables", "Elements", "Settings"]));
    // The sample as the task pane inserts it: the contract's ranges are tables.
    expect(workbook.tables.map((t) => t.name)).toEqual([
      "CVM_Variables",
      "CVM_Elements",
      "CVM_Settings",
      "CVM_Stakeholders",
      "CVM_Actuals",
    ]);
    expectNoErrors(page);
  });

  test("typing into a cell changes the simulated workbook", async () => {
    const page = await openWorkbench();
    await typeIntoCell(page, "B2", "1500");
    expect(await valueOf(page, "Variables", "B2")).toBe(1500);
    expect(await cellText(page, "B2")).toBe("1,500");
    // Enter moved the selection down, in the workbook too.
    expect((await documentOf(page)).selection).toBe("Variables!B3");
    expect(await gridCell(page, "B3").getAttribute("aria-selected")).toBe("true");

    await selectCell(page, "B4");
    expect(await nameBox(page).inputValue()).toBe("B4");
    expect(await formulaBar(page).inputValue()).toBe("35%");
    await formulaBar(page).fill("40%");
    await formulaBar(page).press("Enter");
    await page.waitForFunction(() => window.cvmWorkbench?.simulation.document.value("Variables", "B4") === 0.4);
    expect(await cellText(page, "B4")).toBe("40%");
    expectNoErrors(page);
  });

  test("a range the add-in selects, on another sheet, is shown", async () => {
    const page = await openWorkbench();
    await page.evaluate(() =>
      window.cvmWorkbench!.simulation.run(async (context) => {
        context.workbook.worksheets.getItem("Elements").getRange("C4").select();
        await context.sync();
      }),
    );
    await page.waitForFunction(() => document.querySelector('[role="grid"]')?.getAttribute("data-sheet") === "Elements");
    expect(await gridCell(page, "C4").getAttribute("aria-selected")).toBe("true");
    expect(await sheetTab(page, "Elements").getAttribute("aria-selected")).toBe("true");
    expect(await nameBox(page).inputValue()).toBe("C4");
    expectNoErrors(page);
  });

  test("?workbook=empty starts from one empty sheet", async () => {
    const page = await openWorkbench({ workbook: "empty" });
    const workbook = await documentOf(page);
    expect(workbook.sheetNames).toEqual(["Sheet1"]);
    expect(workbook.sheets.Sheet1?.cells).toEqual([]);
    expect(await shownSheet(page)).toBe("Sheet1");
    expect(await taskPane(page).getByRole("heading").count()).toBeGreaterThan(0);
    expectNoErrors(page);
  });

  test("?theme=dark renders the task pane in the dark theme", async () => {
    const page = await openWorkbench({ theme: "dark" });
    const background = await taskPane(page).evaluate((element) => {
      // The pane's own root (its FluentProvider) paints its background.
      const root = element.firstElementChild as HTMLElement;
      return getComputedStyle(root).backgroundColor;
    });
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
    expect(r! + g! + b!).toBeLessThan(3 * 128);
    expectNoErrors(page);
  });
});
