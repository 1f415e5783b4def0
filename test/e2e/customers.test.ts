/**
 * Customer profiles in a real browser: save the sample's values as one customer, type another
 * customer's numbers into the grid and save them, switch back through the review dialog, and
 * the grid shows the first customer's values again. Everything fits a 320 px pane.
 */
import { expectAccessible } from "./axe";
import { documentOf, expectNoErrors, sheetOf, taskPane, typeIntoCell, useWorkbench, valueOf } from "./workbench";

const { openWorkbench } = useWorkbench();

test("save two customers, switch between them, and nothing overflows a 320 px pane", async () => {
  const page = await openWorkbench();
  const pane = taskPane(page);
  await pane.evaluate((el) => {
    (el as HTMLElement).style.width = "320px";
  });
  await pane.getByRole("tab", { name: "Customers" }).click();
  const name = pane.getByRole("textbox", { name: /Profile name/ });
  // The name field offers the Customer setting: the profile is named after the customer.
  expect(await name.inputValue()).toBe("Northwind Midstream");
  await pane.getByRole("button", { name: "Save current values" }).click();
  await pane.getByText("Saved Northwind Midstream: 17 values. It is the active profile.").waitFor();

  await typeIntoCell(page, "B2", "800");
  await pane.getByText(/^The current values are not saved: 1 variable differ from Northwind Midstream/).waitFor();
  await name.fill("Contoso");
  await pane.getByRole("button", { name: "Save current values" }).click();
  await pane.getByText(/^Saved Contoso: /).waitFor();
  // The Customer setting named the active profile: it follows the new name without a question.
  expect(await valueOf(page, "Settings", "B2")).toBe("Contoso");
  expect((await sheetOf(page, "CVM_Profiles")).visibility).toBe("Hidden");
  expect((await documentOf(page)).sheetNames).toContain("CVM_Profiles");

  // All five tabs are in sight (wrapping to a second row rather than scrolling one out of view),
  // and the panel never makes the pane scroll sideways.
  const tabs = await pane.getByRole("tablist", { name: "Steps" }).evaluate((list) => {
    const box = list.getBoundingClientRect();
    return {
      fits: list.scrollWidth <= list.clientWidth,
      outside: [...list.querySelectorAll("[role=tab]")]
        .filter((t) => t.getBoundingClientRect().left < box.left || t.getBoundingClientRect().right > box.right + 0.5)
        .map((t) => t.getAttribute("value")),
    };
  });
  expect(tabs).toEqual({ fits: true, outside: [] });
  expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);

  await page.getByRole("button", { name: "Switch to Northwind Midstream" }).click();
  const review = page.getByRole("dialog", { name: "Switch to Northwind Midstream?" });
  await review.waitFor();
  await expectAccessible(page);
  const dialogBox = await review.boundingBox();
  const viewport = page.viewportSize();
  expect(dialogBox && viewport && dialogBox.x >= 0 && dialogBox.x + dialogBox.width <= viewport.width).toBe(true);
  await review.getByText("PipelineMiles: 800 → 1,200 (Variables!B2)").waitFor();
  await review.getByRole("button", { name: "Switch" }).click();
  await pane
    .getByText(/^Switched to Northwind Midstream: 1 value written, and the Customer set to Northwind Midstream\. Build again/)
    .waitFor();
  expect(await valueOf(page, "Variables", "B2")).toBe(1200);
  expect(await valueOf(page, "Settings", "B2")).toBe("Northwind Midstream");
  expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);

  await pane.getByRole("tab", { name: "Preview" }).click();
  await pane.getByRole("heading", { name: "Value to Northwind Midstream" }).waitFor();
  expectNoErrors(page);
});
