import { type FailureCode, isFailure, type MatrixCell, type Outcome } from "./outcome";

/**
 * The one place that touches the CustomFunctions runtime. In Excel `CustomFunctions` is a global
 * the runtime installs; elsewhere (jest, Node) it is absent, so the same code runs with a
 * stand-in error that carries the same code and message.
 */

const ERROR_CODE_KEYS: Readonly<Record<FailureCode, keyof typeof CustomFunctions.ErrorCode>> = {
  "#VALUE!": "invalidValue",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#DIV/0!": "divisionByZero",
  "#NULL!": "nullReference",
};

/** What is thrown where the runtime is absent. */
export class FunctionError extends Error {
  constructor(
    readonly code: FailureCode,
    message: string,
  ) {
    super(message);
  }
}

type Runtime = {
  Error: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  ErrorCode: typeof CustomFunctions.ErrorCode;
};

function runtime(): Runtime | undefined {
  const candidate = (globalThis as { CustomFunctions?: Partial<Runtime> }).CustomFunctions;
  return candidate?.Error && candidate.ErrorCode ? (candidate as Runtime) : undefined;
}

/**
 * Excel displays the message for #VALUE! and #N/A only; it is passed for every code all the same
 * (the runtime ignores it elsewhere), so that nothing is lost where the runtime is absent.
 */
export function excelError(code: FailureCode, message: string): CustomFunctions.Error | FunctionError {
  const cf = runtime();
  return cf ? new cf.Error(cf.ErrorCode[ERROR_CODE_KEYS[code]], message) : new FunctionError(code, message);
}

/** A scalar result for Excel: the value, or the error thrown as the documented mechanism. */
export function excelValue<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw excelError(outcome.failure.code, outcome.failure.message);
}

/** A dynamic array for Excel: a failing cell becomes an error in that cell alone. */
export function excelMatrix(
  outcome: Outcome<readonly (readonly MatrixCell[])[]>,
): (string | number | CustomFunctions.Error | FunctionError)[][] {
  return excelValue(outcome).map((row) => row.map((cell) => (isFailure(cell) ? excelError(cell.code, cell.message) : cell)));
}
