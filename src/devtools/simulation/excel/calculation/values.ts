/**
 * The values a worksheet formula works with, and Excel's coercions between them.
 *
 * A formula sees more kinds of value than a cell can hold: an empty cell (which is 0 to
 * arithmetic and "" to `&`, unlike the text ""), a reference to cells (which functions such as
 * SUM and ISBLANK treat differently from the values in them) and an array (`A1:A3*2`).
 */
import { numberFromText, numberToText } from "../../../../core/formula/values";
import type { Rect } from "../addresses";

export const ERROR_CODES = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorValue {
  readonly kind: "error";
  readonly code: ErrorCode;
}

/** An empty cell, or an omitted argument (`IF(x,,1)`). */
export interface Blank {
  readonly kind: "blank";
}

/** One value, as a single cell holds it. */
export type Scalar = number | string | boolean | ErrorValue | Blank;

/** A rectangle of values, row by row; never empty. Read-only: rows of empty cells may be one shared array. */
export type Grid = readonly (readonly Scalar[])[];

/** An array: `{1,2;3,4}`, or what arithmetic over ranges gives. */
export interface ArrayValue {
  readonly kind: "array";
  readonly rows: Grid;
}

/** Cells of one sheet. `sheet` is the sheet's name as the workbook spells it. */
export interface Reference {
  readonly kind: "reference";
  readonly sheet: string;
  readonly rect: Rect;
}

/** What evaluating any part of a formula gives. */
export type Value = Scalar | ArrayValue | Reference;

export const BLANK: Blank = Object.freeze({ kind: "blank" });

const ERRORS = new Map<ErrorCode, ErrorValue>(ERROR_CODES.map((code) => [code, Object.freeze({ kind: "error", code })]));

/** The one value of each error code, so errors compare with `===`. */
export function error(code: ErrorCode): ErrorValue {
  return ERRORS.get(code)!;
}

/** Office.js hands error cells over as their text: `"#N/A"` in a cell is the error, not text. */
export function errorCodeOf(text: string): ErrorCode | undefined {
  const upper = text.toUpperCase();
  return (ERROR_CODES as readonly string[]).includes(upper) ? (upper as ErrorCode) : undefined;
}

export function isError(value: unknown): value is ErrorValue {
  return typeof value === "object" && value !== null && (value as ErrorValue).kind === "error";
}

export function isBlank(value: unknown): value is Blank {
  return value === BLANK;
}

export function isReference(value: Value): value is Reference {
  return typeof value === "object" && value.kind === "reference";
}

export function arrayOf(rows: Grid): ArrayValue {
  return { kind: "array", rows };
}

/** Excel has no infinities, NaN or negative zero: a result that is not finite is #NUM!. */
export function numberResult(value: number): number | ErrorValue {
  if (!Number.isFinite(value)) return error("#NUM!");
  return value === 0 ? 0 : value;
}

// ---------------------------------------------------------------- coercions

/** A value as arithmetic sees it: empty is 0, TRUE 1, numeric text its number, other text #VALUE!. */
export function toNumber(value: Scalar): number | ErrorValue {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return numberFromText(value) ?? error("#VALUE!");
  return isBlank(value) ? 0 : value;
}

/** A value as `&` sees it: numbers in Excel's General format (15 significant digits). */
export function toText(value: Scalar): string | ErrorValue {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return numberToText(value);
  return isBlank(value) ? "" : value;
}

/** A value as a condition sees it: a number is TRUE unless 0; only the texts TRUE and FALSE are accepted. */
export function toBoolean(value: Scalar): boolean | ErrorValue {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const upper = value.toUpperCase();
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
    return error("#VALUE!");
  }
  return isBlank(value) ? false : value;
}

// ---------------------------------------------------------------- comparing

/**
 * Numbers equal to within the last bits, as Excel and LibreOffice compare them, so that
 * `0.1+0.2=0.3` is TRUE. 2^-48 relative, LibreOffice's rtl::math::approxEqual.
 */
export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  if (a === 0 || b === 0) return false;
  const difference = Math.abs(a - b);
  const tolerance = 2 ** -48;
  return difference < Math.abs(a) * tolerance && difference < Math.abs(b) * tolerance;
}

/** `a + b`, with a sum that cancels to within rounding noise made exactly 0, as spreadsheets do. */
export function approxAdd(a: number, b: number): number {
  if (((a < 0 && b > 0) || (a > 0 && b < 0)) && approxEqual(a, -b)) return 0;
  return a + b;
}

/** Excel sorts numbers before text before booleans; text case-insensitively. */
function typeRank(value: number | string | boolean): number {
  return typeof value === "number" ? 0 : typeof value === "string" ? 1 : 2;
}

export function compareTexts(a: string, b: string): number {
  const x = a.toUpperCase();
  const y = b.toUpperCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Orders two values as the comparison operators do: -1, 0 or 1, or the first error. An empty
 * cell takes the other side's type (0, "" or FALSE).
 */
export function compareValues(a: Scalar, b: Scalar): number | ErrorValue {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const left = isBlank(a) ? emptyLike(b) : a;
  const right = isBlank(b) ? emptyLike(left) : b;
  const rankDifference = typeRank(left) - typeRank(right);
  if (rankDifference !== 0) return Math.sign(rankDifference);
  if (typeof left === "number" && typeof right === "number") return approxEqual(left, right) ? 0 : left < right ? -1 : 1;
  if (typeof left === "string" && typeof right === "string") return compareTexts(left, right);
  return Number(left) - Number(right);
}

function emptyLike(other: Scalar): number | string | boolean {
  if (typeof other === "string") return "";
  if (typeof other === "boolean") return false;
  return 0;
}
