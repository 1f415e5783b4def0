/**
 * Splits worksheet formula text (English, comma-separated, as Office.js `Range.formulas` holds
 * it) into tokens. Unlike the core's formula language, which refuses cell references by design,
 * this reads everything the add-in writes into a sheet: `$A$1`, `B2:C9`, `'Value Summary'!$F$5`.
 */
import { MAX_COLUMNS, MAX_ROWS, columnIndex } from "../../../../core/workbook/address";
import type { Rect } from "../addresses";
import { type ArrayValue, type ErrorCode, type Scalar, ERROR_CODES, arrayOf, error } from "./values";

export type OperatorText = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=" | "%" | ":";

export type Token =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "boolean"; readonly value: boolean }
  | { readonly kind: "error"; readonly code: ErrorCode }
  | { readonly kind: "array"; readonly value: ArrayValue }
  | { readonly kind: "reference"; readonly sheet?: string; readonly rect: Rect }
  | { readonly kind: "name"; readonly name: string }
  /** A function's name together with its opening parenthesis. */
  | { readonly kind: "function"; readonly name: string }
  | { readonly kind: "operator"; readonly operator: OperatorText }
  | { readonly kind: "open" | "close" | "comma" };

/** Undefined when the text is not a formula Excel would accept (an unknown character, an open quote). */
export type Tokens = readonly Token[] | undefined;

const SPACE = /[ \t\r\n]+/y;
const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
/** `A1`, `$B$7`, optionally `:C9`; not followed by what would make it a longer name or a function. */
const CELLS = /\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?(?![\p{L}\p{N}_.\\(!])/uy;
const COLUMNS = /\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})(?![\p{L}\p{N}_.\\(!])/uy;
const ROWS = /\$?(\d{1,7}):\$?(\d{1,7})(?![\p{L}\p{N}_.\\(!])/uy;
/** Excel allows letters of any script in names; `\` may start one, `.` and digits continue it. */
const NAME = /[\p{L}_\\][\p{L}\p{M}\p{N}_.\\?]*/uy;
const QUOTED_SHEET = /'((?:[^']|'')+)'!/y;
const PLAIN_SHEET = /([\p{L}_\\][\p{L}\p{M}\p{N}_.\\]*)!/uy;
const OPERATORS: readonly OperatorText[] = ["<>", "<=", ">=", "+", "-", "*", "/", "^", "&", "=", "<", ">", "%", ":"];
/** Prefixes Excel's file format puts before functions newer than Excel 2007 (`_xlfn.IFNA`). */
const FUNCTION_PREFIX = /^_(?:xlfn|xlws)\./i;

export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const space = matchAt(SPACE, text, at);
    if (space) {
      at += space[0].length;
      continue;
    }
    const read = readToken(text, at);
    if (!read) return undefined;
    tokens.push(read.token);
    at = read.end;
  }
  return tokens;
}

function readToken(text: string, at: number): { token: Token; end: number } | undefined {
  const char = text[at]!;
  if (char === "(") return { token: { kind: "open" }, end: at + 1 };
  if (char === ")") return { token: { kind: "close" }, end: at + 1 };
  if (char === ",") return { token: { kind: "comma" }, end: at + 1 };
  if (char === '"') return readString(text, at);
  if (char === "#") return readError(text, at);
  if (char === "{") return readArray(text, at);
  if (char === "'") return readQualified(text, at);
  const reference = readReference(text, at, undefined);
  if (reference) return reference;
  const number = matchAt(NUMBER, text, at);
  if (number) return { token: { kind: "number", value: Number(number[0]) }, end: at + number[0].length };
  const operator = OPERATORS.find((op) => text.startsWith(op, at));
  if (operator) return { token: { kind: "operator", operator }, end: at + operator.length };
  if (matchAt(PLAIN_SHEET, text, at)) return readQualified(text, at);
  const name = matchAt(NAME, text, at);
  if (name) return readName(text, at, name[0]);
  return undefined;
}

function readName(text: string, at: number, name: string): { token: Token; end: number } {
  const end = at + name.length;
  // A name directly followed by "(" is a function; spaces between are not allowed in Excel.
  if (text[end] === "(") return { token: { kind: "function", name: name.replace(FUNCTION_PREFIX, "").toUpperCase() }, end: end + 1 };
  const upper = name.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { token: { kind: "boolean", value: upper === "TRUE" }, end };
  return { token: { kind: "name", name }, end };
}

