import {
  type ExcelError,
  excelError,
  type FormulaValue,
  isExcelError,
  NEAR_ZERO_UNITS,
  numberResult,
  toBoolean,
  toNumber,
  unitsApart,
} from "./values";

/**
 * A built-in function. Arguments arrive unevaluated, as `argument(i)`, so that IF and IFERROR
 * evaluate only the branch they need, as Excel does; every other function asks for each
 * argument once, in order.
 */
export interface FunctionDefinition {
  /** Upper-case, as the parser stores it. */
  readonly name: string;
  readonly minArgs: number;
  /** 255 means "any number", Excel's limit on arguments. */
  readonly maxArgs: number;
  readonly invoke: (argument: (index: number) => FormulaValue, count: number) => FormulaValue;
}

/** Excel's limit on the arguments of one function call. */
export const MAX_ARGUMENTS = 255;

type Eager = (values: readonly FormulaValue[]) => FormulaValue;

function define(name: string, minArgs: number, maxArgs: number, invoke: FunctionDefinition["invoke"]): FunctionDefinition {
  return { name, minArgs, maxArgs, invoke };
}

function eager(name: string, minArgs: number, maxArgs: number, apply: Eager): FunctionDefinition {
  return define(name, minArgs, maxArgs, (argument, count) => {
    const values: FormulaValue[] = [];
    for (let i = 0; i < count; i++) values.push(argument(i));
    return apply(values);
  });
}

/**
 * Coerces every argument to a number, in order; the first that is an error (or text that is not
 * a number, which is #VALUE! at its place) is the result, as in Excel.
 */
function numbers(values: readonly FormulaValue[]): number[] | ExcelError {
  const result: number[] = [];
  for (const value of values) {
    const number = toNumber(value);
    if (isExcelError(number)) return number;
    result.push(number);
  }
  return result;
}

function booleans(values: readonly FormulaValue[]): boolean[] | ExcelError {
  const result: boolean[] = [];
  for (const value of values) {
    const boolean = toBoolean(value);
    if (isExcelError(boolean)) return boolean;
    result.push(boolean);
  }
  return result;
}

/** A function of numbers with a fixed count, e.g. ROUND(x, digits). */
function numeric(name: string, count: number, apply: (...args: number[]) => FormulaValue): FunctionDefinition {
  return eager(name, count, count, (values) => {
    const args = numbers(values);
    return isExcelError(args) ? args : apply(...args);
  });
}

/** A function over any number of numbers, e.g. SUM. */
function aggregate(name: string, apply: (args: number[]) => FormulaValue): FunctionDefinition {
  return eager(name, 1, MAX_ARGUMENTS, (values) => {
    const args = numbers(values);
    return isExcelError(args) ? args : apply(args);
  });
}

/**
 * `base^exponent` with Excel's answers where JavaScript's differ: 0^0 is #NUM!, 0^-1 is #DIV/0!,
 * and an odd root of a negative number is real: `=(-2)^(1/3)` is -1.25992 in Excel (Stack
 * Overflow 6911356). Which exponents count as 1/odd is LibreOffice's rule (sc::power: 1/exponent
 * within 2^-48 of an odd whole number); Microsoft documents none.
 */
export function power(base: number, exponent: number): number | ExcelError {
  if (base === 0 && exponent === 0) return excelError("#NUM!", "0 to the power of 0 is not defined");
  if (base === 0 && exponent < 0) return excelError("#DIV/0!", "0 to a negative power divides by zero");
  if (base < 0 && !Number.isInteger(exponent) && isOddRoot(exponent)) return numberResult(-Math.pow(-base, exponent));
  return numberResult(
    Math.pow(base, exponent),
    base < 0 && !Number.isInteger(exponent) ? "a negative number to a fractional power is not a real number" : undefined,
  );
}

function isOddRoot(exponent: number): boolean {
  const root = Math.round(1 / exponent);
  if (!Number.isSafeInteger(root) || root % 2 === 0) return false;
  const exact = 1 / root;
  return exact === exponent || Math.abs(exact - exponent) < Math.abs(exact) * 2 ** -48;
}

export type Rounding = "nearest" | "up" | "down";

/**
 * Excel's ROUND, ROUNDUP and ROUNDDOWN. The number is first cut to 15 significant digits, as
 * Excel stores it, and the decimal point is moved in its text form: multiplying by 10^digits
 * would turn 2.675 (stored as 2.67499999…) into 267.49999… and round it the wrong way.
 */
