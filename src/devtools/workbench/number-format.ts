/**
 * Excel number formats, rendered as Excel shows a cell's value: enough of the format language for
 * what the add-in and the sample write (`"$"#,##0;[Red]-"$"#,##0`, `[$USD] #,##0`, `#,##0`,
 * `#,##0.####`, `0.0%`, `0%`, `0.0`, `yyyy-mm-dd hh:mm`, General) and the common rest: sections
 * `positive;negative;zero;text`, colours, conditions, literals, scaling commas, scientific
 * notation, `?` and `_x` padding, dates and times. What it cannot read falls back to General.
 */

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

type Token =
  | { readonly kind: "literal"; readonly text: string }
  | { readonly kind: "digit"; readonly placeholder: "0" | "#" | "?" }
  | { readonly kind: "point" }
  | { readonly kind: "comma" }
  | { readonly kind: "percent" }
  | { readonly kind: "exponent"; readonly sign: "+" | "-" }
  | { readonly kind: "text" }
  | { readonly kind: "general" }
  | { readonly kind: "date"; readonly code: string };

interface Condition {
  readonly op: "<" | ">" | "=" | "<=" | ">=" | "<>";
  readonly value: number;
}

interface Section {
  readonly tokens: readonly Token[];
  readonly color?: string;
  readonly condition?: Condition;
}

interface CompiledFormat {
  readonly sections: readonly Section[];
}

const cache = new Map<string, CompiledFormat | null>();

/** The text Excel shows for a value under a number format (and the section's colour, if any). */
export function formatValue(value: string | number | boolean | null | undefined, numberFormat = "General"): FormattedValue {
  if (value === null || value === undefined || value === "") return { text: "" };
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  const format = compile(numberFormat);
  if (typeof value === "string") return format ? formatText(value, format) : { text: value };
  if (!Number.isFinite(value)) return { text: "#NUM!" };
  if (!format) return { text: formatGeneral(value) };
  try {
    return formatNumber(value, format);
  } catch {
    return { text: formatGeneral(value) };
  }
}

function compile(numberFormat: string): CompiledFormat | null {
  const key = numberFormat.trim();
  if (key === "" || key.toUpperCase() === "GENERAL" || key === "@") return null;
  if (!cache.has(key)) {
    let compiled: CompiledFormat | null;
    try {
      compiled = { sections: splitSections(key).map(parseSection) };
    } catch {
      compiled = null;
    }
    cache.set(key, compiled);
  }
  return cache.get(key) ?? null;
}

/** Sections are separated by `;` outside quotes, brackets and escapes. */
function splitSections(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      if (end < 0) throw new Error("unterminated quote");
      current += format.slice(i, end + 1);
      i = end;
    } else if (ch === "\\" || ch === "_" || ch === "*") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      if (end < 0) throw new Error("unterminated bracket");
      current += format.slice(i, end + 1);
      i = end;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  if (sections.length > 4) throw new Error("too many sections");
  return sections;
}

const DATE_CODE = /^(yyyy|yy|y|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p)/i;

