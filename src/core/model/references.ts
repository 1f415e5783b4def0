import { walkFormula } from "../formula/ast";
import { describeArity, FUNCTIONS } from "../formula";
import { error, type Problem } from "../problems";
import { RANGE_NAMES } from "../workbook/cells";
import type { Element, Variable } from "./types";

const VARIABLES = RANGE_NAMES.variables;
const ELEMENTS = RANGE_NAMES.elements;

export interface ReferenceCheck {
  readonly problems: Problem[];
  /** Elements in an order where each comes after every element its formula uses. */
  readonly order: readonly Element[];
}

/**
 * Checks what can only be checked once every name is known: names unique across variables and
 * element ids, every name and function in a formula known, functions given the right number of
 * arguments, and no element depending on itself through other elements.
 */
export function checkReferences(
  variables: readonly Variable[],
  elements: readonly Element[],
  declared: readonly string[],
  /** False when a range could not be read at all: then no name can be called unknown. */
  namesComplete = true,
): ReferenceCheck {
  const problems: Problem[] = [];
  const owners = new Map<string, string>();
  const byId = new Map<string, Element>();
  for (const variable of variables) {
    const key = variable.name.toLowerCase();
    if (owners.has(key)) {
      problems.push(error("name-duplicate", VARIABLES, `The name "${variable.name}" is already used by ${owners.get(key)}; names must be unique, ignoring case.`, variable.nameCell));
    } else owners.set(key, `the variable ${variable.name}`);
  }
  for (const element of elements) {
    if (element.id === undefined) continue;
    const key = element.id.toLowerCase();
    if (owners.has(key)) {
      problems.push(error("name-duplicate", ELEMENTS, `The id "${element.id}" is already used by ${owners.get(key)}; ids must be unique across variables and elements, ignoring case.`, element.idCell));
    } else {
      owners.set(key, `the element ${element.element}`);
      byId.set(key, element);
    }
  }
  const declaredKeys = new Set(declared.map((n) => n.toLowerCase()));
  const knownNames = [...variables.map((v) => v.name), ...elements.flatMap((e) => (e.id ? [e.id] : []))];

  const uses = new Map<Element, Element[]>();
  for (const element of elements) {
    const used: Element[] = [];
    const reported = new Set<string>();
    walkFormula(element.expr, (node) => {
      if (node.type === "name") {
        const key = node.name.toLowerCase();
        const target = byId.get(key);
        if (target) {
          if (!used.includes(target)) used.push(target);
        } else if (namesComplete && !owners.has(key) && !declaredKeys.has(key) && !reported.has(key)) {
          reported.add(key);
          problems.push(error("formula-unknown-name", ELEMENTS, unknownNameMessage(element, node.name, knownNames), element.formulaCell));
        }
      } else if (node.type === "call") {
        const fn = FUNCTIONS.get(node.name);
        if (!fn) {
          problems.push(error("formula-unknown-function", ELEMENTS, `The formula of "${element.element}" calls ${node.name}, a function the add-in does not know. Known functions: ${[...FUNCTIONS.keys()].join(", ")}.`, element.formulaCell));
        } else if (node.args.length < fn.minArgs || node.args.length > fn.maxArgs) {
          problems.push(error("formula-argument-count", ELEMENTS, `In the formula of "${element.element}", ${node.name} is given ${node.args.length} argument${node.args.length === 1 ? "" : "s"} but takes ${describeArity(fn)}.`, element.formulaCell));
        }
      }
    });
    uses.set(element, used);
  }

  const { order, cycles } = orderByDependency(elements, uses);
  for (const cycle of cycles) {
    const first = cycle[0]!;
    const path = [...cycle, first].map((e) => e.id ?? e.element).join(" → ");
    problems.push(error("element-cycle", ELEMENTS, `Elements use each other's values in a circle: ${path}. Break the circle so that each value can be computed.`, first.formulaCell));
  }
  return { problems, order };
}

/** Depth-first topological order, iterative; every cycle found is returned once, in its order. */
function orderByDependency(elements: readonly Element[], uses: Map<Element, Element[]>): { order: Element[]; cycles: Element[][] } {
  const state = new Map<Element, "visiting" | "done">();
  const order: Element[] = [];
  const cycles: Element[][] = [];
  for (const root of elements) {
    if (state.has(root)) continue;
    const path: Element[] = [];
    const stack: { element: Element; next: number }[] = [{ element: root, next: 0 }];
    state.set(root, "visiting");
    path.push(root);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const deps = uses.get(frame.element)!;
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!;
        const s = state.get(dep);
        if (s === undefined) {
          state.set(dep, "visiting");
          path.push(dep);
          stack.push({ element: dep, next: 0 });
        } else if (s === "visiting") {
          cycles.push(path.slice(path.indexOf(dep)));
        }
      } else {
        state.set(frame.element, "done");
        order.push(frame.element);
        path.pop();
        stack.pop();
      }
    }
  }
  return { order, cycles };
}

function unknownNameMessage(element: Element, name: string, known: readonly string[]): string {
  const near = closest(name, known);
  const hint = near ? ` Did you mean ${near}?` : " Add it to CVM_Variables, or give the element it means that Id.";
  return `The formula of "${element.element}" uses "${name}", which is neither a variable nor an element id.${hint}`;
}

/** The known name nearest to a misspelling, when one is near enough to be a likely typo. */
function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    const d = editDistance(lower, candidate.toLowerCase(), bestDistance);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance; `cap` when the lengths alone differ by at least that much. */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
