/**
 * The values a formula of the model's language produces, with Excel's meaning.
 * Errors are values, not exceptions: `1/0` yields `#DIV/0!`, which then flows through
 * arithmetic exactly as it does in a worksheet.
 */

export const ERROR_CODES = ["#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ExcelError {
  readonly kind: "error";
  readonly code: ErrorCode;
  /** Why the error arose, in a sentence for the user (e.g. "unknown name Miles"). */
  readonly detail?: string;
}

export type FormulaValue = number | string | boolean | ExcelError;

export function excelError(code: ErrorCode, detail?: string): ExcelError {
  return detail === undefined ? { kind: "error", code } : { kind: "error", code, detail };
}

export function isExcelError(value: unknown): value is ExcelError {
  return typeof value === "object" && value !== null && (value as ExcelError).kind === "error";
}

/** Office.js hands error cells over as their text (`"#REF!"`); this recognises that text. */
export function errorCodeOf(text: string): ErrorCode | undefined {
  const upper = text.trim().toUpperCase();
  return (ERROR_CODES as readonly string[]).includes(upper) ? (upper as ErrorCode) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Coercions with Excel's rules. Operators and functions share them so that `"3"*2`, `SUM("3",2)`
// and `IF("TRUE",…)` agree with a worksheet.

/** Text Excel reads as a number in arithmetic: optional spaces and sign, decimal or E notation, optional %. */
const NUMERIC_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?$/;

/** The number a text stands for in arithmetic (`" 2.5 "`, `"1e3"`, `"15%"`), or undefined. */
export function numberFromText(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMERIC_TEXT.test(trimmed)) return undefined;
  const percent = trimmed.endsWith("%");
  const value = Number(percent ? trimmed.slice(0, -1) : trimmed);
  const result = percent ? value / 100 : value;
  return Number.isFinite(result) ? result : undefined;
}

/** A value as arithmetic sees it: TRUE is 1, FALSE 0, numeric text its number, other text `#VALUE!`. */
export function toNumber(value: FormulaValue): number | ExcelError {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return numberFromText(value) ?? excelError("#VALUE!", `the text "${value}" is not a number`);
  return value;
}

/** A value as a condition sees it: a number is TRUE unless 0; only the texts TRUE and FALSE are accepted. */
export function toBoolean(value: FormulaValue): boolean | ExcelError {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const upper = value.toUpperCase();
    if (upper === "TRUE") return true;
    if (upper === "FALSE") return false;
    return excelError("#VALUE!", `the text "${value}" is neither TRUE nor FALSE`);
  }
  return value;
}

/** A value as `&` sees it. */
export function toText(value: FormulaValue): string | ExcelError {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return numberToText(value);
  return value;
}

/**
 * A number as Excel turns it into text (General format): at most 15 significant digits, so that
 * 0.1+0.2 reads "0.3"; E notation with a signed two-digit exponent for very large or small numbers.
 */
export function numberToText(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  const rounded = Number(value.toPrecision(15));
  if (rounded === 0) return "0";
  const plain = String(rounded);
  if (Math.abs(rounded) < 1e15 && !plain.includes("e")) return plain;
  const [mantissa = plain, exponent = "0"] = rounded.toExponential().split("e");
  const power = Number(exponent);
  return `${mantissa}E${power < 0 ? "-" : "+"}${String(Math.abs(power)).padStart(2, "0")}`;
}

/** Excel has no infinities, NaN or negative zero: a result that is not finite is `#NUM!`. */
export function numberResult(value: number, detail = "the result is too large or not defined"): number | ExcelError {
  if (!Number.isFinite(value)) return excelError("#NUM!", detail);
  return value === 0 ? 0 : value;
}
