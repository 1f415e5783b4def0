import type { SyntaxProblem } from "./ast";
import { ERROR_CODES, type ErrorCode, readDecimal } from "./values";

/** Operators as written; `%` is the postfix percent, the rest are prefix or binary. */
export type OperatorText = "+" | "-" | "*" | "/" | "^" | "&" | "=" | "<>" | "<" | ">" | "<=" | ">=" | "%";

interface TokenBase {
  /** 0-based offset of the token's first character in the formula text. */
  readonly position: number;
  /** The token exactly as written. */
  readonly text: string;
}

export type Token =
  | (TokenBase & { readonly kind: "number"; readonly value: number })
  | (TokenBase & { readonly kind: "string"; readonly value: string })
  | (TokenBase & { readonly kind: "error"; readonly code: ErrorCode })
  | (TokenBase & { readonly kind: "name" })
  | (TokenBase & { readonly kind: "operator"; readonly operator: OperatorText })
  | (TokenBase & { readonly kind: "open" | "close" | "comma" | "end" });

export type TokenizeResult =
  { readonly ok: true; readonly tokens: readonly Token[] } | { readonly ok: false; readonly problem: SyntaxProblem };

/** Excel refuses text constants longer than this inside a formula. */
export const MAX_TEXT_LENGTH = 255;

// Excel allows letters of any script in names; \p{M} keeps combining accents with their letter.
const NAME = /[\p{L}_\\][\p{L}\p{M}\p{Nd}_.]*/uy;
const MANTISSA = /\d+(?:\.\d*)?|\.\d+/y;
const EXPONENT = /[eE][+-]?\d+/y;
const SPACE = /[ \t\r\n]+/y;
const TWO_CHARACTER_OPERATORS: readonly OperatorText[] = ["<>", "<=", ">="];
const ONE_CHARACTER_OPERATORS = "+-*/^&=<>%";

/** Splits formula text into tokens; the last token is always `end`. Never throws. */
export function tokenize(text: string): TokenizeResult {
  const tokens: Token[] = [];
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    const space = matchAt(SPACE, text, at);
    if (space !== undefined) {
      at += space.length;
      continue;
    }
    const position = at;
    if (char === "(" || char === ")" || char === ",") {
      tokens.push({ kind: char === "(" ? "open" : char === ")" ? "close" : "comma", position, text: char });
      at += 1;
      continue;
    }
    const two = text.slice(at, at + 2);
    const operator =
      TWO_CHARACTER_OPERATORS.find((op) => op === two) ?? (ONE_CHARACTER_OPERATORS.includes(char) ? (char as OperatorText) : undefined);
    if (operator !== undefined) {
      tokens.push({ kind: "operator", operator, position, text: operator });
      at += operator.length;
      continue;
    }
    const mantissa = matchAt(MANTISSA, text, at);
    if (mantissa !== undefined) {
      const number = readNumber(text, at, mantissa);
      if ("message" in number) return { ok: false, problem: number };
      tokens.push(number);
      at += number.text.length;
      continue;
    }
    if (char === '"') {
      const string = readString(text, at);
      if ("message" in string) return { ok: false, problem: string };
      tokens.push(string);
      at += string.text.length;
      continue;
    }
    if (char === "#") {
      const code = ERROR_CODES.find((c) => text.slice(at, at + c.length).toUpperCase() === c);
      if (code === undefined) {
        return fail(
          `Unknown error value at character ${at + 1}. The error values are ${ERROR_CODES.slice(0, -1).join(", ")} and ${ERROR_CODES[ERROR_CODES.length - 1]}.`,
          at,
        );
      }
      tokens.push({ kind: "error", code, position, text: text.slice(at, at + code.length) });
      at += code.length;
      continue;
    }
    const name = matchAt(NAME, text, at);
    if (name !== undefined) {
      tokens.push({ kind: "name", position, text: name });
      at += name.length;
      continue;
    }
    return fail(unknownCharacterMessage(text, at), at);
  }
  tokens.push({ kind: "end", position: text.length, text: "" });
  return { ok: true, tokens };
}

/** A piece of the formula as a message quotes it: at most `max` characters, so a message stays readable. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function readNumber(text: string, start: number, mantissa: string): Token | SyntaxProblem {
  let end = start + mantissa.length;
  const next = text[end];
  if (next === "e" || next === "E") {
    const exponent = matchAt(EXPONENT, text, end);
    if (exponent === undefined) {
      return problem(`The number at character ${start + 1} has an "${next}" with no exponent digits after it, as in 2E3.`, start);
    }
    end += exponent.length;
  }
  const written = text.slice(start, end);
  // 15 significant digits, as Excel reads a typed number: 0.12345678901234567 is 0.123456789012345.
  const value = readDecimal(written);
  if (!Number.isFinite(value)) return problem(`The number ${shorten(written)} at character ${start + 1} is too large for Excel.`, start);
  return { kind: "number", value, position: start, text: written };
}

/** Reads `"…"`, where `""` stands for one quote character. */
function readString(text: string, start: number): Token | SyntaxProblem {
  let value = "";
  let at = start + 1;
  for (;;) {
    const close = text.indexOf('"', at);
    if (close < 0) {
      return problem(`The text in quotes starting at character ${start + 1} has no closing quote (").`, start);
    }
    value += text.slice(at, close);
    if (text[close + 1] === '"') {
      value += '"';
      at = close + 2;
      continue;
    }
    if (value.length > MAX_TEXT_LENGTH) {
      return problem(
        `The text in quotes starting at character ${start + 1} is ${value.length} characters long; Excel allows at most ${MAX_TEXT_LENGTH} in a formula.`,
        start,
      );
    }
    return { kind: "string", value, position: start, text: text.slice(start, close + 1) };
  }
}

function unknownCharacterMessage(text: string, at: number): string {
  const codePoint = text.codePointAt(at) ?? 0;
  const char = String.fromCodePoint(codePoint);
  const hex = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  if (/\s/u.test(char)) return `There is an unusual space character (${hex}) at character ${at + 1}; use an ordinary space.`;
  if (/[\p{C}\p{Z}]/u.test(char)) return `There is an invisible character (${hex}) at character ${at + 1}; delete it.`;
  if (char === ";") return `The character ";" at character ${at + 1} is not allowed; separate the arguments of a function with ",".`;
  if ("$:!'[]".includes(char)) {
    return `The character "${char}" at character ${at + 1} is not allowed: formulas here use names of variables and elements, not cell references.`;
  }
  return `The character "${char}" at character ${at + 1} is not allowed in a formula.`;
}

function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  const match = pattern.exec(text);
  return match ? match[0] : undefined;
}

function problem(message: string, position: number): SyntaxProblem {
  return { message, position };
}

function fail(message: string, position: number): TokenizeResult {
  return { ok: false, problem: problem(message, position) };
}
