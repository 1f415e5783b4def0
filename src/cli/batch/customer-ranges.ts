import type { XlsxCellFacts } from "../../adapters/xlsx/cells";
import type { ValueModel } from "../../core/model/types";
import { type Problem, warning } from "../../core/problems";
import type { CellAddress } from "../../core/workbook/address";
import { RANGE_NAMES } from "../../core/workbook/cells";
import { type BatchBase, type Bounds, type CustomerInput, customerBounds, isModelCustomer } from "./customer-model";

/**
 * A customer's Low, High and Actual in the batch: what the model's cells hold (one end of a range
 * without the other included, which the core's model leaves out), which of them are formulas,
 * and writing the customer's numbers into them, as the Values are written.
 */
export interface RangeCells {
  /** Per variable, the numbers of its Low and High cells. */
  readonly bounds: readonly Bounds[];
  /** Per variable: its Low cell, its High cell holds a formula. */
  readonly formulaLows: readonly boolean[];
  readonly formulaHighs: readonly boolean[];
  /** Per element: its Actual cell holds a formula. */
  readonly formulaActuals: readonly boolean[];
}

/**
 * Reads the model's Low, High and Actual cells. A formula there is replaced in each customer's
 * copy by the number the batch computes with (the CSV's, else its present value), as a formula
 * Value is, so that the workbook's scenarios agree with the core's; each is reported once.
 */
export function readRangeCells(
  model: ValueModel,
  cellAt: (address: CellAddress) => XlsxCellFacts,
): { readonly ranges: RangeCells; readonly warnings: readonly Problem[] } {
  const warnings: Problem[] = [];
  const isFormula = (address: CellAddress | undefined) => address !== undefined && cellAt(address).formula !== undefined;
  const bounds = model.variables.map((v): Bounds => {
    const low = v.lowCell && cellAt(v.lowCell).number;
    const high = v.highCell && cellAt(v.highCell).number;
    return { ...(low === undefined ? {} : { low }), ...(high === undefined ? {} : { high }) };
  });
  const formulaLows = model.variables.map((v) => isFormula(v.lowCell));
  const formulaHighs = model.variables.map((v) => isFormula(v.highCell));
  const formulaActuals = model.elements.map((e) => isFormula(e.actualCell));
  const told = (address: CellAddress, what: string, value: number | undefined, range: string) =>
    warnings.push(
      warning(
        "batch-formula-range",
        range,
        `The ${what} is a formula (=${cellAt(address).formula}). Each customer's workbook gets, in its place, the number the batch computes with: the CSV's, else ${value ?? "none"} as the model has it now, so that its scenarios agree with the batch's.`,
        address,
      ),
    );
  model.variables.forEach((v, i) => {
    if (formulaLows[i]) told(v.lowCell!, `Low of ${v.name}`, bounds[i]!.low, RANGE_NAMES.variables);
    if (formulaHighs[i]) told(v.highCell!, `High of ${v.name}`, bounds[i]!.high, RANGE_NAMES.variables);
  });
  model.elements.forEach((e, j) => {
    if (formulaActuals[j]) told(e.actualCell!, `Actual of ${e.id ?? e.element}`, e.actual, RANGE_NAMES.elements);
  });
  return { ranges: { bounds, formulaLows, formulaHighs, formulaActuals }, warnings };
}

/**
 * Writes the customer's Low, High and Actual where the CSV gives them or where the model has a
 * formula. An Actual the CSV does not give is the model's customer's result: another customer's
 * workbook gets the cell emptied (null), as the rows of CVM_Actuals that are not its own.
 */
export function writeCustomerRanges(
  ranges: RangeCells,
  base: BatchBase,
  input: CustomerInput,
  write: (address: CellAddress, value: number | null) => void,
): void {
  base.model.variables.forEach((v, i) => {
    const { low, high } = customerBounds(base, input, i);
    if (v.lowCell && low !== undefined && (input.lows?.[i] !== undefined || ranges.formulaLows[i])) write(v.lowCell, low);
    if (v.highCell && high !== undefined && (input.highs?.[i] !== undefined || ranges.formulaHighs[i])) write(v.highCell, high);
  });
  const own = isModelCustomer(base, input);
  base.model.elements.forEach((e, j) => {
    if (!e.actualCell) return;
    const given = input.actuals?.[j];
    if (given !== undefined) write(e.actualCell, given);
    else if (!own) {
      if (e.actual !== undefined || ranges.formulaActuals[j]) write(e.actualCell, null);
    } else if (e.actual !== undefined && ranges.formulaActuals[j]) write(e.actualCell, e.actual);
  });
}
