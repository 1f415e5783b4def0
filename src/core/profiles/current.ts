import { readSettings } from "../model/read-settings";
import { readVariables } from "../model/read-variables";
import { nameRuleBroken } from "../model/names";
import { error, type Problem } from "../problems";
import { type CellAddress, parseRangeAddress } from "../workbook/address";
import { type CellValue, cellText, RANGE_NAMES, type RangeInput, type WorkbookInput } from "../workbook/cells";
import { readTable } from "../workbook/table";

/** A variable of `CVM_Variables` as the workbook holds it now. */
export interface CurrentVariable {
  readonly name: string;
  /** Its Value cell. */
  readonly cell: CellAddress;
  /** What the Value cell shows: a number, or whatever else a user left there. */
  readonly value: CellValue;
  /** The cell's formula (`=B2*2`) when it holds one: a switch never overwrites it. */
  readonly formula?: string;
}

/** The Customer setting's value cell, when `CVM_Settings` has a Customer row. */
export interface CustomerCell {
  readonly cell: CellAddress;
  readonly value: string;
  readonly formula?: string;
}

/**
 * The values a profile saves and a switch replaces. `problems` are what stop saving, each at its
 * cell: `CVM_Variables` cannot be read, a name is used twice, or a value is no number (this last
 * one alone does not stop a switch, which may well be what repairs it).
 */
export interface CurrentValues {
  readonly variables: readonly CurrentVariable[];
  readonly problems: readonly Problem[];
  readonly customer?: CustomerCell;
}

/** Problems of `readVariables` that leave no variables to save or switch. */
const UNREADABLE = ["range-missing", "range-invalid", "range-no-header", "column-missing", "column-repeated"];
export const VALUE_NOT_NUMBER = "variable-value-not-number";

/**
 * Reads the variables' current values from `CVM_Variables` (through `readVariables`, so that the
 * rest of the model may have errors) and the Customer setting's cell from `CVM_Settings`.
 */
export function readCurrentValues(input: Pick<WorkbookInput, "variables" | "settings">): CurrentValues {
  const read = readVariables(input.variables);
  const problems: Problem[] = read.problems.filter((p) => p.severity === "error" && (UNREADABLE.includes(p.code) || p.code === VALUE_NOT_NUMBER));
  const variables: CurrentVariable[] = [];
  if (input.variables && !problems.some((p) => UNREADABLE.includes(p.code))) {
    const { table } = readTable(RANGE_NAMES.variables, input.variables, [
      { key: "name", header: "Name", required: true },
      { key: "value", header: "Value", required: true },
    ] as const);
    for (const row of table?.rows ?? []) {
      const nameCell = row.cells.name!;
      const valueCell = row.cells.value!;
      const name = cellText(nameCell.value);
      // A row without a legal name is no variable (Check reports it); nothing of it is saved.
      if (name === "" || nameRuleBroken(name)) continue;
      const twin = variables.find((v) => v.name.toLowerCase() === name.toLowerCase());
      if (twin) {
        problems.push(error("name-duplicate", RANGE_NAMES.variables, `The variable name "${name}" is used twice; a profile could not tell the two values apart. Rename one.`, nameCell.address));
        continue;
      }
      variables.push({ name, cell: valueCell.address, value: valueCell.value ?? "", ...(valueCell.formula ? { formula: valueCell.formula } : {}) });
    }
  }
  const customer = customerCell(input.settings);
  return { variables, problems, ...(customer ? { customer } : {}) };
}

function customerCell(input: RangeInput | undefined): CustomerCell | undefined {
  if (!input) return undefined;
  const { settings } = readSettings(input);
  const cell = settings.cells.customer;
  if (!cell) return undefined;
  const formula = formulaAt(input, cell);
  return { cell, value: settings.customer, ...(formula ? { formula } : {}) };
}

/** The formula a cell of the range holds, if any. */
function formulaAt(input: RangeInput, cell: CellAddress): string | undefined {
  const range = parseRangeAddress(input.address);
  const found = range && input.formulas?.[cell.row - range.top]?.[cell.column - range.left];
  return typeof found === "string" && found.startsWith("=") ? found : undefined;
}

/** Problems that stop a switch: everything but a value that is no number. */
export function switchBlockers(current: CurrentValues): readonly Problem[] {
  return current.problems.filter((p) => p.code !== VALUE_NOT_NUMBER);
}
