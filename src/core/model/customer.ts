/** Customers match as the Customer setting is compared: trimmed and ignoring case. */
export function sameCustomer(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