function parseSection(source: string): Section {
  const tokens: Token[] = [];
  let color: string | undefined;
  let condition: Condition | undefined;
  const literal = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "literal") tokens[tokens.length - 1] = { kind: "literal", text: last.text + text };
    else tokens.push({ kind: "literal", text });
  };
  for (let i = 0; i < source.length; ) {
    const rest = source.slice(i);
    const ch = source[i]!;
    if (ch === '"') {
      const end = source.indexOf('"', i + 1);
      literal(source.slice(i + 1, end));
      i = end + 1;
    } else if (ch === "\\") {
      literal(source[i + 1] ?? "");
      i += 2;
    } else if (ch === "_") {
      // Space as wide as the next character: one space is close enough.
      literal(" ");
      i += 2;
    } else if (ch === "*") {
      // Repeat the next character to fill the cell: not drawn.
      i += 2;
    } else if (ch === "[") {
      const end = source.indexOf("]", i);
      const inner = source.slice(i + 1, end);
      i = end + 1;
      const upper = inner.toUpperCase();
      const cond = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?)$/.exec(inner);
      if (COLOR_NAMES[upper]) color = COLOR_NAMES[upper];
      else if (/^COLOR\s*\d+$/.test(upper)) continue;
      else if (cond) condition = { op: cond[1] as Condition["op"], value: Number(cond[2]) };
      else if (inner.startsWith("$")) {
        // [$USD], [$$-409], [$€-x-euro]: the currency text before the locale part.
        literal(inner.slice(1).split("-")[0] ?? "");
      } else if (/^(h+|m+|s+)$/i.test(inner)) tokens.push({ kind: "date", code: `[${inner.toLowerCase()}]` });
      else throw new Error(`unknown bracket [${inner}]`);
    } else if (/^general/i.test(rest)) {
      tokens.push({ kind: "general" });
      i += 7;
    } else if (ch === "0" || ch === "#" || ch === "?") {
      tokens.push({ kind: "digit", placeholder: ch });
      i++;
    } else if (ch === ".") {
      tokens.push({ kind: "point" });
      i++;
    } else if (ch === ",") {
      tokens.push({ kind: "comma" });
      i++;
    } else if (ch === "%") {
      tokens.push({ kind: "percent" });
      i++;
    } else if (ch === "@") {
      tokens.push({ kind: "text" });
      i++;
    } else if ((ch === "E" || ch === "e") && (source[i + 1] === "+" || source[i + 1] === "-")) {
      tokens.push({ kind: "exponent", sign: source[i + 1] as "+" | "-" });
      i += 2;
    } else if (DATE_CODE.test(rest)) {
      const code = DATE_CODE.exec(rest)![0];
      tokens.push({ kind: "date", code: code.toLowerCase() });
      i += code.length;
    } else {
      literal(ch);
      i++;
    }
  }
  return { tokens, ...(color ? { color } : {}), ...(condition ? { condition } : {}) };
}

function matches(condition: Condition, value: number): boolean {
  switch (condition.op) {
    case "<":
      return value < condition.value;
    case ">":
      return value > condition.value;
    case "=":
      return value === condition.value;
    case "<=":
      return value <= condition.value;
    case ">=":
      return value >= condition.value;
    case "<>":
      return value !== condition.value;
  }
}

const isTextSection = (section: Section) => section.tokens.some((t) => t.kind === "text");

function formatText(value: string, format: CompiledFormat): FormattedValue {
  const section = format.sections[3] ?? format.sections.find(isTextSection);
  if (!section) return { text: value };
  const text = section.tokens.map((t) => (t.kind === "text" ? value : t.kind === "literal" ? t.text : "")).join("");
  return { text, ...(section.color ? { color: section.color } : {}) };
}

/** Picks the section for a number, and whether the number is then shown without its sign. */
function pickSection(value: number, format: CompiledFormat): { section: Section; absolute: boolean } | undefined {
  const numeric = format.sections.filter((s, i) => i < 3 && !(isTextSection(s) && !s.tokens.some((t) => t.kind === "digit")));
  if (numeric.some((s) => s.condition)) {
    const [first, second, third] = numeric;
    if (first?.condition && matches(first.condition, value)) return { section: first, absolute: false };
    if (second?.condition && matches(second.condition, value)) return { section: second, absolute: false };
    if (second && !second.condition) return { section: second, absolute: value < 0 && !!first?.condition && first.condition.value === 0 };
    if (third) return { section: third, absolute: false };
    return first && { section: first, absolute: false };
  }
  if (numeric.length === 0) return undefined;
  if (value < 0 && numeric.length >= 2) return { section: numeric[1]!, absolute: true };
  if (value === 0 && numeric.length >= 3) return { section: numeric[2]!, absolute: false };
  return { section: numeric[0]!, absolute: false };
}

