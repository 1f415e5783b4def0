import { createFormulaCalculator } from "../../../../src/devtools/simulation/excel/calculation";
import {
  type CellValue,
  type ExcelSimulation,
  type SheetSeed,
  type SimulationSeed,
  createExcelSimulation,
} from "../../../../src/devtools/simulation/excel";

/** A simulation that calculates with the formula calculator. */
export function calculating(seed: SimulationSeed): ExcelSimulation {
  return createExcelSimulation(seed, { calculate: createFormulaCalculator() });
}

/** One sheet, `Data`, seeded with `rows` from A1 and `cells` by address. */
export function dataSheet(rows: SheetSeed["rows"] = [], cells: SheetSeed["cells"] = {}): SheetSeed {
  return { name: "Data", rows, cells };
}

/**
 * The value of `formula` as if it stood in cell Z100 of `Data` (well away from the data), asked
 * of the hook directly.
 */
export function calc(formula: string, seed: SimulationSeed = { sheets: [dataSheet()] }): CellValue | undefined {
  const simulation = createExcelSimulation(seed);
  return createFormulaCalculator()("Data", 99, 25, formula, simulation.document);
}

/** `Range.values` of a range, read through Office.js in the simulation. */
export async function valuesOf(simulation: ExcelSimulation, sheet: string, address: string): Promise<unknown[][]> {
  return simulation.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load("values");
    await context.sync();
    return range.values;
  });
}
