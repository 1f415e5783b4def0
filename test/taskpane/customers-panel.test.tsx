/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
import "../support/jsdom-browser";
import { act, configure, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { clearBuilds } from "../../src/app/build-events";
import { PROFILES_DESCRIPTION } from "../../src/core/profiles";
import { createExcelSimulation, type ExcelSimulation, type SheetSeed, type SimulationSeed } from "../../src/devtools/simulation/excel";
import { TaskPane } from "../../src/taskpane/TaskPane";
import { savedWhen } from "../../src/taskpane/panels/CustomersPanel";
import { sampleSeed as insertedSampleSeed } from "../../src/devtools/workbench/sample-seed";
import { hostOf } from "../adapters/excel/support";

/** The bundled sample as the workbench inserts it (through the Excel adapter), made once for the file. */
let SAMPLE_SEED: SimulationSeed;
beforeAll(async () => {
  SAMPLE_SEED = await insertedSampleSeed();
});
const sampleSeed = (): SimulationSeed => SAMPLE_SEED;

// Fluent's dialogs open with a transition during which the surface is still aria-hidden; with
// many suites in parallel a second can pass before it is done.
configure({ asyncUtilTimeout: 5000 });

/**
 * Waits until no dialog is left in the document, not only until none is visible: a closing
 * dialog is aria-hidden (so queryByRole misses it) while its exit transition still runs.
 */
function dialogGone(): Promise<void> {
  return waitFor(() => expect(document.querySelector('[role="dialog"], [role="alertdialog"]')).toBeNull());
}

/**
 * An open dialog, found by its accessible name, and the queries inside it, pass `hidden: true`:
 * in jsdom, on a loaded machine, Fluent's focus trap (tabster) can leave a dialog's portal marked
 * aria-hidden while focus moves in, and when one question closes and the next opens at once (the
 * replace question, then the Customer setting question) the closing dialog's trap can hide the
 * new one for longer than the wait (a CI run failed so). A real browser does not show this: the
 * browser test runs axe with a dialog open. Names tell the questions apart, so a closing dialog
 * is never taken for the one asked for.
 */
async function openDialog(name?: string): Promise<HTMLElement> {
  const dialog = await screen.findByRole("dialog", name === undefined ? { hidden: true } : { hidden: true, name });
  await waitFor(() => expect(within(dialog).queryAllByRole("button", { hidden: true }).length).toBeGreaterThan(0));
  return dialog;
}

/** Clicks a button once the pane is no longer busy with the workbook (a busy button ignores clicks). */
async function clickWhenReady(name: string): Promise<void> {
  const button = screen.getByRole("button", { name });
  await waitFor(() => expect(button.getAttribute("aria-disabled")).not.toBe("true"));
  await userEvent.click(button);
}

afterEach(() => clearBuilds());

/** 2026-11-23 09:30 UTC and 2026-11-24 14:00 UTC as Excel serials. */
const MONDAY = 36526 + 9497 + 326 + 9.5 / 24;
const TUESDAY = 36526 + 9497 + 327 + 14 / 24;

/**
 * The sample with a profiles sheet as the add-in writes it: Northwind holds the sample's own
 * PipelineMiles (1,200) and LeaksPerMile (0.012) and is active; Contoso holds 800 and 0.02.
 */
function sampleWithProfiles(active = "Northwind"): SimulationSeed {
  const seed = sampleSeed();
  const profiles: SheetSeed = {
    name: "CVM_Profiles",
    visibility: "Hidden",
    rows: [
      ["CVM_Profiles", PROFILES_DESCRIPTION],
      ["format", 1],
      ["active", active],
      [],
      ["Customer", "Saved", "PipelineMiles", "LeaksPerMile"],
      ["Northwind", { value: MONDAY, numberFormat: "yyyy-mm-dd hh:mm" }, 1200, 0.012],
      ["Contoso", { value: TUESDAY, numberFormat: "yyyy-mm-dd hh:mm" }, 800, 0.02],
    ],
  };
  return { ...seed, sheets: [...(seed.sheets ?? []), profiles] };
}

async function openCustomers(simulation: ExcelSimulation) {
  render(<TaskPane host={hostOf(simulation)} />);
  await userEvent.click(await screen.findByRole("tab", { name: "Customers" }));
  return screen.findByRole("heading", { name: "Customer profiles" });
}

/** Every stored cell of every sheet, to prove that nothing changed. */
function everyCell(simulation: ExcelSimulation): string {
  return JSON.stringify(simulation.document.sheetNames().map((name) => simulation.document.sheet(name)));
}

describe("the Customers panel", () => {
  test("sits between Preview and Build", async () => {
    render(<TaskPane host={hostOf(createExcelSimulation(sampleSeed()))} />);
    await screen.findByLabelText("Results");
    expect(screen.getAllByRole("tab").map((t) => t.getAttribute("value"))).toEqual(["start", "check", "preview", "customers", "build"]);
    expect(screen.getByRole("tab", { name: "Customers" })).toBeTruthy();
  });

  test("saves the current values under a name: the hidden sheet is created and the profile listed as active", async () => {
    const simulation = createExcelSimulation(sampleSeed());
    await openCustomers(simulation);
    expect(screen.getByText(/No profiles yet/)).toBeTruthy();
    const name = screen.getByRole("textbox", { name: /Profile name/ });
    // The name starts as the Customer setting.
    await waitFor(() => expect((name as HTMLInputElement).value).toBe("Northwind Midstream"));
    await userEvent.clear(name);
    await userEvent.type(name, "Northwind");
    await clickWhenReady("Save current values");
    // The Customer setting names no profile (none is active yet): whether it follows is asked.
    const question = await openDialog("Also set the Customer setting to Northwind?");
    expect(
      within(question)
        .getAllByRole("button", { hidden: true })
        .map((b) => b.textContent),
    ).toEqual(["Set it to Northwind", "Keep Northwind Midstream", "Cancel"]);
    await userEvent.click(within(question).getByRole("button", { hidden: true, name: "Set it to Northwind" }));

    // The sample has Low, High and Actual columns: the profile keeps them.
    await screen.findByText(
      "Saved Northwind: 17 values. It is the active profile. It keeps the variables' Low and High and the elements' Actual too. The Customer setting (Settings!B2) is now Northwind, so the next build is titled for this customer.",
    );
    expect(simulation.document.cell("Settings", "B2").value).toBe("Northwind");
    const list = await screen.findByRole("list", { name: "Saved profiles" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toMatch(/^Northwindactive/);
    expect(screen.getByText("The current values are saved as Northwind.")).toBeTruthy();
    expect(simulation.document.sheet("CVM_Profiles").visibility).toBe("Hidden");
    expect(simulation.document.cell("CVM_Profiles", "A6").value).toBe("Northwind");
    expect(simulation.document.activeSheet()).toBe("Variables");
  });

  test("an empty name is refused in the field; an existing name asks before replacing", async () => {
    const simulation = createExcelSimulation(sampleWithProfiles());
    await openCustomers(simulation);
    const name = screen.getByRole("textbox", { name: /Profile name/ });
    await userEvent.clear(name);
    await clickWhenReady("Save current values");
    expect(await screen.findByText("Enter a name for the profile, such as the customer's name.")).toBeTruthy();

    await userEvent.type(name, "contoso");
    await clickWhenReady("Save current values");
    const dialog = await openDialog("Replace the saved values of Contoso?");
    await userEvent.click(within(dialog).getByRole("button", { hidden: true, name: "Cancel" }));
    await dialogGone();
    expect(simulation.document.cell("CVM_Profiles", "C7").value).toBe(800);

    await clickWhenReady("Save current values");
    await userEvent.click(within(await openDialog()).getByRole("button", { hidden: true, name: "Replace" }));
    // The Customer setting (Northwind Midstream) names neither contoso nor the active Northwind: asked, and kept.
    await userEvent.click(
      within(await openDialog("Also set the Customer setting to contoso?")).getByRole("button", {
        hidden: true,
        name: "Keep Northwind Midstream",
      }),
    );
    await screen.findByText(/^Saved contoso: /);
    expect(simulation.document.cell("Settings", "B2").value).toBe("Northwind Midstream");
    expect(simulation.document.cell("CVM_Profiles", "A7").value).toBe("contoso");
    expect(simulation.document.cell("CVM_Profiles", "C7").value).toBe(1200);
  });

  test("lists the saved profiles with when they were saved and which is active", async () => {
    await openCustomers(createExcelSimulation(sampleWithProfiles()));
    const list = await screen.findByRole("list", { name: "Saved profiles" });
    expect(
      within(list)
        .getAllByRole("listitem")
        .map((li) => li.textContent),
    ).toEqual([
      "Northwindactive" + "Saved 2026-11-23 09:30 UTC · 2 values" + "SwitchDelete",
      "Contoso" + "Saved 2026-11-24 14:00 UTC · 2 values" + "SwitchDelete",
    ]);
    expect(savedWhen(MONDAY)).toBe("2026-11-23 09:30 UTC");
    expect(screen.getByText("The current values are saved as Northwind.")).toBeTruthy();
    expect(screen.getByText(/Profiles travel with the workbook/)).toBeTruthy();
  });

  test("switching with unsaved values asks first; Cancel changes nothing", async () => {
    const simulation = createExcelSimulation(sampleWithProfiles());
    await openCustomers(simulation);
    act(() => simulation.edit("Variables", "B2", "1500"));
    await screen.findByText("The current values are not saved: 1 variable differ from Northwind (PipelineMiles).", undefined, {
      timeout: 3000,
    });

    const before = everyCell(simulation);
    const syncs = simulation.syncs.length;
    await clickWhenReady("Switch to Contoso");
    const dialog = await openDialog("Unsaved values");
    expect(dialog.textContent).toContain(
      "The current values are not saved in any profile: 1 value and the Customer setting would be lost:",
    );
    expect(within(dialog).getByRole("list", { hidden: true, name: "Values that would be lost" }).textContent).toBe(
      "PipelineMiles: 1,500 (Variables!B2)" + "Customer: Northwind Midstream (Settings!B2)",
    );
    expect(
      within(dialog)
        .getAllByRole("button", { hidden: true })
        .map((b) => b.textContent),
    ).toEqual(["Save them first", "Switch anyway", "Cancel"]);

    await userEvent.click(within(dialog).getByRole("button", { hidden: true, name: "Cancel" }));
    await dialogGone();
    expect(everyCell(simulation)).toBe(before);
    // Asking only read.
    expect(
      simulation.syncs.slice(syncs).every((s) => s.operations.every((o) => o.action.startsWith("load") || o.action === "instantiate")),
    ).toBe(true);
  });

  test("Save them first opens the save flow instead of switching", async () => {
    const simulation = createExcelSimulation(sampleWithProfiles());
    await openCustomers(simulation);
    act(() => simulation.edit("Variables", "B2", "1500"));
    await screen.findByText(/^The current values are not saved/, undefined, { timeout: 3000 });
    await clickWhenReady("Switch to Contoso");
    await userEvent.click(within(await openDialog()).getByRole("button", { hidden: true, name: "Save them first" }));
    await dialogGone();
    expect(screen.getByText("Save the current values, then switch to Contoso again.")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("textbox", { name: /Profile name/ })));
    expect(simulation.document.cell("Variables", "B2").value).toBe(1500);
  });

  test("Switch anyway shows what changes; confirming writes it, and the Preview shows the new customer", async () => {
    const simulation = createExcelSimulation(sampleWithProfiles());
    await openCustomers(simulation);
    act(() => simulation.edit("Variables", "B2", "1500"));
    await screen.findByText(/^The current values are not saved/, undefined, { timeout: 3000 });
    await clickWhenReady("Switch to Contoso");
    await userEvent.click(within(await openDialog()).getByRole("button", { hidden: true, name: "Switch anyway" }));

    const review = await openDialog("Switch to Contoso?");
    expect(within(review).getByRole("list", { hidden: true, name: "Changes" }).textContent).toBe(
      "PipelineMiles: 1,500 → 800 (Variables!B2)" + "LeaksPerMile: 0.012 → 0.02 (Variables!B3)",
    );
    expect(review.textContent).toContain("Customer (Settings!B2): Northwind Midstream → Contoso.");
    expect(within(review).getByRole("list", { hidden: true, name: "Kept: not in the profile" }).textContent).toContain("WetShare: 0.35");
    expect(simulation.document.cell("Variables", "B2").value).toBe(1500);
    // Contoso was saved before profiles kept ranges (format 1): its Low, High and Actual stay, and the review says so.
    expect(review.textContent).toContain("This profile was saved before profiles kept Low, High and Actual: they stay as they are.");

    await userEvent.click(within(review).getByRole("button", { hidden: true, name: "Switch" }));
    await screen.findByText(
      "Switched to Contoso: 2 values written, and the Customer set to Contoso. Low, High and Actual were kept: the profile was saved without them. Build again so that the Value Summary's sensitivity and the Assumptions Log record this customer.",
    );
    expect(simulation.document.cell("Variables", "B2").value).toBe(800);
    expect(simulation.document.cell("Variables", "B3").value).toBe(0.02);
    expect(simulation.document.cell("Settings", "B2").value).toBe("Contoso");
    await waitFor(() => expect(screen.getByText("The current values are saved as Contoso.")).toBeTruthy());

    // The pane is hidden from assistive technology until the dialog has closed.
    await userEvent.click(await screen.findByRole("tab", { name: "Preview" }));
    expect(await screen.findByRole("heading", { name: "Value to Contoso" })).toBeTruthy();
  });

  test("with the values saved, a switch goes straight to the review, and Cancel there writes nothing", async () => {
    const simulation = createExcelSimulation(sampleWithProfiles());
    // The Customer setting names the active profile: nothing unsaved would be overwritten.
    act(() => simulation.edit("Settings", "B2", "Northwind"));
    await openCustomers(simulation);
    const before = everyCell(simulation);
    await userEvent.click(await screen.findByRole("button", { name: "Switch to Contoso" }));
    const review = await openDialog("Switch to Contoso?");
    await userEvent.click(within(review).getByRole("button", { hidden: true, name: "Cancel" }));
    await dialogGone();
    expect(everyCell(simulation)).toBe(before);
  });

  test("a profile is deleted after confirmation; the other profiles can be removed, keeping the active one", async () => {
    const seed = sampleWithProfiles();
    const sheets = (seed.sheets ?? []).map((s) =>
      s.name === "CVM_Profiles" ? { ...s, rows: [...(s.rows ?? []), ["Fabrikam", MONDAY, 1000, 0.01]] } : s,
    );
    const simulation = createExcelSimulation({ ...seed, sheets });
    await openCustomers(simulation);
    await userEvent.click(await screen.findByRole("button", { name: "Delete Fabrikam" }));
    const confirm = await openDialog("Delete the profile Fabrikam?");
    await userEvent.click(within(confirm).getByRole("button", { hidden: true, name: "Delete" }));
    await screen.findByText("Deleted the profile Fabrikam.");
    const list = screen.getByRole("list", { name: "Saved profiles" });
    await waitFor(() => expect(within(list).getAllByRole("listitem")).toHaveLength(2));

    await clickWhenReady("Remove the other profiles");
    const remove = await openDialog("Remove the other profiles?");
    expect(within(remove).getByRole("list", { hidden: true, name: "Profiles to remove" }).textContent).toBe("Contoso");
    await userEvent.click(within(remove).getByRole("button", { hidden: true, name: "Remove" }));
    await screen.findByText("Removed 1 profile; only Northwind stays in this workbook.");
    expect(simulation.document.formulas("CVM_Profiles", "A6:A7")).toEqual([["Northwind"], [""]]);
  });

  test("a sheet named CVM_Profiles of the user's own is reported and never written", async () => {
    const seed = sampleSeed();
    const simulation = createExcelSimulation({
      ...seed,
      sheets: [...(seed.sheets ?? []), { name: "CVM_Profiles", cells: { A1: { value: "My notes" } } }],
    });
    await openCustomers(simulation);
    expect(await screen.findByText(/that the add-in did not create/)).toBeTruthy();
    const save = screen.getByRole("button", { name: "Save current values" });
    expect(save.getAttribute("aria-disabled")).toBe("true");
    expect(simulation.document.sheet("CVM_Profiles").cells.map((c) => c.value)).toEqual(["My notes"]);
  });
});
