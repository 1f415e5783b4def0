import { type Expr, walkFormula } from "./ast";

/**
 * The names a formula uses, each once, in the order they first appear; a name written in
 * different cases counts once (names are case-insensitive) and keeps its first spelling.
 */
export function referencedNames(expr: Expr): string[] {
  const names = new Map<string, string>();
  walkFormula(expr, (node) => {
    if (node.type === "name") {
      const key = nameKey(node.name);
      if (!names.has(key)) names.set(key, node.name);
    }
  });
  return [...names.values()];
}

/** The functions a formula calls, upper-case, each once, outer calls before the calls in their arguments. */
export function calledFunctions(expr: Expr): string[] {
  const functions = new Set<string>();
  walkFormula(expr, (node) => {
    if (node.type === "call") functions.add(node.name.toUpperCase());
  });
  return [...functions];
}

/** The key under which two spellings of a name are the same name. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
