/**
 * Functions of numbers. Rounding and powers reuse the core's implementations, which follow
 * Excel (ROUND cuts to 15 significant digits first, so ROUND(2.675,2) is 2.68; 0^0 is #NUM!):
 * the workbook the add-in writes and the numbers the core computes must agree.
 */
import { power, roundNumber } from "../../../../../core/formula/functions";
import { type ExcelError, isExcelError } from "../../../../../core/formula/values";
import { type Scalar, error, numberResult } from "../values";
import { numeric } from "./helpers";
import type { FunctionDefinition } from "./types";

function fromCore(result: number | ExcelError): Scalar {
  return isExcelError(result) ? error(result.code) : numberResult(result);
}

export const MATH: readonly FunctionDefinition[] = [
  numeric("ROUND", 2, 2, ([x, digits]) => fromCore(roundNumber(x!, digits!, "nearest"))),
  numeric("ROUNDUP", 2, 2, ([x, digits]) => fromCore(roundNumber(x!, digits!, "up"))),
  numeric("ROUNDDOWN", 2, 2, ([x, digits]) => fromCore(roundNumber(x!, digits!, "down"))),
  numeric("ABS", 1, 1, ([x]) => numberResult(Math.abs(x!))),
  numeric("POWER", 2, 2, ([base, exponent]) => fromCore(power(base!, exponent!))),
  numeric("SQRT", 1, 1, ([x]) => (x! < 0 ? error("#NUM!") : numberResult(Math.sqrt(x!)))),
  numeric("EXP", 1, 1, ([x]) => numberResult(Math.exp(x!))),
  numeric("LN", 1, 1, ([x]) => (x! <= 0 ? error("#NUM!") : numberResult(Math.log(x!)))),
  numeric("INT", 1, 1, ([x]) => numberResult(Math.floor(x!))),
  // Excel's MOD takes the sign of the divisor: MOD(-3,2) is 1.
  numeric("MOD", 2, 2, ([n, d]) => (d === 0 ? error("#DIV/0!") : numberResult(n! - d! * Math.floor(n! / d!)))),
  numeric("PI", 0, 0, () => Math.PI),
];
