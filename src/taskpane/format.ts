/**
 * Numbers as the task pane shows them: whole currency units, as the Value Summary does. A currency
 * code the browser does not know still shows, as `XYZ 1,200`.
 */
export function money(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(
      value,
    );
  } catch {
    return `${currency} ${Math.round(value).toLocaleString("en-US")}`;
  }
}

/** `542.2%`; `—` when there is no value (ROI without cost). */
export function percent(value: number | undefined): string {
  return value === undefined ? "—" : `${(value * 100).toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })}%`;
}

/** `4.7 months`; when the horizon is too short, says so instead of a number. */
export function months(value: number | undefined, years: number): string {
  if (value === undefined) return `not within ${years} ${years === 1 ? "year" : "years"}`;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} months`;
}

/** A share of a whole for bars and labels, 0 when the whole is 0. */
export function share(part: number, whole: number): number {
  return whole === 0 ? 0 : part / whole;
}
