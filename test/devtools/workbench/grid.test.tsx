/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The workbench's grid over the Excel simulation: what it shows (sheets, values through their
 * number formats, formats, widths, frozen panes, charts) and what the user's gestures do to the
 * simulated workbook (select, type, edit in the formula bar, switch sheets), and that it follows
 * what the add-in does (activating a sheet, selecting a range).
 */
import "../../support/jsdom-browser";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { type ExcelSimulation, type SimulationSeed, createExcelSimulation } from "../../../src/devtools/simulation/excel";
import { createFormulaCalculator } from "../../../src/devtools/simulation/excel/calculation";
import type { DrawLimits } from "../../../src/devtools/workbench/grid/sheet-view";
import { WorkbookView } from "../../../src/devtools/workbench/grid/WorkbookView";
import { sampleSeed as insertedSampleSeed } from "../../../src/devtools/workbench/sample-seed";

/** The bundled sample as the workbench inserts it (through the Excel adapter), made once for the file. */
let SAMPLE_SEED: SimulationSeed;
beforeAll(async () => {
  SAMPLE_SEED = await insertedSampleSeed();
});
const sampleSeed = (): SimulationSeed => SAMPLE_SEED;

function simulationOf(seed: SimulationSeed): ExcelSimulation {
  return createExcelSimulation(seed, { calculate: createFormulaCalculator() });
}

function renderGrid(simulation: ExcelSimulation, limits?: DrawLimits) {
  const user = userEvent.setup();
  render(<WorkbookView workbook={simulation} {...(limits ? { limits } : {})} />);
  return user;
}

const cell = (address: string): HTMLElement => {
  const found = screen.getByRole("grid").querySelector<HTMLElement>(`td[data-address="${address}"]`);
  if (!found) throw new Error(`no cell ${address} drawn`);
  return found;
};
const formulaBar = () => screen.getByRole("textbox", { name: /^Formula bar/ }) as HTMLInputElement;
const nameBox = () => screen.getByRole("textbox", { name: "Name box" }) as HTMLInputElement;

