/**
 * The workbooks the workbench starts from, as simulation seeds: the bundled sample, inserted as
 * the task pane inserts it (the starter plan applied through the Excel adapter, on an empty
 * simulated workbook), and an empty workbook. assets/sample/pipeline-leak-analytics.xlsx is the
 * same plan applied through the .xlsx adapter (a test compares the two).
 */
import { insertStarterModel } from "../../adapters/excel";
import { PIPELINE_STARTER } from "../../sample/pipeline-model";
import { type CellSeed, createExcelSimulation, type DocumentView, type SheetSeed, type SimulationSeed } from "../simulation/excel";
import { simulationHost } from "./host";

/** The bundled pipeline-leak analytics sample, as assets/sample/pipeline-leak-analytics.xlsx holds it. */
export async function sampleSeed(): Promise<SimulationSeed> {
  const simulation = createExcelSimulation(emptySeed());
  const inserted = await insertStarterModel(simulationHost(simulation), "sample", PIPELINE_STARTER);
  if (!inserted.ok) throw new Error(inserted.message);
  // The file holds the sample's sheets only: the new workbook's empty Sheet1 stays behind (the simulation deletes no sheets).
  return seedOfDocument(simulation.document, { leaveOut: ["Sheet1"] });
}

/** A new, empty workbook: one sheet, Sheet1 (the task pane then offers a starter model). */
export function emptySeed(): SimulationSeed {
  return { sheets: [{ name: "Sheet1" }] };
}

/**
 * A simulated workbook as a seed: a new simulation starts from what this one holds (cells,
 * formats, widths, names, tables, the active sheet), without its record of requests.
 */
export function seedOfDocument(document: DocumentView, options: { readonly leaveOut?: readonly string[] } = {}): SimulationSeed {
  const kept = document.sheetNames().filter((name) => !(options.leaveOut ?? []).includes(name));
  const sheets = kept.map((name): SheetSeed => {
    const sheet = document.sheet(name);
    const cells: Record<string, CellSeed> = {};
    for (const c of sheet.cells) {
      cells[c.address] = {
        ...(c.value !== undefined ? { value: c.value } : {}),
        ...(c.formula !== undefined ? { formula: c.formula } : {}),
        ...(c.numberFormat !== "General" ? { numberFormat: c.numberFormat } : {}),
        ...(Object.keys(c.format).length > 0 ? { format: c.format } : {}),
      };
    }
    return { name, visibility: sheet.visibility, cells, columnWidths: sheet.columnWidths, frozen: sheet.frozen };
  });
  const names = document
    .names()
    .map((n) => ({ name: n.name, formula: n.formula, ...(n.type ? { type: n.type } : {}), visible: n.visible, comment: n.comment }));
  const tables = document.tables().map((t) => ({ name: t.name, sheet: t.sheet, range: t.range, style: t.style, showTotals: t.showTotals }));
  const active = document.activeSheet();
  return { sheets, names, tables, ...(active && kept.includes(active) ? { activeSheet: active } : {}) };
}

export type WorkbookChoice = "sample" | "empty";

export async function seedFor(choice: WorkbookChoice): Promise<SimulationSeed> {
  return choice === "empty" ? emptySeed() : sampleSeed();
}
