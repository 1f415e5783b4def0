import type { CellValue, RangeInput } from "../../../src/core/workbook/cells";
import { PROFILES_DESCRIPTION } from "../../../src/core/profiles";

/** A range of `rows` from A1 of `sheet`, as Office.js reports it (values, and formulas where given). */
export function rangeAt(
  sheet: string,
  rows: readonly (readonly CellValue[])[],
  formulas?: Readonly<Record<string, string>>,
  origin = { row: 0, column: 0 },
): RangeInput {
  const width = Math.max(...rows.map((r) => r.length));
  const letters = (c: number) => String.fromCharCode(65 + c);
  const address = `${sheet}!${letters(origin.column)}${origin.row + 1}:${letters(origin.column + width - 1)}${origin.row + rows.length}`;
  const grid = rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
  const formulaGrid = grid.map((r, i) => r.map((v, c) => formulas?.[`${letters(origin.column + c)}${origin.row + i + 1}`] ?? v));
  return { address, values: grid, formulas: formulaGrid };
}

/** The profiles sheet's used range as the add-in writes it. */
export function profilesSheet(options: {
  readonly active?: string;
  readonly variables: readonly string[];
  readonly profiles: readonly (readonly CellValue[])[];
  readonly format?: CellValue;
}): RangeInput {
  return rangeAt("CVM_Profiles", [
    ["CVM_Profiles", PROFILES_DESCRIPTION],
    ["format", options.format ?? 1],
    ["active", options.active ?? ""],
    [],
    ["Customer", "Saved", ...options.variables],
    ...options.profiles,
  ]);
}

/** CVM_Variables on sheet Inputs: Name | Value | Unit, from A1. */
export function variablesRange(rows: readonly (readonly [string, CellValue])[], formulas?: Readonly<Record<string, string>>): RangeInput {
  return rangeAt("Inputs", [["Name", "Value", "Unit"], ...rows.map(([n, v]) => [n, v, ""])], formulas);
}

/** CVM_Settings on sheet Settings: Setting | Value. */
export function settingsRange(rows: readonly (readonly [string, CellValue])[], formulas?: Readonly<Record<string, string>>): RangeInput {
  return rangeAt("Settings", [["Setting", "Value"], ...rows], formulas);
}
