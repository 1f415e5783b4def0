import type { Problem } from "../problems";

/**
 * Customer profiles: named sets of variable values kept in the workbook itself, on a hidden sheet
 * the add-in creates, so that they travel with the file and survive save and reopen.
 *
 * The sheet's layout (rows and columns 1-based, as a user who unhides it sees them):
 *   A1 `CVM_Profiles` (the marker: proof that the add-in made the sheet), B1 a sentence saying so;
 *   A2 `format`, B2 1; A3 `active`, B3 the active profile's name (empty when none);
 *   row 5 the headers `Customer`, `Saved`, then one column per variable name;
 *   rows 6.. one profile per row: its name, when it was saved (an Excel date-time), its values
 *   (numbers; an empty cell means the variable was not in the model when the profile was saved).
 * Format 2 (written once a profile is saved with ranges) adds, after the variables' columns, a
 * column `Saved with ranges` (`yes` for such a profile), then `<Variable> Low`, `<Variable> High`
 * and `<Element> Actual` (the element's Id, else its name).
 * In a profile saved with ranges an empty Low or High of a variable it has a value for, or an
 * empty Actual, means "none": a switch clears the cell. A profile saved without ranges (every
 * profile of format 1) has none: a switch leaves Low, High and Actual as they are.
 */
export const PROFILES_SHEET = "CVM_Profiles";
/** The format written when no profile holds ranges: exactly what add-ins before ranges wrote and read. */
export const PROFILES_FORMAT_VALUES_ONLY = 1;
export const PROFILES_FORMAT = 2;
export const RANGES_HEADER = "Saved with ranges";
export const RANGES_YES = "yes";
export const PROFILES_DESCRIPTION =
  "Customer profiles of the Customer Value Model add-in: each row below holds the variable values (and, when saved with ranges, their Low and High and the elements' Actual) saved for one customer. The add-in's task pane (Customers) manages this sheet.";
/** 0-based rows of the layout. */
export const FORMAT_ROW = 1;
export const ACTIVE_ROW = 2;
export const HEADER_ROW = 4;
export const FIRST_PROFILE_ROW = 5;
/** 0-based column of the first variable. */
export const FIRST_VARIABLE_COLUMN = 2;
export const CUSTOMER_HEADER = "Customer";
export const SAVED_HEADER = "Saved";
export const MAX_PROFILE_NAME_LENGTH = 100;

export interface SavedValue {
  /** The variable's name as the header row spells it. */
  readonly variable: string;
  readonly value: number;
}

/** Which cell of a variable or an element a range column keeps. */
export type RangeKind = "low" | "high" | "actual";
export const RANGE_WORD: Readonly<Record<RangeKind, string>> = { low: "Low", high: "High", actual: "Actual" };

/** A Low, High or Actual saved in a profile; `value` null: the cell was empty ("none"). */
export interface SavedRange {
  readonly kind: RangeKind;
  /** The variable's name, or the element's Id (else its name), as the header spells it. */
  readonly of: string;
  readonly value: number | null;
}

/** The header of a range column: `PipelineMiles Low`, `LeakRepairs Actual`. */
export function rangeHeader(kind: RangeKind, of: string): string {
  return `${of} ${RANGE_WORD[kind]}`;
}

/** A header's range column, if it is one: a variable name has no space, so its last word tells. */
export function parseRangeHeader(header: string): { readonly kind: RangeKind; readonly of: string } | undefined {
  const match = /^(.*\S)\s+(low|high|actual)$/i.exec(header.trim());
  return match ? { kind: match[2]!.toLowerCase() as RangeKind, of: match[1]!.replace(/\s+/gu, " ") } : undefined;
}

export interface Profile {
  readonly name: string;
  /** When it was saved: an Excel serial date-time (days since 1899-12-30). */
  readonly saved?: number;
  /** In the sheet's column order; only the variables that have a value. */
  readonly values: readonly SavedValue[];
  /**
   * Present when the profile was saved with ranges: the Low and High of each variable it has a
   * value for and the Actual of each element, as the model's cells held them (null: empty).
   * Absent for a profile saved without them: a switch then keeps Low, High and Actual.
   */
  readonly ranges?: readonly SavedRange[];
}

/** What the add-in's own profiles sheet holds. */
export interface ProfileStore {
  /** The sheet's name as the workbook spells it. */
  readonly sheet: string;
  /** The active profile's name as its row spells it; "" when none is active. */
  readonly active: string;
  /** The variable columns, in the sheet's order. */
  readonly variables: readonly string[];
  /** The range columns, in the sheet's order (absent: none). */
  readonly rangeColumns?: readonly { readonly kind: RangeKind; readonly of: string }[];
  readonly profiles: readonly Profile[];
  /**
   * The last used row and column (0-based) when the sheet was read, so that a rewrite clears
   * what the old table covered; undefined when the sheet holds nothing past the header block.
   */
  readonly extent?: { readonly bottom: number; readonly right: number };
}

/**
 * The profiles sheet as read: none yet; a sheet of the user's that happens to carry the name (the
 * add-in never writes it); or the add-in's own, with what a user who unhid and edited it got
 * wrong. An error among `problems` means the sheet cannot be rewritten without losing something,
 * so nothing is written until the user fixes the cell it names.
 */
export type ProfilesRead =
  | { readonly kind: "absent" }
  | { readonly kind: "foreign"; readonly sheet: string; readonly message: string }
  | { readonly kind: "ours"; readonly store: ProfileStore; readonly problems: readonly Problem[] };

/** Why nothing was written, in a sentence, with the problems (and their cells) behind it. */
export interface Refusal {
  readonly ok: false;
  readonly reason: "foreign" | "sheet-problems" | "name" | "values" | "missing" | "replace" | "customer" | "no-profile" | "changed";
  readonly message: string;
  readonly problems: readonly Problem[];
}

export function refusal(reason: Refusal["reason"], message: string, problems: readonly Problem[] = []): Refusal {
  return { ok: false, reason, message, problems };
}

/** Profile names and variable names match ignoring case, as Excel matches names. */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
