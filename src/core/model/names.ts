import { looksLikeCellReference } from "../workbook/address";

/** Defined names the add-in itself creates or reads: a variable or element id may not take one. */
export const RESULT_NAMES = [
  "CVM_TotalAnnualValue",
  "CVM_Green",
  "CVM_Gray",
  "CVM_TotalBenefit",
  "CVM_TotalCost",
  "CVM_NetValue",
  "CVM_NPV",
  "CVM_ROI",
  "CVM_PaybackMonths",
] as const;
export type ResultName = (typeof RESULT_NAMES)[number];

/** The results of the next-best alternative (issue 16), written only where the model gives one. */
export const ALTERNATIVE_RESULT_NAMES = ["CVM_AlternativeCost", "CVM_PriceDifference", "CVM_Incentive"] as const;

/** Results of realization by year, defined only when CVM_Actuals has something measured. */
export const REALIZATION_NAMES = { realizedToDate: "CVM_RealizedToDate", estimatedToDate: "CVM_EstimatedToDate" } as const;

const RESERVED = new Set(
  [
    ...RESULT_NAMES,
    ...ALTERNATIVE_RESULT_NAMES,
    ...Object.values(REALIZATION_NAMES),
    "CVM_Variables",
    "CVM_Elements",
    "CVM_Settings",
    "CVM_Stakeholders",
    "CVM_Actuals",
  ].map((n) => n.toLowerCase()),
);

/**
 * Why `name` cannot be a defined name in Excel (and so cannot be a variable or element id),
 * or undefined when it can. Excel's rules: a letter or `_` first, then letters, digits, `_` or `.`;
 * at most 255 characters; not a cell reference; not TRUE or FALSE; not one of the prefixes a file
 * uses for Excel's own names and functions (`_xlnm.`, `_xlfn.`, `_xlws.`, `_xlpm.`, `_xludf.`).
 */
export function nameRuleBroken(name: string): string | undefined {
  if (name.length > 255) return "is longer than Excel's 255-character limit for names";
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) {
    if (/\s/.test(name)) return "contains a space; use _ or . instead (Excel names cannot contain spaces)";
    if (/^[\p{N}.]/u.test(name)) return "starts with a digit or a dot; names must start with a letter or _";
    return "contains a character Excel does not allow in names; use letters, digits, _ and . only";
  }
  if (looksLikeCellReference(name)) return 'looks like a cell reference to Excel; add a word, e.g. "' + name + '_value"';
  if (/^(true|false)$/i.test(name)) return "is a logical value in Excel; choose another name";
  // How a file stores Excel's own names (_xlnm.Print_Area) and newer functions (_xlfn.XLOOKUP).
  if (/^_xl(?:nm|fn|ws|pm|udf)\./i.test(name))
    return "begins with a prefix Excel keeps for its own names and functions (_xlnm., _xlfn.); choose another name";
  if (RESERVED.has(name.toLowerCase())) return "is a name the add-in uses for its own results";
  return undefined;
}
