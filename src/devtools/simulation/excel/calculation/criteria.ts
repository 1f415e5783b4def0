/**
 * The criteria of SUMIF, SUMIFS, COUNTIF and COUNTIFS: `"green"`, `5`, `">0"`, `"<>x"`, `"a*"`.
 * Text matches without regard to case, with the wildcards `*` and `?` (`~` escapes them); a
 * number matches numbers, and text that reads as that number; `""` matches empty cells.
 */
import { numberFromText } from "../../../../core/formula/values";
import { type Comparison, holds } from "../../../../core/formula/evaluate";
import { type Scalar, approxEqual, compareTexts, errorCodeOf, isBlank, isError } from "./values";

export type Matcher = (value: Scalar) => boolean;

const OPERATOR = /^(<=|>=|<>|<|>|=)?([\s\S]*)$/;

export function criteriaMatcher(criteria: Scalar): Matcher {
  if (isError(criteria)) return (value) => value === criteria;
  // A reference to an empty cell as the criteria means 0.
  if (isBlank(criteria)) return numberMatcher("=", 0);
  if (typeof criteria === "number") return numberMatcher("=", criteria);
  if (typeof criteria === "boolean") return (value) => value === criteria;

  const [, written, operand = ""] = OPERATOR.exec(criteria)!;
  const operator = (written ?? "=") as Comparison;
  if (operand === "") {
    // "" and "=" : empty cells ("" also the empty text a formula gives); "<>": anything else.
    if (operator === "=") return written === undefined ? (value) => isBlank(value) || value === "" : isBlank;
    if (operator === "<>") return (value) => !isBlank(value);
  }
  const number = numberFromText(operand);
  if (number !== undefined) return numberMatcher(operator, number);
  const upper = operand.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return booleanMatcher(operator, upper === "TRUE");
  const code = errorCodeOf(operand);
  if (code !== undefined)
    return operator === "<>" ? (value) => !(isError(value) && value.code === code) : (value) => isError(value) && value.code === code;
  return textMatcher(operator, operand);
}

function numberMatcher(operator: Comparison, target: number): Matcher {
  const equals = (value: Scalar) => {
    if (typeof value === "number") return approxEqual(value, target);
    if (typeof value === "string") {
      const n = numberFromText(value);
      return n !== undefined && approxEqual(n, target);
    }
    return false;
  };
  if (operator === "=") return equals;
  if (operator === "<>") return (value) => !equals(value);
  return (value) => typeof value === "number" && holds(operator, approxEqual(value, target) ? 0 : value < target ? -1 : 1);
}

function booleanMatcher(operator: Comparison, target: boolean): Matcher {
  if (operator === "=") return (value) => value === target;
  if (operator === "<>") return (value) => value !== target;
  return (value) => typeof value === "boolean" && holds(operator, Number(value) - Number(target));
}

function textMatcher(operator: Comparison, pattern: string): Matcher {
  if (operator === "=" || operator === "<>") {
    const wildcard = wildcardPattern(pattern);
    const equals = (value: Scalar) => typeof value === "string" && (wildcard ? wildcard.test(value) : compareTexts(value, pattern) === 0);
    return operator === "=" ? equals : (value) => !equals(value);
  }
  return (value) => typeof value === "string" && holds(operator, compareTexts(value, pattern));
}

/**
 * `*` any run of characters, `?` one character, `~*` `~?` `~~` the character itself. Undefined
 * when the text has no wildcard. Every other character is escaped, so the text never acts as a
 * regular expression of its own.
 */
export function wildcardPattern(text: string): RegExp | undefined {
  if (!/[*?~]/.test(text)) return undefined;
  let source = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    if (char === "~" && (next === "*" || next === "?" || next === "~")) {
      source += escape(next);
      i++;
    } else if (char === "*") source += "[\\s\\S]*";
    else if (char === "?") source += "[\\s\\S]";
    else source += escape(char);
  }
  return new RegExp(`^${source}$`, "i");
}

function escape(char: string): string {
  return char.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
