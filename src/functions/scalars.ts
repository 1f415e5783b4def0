import { cellText, describeCell } from "../core/workbook/cells";
import { fail, ok, type Outcome } from "./outcome";
import { sanitizeCell } from "./grid";

/**
 * The longest horizon the contract allows. ELEMENTVALUE and TOTAL take no settings, so they cannot know
 * the model's Years; a ramp defines every year (its last entry repeats), so any year of a
 * possible horizon has a value.
 */
export const MAX_YEAR = 30;

/** An optional year: Excel passes null when it is omitted, code may pass undefined. */
export function readYear(year: unknown): Outcome<number | undefined> {
  if (year === null || year === undefined) return ok(undefined);
  if (typeof year !== "number")
    return fail("#VALUE!", `The year must be a number from 1 to ${MAX_YEAR}, not ${describeCell(sanitizeCell(year))}.`);
  if (!Number.isInteger(year) || year < 1 || year > MAX_YEAR)
    return fail("#NUM!", `The year must be a whole number from 1 to ${MAX_YEAR}, not ${year}.`);
  return ok(year);
}

/** A text argument as the user sees it in a cell: a number or TRUE is matched as its text. */
export function readText(value: unknown): string {
  return cellText(sanitizeCell(value));
}