describe("the grid shows the workbook", () => {
  test("the sample's Variables sheet, with values through their number formats", () => {
    renderGrid(simulationOf(sampleSeed()));
    const grid = screen.getByRole("grid", { name: "Sheet Variables" });
    expect(within(grid).getByRole("columnheader", { name: "A" })).toBeTruthy();
    expect(within(grid).getByRole("rowheader", { name: "18" })).toBeTruthy();
    expect(cell("A2").textContent).toBe("PipelineMiles");
    expect(cell("B2").textContent).toBe("1,200");
    expect(cell("B3").textContent).toBe("0.012");
    expect(cell("B4").textContent).toBe("35%");
    expect(cell("B13").textContent).toBe("2,500,000");
    // Header row bold; numbers right-aligned, text left.
    expect(cell("A1").style.fontWeight).toBe("700");
    expect(cell("B2").style.textAlign).toBe("right");
    expect(cell("A2").style.textAlign).toBe("left");
    expect(cell("B2").getAttribute("role")).toBe("gridcell");
  });

  test("sheet tabs for the visible sheets only", () => {
    const seed: SimulationSeed = {
      sheets: [
        { name: "Inputs" },
        { name: "Secret", visibility: "Hidden" },
        { name: "CVM_Meta", visibility: "VeryHidden" },
        { name: "Out" },
      ],
    };
    renderGrid(simulationOf(seed));
    const tabList = within(screen.getByRole("tablist", { name: "Sheets" }));
    expect(tabList.getAllByRole("tab")).toEqual([tabList.getByRole("tab", { name: "Inputs" }), tabList.getByRole("tab", { name: "Out" })]);
    expect(tabList.getByRole("tab", { name: "Inputs" }).getAttribute("aria-selected")).toBe("true");
  });

  test("formulas show their calculated values, formats, widths in pixels and frozen panes", () => {
    const seed: SimulationSeed = {
      sheets: [
        {
          name: "Calc",
          cells: {
            A1: { value: "Title", format: { bold: true, italic: true, fontColor: "#1F4E5F", fill: "#E7EEF0", fontSize: 16 } },
            A2: 1200,
            B2: { numberFormat: '"$"#,##0;[Red]-"$"#,##0' },
            C2: { numberFormat: '"$"#,##0;[Red]-"$"#,##0', format: { horizontalAlignment: "Center", borderTop: "Continuous" } },
            E2: true,
          },
          columnWidths: { A: 120, B: 60 },
          frozen: { rows: 1, columns: 1 },
        },
      ],
    };
    const simulation = simulationOf(seed);
    // Formulas typed in are calculated (seeded formulas show the value they were seeded with).
    simulation.edit("Calc", "B2", "=A2*2");
    simulation.edit("Calc", "C2", "=-A2");
    simulation.edit("Calc", "D2", "=A2/0");
    renderGrid(simulation);
    expect(cell("B2").textContent).toBe("$2,400");
    expect(cell("C2").textContent).toBe("-$1,200");
    expect(cell("C2").style.color).not.toBe("");
    expect(cell("C2").style.textAlign).toBe("center");
    expect(cell("C2").style.borderTop).toContain("solid");
    expect(cell("D2").textContent).toBe("#DIV/0!");
    expect(cell("D2").style.textAlign).toBe("center");
    expect(cell("E2").textContent).toBe("TRUE");
    const a1 = cell("A1");
    expect(a1.style.fontStyle).toBe("italic");
    expect(a1.style.fontSize).toBe("16pt");
    expect(a1.style.backgroundColor).toBe("rgb(231, 238, 240)");
    const cols = screen.getByRole("grid").querySelectorAll("col");
    // The row-number column, then A (120 pt = 160 px), B (60 pt = 80 px), C (Excel's default 48 pt = 64 px).
    expect([...cols].slice(1, 4).map((c) => c.style.width)).toEqual(["160px", "80px", "64px"]);
    expect(a1.style.position).toBe("sticky");
    expect(cell("B1").style.position).toBe("sticky");
    expect(cell("A2").style.position).toBe("sticky");
    expect(cell("B2").style.position).toBe("");
  });

  test("draws the used range and a margin, not the whole sheet", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`Row ${i + 1}`, i]);
    renderGrid(simulationOf({ sheets: [{ name: "Big", rows }] }));
    const grid = screen.getByRole("grid");
    expect(grid.querySelectorAll("tbody tr").length).toBe(1005);
    expect(grid.querySelectorAll("thead th").length).toBe(1 + 12);
    expect(cell("B1000").textContent).toBe("999");
  });

  test("an empty sheet still shows 30 rows and 12 columns", () => {
    renderGrid(simulationOf({}));
    const grid = screen.getByRole("grid", { name: "Sheet Sheet1" });
    expect(grid.querySelectorAll("tbody tr").length).toBe(30);
    expect(grid.querySelectorAll("thead th").length).toBe(13);
  });

  test("charts are listed under the grid", async () => {
    const simulation = simulationOf({
      sheets: [
        {
          name: "S",
          rows: [
            ["a", 1],
            ["b", 2],
          ],
        },
      ],
    });
    renderGrid(simulation);
    await act(() =>
      simulation.run(async (context) => {
        const chart = context.workbook.worksheets
          .getItem("S")
          .charts.add("ColumnClustered", context.workbook.worksheets.getItem("S").getRange("B1:B2"), "Columns");
        chart.title.text = "Values";
        await context.sync();
      }),
    );
    expect(screen.getByRole("list", { name: "Charts on S" }).textContent).toBe("Chart: Values (ColumnClustered), series over S!B1:B2");
  });
});

