/**
 * Text functions. TRIM as Excel's: the value as text (a number as Excel shows it in General),
 * spaces at either end removed and each run of spaces inside cut to one; only the space
 * character counts (Microsoft: "TRIM was designed to trim the 7-bit ASCII space character (value
 * 32) from text"; a non-breaking space stays).
 */
import { isError, toText } from "../values";
import { elementwise } from "./helpers";
import type { FunctionDefinition } from "./types";

export const TEXT: readonly FunctionDefinition[] = [
  elementwise("TRIM", 1, 1, ([value]) => {
    const text = toText(value!);
    return isError(text) ? text : text.replace(/ +/g, " ").replace(/^ | $/g, "");
  }),
];
