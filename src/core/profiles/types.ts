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
 */
export const PROFILES_SHEET = "CVM_Profiles";
export const PROFILES_FORMAT = 1;
export const PROFILES_DESCRIPTION =
  "Customer profiles of the Customer Value Model add-in: each row below holds the variable values saved for one customer. The add-in's task pane (Customers) manages this sheet.";
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

export interface Profile {
  readonly name: string;
  /** When it was saved: an Excel serial date-time (days since 1899-12-30). */
  readonly saved?: number;
  /** In the sheet's column order; only the variables that have a value. */
  readonly values: readonly SavedValue[];
}

/** What the add-in's own profiles sheet holds. */
export interface ProfileStore {
  /** The sheet's name as the workbook spells it. */
  readonly sheet: string;
  /** The active profile's name as its row spells it; "" when none is active. */
  readonly active: string;
  /** The variable columns, in the sheet's order. */
  readonly variables: readonly string[];
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
  readonly reason: "foreign" | "sheet-problems" | "name" | "values" | "missing" | "replace" | "no-profile" | "changed";
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