export function roundNumber(value: number, digits: number, rounding: Rounding): number | ExcelError {
  if (!Number.isFinite(value) || !Number.isFinite(digits)) return excelError("#NUM!");
  return roundByScaling(value, Math.trunc(digits), rounding) ?? roundByText(value, digits, rounding);
}

/** Powers of ten that are exact doubles. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => Number(`1e${i}`));

/**
 * The common case without text: value × 10^places in binary is within a few parts in 10^15 of
 * the exact decimal product, so when its fraction is clear of the rounding boundary the decision
 * is the one the decimal text would give, and an exact integer divided by an exact power of ten
 * is the double nearest the decimal result, as the text path's Number("…e-p") is. Undefined when
 * the product is too near the boundary (2.675 × 100), or out of this path's range.
 */
function roundByScaling(value: number, places: number, rounding: Rounding): number | undefined {
  if (places < 0 || places > 15) return undefined;
  const scale = POWERS_OF_TEN[places]!;
  const shifted = Math.abs(value) * scale;
  if (!(shifted < 2 ** 52)) return undefined;
  const whole = Math.floor(shifted);
  const fraction = shifted - whole;
  // Excel keeps 15 significant digits, so the decimal product may differ in its 15th digit.
  const margin = shifted * 1e-14 + 1e-300;
  let rounded: number;
  if (rounding === "nearest") {
    if (Math.abs(fraction - 0.5) <= margin) return undefined;
    rounded = fraction > 0.5 ? whole + 1 : whole;
  } else {
    if (fraction <= margin || fraction >= 1 - margin) return undefined;
    rounded = rounding === "up" ? whole + 1 : whole;
  }
  const result = rounded / scale;
  if (result === 0) return 0;
  return value < 0 ? -result : result;
}

/** Rounding in the decimal text of the 15-digit number: exact, and the reference of roundByScaling. */
export function roundByText(value: number, digits: number, rounding: Rounding): number | ExcelError {
  if (!Number.isFinite(value) || !Number.isFinite(digits)) return excelError("#NUM!");
  const places = Math.trunc(digits);
  const stored = Number(value.toPrecision(15));
  if (stored === 0) return 0;
  const { mantissa, exponent } = splitExponent(stored);
  const decimals = (mantissa.split(".")[1]?.length ?? 0) - exponent;
  // Already has no more decimals than asked for: nothing to round (and no overflow from shifting).
  if (places >= decimals) return numberResult(stored);
  const shifted = Math.abs(shiftDecimal(stored, places));
  // Rounding up to a power of ten beyond any double: the answer is too large, not 0.
  if (rounding === "up" && shifted === 0) return excelError("#NUM!", "the rounded number is too large");
  const whole = Math.floor(shifted);
  const rounded =
    rounding === "down" ? whole : rounding === "up" ? (shifted > whole ? whole + 1 : whole) : shifted - whole >= 0.5 ? whole + 1 : whole;
  return numberResult(Math.sign(stored) * shiftDecimal(rounded, -places));
}

function splitExponent(value: number): { mantissa: string; exponent: number } {
  const [mantissa = "0", exponent = "0"] = String(value).split("e");
  return { mantissa, exponent: Number(exponent) };
}

/** value × 10^places, exactly as the decimal text would read, without binary multiplication. */
function shiftDecimal(value: number, places: number): number {
  const { mantissa, exponent } = splitExponent(value);
  return Number(`${mantissa}e${exponent + places}`);
}

/**
 * The largest whole number not above x, taken at Excel's 15 significant digits: Excel's INT rounds
 * its argument to 15 digits first (INT(10^14+0.5) is 100000000000001 and INT(123456789-0.0000004)
 * is 123456789 in Excel, measured by joeu2004 in microsoft.public.excel.misc, 2008, and
 * microsoft.public.excel.worksheet.functions, 2009), as LibreOffice's rtl::math::approxFloor does.
 */
export function floor15(x: number): number {
  return Math.floor(Number(x.toPrecision(15)));
}