function formatNumber(value: number, format: CompiledFormat): FormattedValue {
  const picked = pickSection(value, format);
  if (!picked) return { text: formatGeneral(value) };
  const { section, absolute } = picked;
  const color = section.color ? { color: section.color } : {};
  const tokens = section.tokens;
  if (tokens.some((t) => t.kind === "date")) return { text: formatDate(value, tokens), ...color };
  if (tokens.some((t) => t.kind === "general")) {
    const shown = absolute ? Math.abs(value) : value;
    return { text: tokens.map((t) => (t.kind === "general" ? formatGeneral(shown) : t.kind === "literal" ? t.text : "")).join(""), ...color };
  }
  if (isFraction(tokens)) return { text: formatGeneral(value), ...color };
  if (!tokens.some((t) => t.kind === "digit")) {
    // Only literals: `"n/a"`, or an empty section that hides the value.
    return { text: tokens.map((t) => (t.kind === "literal" ? t.text : "")).join(""), ...color };
  }
  return { text: formatDigits(absolute ? Math.abs(value) : value, tokens), ...color };
}

/** `# ?/?`, `0/100`: fractions, which this renderer does not draw. */
function isFraction(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => t.kind === "literal" && t.text.includes("/") && tokens.slice(0, i).some((x) => x.kind === "digit") && tokens.slice(i).some((x) => x.kind === "digit"));
}

/** Rounds |value| to `decimals` places, half away from zero, as Excel does (on 15 significant digits). */
function roundedDigits(value: number, decimals: number): string {
  const [mantissa, exponent] = Math.abs(value).toExponential(14).split("e");
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  const digits = scaled.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 0 });
  return digits.padStart(decimals + 1, "0");
}

function formatDigits(value: number, tokens: readonly Token[]): string {
  const negative = value < 0;
  let number = Math.abs(value);
  const exponentAt = tokens.findIndex((t) => t.kind === "exponent");
  const mantissaTokens = exponentAt < 0 ? tokens : tokens.slice(0, exponentAt);
  const pointAt = mantissaTokens.findIndex((t) => t.kind === "point");
  const intEnd = pointAt < 0 ? mantissaTokens.length : pointAt;
  const intTokens = mantissaTokens.slice(0, intEnd);
  const fracTokens = pointAt < 0 ? [] : mantissaTokens.slice(pointAt + 1);

  for (const t of tokens) if (t.kind === "percent") number *= 100;
  // Commas right after the last integer placeholder scale by 1,000 each; between placeholders they group.
  const intDigitPositions = intTokens.flatMap((t, i) => (t.kind === "digit" ? [i] : []));
  const firstDigit = intDigitPositions[0] ?? -1;
  const lastDigit = intDigitPositions[intDigitPositions.length - 1] ?? -1;
  let grouping = false;
  mantissaTokens.forEach((t, i) => {
    if (t.kind !== "comma") return;
    if (i > firstDigit && i < lastDigit) grouping = true;
    else if (i > firstDigit || pointAt >= 0) number /= 1000;
  });

  const decimals = fracTokens.filter((t) => t.kind === "digit").length;
  let exponentText = "";
  if (exponentAt >= 0) {
    const intPlaces = Math.max(intDigitPositions.length, 1);
    let exponent = number === 0 ? 0 : Math.floor(Math.log10(number));
    exponent = Math.floor(exponent / intPlaces) * intPlaces;
    let mantissa = number / 10 ** exponent;
    // Rounding may carry the mantissa to the next power of ten.
    if (Number(roundedDigits(mantissa, decimals)) >= 10 ** (intPlaces + decimals)) {
      exponent += intPlaces;
      mantissa = number / 10 ** exponent;
    }
    number = mantissa;
    const exponentTokens = tokens.slice(exponentAt + 1);
    const expDigits = exponentTokens.filter((t) => t.kind === "digit").length;
    const sign = exponent < 0 ? "-" : (tokens[exponentAt] as { sign: string }).sign === "+" ? "+" : "";
    exponentText = `E${sign}${String(Math.abs(exponent)).padStart(expDigits, "0")}${exponentTokens
      .filter((t) => t.kind === "literal")
      .map((t) => (t as { text: string }).text)
      .join("")}`;
  }

  const digits = roundedDigits(number, decimals);
  const intDigits = digits.slice(0, digits.length - decimals).replace(/^0+/, "");
  const fracDigits = digits.slice(digits.length - decimals);

  const intText = fillInteger(intTokens, intDigits, grouping);
  const fracText = fillFraction(fracTokens, fracDigits);
  const allZero = /^0*$/.test(intDigits + fracDigits);
  const body = intText + (pointAt >= 0 ? "." + fracText : "") + exponentText;
  return negative && !allZero ? `-${body}` : body;
}

