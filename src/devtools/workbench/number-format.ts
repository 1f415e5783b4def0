/**
 * Excel number formats, rendered as Excel shows a cell's value. The format language itself
 * (sections, colours, conditions, literals, scaling, fractions, dates and times, General) is the
 * `numfmt` library's; this module keeps what the grid needs around it: empty cells, errors for
 * numbers JavaScript cannot show, Excel's rounding of decimal halves, colours as `#RRGGBB`, and
 * General for a format the library cannot read. Why `numfmt`: docs/devtools.md.
 */
import { format, formatColor } from "numfmt";

export interface FormattedValue {
  readonly text: string;
  /** `#RRGGBB` from a `[Red]`-style section colour. */
  readonly color?: string;
}

/**
 * Excel's eight named colours. Red is drawn a shade darker than Excel's #FF0000 (4.0:1 on white)
 * so that red negatives pass WCAG AA contrast (4.5:1) in the workbench.
 */
const COLOR_NAMES: Readonly<Record<string, string>> = {
  BLACK: "#000000",
  BLUE: "#0000FF",
  CYAN: "#008B8B",
  GREEN: "#008000",
  MAGENTA: "#C000C0",
  RED: "#D00000",
  WHITE: "#FFFFFF",
  YELLOW: "#8B8000",
};

/** The text Excel shows for a value under a number format (and the section's colour, if any). */
export function formatValue(value: string | number | boolean | null | undefined, numberFormat = "General"): FormattedValue {
  if (value === null || value === undefined || value === "") return { text: "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (typeof value === "number" && !Number.isFinite(value)) return { text: "#NUM!" };
  const shown = typeof value === "number" ? asExcelRounds(value) : value;
  try {
    const text = format(numberFormat, shown);
    const color = colorOf(formatColor(numberFormat, shown));
    return color ? { text, color } : { text };
  } catch {
    // Excel refuses such a format when it is typed; a workbook written by code can still hold one.
    return { text: typeof value === "number" ? formatGeneral(value) : value };
  }
}

/**
 * General: up to 11 characters, as Excel's default column shows a number: integers in full below
 * 1e11, otherwise 10 significant digits (fewer when they are zeros), scientific for very large or
 * very small numbers.
 */
export function formatGeneral(value: number): string {
  return format("General", asExcelRounds(value));
}

/**
 * Excel rounds a number for display on its 15-significant-digit decimal, a half going away from
 * zero: 1.005 under `0.00` shows 1.01, although the double nearest 1.005 is 1.00499999999999989.
 * numfmt 3 rounds the double (`Math.round(x * 10^d)`), which gives 1.00. A quarter of the 15th
 * digit added away from zero tips such halves the way Excel does and changes no digit Excel
 * shows (it sits in the 16th). numfmt 4 rounds as Excel does; see docs/devtools.md.
 */
function asExcelRounds(value: number): number {
  if (value === 0 || Number.isInteger(value)) return value;
  const exponent = Math.floor(Math.log10(Math.abs(value)));
  const nudge = 0.25 * 10 ** (exponent - 14);
  return Number(value.toPrecision(15)) + Math.sign(value) * nudge;
}

/** numfmt names a colour (`red`) or, for `[Color 3]`, gives its hex. */
function colorOf(color: string | number | null | undefined): string | undefined {
  if (typeof color !== "string" || color === "") return undefined;
  const upper = color.toUpperCase();
  if (COLOR_NAMES[upper]) return COLOR_NAMES[upper];
  return /^#[0-9A-F]{6}$/.test(upper) ? upper : undefined;
}
