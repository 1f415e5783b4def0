/** The built-in functions the calculator knows, by upper-case name. Any other function is #NAME?. */
import { type Expr, walk } from "../ast";
import { AGGREGATES } from "./aggregates";
import { CONDITIONAL } from "./conditional";
import { LOGICAL } from "./logical";
import { LOOKUP } from "./lookup";
import { MATH } from "./math";
import { TEXT } from "./text";
import type { FunctionDefinition } from "./types";

export type { CallContext, FunctionDefinition } from "./types";

export const FUNCTIONS: ReadonlyMap<string, FunctionDefinition> = new Map(
  [...AGGREGATES, ...CONDITIONAL, ...LOGICAL, ...LOOKUP, ...MATH, ...TEXT].map((f) => [f.name, f]),
);

/**
 * Whether every call of a known function has a number of arguments Excel accepts. Excel refuses
 * to enter a formula that breaks this, wherever the call sits, even in a branch never taken.
 */
export function argumentCountsValid(expr: Expr): boolean {
  let valid = true;
  walk(expr, (node) => {
    if (node.type !== "call") return;
    const definition = FUNCTIONS.get(node.name);
    if (definition && (node.args.length < definition.minArgs || node.args.length > definition.maxArgs)) valid = false;
  });
  return valid;
}
