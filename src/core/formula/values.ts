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

/**
 * Text read as a number in arithmetic, as Excel reads it in en-US: optional spaces and sign,
 * decimal or E notation, optional %. 15 significant digits, as for a typed number.
 */
const NUMERIC_TEXT = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(%?)$/;

/**
 * Text Excel also reads as a number, by its regional settings: thousands separators (`"1,000"` is
 * 1000 in en-US and 1 where the comma is the decimal separator), dates and times (`"1/2"`,
 * `"12:30"`, `"2-15"`), fractions, money (`"$5"`), negatives in parentheses. The written workbook
 * would compute a number that depends on the reader's settings; the core refuses these, saying so.
 */
const OTHER_NUMERIC_TEXT = /^[+-]?[($€£¥]*\s*[\d.,]+(?:[\s/:\-.,]\d+)*\s*(?:[ap]m?)?\)?%?$/i;

/** The number a text stands for in arithmetic (`" 2.5 "`, `"1e3"`, `"15%"`), or undefined. */
export function numberFromText(text: string): number | undefined {
  const match = NUMERIC_TEXT.exec(text.trim());
  if (match === null) return undefined;
  const magnitude = readDecimal(match[2] ?? "");
  const value = match[1] === "-" ? -magnitude : magnitude;
  const result = match[3] === "%" ? value / 100 : value;
  return Number.isFinite(result) ? result : undefined;
}

/** Why a text is not a number to the core; it says so when Excel would read one by rules the core does not follow. */
function notANumber(text: string): string {
  if (/\d/.test(text) && OTHER_NUMERIC_TEXT.test(text.trim())) {
    return `Excel reads the text "${text}" by its regional settings (separators, dates, times, money): write the number without quotes`;
  }
  return `the text "${text}" is not a number`;
}

/** A value as arithmetic sees it: TRUE is 1, FALSE 0, numeric text its number, other text `#VALUE!`. */
export function toNumber(value: FormulaValue): number | ExcelError {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return numberFromText(value) ?? excelError("#VALUE!", notANumber(value));
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

/**
 * Excel's smallest positive number as KB 78113 writes it, "2.2250738585072E-308" (2^-1022, the
 * smallest normal double, shown to 14 decimals; the documented figure itself is the threshold, so
 * that it can be typed): "Microsoft doesn't implement this optional portion of the specification
 * [denormalized numbers]", and underflow gives 0.
 */
export const SMALLEST_NUMBER = 2.2250738585072e-308;

/**
 * Excel has no infinities, NaN, negative zero or denormals: a result that is not finite is
 * `#NUM!`, one smaller in size than SMALLEST_NUMBER is 0.
 */
export function numberResult(value: number, detail = "the result is too large or not defined"): number | ExcelError {
  if (!Number.isFinite(value)) return excelError("#NUM!", detail);
  return Math.abs(value) < SMALLEST_NUMBER ? 0 : value;
}

/** Excel keeps 15 significant digits of a number it reads (KB 269370). */
export const SIGNIFICANT_DIGITS = 15;

/**
 * A number as Excel reads it from decimal text: "Excel changes any digits past the fifteenth
 * place to zeros" (KB 269370), so 0.12345678901234567 is 0.123456789012345; truncated, not rounded.
 * `text` is a decimal numeral without sign: digits, an optional point, an optional exponent.
 */
export function readDecimal(text: string): number {
  const match = /^(\d*)(?:\.(\d*))?((?:[eE][+-]?\d+)?)$/.exec(text);
  if (match === null) return Number(text);
  const digits = `${match[1] ?? ""}${match[2] ?? ""}`;
  const first = digits.search(/[1-9]/);
  if (first < 0 || digits.length - first <= SIGNIFICANT_DIGITS) return Number(text);
  const pointAt = (match[1] ?? "").length;
  const kept = digits.slice(0, first + SIGNIFICANT_DIGITS);
  const exponent = Number((match[3] ?? "").slice(1) || "0") + pointAt - kept.length;
  return Number(`${kept}e${exponent}`);
}

/**
 * Excel's near-zero rule (KB 78113: "Should an addition or subtraction operation result in a
 * value at or very close to zero, Excel 97 and later will compensate for any error introduced as
 * a result of converting an operand to and from binary"). Microsoft gives no threshold nor says
 * where it applies; reported measurements do: only the last operation of a formula, not one in
 * parentheses (`=0.5-0.4-0.1` is 0, `=(0.5-0.4-0.1)` and `=1*(0.5-0.4-0.1)` are -2.77556E-17),
 * and only when the two operands differ by at most 7 units in the last place of their binary
 * form (n·2^x with n from 1 to 7, joeu2004, microsoft.public.excel.worksheet.functions, April
 * 2009). docs/workbook-contract.md lists the sources.
 */
export function finalSum(a: number, b: number): number | ExcelError {
  return numberResult(nearZeroSum(a, b));
}

/**
 * `a + b` as the final `+` of a formula: 0 where the near-zero rule applies, else the plain sum
 * (which may be infinite; the caller decides what that means). The model's own results use it
 * where the written formula ends in a `+` or `-` (net cash flow, cumulative, NPV, net value).
 */
export function nearZeroSum(a: number, b: number): number {
  if (((a > 0 && b < 0) || (a < 0 && b > 0)) && Number.isFinite(a) && Number.isFinite(b)) {
    if (unitsApart(Math.abs(a), Math.abs(b)) <= NEAR_ZERO_UNITS) return 0;
  }
  return a + b;
}

/** The most units in the last place by which the operands of a final + or - may differ for a 0. */
export const NEAR_ZERO_UNITS = 7;

const BITS = new DataView(new ArrayBuffer(16));

/**
 * How many units in the last place apart two positive finite numbers are: the difference of their
 * IEEE 754 bit patterns read as integers, as joeu2004 measured Excel's rule (exact while small,
 * which is all that matters here; it counts across a power of two, where the unit changes).
 */
export function unitsApart(x: number, y: number): number {
  BITS.setFloat64(0, x);
  BITS.setFloat64(8, y);
  const high = BITS.getUint32(0) - BITS.getUint32(8);
  const low = BITS.getUint32(4) - BITS.getUint32(12);
  return Math.abs(high * 2 ** 32 + low);
}
