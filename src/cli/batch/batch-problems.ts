import { columnLetters } from "../../core/workbook/address";

/**
 * A problem with the customers CSV, or with one customer's numbers, located by the CSV's line
 * (as a text editor and Excel number them) and column (as Excel letters them when it opens the
 * file). Errors stop the batch before anything is written; warnings are printed and do not.
 */
export interface BatchProblem {
  readonly severity: "error" | "warning";
  /** 1-based line of the file; absent for a problem with the whole file. */
  readonly line?: number;
  /** 0-based column. */
  readonly column?: number;
  /** The column's header as the file has it. */
  readonly header?: string;
  /** The customer the problem belongs to, when it is one customer's. */
  readonly customer?: string;
  readonly message: string;
}

/** `Error in customers.csv, line 4, column C (LeakReduction): …`, as the command line prints it. */
export function describeBatchProblem(problem: BatchProblem, file: string): string {
  let where = file;
  if (problem.line !== undefined) where += `, line ${problem.line}`;
  if (problem.column !== undefined) where += `, column ${columnLetters(problem.column)}${problem.header ? ` (${problem.header})` : ""}`;
  if (problem.customer !== undefined) where += ` (customer "${problem.customer}")`;
  return `${problem.severity === "error" ? "Error" : "Warning"} in ${where}: ${problem.message}`;
}

export const batchError = (message: string, at: Omit<BatchProblem, "severity" | "message"> = {}): BatchProblem => ({
  severity: "error",
  ...at,
  message,
});
export const batchWarning = (message: string, at: Omit<BatchProblem, "severity" | "message"> = {}): BatchProblem => ({
  severity: "warning",
  ...at,
  message,
});
