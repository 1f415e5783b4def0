import { checkReferences } from "../core/model/references";
import { readVariables } from "../core/model/read-variables";
import type { Problem } from "../core/problems";
import { errorCellProblems } from "./error-cells";
import { type Grid, toRangeInput } from "./grid";
import { type ArgumentHeaders, headersOf } from "./location";

/** The variables alone, as CVM.EVAL sees them: no elements, no settings. */
export interface VariableScope {
  readonly problems: readonly Problem[];
  /** By lower-case name, as the formula language matches names. */
  readonly values: ReadonlyMap<string, number>;
  readonly headers: ArgumentHeaders;
}

export function readScope(variables: Grid): VariableScope {
  const read = readVariables(toRangeInput(variables, "variables"));
  // Duplicate names are only found when names are checked together; no elements take part.
  const references = checkReferences(read.variables, [], read.declared);
  const values = new Map(read.variables.map((v) => [v.name.toLowerCase(), v.value] as const));
  // Error cells first and in place of what the core made of their text, as for the whole model.
  const cells = errorCellProblems({ variables });
  const at = new Set(cells.map((p) => `${p.cell?.row}|${p.cell?.column}`));
  const rest = [...read.problems, ...references.problems].filter((p) => !p.cell || !at.has(`${p.cell.row}|${p.cell.column}`));
  return { problems: [...cells, ...rest], values, headers: headersOf({ variables }) };
}
