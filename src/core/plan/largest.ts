/**
 * The largest of `of(item)` over the items, and never less than `atLeast`. A loop, not
 * `Math.max(...items.map(of))`: spreading passes every item as an argument, and a sheet of a
 * model with 10,000 elements has more cells than a call may take (RangeError: Maximum call stack size exceeded).
 */
export function largest<T>(items: Iterable<T>, of: (item: T) => number, atLeast = -Infinity): number {
  let most = atLeast;
  for (const item of items) {
    const n = of(item);
    if (n > most) most = n;
  }
  return most;
}
