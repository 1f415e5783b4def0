import { roundNumber } from "../formula/functions";
import { isExcelError } from "../formula/values";
import { currencySymbol, stringLiteral } from "./formats";

/**
 * Money inside a sentence, as a live formula and as the core computes it: `-$1,234` reads as the
 * money cells beside it do (their format `"$"#,##0;[Red]-"$"#,##0` shows -0.4 as -$0 too).
 *
 * Why FIXED and not TEXT(x,"$#,##0"): TEXT reads its format with the separators of the reader's
 * regional settings, so the same file shows "$1234,000" where the comma is the decimal separator;
 * FIXED groups thousands with the reader's own separator, as the money cells' formats do.
 * The core computes it as Excel does in English (United States), the workbook's stored language.
 */
export function moneyTextFormula(cell: string, currency: string): string {
  return `IF(${cell}<0,"-","")&${stringLiteral(currencySymbol(currency))}&FIXED(ABS(${cell}),0)`;
}

/** What `moneyTextFormula` shows for `value` in Excel set to English (United States). */
export function moneyText(value: number, currency: string): string {
  return `${value < 0 ? "-" : ""}${currencySymbol(currency)}${fixedText(Math.abs(value))}`;
}

/**
 * Excel's FIXED(value, 0) in English (United States): rounded half away from zero at Excel's 15
 * significant digits (as ROUND), the whole number with a comma between thousands; digits past
 * the fifteenth show as zeros, as Excel stores no more.
 */
export function fixedText(value: number): string {
  const rounded = roundNumber(value, 0, "nearest");
  if (isExcelError(rounded)) return rounded.code;
  const negative = rounded < 0;
  const digits = wholeDigits(Math.abs(rounded));
  return `${negative ? "-" : ""}${digits.replace(/\B(?=(\d{3})+$)/g, ",")}`;
}

/** The decimal digits of a whole number at 15 significant digits, without exponent. */
function wholeDigits(whole: number): string {
  if (whole < 1e15) return String(whole);
  const [mantissa = "0", exponent = "0"] = whole.toPrecision(15).split("e+");
  const [int = "", fraction = ""] = mantissa.split(".");
  return (int + fraction).padEnd(Number(exponent) + 1, "0");
}
