import { walkFormula } from "../formula/ast";
import { describeArity, FUNCTIONS } from "../formula";
import { shorten } from "../formula/tokenize";
import { error, type Problem } from "../problems";
import { looksLikeCellReference } from "../workbook/address";
import { quoted, RANGE_NAMES } from "../workbook/cells";
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
  const names = registerNames(variables, elements);
  const problems: Problem[] = [...names.problems];
  const declaredKeys = new Set(declared.map((n) => n.toLowerCase()));
  const knownNames = [...variables.map((v) => v.name), ...elements.flatMap((e) => (e.id ? [e.id] : []))];
  const isKnown = (key: string) => !namesComplete || names.owners.has(key) || declaredKeys.has(key);
  const suggest = suggester(knownNames);

  const uses = new Map<Element, Element[]>();
  for (const element of elements) uses.set(element, checkFormula(element, names.byId, isKnown, suggest, problems));

  const { order, cycles } = orderByDependency(elements, uses);
  for (const cycle of cycles) problems.push(cycleProblem(cycle));
  return { problems, order };
}

interface NameRegister {
  readonly problems: readonly Problem[];
  /** Every variable name and element id, lower case, with who owns it (for a message). */
  readonly owners: ReadonlyMap<string, string>;
  /** Elements by id, lower case. */
  readonly byId: ReadonlyMap<string, Element>;
}

/** Variable names and element ids share one namespace, as defined names do in Excel. */
function registerNames(variables: readonly Variable[], elements: readonly Element[]): NameRegister {
  const problems: Problem[] = [];
  const owners = new Map<string, string>();
  const byId = new Map<string, Element>();
  for (const variable of variables) {
    const key = variable.name.toLowerCase();
    if (owners.has(key)) {
      problems.push(
        error(
          "name-duplicate",
          VARIABLES,
          `The name "${variable.name}" is already used by ${owners.get(key)}; names must be unique, ignoring case.`,
          variable.nameCell,
        ),
      );
    } else owners.set(key, `the variable ${variable.name}`);
  }
  for (const element of elements) {
    if (element.id === undefined) continue;
    const key = element.id.toLowerCase();
    if (owners.has(key)) {
      problems.push(
        error(
          "name-duplicate",
          ELEMENTS,
          `The id "${element.id}" is already used by ${owners.get(key)}; ids must be unique across variables and elements, ignoring case.`,
          element.idCell,
        ),
      );
    } else {
      owners.set(key, `the element ${element.element.length > 60 ? quoted(element.element) : element.element}`);
      byId.set(key, element);
    }
  }
  return { problems, owners, byId };
}

/**
 * Checks one element's formula (unknown names, unknown functions, argument counts), adding to
 * `problems`, and returns the elements it uses, each once, in the order the formula names them.
 */
function checkFormula(
  element: Element,
  byId: ReadonlyMap<string, Element>,
  isKnown: (key: string) => boolean,
  suggest: (name: string) => string | undefined,
  problems: Problem[],
): Element[] {
  const used: Element[] = [];
  const usedSet = new Set<Element>();
  const reported = new Set<string>();
  walkFormula(element.expr, (node) => {
    if (node.type === "name") {
      const key = node.name.toLowerCase();
      const target = byId.get(key);
      if (target) {
        if (!usedSet.has(target)) {
          usedSet.add(target);
          used.push(target);
        }
      } else if (!isKnown(key) && !reported.has(key)) {
        reported.add(key);
        problems.push(
          error("formula-unknown-name", ELEMENTS, unknownNameMessage(element, node.name, suggest(node.name)), element.formulaCell),
        );
      }
    } else if (node.type === "call") {
      const problem = callProblem(element, node.name, node.args.length);
      if (problem) problems.push(problem);
    }
  });
  return used;
}

function callProblem(element: Element, name: string, argumentCount: number): Problem | undefined {
  const fn = FUNCTIONS.get(name);
  if (!fn) {
    return error(
      "formula-unknown-function",
      ELEMENTS,
      `The formula of ${quoted(element.element)} calls ${shorten(name)}, a function the add-in does not know. Known functions: ${[...FUNCTIONS.keys()].join(", ")}.`,
      element.formulaCell,
    );
  }
  if (argumentCount >= fn.minArgs && argumentCount <= fn.maxArgs) return undefined;
  return error(
    "formula-argument-count",
    ELEMENTS,
    `In the formula of ${quoted(element.element)}, ${name} is given ${argumentCount} argument${argumentCount === 1 ? "" : "s"} but takes ${describeArity(fn)}.`,
    element.formulaCell,
  );
}

function cycleProblem(cycle: readonly Element[]): Problem {
  const first = cycle[0]!;
  const names = [...cycle, first].map((e) => e.id ?? quoted(e.element));
  // A circle through thousands of elements is named by its ends, not spelled out in full.
  const path =
    names.length > 12
      ? [...names.slice(0, 6), `… (${(names.length - 9).toLocaleString("en-US")} more) …`, ...names.slice(-3)].join(" → ")
      : names.join(" → ");
  const size = names.length > 12 ? ` (${cycle.length.toLocaleString("en-US")} elements)` : "";
  return error(
    "element-cycle",
    ELEMENTS,
    `Elements use each other's values in a circle: ${path}${size}. Break the circle so that each value can be computed.`,
    first.formulaCell,
  );
}

