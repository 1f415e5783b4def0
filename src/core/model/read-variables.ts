import { error, type Problem, warning } from "../problems";
import { cellText, quoted, RANGE_NAMES, type RangeInput } from "../workbook/cells";
import { type ColumnSpec, readTable, type TableCell, type TableRow } from "../workbook/table";
import { nameRuleBroken } from "./names";
import { readNumberCell } from "./numbers";
import { outsideRange } from "./ranges";
import type { Variable } from "./types";

type Column = "name" | "value" | "unit" | "source" | "notes" | "low" | "high";
const COLUMNS: readonly ColumnSpec<Column>[] = [
  { key: "name", header: "Name", required: true },
  { key: "value", header: "Value", required: true },
  { key: "unit", header: "Unit", required: false },
  { key: "source", header: "Source", required: false },
  { key: "notes", header: "Notes", required: false },
  { key: "low", header: "Low", required: false },
  { key: "high", header: "High", required: false },
];

const RANGE = RANGE_NAMES.variables;

/** Reads `CVM_Variables`. Rows with problems are reported and left out; the others are kept. */
export interface VariablesRead {
  readonly variables: Variable[];
  /** Every well-formed name in the range, including rows left out for a bad value, so that
   * formulas using them are not also reported as using an unknown name. */
  readonly declared: string[];
  readonly problems: Problem[];
}

export function readVariables(input: RangeInput | undefined): VariablesRead {
  if (!input) {
    return {
      variables: [],
      declared: [],
      problems: [
        error(
          "range-missing",
          RANGE,
          `The workbook has no named range ${RANGE}. Add a table of customer variables (Name, Value, Unit, Source, Notes) and name it ${RANGE}.`,
        ),
      ],
    };
  }
  const { table, problems } = readTable(RANGE, input, COLUMNS);
  if (!table || problems.some((p) => p.code === "column-missing")) return { variables: [], declared: [], problems };

  const variables: Variable[] = [];
  const declared: string[] = [];
  for (const row of table.rows) {
    const read = readVariableRow(row, problems);
    if (read.declared) declared.push(read.declared);
    if (read.variable) variables.push(read.variable);
  }
  return { variables, declared, problems };
}

/** One row: its name once well formed (`declared`), and the variable once its value reads too. */
function readVariableRow(row: TableRow<Column>, problems: Problem[]): { declared?: string; variable?: Variable } {
  const nameCell = row.cells.name!;
  const valueCell = row.cells.value!;
  const name = cellText(nameCell.value);
  if (name === "") {
    problems.push(
      error("variable-name-missing", RANGE, "This variable has no name; give it one, or clear the whole row.", nameCell.address),
    );
    return {};
  }
  const broken = nameRuleBroken(name);
  if (broken) {
    problems.push(error("variable-name-illegal", RANGE, `The variable name ${quoted(name)} ${broken}.`, nameCell.address));
    return {};
  }
  const value = readNumberCell(valueCell.value, `The value of ${name}`);
  if (!value.ok) {
    problems.push(error("variable-value-not-number", RANGE, value.message, valueCell.address));
    return { declared: name };
  }
  const lowCell = row.cells.low;
  const highCell = row.cells.high;
  const range = readRange(name, value.value, valueCell, lowCell, highCell, problems);
  const variable: Variable = {
    name,
    value: value.value,
    unit: cellText(row.cells.unit?.value),
    source: cellText(row.cells.source?.value),
    notes: cellText(row.cells.notes?.value),
    ...(range ? { range } : {}),
    ...(lowCell ? { lowCell: lowCell.address } : {}),
    ...(highCell ? { highCell: highCell.address } : {}),
    valueCell: valueCell.address,
    ...(valueCell.numberFormat ? { numberFormat: valueCell.numberFormat } : {}),
    nameCell: nameCell.address,
  };
  return { declared: name, variable };
}

/**
 * A variable's Low and High, when both are given and in order. One end alone is a warning, a
 * reversed range an error, and a Value outside its range a warning (per-customer ranges).
 */
function readRange(
  name: string,
  value: number,
  valueCell: TableCell,
  lowCell: TableCell | undefined,
  highCell: TableCell | undefined,
  problems: Problem[],
): Variable["range"] {
  const lowGiven = lowCell && cellText(lowCell.value) !== "";
  const highGiven = highCell && cellText(highCell.value) !== "";
  if (!lowGiven && !highGiven) return undefined;
  const low = lowGiven ? readNumberCell(lowCell.value, `The Low of ${name}`) : undefined;
  const high = highGiven ? readNumberCell(highCell.value, `The High of ${name}`) : undefined;
  if (low && !low.ok) problems.push(error("variable-low-not-number", RANGE, low.message, lowCell!.address));
  if (high && !high.ok) problems.push(error("variable-high-not-number", RANGE, high.message, highCell!.address));
  if (!low || !high) {
    const missing = low ? (highCell ?? lowCell!) : (lowCell ?? highCell!);
    problems.push(
      warning(
        "variable-range-half",
        RANGE,
        `${name} has only one of Low and High; give both for sensitivity analysis, or neither.`,
        missing.address,
      ),
    );
    return undefined;
  }
  if (!low.ok || !high.ok) return undefined;
  if (low.value > high.value) {
    problems.push(
      error(
        "variable-range-reversed",
        RANGE,
        `The Low of ${name} (${low.value}) is greater than its High (${high.value}).`,
        lowCell!.address,
      ),
    );
    return undefined;
  }
  const outside = outsideRange(name, value, low.value, high.value, valueCell.address);
  if (outside) problems.push(outside);
  return { low: low.value, high: high.value, lowCell: lowCell!.address, highCell: highCell!.address };
}
