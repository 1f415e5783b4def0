import { errorCodeOf, type ErrorCode } from "../formula/values";

/**
 * A cell value exactly as Office.js `Range.values` returns it: numbers (dates and percentages
 * as their underlying number), text, booleans, and error cells as their text (`"#REF!"`).
 * Empty cells are `""`; `null` is accepted too, as other readers use it.
 */
export type CellValue = number | string | boolean | null;

/** The values of one named range, header row included, and where it lives. */
export interface RangeInput {
  /** As Office.js reports it: `Inputs!A1:F12`, `'Customer inputs'!A1:F12`, or `#REF!` when its sheet was deleted. */
  readonly address: string;
  readonly values: readonly (readonly CellValue[])[];
  /**
   * The same cells as Office.js `Range.formulas` returns them: a formula's text (`=Miles*2`)
   * where a cell holds a formula, its value otherwise. Optional: readers that lack it pass none.
   * The add-in needs it where a user typed an element's formula without a leading apostrophe,
   * so that Excel stored a real formula whose value is only its last result.
   */
  readonly formulas?: readonly (readonly CellValue[])[];
  /** The same cells' number formats (`0%`, `#,##0`), as Office.js `Range.numberFormat` returns them. Optional. */
  readonly numberFormats?: readonly (readonly string[])[];
}

/**
 * The named ranges of the contract. The first three are the model itself; the ones after are
 * optional additions, read the same way by both adapters (a new range is one more entry here).
 */
export const RANGE_NAMES = {
  variables: "CVM_Variables",
  elements: "CVM_Elements",
  settings: "CVM_Settings",
  /** Optional: who the value is for, with their objective and metric (the Value Map). */
  stakeholders: "CVM_Stakeholders",
  /** Optional: measured results per element and year (Element, Year, Actual, Source, Date). */
  actuals: "CVM_Actuals",
} as const;

/** The named ranges a workbook holds; a range the workbook does not define is absent. */
export type WorkbookInput = { readonly [K in keyof typeof RANGE_NAMES]?: RangeInput };

export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

export function cellErrorCode(value: CellValue | undefined): ErrorCode | undefined {
  return typeof value === "string" ? errorCodeOf(value) : undefined;
}

/** Text of a free-text cell: numbers and booleans as Excel shows them in General format. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}

/**
 * Text from the workbook, quoted for a message and cut after `max` characters: a cell may hold
 * 32,767 characters (a pasted file holds more), and a message must stay a sentence one can read.
 */
export function quoted(text: string, max = 60): string {
  if (text.length <= max) return `"${text}"`;
  // Never cut between the two halves of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `"${text.slice(0, end)}…" (${text.length.toLocaleString("en-US")} characters)`;
}

/** How a cell's content reads in a message: `the text "abc"`, `the error #REF!`, `an empty cell`. */
export function describeCell(value: CellValue | undefined): string {
  if (isBlank(value)) return "an empty cell";
  const code = cellErrorCode(value);
  if (code) return `the error ${code}`;
  if (typeof value === "boolean") return `the logical value ${value ? "TRUE" : "FALSE"}`;
  if (typeof value === "number") return `the number ${value}`;
  const text = String(value);
  return `the text "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}
