/** What a built-in function is, and what it may ask of the calculation while it runs. */
import type { Expr } from "../ast";
import type { Value } from "../values";
import type { CellReader } from "../workbook";

export interface CallContext {
  /** Evaluates one argument. Functions ask only for the arguments they need (IF is lazy). */
  evaluate(expr: Expr): Value;
  readonly reader: CellReader;
}

export interface FunctionDefinition {
  readonly name: string;
  readonly minArgs: number;
  /** 255 means any number, Excel's limit. */
  readonly maxArgs: number;
  readonly call: (args: readonly Expr[], context: CallContext) => Value;
}

/** Excel's limit on the arguments of one call. */
export const ANY = 255;
