/**
 * Formula text to a checked expression tree, remembered by text: a sheet repeats the same few
 * formulas, and parsing is pure. Undefined for text Excel would not accept as a formula.
 */
import type { Expr } from "./ast";
import { argumentCountsValid } from "./functions";
import { parse } from "./parse";

/** Enough for every distinct formula of a large workbook; past it the memory starts afresh. */
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Expr | null>();

export function compile(text: string): Expr | undefined {
  const known = cache.get(text);
  if (known !== undefined) return known ?? undefined;
  const expr = parse(text);
  const checked = expr && argumentCountsValid(expr) ? expr : undefined;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, checked ?? null);
  return checked;
}
