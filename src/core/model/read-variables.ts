import { error, type Problem, warning } from "../problems";
import { cellText, quoted, RANGE_NAMES, type RangeInput } from "../workbook/cells";
import { type ColumnSpec, readTable } from "../workbook/table";
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
    const nameCell = row.cells.name!;
    const valueCell = row.cells.value!;
    const name = cellText(nameCell.value);
    if (name === "") {
      problems.push(
        error("variable-name-missing", RANGE, "This variable has no name; give it one, or clear the whole row.", nameCell.address),
      );
      continue;
    }
    const broken = nameRuleBroken(name);
    if (broken) {
      problems.push(error("variable-name-illegal", RANGE, `The variable name ${quoted(name)} ${broken}.`, nameCell.address));
      continue;
    }
    declared.push(name);
    const value = readNumberCell(valueCell.value, `The value of ${name}`);
    if (!value.ok) {
      problems.push(error("variable-value-not-number", RANGE, value.message, valueCell.address));
      continue;
    }
    const lowCell = row.cells.low;
    const highCell = row.cells.high;
    const lowGiven = lowCell && cellText(lowCell.value) !== "";
    const highGiven = highCell && cellText(highCell.value) !== "";
    let range: Variable["range"];
    if (lowGiven || highGiven) {
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
      } else if (low.ok && high.ok) {
        if (low.value > high.value) {
          problems.push(
            error(
              "variable-range-reversed",
              RANGE,
              `The Low of ${name} (${low.value}) is greater than its High (${high.value}).`,
              lowCell!.address,
            ),
          );
        } else {
          range = { low: low.value, high: high.value, lowCell: lowCell!.address, highCell: highCell!.address };
          const outside = outsideRange(name, value.value, low.value, high.value, valueCell.address);
          if (outside) problems.push(outside);
        }
      }
    }
    variables.push({
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
    });
  }
  return { variables, declared, problems };
}
