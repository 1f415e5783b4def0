/** Rules for sheet names and defined names, and what a defined name's formula refers to. */
import { looksLikeCellReference } from "../../../core/workbook/address";
import { parseAddress } from "./addresses";
import { officeError } from "./errors";
import { type NameType, type RangeTarget, type WorkbookState, findSheet, required } from "./state";

/** Excel's rules: 1–31 characters, none of `: \ / ? * [ ]`, no apostrophe at either end, not "History". */
export function checkSheetName(name: string): void {
  const valid =
    name.length >= 1 &&
    name.length <= 31 &&
    !/[:\\/?*[\]]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toUpperCase() !== "HISTORY";
  if (!valid) throw officeError("InvalidArgument", `${JSON.stringify(name)} is not a valid sheet name`);
}

/** Starts with a letter, `_` or `\`; letters, digits, `_`, `.`, `\`, `?` after; never a cell reference. */
export function checkDefinedName(name: string): void {
  const valid = /^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) && name.length <= 255 && !looksLikeCellReference(name);
  if (!valid) throw officeError("InvalidArgument", `${JSON.stringify(name)} is not a valid name`);
}

/** Excel stores a name's formula with a leading `=`, whether or not it was given one. */
export function nameFormula(reference: string): string {
  const trimmed = reference.trim();
  if (trimmed === "" || trimmed === "=") throw officeError("InvalidArgument", "a name must refer to something");
  return trimmed.startsWith("=") ? trimmed : `=${trimmed}`;
}

const ERROR = /#(?:REF!|NAME\?|VALUE!|DIV\/0!|N\/A|NUM!|NULL!)/i;

/** The type Excel reports for a name; undefined when only calculating the formula would tell. */
export function nameType(formula: string): NameType | undefined {
  const body = formula.slice(1).trim();
  if (ERROR.test(body)) return "Error";
  if (parseAddress(body)?.sheet !== undefined) return "Range";
  if (/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(body)) return "Double";
  if (/^"(?:[^"]|"")*"$/.test(body)) return "String";
  if (/^(?:TRUE|FALSE)$/i.test(body)) return "Boolean";
  return undefined;
}

/** NamedItem.getRange: only a name that refers to a range on an existing sheet has one. */
export function nameTarget(state: WorkbookState, name: string, formula: string): RangeTarget {
  const reference = parseAddress(formula.slice(1));
  if (reference?.sheet === undefined || nameType(formula) !== "Range")
    throw officeError("InvalidArgument", `the name ${name} (${formula}) does not refer to a range`);
  return { sheet: required(findSheet(state, reference.sheet), `the sheet of name ${name} (${formula})`), rect: reference.rect };
}

/** Excel's default style for a new table. */
export const DEFAULT_TABLE_STYLE = "TableStyleMedium2";

/** Excel's built-in table styles: Light1–21, Medium1–28, Dark1–11. */
export function isBuiltInTableStyle(style: unknown): style is string {
  const match = typeof style === "string" ? /^TableStyle(Light|Medium|Dark)([1-9]\d?)$/.exec(style) : null;
  if (!match) return false;
  const most = { Light: 21, Medium: 28, Dark: 11 }[match[1] as "Light" | "Medium" | "Dark"];
  return Number(match[2]) <= most;
}
