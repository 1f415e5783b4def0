import type { ProfilesSheetPlan, RangesPlan, SwitchPlan } from "../../core/profiles";
import { formatCell } from "../../core/workbook/address";
import { type CellValue, describeCell } from "../../core/workbook/cells";

/**
 * The words the Customers panel says about a customer's Low, High and Actual and about the
 * Customer setting a save sets: kept out of the component, which only lays them out.
 */

/** A value as the review shows it: numbers as written, anything else described. */
export function shown(value: CellValue): string {
  return typeof value === "number" ? value.toLocaleString("en-US", { maximumFractionDigits: 10 }) : describeCell(value);
}

const savedShown = (value: number | null) => (value === null ? "none" : shown(value));

/** What a switch does to Low, High and Actual, as review lines under their headings. */
export function rangeReview(ranges: RangesPlan | undefined): {
  readonly note?: string;
  readonly groups: readonly { readonly title: string; readonly label: string; readonly lines: readonly string[] }[];
} {
  if (!ranges) return { groups: [] };
  if (ranges.kept) {
    return {
      note: "This profile was saved before profiles kept Low, High and Actual: they stay as they are. Check them for this customer, then save the profile again to keep them with it.",
      groups: [],
    };
  }
  const groups = [
    {
      title: ranges.changes.length === 1 ? "1 Low, High or Actual changes:" : `${ranges.changes.length} Low, High and Actual cells change:`,
      label: "Changes: Low, High and Actual",
      lines: ranges.changes.map(
        (c) => `${c.name}: ${shown(c.from)} → ${c.to === null ? "none (cleared)" : shown(c.to)} (${formatCell(c.cell)})`,
      ),
    },
    {
      title: "Kept, because the cell holds a formula:",
      label: "Kept: formulas (Low, High and Actual)",
      lines: ranges.formulas.map((f) => `${f.name}: kept: its value is a formula (${f.formula}); the profile saved ${savedShown(f.saved)}`),
    },
    {
      title: "Ignored (the model has no cell for them):",
      label: "Ignored: Low, High and Actual",
      lines: ranges.ignored.map((r) => `${r.name}: ${savedShown(r.value)}`),
    },
  ].filter((g) => g.lines.length > 0);
  return {
    groups,
    ...(ranges.changes.length === 0 && ranges.formulas.length === 0 ? { note: "Low, High and Actual already hold the profile's." } : {}),
  };
}

/** The end of the sentence after a save: what the profile keeps besides the values, and the Customer setting. */
export function savedDetails(plan: ProfilesSheetPlan): string {
  const profile = plan.profiles.find((p) => p.name === plan.active);
  const ranges = profile?.ranges ? " It keeps the variables' Low and High and the elements' Actual too." : "";
  const customer = plan.customer;
  const said = !customer
    ? ""
    : customer.kind === "write"
      ? ` The Customer setting (${formatCell(customer.cell)}) is now ${customer.to}, so the next build is titled for this customer.`
      : ` The Customer setting (${formatCell(customer.cell)}) is a formula (${customer.formula}) and was kept.`;
  return `${ranges}${said}`;
}

/** After a switch: how many Low, High and Actual cells were written (inline), and whether they were kept (a sentence). */
export function switchedRanges(plan: SwitchPlan): { readonly written: string; readonly kept: string } {
  const written = plan.ranges?.changes.length ?? 0;
  return {
    written: written === 0 ? "" : ` and ${written} Low, High or Actual`,
    kept: plan.ranges?.kept ? " Low, High and Actual were kept: the profile was saved without them." : "",
  };
}