describe("the user's gestures reach the workbook", () => {
  test("a click selects the cell in the workbook; the name box and formula bar show it", async () => {
    const simulation = simulationOf(sampleSeed());
    const user = renderGrid(simulation);
    await user.click(cell("B4"));
    expect(simulation.document.selection()).toBe("Variables!B4");
    expect(cell("B4").getAttribute("aria-selected")).toBe("true");
    expect(cell("B3").getAttribute("aria-selected")).toBe("false");
    expect(nameBox().value).toBe("B4");
    // A percentage shows as typed: 35%.
    expect(formulaBar().value).toBe("35%");
    expect(screen.getByRole("grid").getAttribute("aria-activedescendant")).toBe(cell("B4").id);
  });

  test("typing replaces the cell's content; Enter commits through simulation.edit and moves down", async () => {
    const simulation = simulationOf(sampleSeed());
    const changed: string[] = [];
    await simulation.run(async (context) => {
      context.workbook.worksheets.getItem("Variables").onChanged.add(async (event) => {
        changed.push(`${event.address} ${event.source}`);
      });
      await context.sync();
    });
    const user = renderGrid(simulation);
    await user.click(cell("B2"));
    await user.keyboard("1500");
    const editor = within(cell("B2")).getByRole("textbox", { name: "Edit cell B2" }) as HTMLInputElement;
    expect(editor.value).toBe("1500");
    expect(formulaBar().value).toBe("1500");
    await user.keyboard("{Enter}");
    expect(simulation.document.value("Variables", "B2")).toBe(1500);
    expect(cell("B2").textContent).toBe("1,500");
    expect(simulation.document.selection()).toBe("Variables!B3");
    await simulation.settled();
    expect(changed).toEqual(["B2 Local"]);
  });

  test("Escape cancels an edit; F2 edits the content in place; a formula calculates", async () => {
    const simulation = simulationOf({ sheets: [{ name: "S", rows: [[2, 3]] }] });
    const user = renderGrid(simulation);
    await user.click(cell("A1"));
    await user.keyboard("99{Escape}");
    expect(simulation.document.value("S", "A1")).toBe(2);
    expect(within(cell("A1")).queryByRole("textbox")).toBeNull();
    await user.click(cell("C1"));
    await user.keyboard("=A1*B1{Enter}");
    expect(simulation.document.cell("S", "C1").formula).toBe("=A1*B1");
    expect(cell("C1").textContent).toBe("6");
    await user.click(cell("C1"));
    expect(formulaBar().value).toBe("=A1*B1");
    await user.keyboard("{F2}");
    const editor = within(cell("C1")).getByRole("textbox") as HTMLInputElement;
    expect(editor.value).toBe("=A1*B1");
    await user.keyboard("+1{Enter}");
    expect(simulation.document.value("S", "C1")).toBe(7);
  });

  test("double-click edits in place", async () => {
    const simulation = simulationOf({ sheets: [{ name: "S", rows: [["old"]] }] });
    const user = renderGrid(simulation);
    await user.dblClick(cell("A1"));
    const editor = within(cell("A1")).getByRole("textbox") as HTMLInputElement;
    expect(editor.value).toBe("old");
    await user.clear(editor);
    await user.type(editor, "new{Enter}");
    expect(simulation.document.value("S", "A1")).toBe("new");
  });

  test("the formula bar edits the selected cell", async () => {
    const simulation = simulationOf({ sheets: [{ name: "S", rows: [[1]] }] });
    const user = renderGrid(simulation);
    await user.click(cell("A1"));
    await user.clear(formulaBar());
    await user.type(formulaBar(), "15%{Enter}");
    expect(simulation.document.value("S", "A1")).toBe(0.15);
    expect(cell("A1").textContent).toBe("15%");
  });

  test("Delete clears the cell; arrow keys move the selection", async () => {
    const simulation = simulationOf({
      sheets: [
        {
          name: "S",
          rows: [
            [1, 2],
            [3, 4],
          ],
        },
      ],
    });
    const user = renderGrid(simulation);
    await user.click(cell("A1"));
    await user.keyboard("{ArrowRight}");
    expect(simulation.document.selection()).toBe("S!B1");
    await user.keyboard("{ArrowDown}");
    expect(simulation.document.selection()).toBe("S!B2");
    await user.keyboard("{ArrowLeft}{ArrowUp}{ArrowUp}{ArrowLeft}");
    expect(simulation.document.selection()).toBe("S!A1");
    await user.keyboard("{Delete}");
    expect(simulation.document.value("S", "A1")).toBeUndefined();
  });

  test("the name box goes to a cell, drawing the grid out to it", async () => {
    const simulation = simulationOf({ sheets: [{ name: "S" }, { name: "T" }] });
    const user = renderGrid(simulation);
    await user.click(nameBox());
    await user.keyboard("C200{Enter}");
    expect(simulation.document.selection()).toBe("S!C200");
    expect(cell("C200").getAttribute("aria-selected")).toBe("true");
    await user.click(nameBox());
    await user.keyboard("T!B2{Enter}");
    expect(simulation.document.selection()).toBe("T!B2");
    expect(screen.getByRole("grid").getAttribute("aria-label")).toBe("Sheet T");
  });

  test("Ctrl+arrows jump to the edge of the data, as in Excel", async () => {
    const simulation = simulationOf({ sheets: [{ name: "S", rows: [[1], [2], [3], [null], [null], [6]] }] });
    const user = renderGrid(simulation);
    await user.click(cell("A1"));
    await user.keyboard("{Control>}{ArrowDown}{/Control}");
    expect(simulation.document.selection()).toBe("S!A3");
    await user.keyboard("{Control>}{ArrowDown}{/Control}");
    expect(simulation.document.selection()).toBe("S!A6");
    // Past the data: the last drawn row (A6 + 5 rows of margin, at least 30), not row 1,048,576.
    await user.keyboard("{Control>}{ArrowDown}{/Control}");
    expect(simulation.document.selection()).toBe("S!A30");
    await user.keyboard("{Control>}{ArrowUp}{/Control}");
    expect(simulation.document.selection()).toBe("S!A6");
    await user.keyboard("{Control>}{ArrowRight}{/Control}");
    expect(simulation.document.selection()).toBe("S!L6");
  });

  test("a cell far past the data is not drawn, but the formula bar shows and edits it", async () => {
    const simulation = simulationOf({ sheets: [{ name: "S", rows: [[1]] }] });
    simulation.edit("S", "XFD1048576", "far");
    // Small limits keep jsdom fast; the page draws up to 5,000 rows, 100 columns, 60,000 cells.
    const user = renderGrid(simulation, { maxRows: 100, maxColumns: 20, maxCells: 1000 });
    await user.click(nameBox());
    await user.keyboard("XFD1048576{Enter}");
    expect(simulation.document.selection()).toBe("S!XFD1048576");
    const grid = screen.getByRole("grid");
    expect(grid.querySelectorAll("tbody tr").length).toBe(50);
    expect(grid.querySelectorAll("thead th").length).toBe(21);
    expect(grid.getAttribute("aria-activedescendant")).toBeNull();
    expect(screen.getByText(/XFD1048576 is past the area drawn here/)).toBeTruthy();
    expect(formulaBar().value).toBe("far");
    grid.focus();
    await user.keyboard("x");
    expect(formulaBar().value).toBe("x");
    await user.keyboard("y{Enter}");
    expect(simulation.document.value("S", "XFD1048576")).toBe("xy");
    // Enter on the last row stays there.
    expect(simulation.document.selection()).toBe("S!XFD1048576");
    expect(screen.queryByRole("status")).toBeNull();
  });

  test("clicking a tab activates the sheet", async () => {
    const simulation = simulationOf(sampleSeed());
    const user = renderGrid(simulation);
    await user.click(screen.getByRole("tab", { name: "Settings" }));
    expect(simulation.document.activeSheet()).toBe("Settings");
    expect(screen.getByRole("grid", { name: "Sheet Settings" })).toBeTruthy();
    expect(cell("B2").textContent).toBe("Northwind Midstream");
    expect(cell("B7").textContent).toBe("$250,000");
  });
});

