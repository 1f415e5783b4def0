import { type CellAddress, columnLetters } from "./workbook/address";

/**
 * Something wrong with a model, located as precisely as we can: a cell when we know it, a named
 * range when the whole range is at fault. Errors stop a build; warnings are shown but do not.
 */
export interface Problem {
  readonly severity: "error" | "warning";
  /** Stable identifier of the rule, for tests and for filtering (e.g. `variable-name-reserved`). */
  readonly code: string;
  readonly message: string;
  /** The named range the problem belongs to (`CVM_Variables`, `CVM_Elements`, `CVM_Settings`). */
  readonly range: string;
  readonly cell?: CellAddress;
}

export function error(code: string, range: string, message: string, cell?: CellAddress): Problem {
  return cell ? { severity: "error", code, range, message, cell } : { severity: "error", code, range, message };
}

export function warning(code: string, range: string, message: string, cell?: CellAddress): Problem {
  return cell ? { severity: "warning", code, range, message, cell } : { severity: "warning", code, range, message };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}

/** Where a problem is, in words: `sheet "Inputs", row 7, column B (CVM_Variables)`. */
export function describeLocation(problem: Problem): string {
  const { cell } = problem;
  return cell ? `sheet "${cell.sheet}", row ${cell.row + 1}, column ${columnLetters(cell.column)} (${problem.range})` : problem.range;
}

/** The form the command line prints: `Error in sheet "Inputs", row 7, column B (CVM_Variables): …`. */
export function describeProblem(problem: Problem): string {
  return `${problem.severity === "error" ? "Error" : "Warning"} in ${describeLocation(problem)}: ${problem.message}`;
}