/** `Settings!$B$7`, `'Value Summary'!F5:F9`; a sheet prefix before `#REF!` is what Excel leaves after a deletion. */
function readQualified(text: string, at: number): { token: Token; end: number } | undefined {
  const quoted = matchAt(QUOTED_SHEET, text, at);
  const sheetMatch = quoted ?? matchAt(PLAIN_SHEET, text, at);
  if (!sheetMatch) return undefined;
  const sheet = quoted ? quoted[1]!.replace(/''/g, "'") : sheetMatch[1]!;
  const after = at + sheetMatch[0].length;
  if (text.slice(after, after + 5).toUpperCase() === "#REF!") return { token: { kind: "error", code: "#REF!" }, end: after + 5 };
  return readReference(text, after, sheet);
}

function readReference(text: string, at: number, sheet: string | undefined): { token: Token; end: number } | undefined {
  const qualify = (rect: Rect | undefined, length: number) =>
    rect && { token: { kind: "reference" as const, ...(sheet === undefined ? {} : { sheet }), rect }, end: at + length };
  const cells = matchAt(CELLS, text, at);
  if (cells) {
    const [whole, c1, r1, c2, r2] = cells;
    const found = qualify(rectOf(row(r1), column(c1), row(r2 ?? r1), column(c2 ?? c1)), whole.length);
    // `A1:B` is not a range; `LOG10` with no "(" is a name: fall through to the other readers.
    if (found) return found;
  }
  const columns = matchAt(COLUMNS, text, at);
  if (columns) {
    const found = qualify(rectOf(0, column(columns[1]), MAX_ROWS - 1, column(columns[2])), columns[0].length);
    if (found) return found;
  }
  const rows = matchAt(ROWS, text, at);
  if (rows) {
    const found = qualify(rectOf(row(rows[1]), 0, row(rows[2]), MAX_COLUMNS - 1), rows[0].length);
    if (found) return found;
  }
  return undefined;
}

const row = (digits: string | undefined): number => Number(digits) - 1;
const column = (letters: string | undefined): number => columnIndex(letters ?? "");

/** Undefined outside the sheet (`XFE1`, `A0`): such text is a name, not a reference. */
function rectOf(r1: number, c1: number, r2: number, c2: number): Rect | undefined {
  const inside = (r: number, c: number) => r >= 0 && r < MAX_ROWS && c >= 0 && c < MAX_COLUMNS;
  if (!inside(r1, c1) || !inside(r2, c2)) return undefined;
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}

/** `"…"`, where `""` stands for one quote character. */
function readString(text: string, start: number): { token: Token; end: number } | undefined {
  let value = "";
  let at = start + 1;
  for (;;) {
    const close = text.indexOf('"', at);
    if (close < 0) return undefined;
    value += text.slice(at, close);
    if (text[close + 1] !== '"') return { token: { kind: "string", value }, end: close + 1 };
    value += '"';
    at = close + 2;
  }
}

function readError(text: string, at: number): { token: Token; end: number } | undefined {
  const code = ERROR_CODES.find((c) => text.slice(at, at + c.length).toUpperCase() === c);
  return code && { token: { kind: "error", code }, end: at + code.length };
}

/** `{1,2;3,4}`: constants only, `,` between columns and `;` between rows, every row as long. */
function readArray(text: string, start: number): { token: Token; end: number } | undefined {
  const rows: Scalar[][] = [[]];
  let at = start + 1;
  for (;;) {
    const space = matchAt(SPACE, text, at);
    if (space) at += space[0].length;
    const item = readConstant(text, at);
    if (!item) return undefined;
    rows[rows.length - 1]!.push(item.value);
    at = item.end;
    const after = matchAt(SPACE, text, at);
    if (after) at += after[0].length;
    const separator = text[at];
    at += 1;
    if (separator === ",") continue;
    if (separator === ";") rows.push([]);
    else if (separator === "}") break;
    else return undefined;
  }
  const width = rows[0]!.length;
  if (rows.some((r) => r.length !== width)) return undefined;
  return { token: { kind: "array", value: arrayOf(rows) }, end: at };
}

function readConstant(text: string, at: number): { value: Scalar; end: number } | undefined {
  const sign = text[at] === "-" || text[at] === "+" ? text[at] : "";
  const number = matchAt(NUMBER, text, at + sign.length);
  if (number) {
    const value = Number(number[0]);
    return { value: sign === "-" ? -value : value, end: at + sign.length + number[0].length };
  }
  if (sign) return undefined;
  const read = text[at] === '"' ? readString(text, at) : text[at] === "#" ? readError(text, at) : undefined;
  if (read?.token.kind === "string") return { value: read.token.value, end: read.end };
  if (read?.token.kind === "error") return { value: error(read.token.code), end: read.end };
  const name = matchAt(NAME, text, at);
  const upper = name?.[0].toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE", end: at + upper.length };
  return undefined;
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}
