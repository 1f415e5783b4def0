/**
 * What a CVM function gives, before it meets Excel: a value, or the error Excel should show.
 * Kept as data so that the computation is testable without the CustomFunctions runtime.
 */

/** The errors a custom function can return; #NAME? and #REF! are input-only in Excel. */
export type FailureCode = "#VALUE!" | "#N/A" | "#NUM!" | "#DIV/0!" | "#NULL!";

export interface Failure {
  readonly kind: "failure";
  readonly code: FailureCode;
  /** Excel shows it for #VALUE! and #N/A only; it is kept for the others too, for tests and logs. */
  readonly message: string;
}

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly failure: Failure };

/** A cell of a 2-D result: one failing cell need not fail the whole array. */
export type MatrixCell = string | number | Failure;

export function ok<T>(value: T): Outcome<T> {
  return { ok: true, value };
}

export function failure(code: FailureCode, message: string): Failure {
  return { kind: "failure", code, message };
}

export function fail(code: FailureCode, message: string): Outcome<never> {
  return { ok: false, failure: failure(code, message) };
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && (value as Failure).kind === "failure";
}