/**
 * Depth-first topological order, iterative. One cycle is returned, in its order, for each group
 * of elements that reach one another (a strongly connected component): elements that all use one
 * another hold a circle for every pair of them (half a million for 1,000 elements), and the first
 * one found, broken, is what the user needs to see first.
 */
function orderByDependency(elements: readonly Element[], uses: Map<Element, Element[]>): { order: Element[]; cycles: Element[][] } {
  const state = new Map<Element, "visiting" | "done">();
  const order: Element[] = [];
  const cycles: Element[][] = [];
  const component = components(elements, uses);
  const reported = new Set<number>();
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
        } else if (s === "visiting" && !reported.has(component.get(dep)!)) {
          // Every element of the cycle is in dep's component.
          reported.add(component.get(dep)!);
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

/** Tarjan's strongly connected components, iterative (a chain of elements can be 10,000 long): each element's component number. */
function components(elements: readonly Element[], uses: Map<Element, Element[]>): Map<Element, number> {
  const index = new Map<Element, number>();
  const low = new Map<Element, number>();
  const stack: Element[] = [];
  const onStack = new Set<Element>();
  const component = new Map<Element, number>();
  let nextIndex = 0;
  let count = 0;
  const visit = (element: Element) => {
    index.set(element, nextIndex);
    low.set(element, nextIndex);
    nextIndex += 1;
    stack.push(element);
    onStack.add(element);
  };
  for (const root of elements) {
    if (index.has(root)) continue;
    visit(root);
    const work: { element: Element; next: number }[] = [{ element: root, next: 0 }];
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const deps = uses.get(frame.element)!;
      if (frame.next < deps.length) {
        const dep = deps[frame.next++]!;
        if (!index.has(dep)) {
          visit(dep);
          work.push({ element: dep, next: 0 });
        } else if (onStack.has(dep)) {
          low.set(frame.element, Math.min(low.get(frame.element)!, index.get(dep)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.element, Math.min(low.get(parent.element)!, low.get(frame.element)!));
      if (low.get(frame.element) === index.get(frame.element)) {
        let member: Element;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, count);
        } while (member !== frame.element);
        count += 1;
      }
    }
  }
  return component;
}

function unknownNameMessage(element: Element, name: string, near: string | undefined): string {
  if (looksLikeCellReference(name)) {
    // No variable can be named B2, so "add it to CVM_Variables" would send the user nowhere.
    return `The formula of ${quoted(element.element)} uses ${quoted(name)}, a cell reference: formulas here use the names of variables and element ids, not cells. Enter the number as a variable in CVM_Variables and use its name.`;
  }
  const hint = near ? ` Did you mean ${near}?` : " Add it to CVM_Variables, or give the element it means that Id.";
  return `The formula of ${quoted(element.element)} uses ${quoted(name)}, which is neither a variable nor an element id.${hint}`;
}

/**
 * Work (cells of the distance table) that the suggestions of one model may take. Comparing every
 * unknown name with every known name is quadratic: 2,000 misspellings against 2,000 variables
 * took two minutes. Past this budget, about a tenth of a second, unknown names are still reported,
 * only without a "Did you mean".
 */
export const SUGGESTION_BUDGET = 20_000_000;

/** For each unknown name, the known name nearest to it when one is near enough to be a likely typo; each name is looked up once. */
function suggester(known: readonly string[], budget = SUGGESTION_BUDGET): (name: string) => string | undefined {
  const lowered = known.map((k) => k.toLowerCase());
  const found = new Map<string, string | undefined>();
  const work = { left: budget };
  return (name) => {
    const lower = name.toLowerCase();
    if (found.has(lower)) return found.get(lower);
    let best: string | undefined;
    let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
    for (let i = 0; i < known.length && work.left > 0; i++) {
      const d = editDistance(lower, lowered[i]!, bestDistance, work);
      if (d < bestDistance) {
        best = known[i];
        bestDistance = d;
      }
    }
    // Cut short by the budget, the nearest so far may not be the nearest: better no suggestion.
    const suggestion = work.left > 0 ? best : undefined;
    found.set(lower, suggestion);
    return suggestion;
  };
}

/**
 * Levenshtein distance, or `cap` as soon as it is certain to be at least `cap` (the lengths alone
 * differ by that much, or a whole row of the table reaches it). `work.left` is charged the cells computed.
 */
export function editDistance(a: string, b: string, cap = Number.POSITIVE_INFINITY, work?: { left: number }): number {
  if (Math.abs(a.length - b.length) >= cap) return cap;
  let previous = new Int32Array(b.length + 1);
  let current = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const char = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      let d = previous[j - 1]! + (char === b.charCodeAt(j - 1) ? 0 : 1);
      if (previous[j]! + 1 < d) d = previous[j]! + 1;
      if (current[j - 1]! + 1 < d) d = current[j - 1]! + 1;
      current[j] = d;
      if (d < rowMinimum) rowMinimum = d;
    }
    if (work) work.left -= b.length;
    // Distances never shrink from one row to the next.
    if (rowMinimum >= cap) return cap;
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