/** Integer digits into the placeholders from the right; the leftmost takes what is left over. */
function fillInteger(tokens: readonly Token[], digits: string, grouping: boolean): string {
  const placeholders = tokens.flatMap((t) => (t.kind === "digit" ? [t.placeholder] : []));
  if (placeholders.length === 0) {
    return tokens.map((t) => (t.kind === "literal" ? t.text : "")).join("");
  }
  // Minimum digits: from the first 0 or ? placeholder on.
  const firstRequired = placeholders.findIndex((p) => p !== "#");
  const minimum = firstRequired < 0 ? 0 : placeholders.length - firstRequired;
  let padded = digits.padStart(minimum, "0");
  if (firstRequired >= 0) {
    // `?` positions left of the number's digits are spaces, not zeros.
    const chars = padded.split("");
    const offset = chars.length - placeholders.length;
    for (let i = 0; i < chars.length - digits.length; i++) {
      const placeholder = placeholders[i - offset];
      if (placeholder === "?") chars[i] = " ";
    }
    padded = chars.join("");
  }
  const literalsBetween = tokens.some((t, i) => t.kind === "literal" && i > tokens.findIndex((x) => x.kind === "digit") && i < lastIndex(tokens, "digit"));
  if (!literalsBetween) {
    const grouped = grouping ? group(padded) : padded;
    const first = tokens.findIndex((t) => t.kind === "digit");
    const last = lastIndex(tokens, "digit");
    const before = tokens.slice(0, first).map(literalText).join("");
    const after = tokens.slice(last + 1).map(literalText).join("");
    return before + grouped + after;
  }
  // Literals among the placeholders (`000-0000`): fill from the right.
  let remaining = padded;
  const out: string[] = [];
  let seen = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.kind === "digit") {
      seen++;
      if (seen === placeholders.length) {
        out.unshift(remaining);
        remaining = "";
      } else {
        out.unshift(remaining.slice(-1));
        remaining = remaining.slice(0, -1);
      }
    } else out.unshift(literalText(t));
  }
  return out.join("");
}

function fillFraction(tokens: readonly Token[], digits: string): string {
  const placeholders = tokens.flatMap((t) => (t.kind === "digit" ? [t.placeholder] : []));
  const chars = digits.split("");
  // Trailing zeros under # vanish; under ? they become spaces.
  for (let i = chars.length - 1; i >= 0 && chars[i] === "0"; i--) {
    if (placeholders[i] === "#") chars[i] = "";
    else if (placeholders[i] === "?") chars[i] = " ";
    else break;
  }
  let next = 0;
  return tokens.map((t) => (t.kind === "digit" ? (chars[next++] ?? "") : literalText(t))).join("");
}

function literalText(token: Token): string {
  if (token.kind === "literal") return token.text;
  if (token.kind === "percent") return "%";
  return "";
}

function lastIndex(tokens: readonly Token[], kind: Token["kind"]): number {
  for (let i = tokens.length - 1; i >= 0; i--) if (tokens[i]!.kind === kind) return i;
  return -1;
}