describe("the grid follows the add-in", () => {
  test("a sheet the add-in activates and a range it selects are shown and scrolled to", async () => {
    const simulation = simulationOf(sampleSeed());
    renderGrid(simulation);
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.getAttribute("data-address") ?? "?");
    };
    await act(() =>
      simulation.run(async (context) => {
        context.workbook.worksheets.getItem("Elements").getRange("C3:D4").select();
        await context.sync();
      }),
    );
    expect(screen.getByRole("grid", { name: "Sheet Elements" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Elements" }).getAttribute("aria-selected")).toBe("true");
    for (const address of ["C3", "D3", "C4", "D4"]) expect(cell(address).getAttribute("aria-selected")).toBe("true");
    expect(cell("E3").getAttribute("aria-selected")).toBe("false");
    expect(nameBox().value).toBe("C3:D4");
    expect(formulaBar().value).toBe(String(simulation.document.value("Elements", "C3")));
    expect(scrolled).toContain("C3");
  });

  test("values the add-in writes appear", async () => {
    const simulation = simulationOf(sampleSeed());
    renderGrid(simulation);
    await act(() =>
      simulation.run(async (context) => {
        const range = context.workbook.worksheets.getItem("Variables").getRange("H1:H2");
        range.values = [["Extra"], [0.5]];
        range.numberFormat = [["General"], ["0.0%"]];
        await context.sync();
      }),
    );
    expect(cell("H1").textContent).toBe("Extra");
    expect(cell("H2").textContent).toBe("50.0%");
  });

  test("an edit the workbook refuses is reported, and nothing changes", async () => {
    const simulation = simulationOf({ sheets: [{ name: "S", rows: [[1]] }] });
    const user = renderGrid(simulation);
    const edit = jest.spyOn(simulation, "edit").mockImplementation(() => {
      throw new Error("That formula has a problem");
    });
    await user.click(cell("A1"));
    await user.keyboard("=(");
    fireEvent.keyDown(within(cell("A1")).getByRole("textbox"), { key: "Enter" });
    expect(edit).toHaveBeenCalledWith("S", "A1", "=(");
    expect((await screen.findByRole("status")).textContent).toBe("That formula has a problem");
    expect(simulation.document.value("S", "A1")).toBe(1);
  });
});
