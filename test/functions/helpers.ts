/**
 * Ranges shaped as Excel hands them to a custom function (plain rows, header first; no address),
 * and a stand-in for the CustomFunctions runtime that jest lacks.
 */

export type Cell = string | number | boolean | null;
export type Grid = Cell[][];

export const VARIABLE_HEADER = ["Name", "Value", "Unit", "Low", "High"];
export const ELEMENT_HEADER = ["Element", "Formula", "Id", "Stakeholder", "Confidence", "Ramp", "Actual"];

export function variables(...rows: [name: string, value: Cell, low?: Cell, high?: Cell][]): Grid {
  return [VARIABLE_HEADER, ...rows.map(([name, value, low = "", high = ""]) => [name, value, "", low, high])];
}

export interface ElementRow {
  element: string;
  formula: Cell;
  id?: string;
  stakeholder?: string;
  confidence?: string;
  ramp?: Cell;
  actual?: Cell;
}

export function elements(...rows: ElementRow[]): Grid {
  return [
    ELEMENT_HEADER,
    ...rows.map((r) => [r.element, r.formula, r.id ?? "", r.stakeholder ?? "CFO", r.confidence ?? "", r.ramp ?? "", r.actual ?? ""]),
  ];
}

export function settings(values: Record<string, Cell>): Grid {
  return [["Setting", "Value"], ...Object.entries(values).map(([k, v]) => [k, v])];
}

/** A fresh deep copy, as Excel passes fresh arrays on every call. */
export function fresh(grid: Grid): Grid {
  return grid.map((row) => [...row]);
}

/** Textbook NPV: CF(0) undiscounted, CF(t) divided by (1+r)^t. */
export function textbookNpv(rate: number, cashFlows: readonly number[]): number {
  return cashFlows.reduce((sum, cf, t) => sum + cf / Math.pow(1 + rate, t), 0);
}

// ---------------------------------------------------------------------------------------------
// The runtime stand-in: the same shape as @types/custom-functions-runtime.

export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}

const ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
};

type Global = { CustomFunctions?: unknown };

export function installRuntime(): void {
  (globalThis as Global).CustomFunctions = { Error: StandInError, ErrorCode: ERROR_CODE, associate: () => undefined };
}

export function removeRuntime(): void {
  delete (globalThis as Global).CustomFunctions;
}

/** Runs a custom function that must fail; returns the error it threw, checked to be the runtime's. */
export function thrown(call: () => unknown): StandInError {
  try {
    call();
  } catch (caught) {
    if (caught instanceof StandInError) return caught;
    throw new Error(`expected a CustomFunctions.Error, got ${String(caught)}`);
  }
  throw new Error("expected the function to throw a CustomFunctions.Error, but it returned");
}