function group(digits: string): string {
  const trimmed = digits.replace(/^ +/, "");
  const spaces = digits.length - trimmed.length;
  return " ".repeat(spaces) + trimmed.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * General: up to 11 characters, as Excel's default column shows a number: integers in full below
 * 1e11, otherwise 10 significant digits (fewer when they are zeros), scientific for very large or
 * very small numbers.
 */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e11) return String(value);
  if (abs >= 1e11 || abs < 1e-9) {
    const [mantissa, exponent] = value.toExponential(5).split("e");
    const trimmed = mantissa!.replace(/\.?0+$/, "");
    const e = Number(exponent);
    return `${trimmed}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  // As many decimals as fit in 11 characters (sign and point included), at most 10 significant digits.
  const intLength = Math.max(Math.floor(Math.log10(abs)) + 1, 1);
  const room = 11 - intLength - 1;
  const significantRoom = abs < 1 ? 10 - Math.floor(Math.log10(abs)) - 1 : 10 - intLength;
  const decimals = Math.max(0, Math.min(room, significantRoom, 20));
  const digits = roundedDigits(value, decimals);
  const intPart = digits.slice(0, digits.length - decimals).replace(/^0+(?=\d)/, "");
  const fracPart = digits.slice(digits.length - decimals).replace(/0+$/, "");
  const text = fracPart === "" ? intPart : `${intPart}.${fracPart}`;
  return value < 0 && !/^[0.]*$/.test(text) ? `-${text}` : text;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** A serial date (days since 1899-12-30, Excel's 1900 system past February 1900). */
function formatDate(serial: number, tokens: readonly Token[]): string {
  const totalSeconds = Math.round(serial * 86400);
  const date = new Date(Date.UTC(1899, 11, 30) + totalSeconds * 1000);
  const pm = date.getUTCHours() >= 12;
  const hasAmPm = tokens.some((t) => t.kind === "date" && (t.code === "am/pm" || t.code === "a/p"));
  const hours = hasAmPm ? date.getUTCHours() % 12 || 12 : date.getUTCHours();
  const codes = tokens.map((t) => (t.kind === "date" ? t.code : undefined));
  // `m` is minutes right after an hour or right before a second, months otherwise.
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j--) if (codes[j]) return codes[j]!.startsWith("h") || codes[j]!.startsWith("[h");
    return false;
  };
  const beforeSecond = (i: number): boolean => {
    for (let j = i + 1; j < codes.length; j++) if (codes[j]) return codes[j]!.startsWith("s") || codes[j]!.startsWith("[s");
    return false;
  };
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return tokens
    .map((t, i) => {
      if (t.kind === "comma") return ",";
      if (t.kind === "point") return ".";
      if (t.kind !== "date") return literalText(t);
      const code = t.code;
      switch (code) {
        case "yyyy":
        case "yyy":
          return String(date.getUTCFullYear());
        case "yy":
        case "y":
          return pad(date.getUTCFullYear() % 100);
        case "mmmmm":
          return MONTHS[date.getUTCMonth()]!.slice(0, 1);
        case "mmmm":
          return MONTHS[date.getUTCMonth()]!;
        case "mmm":
          return MONTHS[date.getUTCMonth()]!.slice(0, 3);
        case "mm":
        case "m":
          if (isMinute(i) || beforeSecond(i)) return code === "mm" ? pad(date.getUTCMinutes()) : String(date.getUTCMinutes());
          return code === "mm" ? pad(date.getUTCMonth() + 1) : String(date.getUTCMonth() + 1);
        case "dddd":
          return DAYS[date.getUTCDay()]!;
        case "ddd":
          return DAYS[date.getUTCDay()]!.slice(0, 3);
        case "dd":
          return pad(date.getUTCDate());
        case "d":
          return String(date.getUTCDate());
        case "hh":
          return pad(hours);
        case "h":
          return String(hours);
        case "ss":
          return pad(date.getUTCSeconds());
        case "s":
          return String(date.getUTCSeconds());
        case "am/pm":
          return pm ? "PM" : "AM";
        case "a/p":
          return pm ? "P" : "A";
        default: {
          // Elapsed time: [h], [mm], [ss].
          const unit = code[1];
          const elapsed = unit === "h" ? Math.floor(totalSeconds / 3600) : unit === "m" ? Math.floor(totalSeconds / 60) : totalSeconds;
          return pad(elapsed, code.length - 2);
        }
      }
    })
    .join("");
}
