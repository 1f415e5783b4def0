/**
 * axe-core over the whole workbench page (grid, sheet tabs, formula bar and the task pane): no
 * serious or critical violation, with the sample and with an empty workbook, in both themes.
 */
import { expectAccessible } from "./axe";
import { expectNoErrors, selectCell, useWorkbench } from "./workbench";

const { openWorkbench } = useWorkbench();

describe("the workbench is accessible", () => {
  test("with the sample, a cell selected", async () => {
    const page = await openWorkbench();
    await selectCell(page, "B3");
    await expectAccessible(page);
    expectNoErrors(page);
  });

  test("with an empty workbook", async () => {
    const page = await openWorkbench({ workbook: "empty" });
    await expectAccessible(page);
    expectNoErrors(page);
  });

  test("in the dark theme", async () => {
    const page = await openWorkbench({ theme: "dark" });
    await expectAccessible(page);
    expectNoErrors(page);
  });
});