/**
 * Excel's MOD: "MOD(n, d) = n - d*INT(n/d)" (Microsoft's MOD page), so its result takes the sign
 * of the divisor (MOD(-3,2) is 1), with INT's 15 digits; the subtraction follows the near-zero
 * rule, as in LibreOffice's ScMod (approxSub), so that MOD(3.3,1.1) is 0 and never -4.4E-16,
 * a remainder of the wrong sign.
 */
export function mod(n: number, d: number): number | ExcelError {
  if (d === 0) return excelError("#DIV/0!", "MOD by zero");
  const quotient = n / d;
  if (!Number.isFinite(quotient)) return excelError("#NUM!", "the quotient of MOD is too large");
  const product = d * floor15(quotient);
  if (product !== 0 && n !== 0 && Math.sign(product) === Math.sign(n) && unitsApart(Math.abs(n), Math.abs(product)) <= NEAR_ZERO_UNITS)
    return 0;
  return numberResult(n - product);
}

const definitions: FunctionDefinition[] = [
  aggregate("SUM", (args) => numberResult(args.reduce((sum, x) => sum + x, 0))),
  aggregate("MIN", (args) => numberResult(Math.min(...args))),
  aggregate("MAX", (args) => numberResult(Math.max(...args))),
  aggregate("AVERAGE", (args) =>
    args.length === 0 ? excelError("#DIV/0!", "AVERAGE of no numbers") : numberResult(args.reduce((sum, x) => sum + x, 0) / args.length),
  ),
  numeric("ROUND", 2, (x, digits) => roundNumber(x!, digits!, "nearest")),
  numeric("ROUNDUP", 2, (x, digits) => roundNumber(x!, digits!, "up")),
  numeric("ROUNDDOWN", 2, (x, digits) => roundNumber(x!, digits!, "down")),
  numeric("ABS", 1, (x) => numberResult(Math.abs(x!))),
  numeric("POWER", 2, (base, exponent) => power(base!, exponent!)),
  numeric("SQRT", 1, (x) => (x! < 0 ? excelError("#NUM!", "square root of a negative number") : numberResult(Math.sqrt(x!)))),
  numeric("EXP", 1, (x) => numberResult(Math.exp(x!))),
  numeric("LN", 1, (x) => (x! <= 0 ? excelError("#NUM!", "logarithm of a number that is not positive") : numberResult(Math.log(x!)))),
  numeric("INT", 1, (x) => numberResult(floor15(x!))),
  numeric("MOD", 2, (n, d) => mod(n!, d!)),
  define("IF", 2, 3, (argument, count) => {
    const condition = toBoolean(argument(0));
    if (isExcelError(condition)) return condition;
    if (condition) return argument(1);
    return count >= 3 ? argument(2) : false;
  }),
  define("IFERROR", 2, 2, (argument) => {
    const value = argument(0);
    return isExcelError(value) ? argument(1) : value;
  }),
  eager("AND", 1, MAX_ARGUMENTS, (values) => {
    const args = booleans(values);
    return isExcelError(args) ? args : args.every(Boolean);
  }),
  eager("OR", 1, MAX_ARGUMENTS, (values) => {
    const args = booleans(values);
    return isExcelError(args) ? args : args.some(Boolean);
  }),
  eager("NOT", 1, 1, (values) => {
    const arg = toBoolean(values[0]!);
    return isExcelError(arg) ? arg : !arg;
  }),
  // TRUE() and FALSE() are functions in Excel as well as literals.
  eager("TRUE", 0, 0, () => true),
  eager("FALSE", 0, 0, () => false),
];

/** The built-in functions, keyed by upper-case name. */
export const FUNCTIONS: ReadonlyMap<string, FunctionDefinition> = new Map(definitions.map((definition) => [definition.name, definition]));

/** "2 arguments", "2 or 3 arguments", "at least 1 argument", for messages about a call. */
export function describeArity(definition: FunctionDefinition): string {
  const { minArgs, maxArgs } = definition;
  const plural = (n: number) => (n === 1 ? "argument" : "arguments");
  if (minArgs === maxArgs) return minArgs === 0 ? "no arguments" : `${minArgs} ${plural(minArgs)}`;
  if (maxArgs >= MAX_ARGUMENTS) return `at least ${minArgs} ${plural(minArgs)}`;
  if (maxArgs === minArgs + 1) return `${minArgs} or ${maxArgs} arguments`;
  return `${minArgs} to ${maxArgs} arguments`;
}
