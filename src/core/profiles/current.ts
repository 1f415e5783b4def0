import { readSettings } from "../model/read-settings";
import { readVariables } from "../model/read-variables";
import { nameRuleBroken } from "../model/names";
import { error, type Problem } from "../problems";
import { type CellAddress, parseRangeAddress } from "../workbook/address";
import { type CellValue, cellText, describeCell, isBlank, RANGE_NAMES, type RangeInput, type WorkbookInput } from "../workbook/cells";
import { readTable, type TableCell } from "../workbook/table";

/** A cell a profile saves and a switch writes, as the workbook holds it now. */
export interface CurrentCell {
  readonly cell: CellAddress;
  /** What the cell shows: a number, or whatever else a user left there. */
  readonly value: CellValue;
  /** The cell's formula (`=B2*2`) when it holds one: a switch never overwrites it. */
  readonly formula?: string;
}

/** A variable of `CVM_Variables` as the workbook holds it now. */
export interface CurrentVariable {
  readonly name: string;
  /** Its Value cell. */
  readonly cell: CellAddress;
  /** What the Value cell shows: a number, or whatever else a user left there. */
  readonly value: CellValue;
  /** The cell's formula (`=B2*2`) when it holds one: a switch never overwrites it. */
  readonly formula?: string;
  /** Its Low and High cells, when `CVM_Variables` has those columns. */
  readonly low?: CurrentCell;
  readonly high?: CurrentCell;
}

/** An element's Actual cell, when `CVM_Elements` has an Actual column. */
export interface CurrentElement {
  /** Its Id, else its name: how the profiles sheet's `<Element> Actual` column names it. */
  readonly key: string;
  readonly actual: CurrentCell;
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
  /** The elements whose Actual a profile keeps; absent when CVM_Elements has no Actual column (or was not read). */
  readonly elements?: readonly CurrentElement[];
  readonly problems: readonly Problem[];
  readonly customer?: CustomerCell;
}

/** Problems of `readVariables` that leave no variables to save or switch. */
const UNREADABLE = ["range-missing", "range-invalid", "range-no-header", "column-missing", "column-repeated"];
export const VALUE_NOT_NUMBER = "variable-value-not-number";
/** A Low, High or Actual that is no number: it stops a save (nothing could keep it), not a switch. */
const RANGE_NOT_NUMBER = ["variable-low-not-number", "variable-high-not-number", "element-actual-not-number"];

/**
 * Reads the variables' current values from `CVM_Variables` (through `readVariables`, so that the
 * rest of the model may have errors) and the Customer setting's cell from `CVM_Settings`.
 */
export function readCurrentValues(
  input: Pick<WorkbookInput, "variables" | "settings"> & Partial<Pick<WorkbookInput, "elements">>,
): CurrentValues {
  const read = readVariables(input.variables);
  const problems: Problem[] = read.problems.filter(
    (p) => p.severity === "error" && (UNREADABLE.includes(p.code) || p.code === VALUE_NOT_NUMBER || RANGE_NOT_NUMBER.includes(p.code)),
  );
  const variables: CurrentVariable[] = [];
  if (input.variables && !problems.some((p) => UNREADABLE.includes(p.code))) {
    const { table } = readTable(RANGE_NAMES.variables, input.variables, [
      { key: "name", header: "Name", required: true },
      { key: "value", header: "Value", required: true },
      { key: "low", header: "Low", required: false },
      { key: "high", header: "High", required: false },
    ] as const);
    for (const row of table?.rows ?? []) {
      const nameCell = row.cells.name!;
      const valueCell = row.cells.value!;
      const name = cellText(nameCell.value);
      // A row without a legal name is no variable (Check reports it); nothing of it is saved.
      if (name === "" || nameRuleBroken(name)) continue;
      const twin = variables.find((v) => v.name.toLowerCase() === name.toLowerCase());
      if (twin) {
        problems.push(
          error(
            "name-duplicate",
            RANGE_NAMES.variables,
            `The variable name "${name}" is used twice; a profile could not tell the two values apart. Rename one.`,
            nameCell.address,
          ),
        );
        continue;
      }
      const low = row.cells.low && currentCell(row.cells.low);
      const high = row.cells.high && currentCell(row.cells.high);
      variables.push({
        name,
        cell: valueCell.address,
        value: valueCell.value ?? "",
        ...(valueCell.formula ? { formula: valueCell.formula } : {}),
        ...(low ? { low } : {}),
        ...(high ? { high } : {}),
      });
    }
  }
  const elements = currentElements(input.elements, problems);
  const customer = customerCell(input.settings);
  return { variables, ...(elements ? { elements } : {}), problems, ...(customer ? { customer } : {}) };
}

function currentCell(cell: TableCell): CurrentCell {
  return { cell: cell.address, value: cell.value ?? "", ...(cell.formula ? { formula: cell.formula } : {}) };
}

/**
 * The Actual cells of `CVM_Elements`, each named by the element's Id, else its name. Elements
 * that share a name and have no Id cannot be told apart on the profiles sheet: their Actual is
 * neither saved nor switched. An Actual that is no number stops a save, at its cell.
 */
function currentElements(input: RangeInput | undefined, problems: Problem[]): CurrentElement[] | undefined {
  if (!input) return undefined;
  const { table } = readTable(RANGE_NAMES.elements, input, [
    { key: "element", header: "Element", required: true },
    { key: "id", header: "Id", required: false },
    { key: "actual", header: "Actual", required: false },
  ] as const);
  if (!table || table.columns.actual === undefined) return undefined;
  const found: CurrentElement[] = [];
  const keys = new Map<string, number>();
  for (const row of table.rows) {
    const actual = row.cells.actual;
    const id = cellText(row.cells.id?.value);
    const key = id !== "" && !nameRuleBroken(id) ? id : cellText(row.cells.element?.value).replace(/\s+/gu, " ");
    if (!actual || key === "") continue;
    const lower = key.toLowerCase();
    keys.set(lower, (keys.get(lower) ?? 0) + 1);
    if (!isBlank(actual.value) && typeof actual.value !== "number") {
      problems.push(
        error(
          "element-actual-not-number",
          RANGE_NAMES.elements,
          `The Actual of ${key} is ${describeCell(actual.value)}; a profile keeps numbers only. Enter a number, or clear the cell.`,
          actual.address,
        ),
      );
    }
    found.push({ key, actual: currentCell(actual) });
  }
  return found.filter((e) => keys.get(e.key.toLowerCase()) === 1);
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
  return current.problems.filter((p) => p.code !== VALUE_NOT_NUMBER && !RANGE_NOT_NUMBER.includes(p.code));
}
