/**
 * Builders for workbook inputs shaped exactly as Office.js hands named ranges over: an address
 * such as `Inputs!B3:H6` and a rectangular 2-D array of values, header row first.
 *
 * Addresses are written out by hand (single-letter columns only) so that the tests do not rely on
 * the address code they also exercise.
 */
import type { CellAddress } from "../../../src/core/workbook/address";
import type { CellValue, RangeInput, WorkbookInput } from "../../../src/core/workbook/cells";
import type { Problem } from "../../../src/core/problems";
import type { Analysis } from "../../../src/core/model/analyze";

export type Row = readonly CellValue[];

/** `at("Inputs", "C5")` is the 0-based `{ sheet: "Inputs", row: 4, column: 2 }`. */
export function at(sheet: string, a1: string): CellAddress {
  const match = /^([A-Z])([0-9]+)$/.exec(a1);
  if (!match) throw new Error(`at(): write a single-letter A1 reference, not ${a1}`);
  return { sheet, row: Number(match[2]) - 1, column: match[1]!.charCodeAt(0) - 65 };
}

/** A range whose top-left cell is `corner` (e.g. `B3`) on the sheet spelled `sheetRef` (quoted if need be). */
export function range(sheetRef: string, corner: string, values: readonly Row[]): RangeInput {
  const match = /^([A-Z])([0-9]+)$/.exec(corner)!;
  const left = match[1]!.charCodeAt(0) - 65;
  const top = Number(match[2]);
  const width = Math.max(1, ...values.map((r) => r.length));
  const height = Math.max(1, values.length);
  const right = String.fromCharCode(65 + left + width - 1);
  const padded = values.map((r) => [...r, ...Array<CellValue>(width - r.length).fill("")]);
  return { address: `${sheetRef}!${corner}:${right}${top + height - 1}`, values: padded };
}

// CVM_Variables lives at Inputs!B3: header on row 3, data row k on row 3+k.
// Columns: B Name, C Value, D Unit, E Source, F Notes, G Low, H High.
export const VARIABLE_HEADER: Row = ["Name", "Value", "Unit", "Source", "Notes", "Low", "High"];

export function variable(
  name: CellValue,
  value: CellValue,
  more: { unit?: CellValue; source?: CellValue; notes?: CellValue; low?: CellValue; high?: CellValue } = {},
): Row {
  return [name, value, more.unit ?? "", more.source ?? "", more.notes ?? "", more.low ?? "", more.high ?? ""];
}

// CVM_Elements lives at 'Value Model'!A1: header on row 1, data row k on row 1+k.
// Columns: A Element, B Formula, C Id, D Stakeholder, E Category, F Confidence, G Ramp, H Assumptions, I Actual.
export const ELEMENT_HEADER: Row = ["Element", "Formula", "Id", "Stakeholder", "Category", "Confidence", "Ramp", "Assumptions", "Actual"];

export interface ElementFields {
  element?: CellValue;
  formula?: CellValue;
  id?: CellValue;
  stakeholder?: CellValue;
  category?: CellValue;
  confidence?: CellValue;
  ramp?: CellValue;
  assumptions?: CellValue;
  actual?: CellValue;
}

export function element(e: ElementFields): Row {
  return [
    e.element ?? "",
    e.formula ?? "",
    e.id ?? "",
    e.stakeholder ?? "",
    e.category ?? "",
    e.confidence ?? "",
    e.ramp ?? "",
    e.assumptions ?? "",
    e.actual ?? "",
  ];
}

// CVM_Settings lives at Settings!D2: header on row 2, data row k on row 2+k. Columns: D Setting, E Value.
export const SETTING_HEADER: Row = ["Setting", "Value"];

export const VARIABLES_SHEET = "Inputs";
export const ELEMENTS_SHEET = "Value Model";
export const SETTINGS_SHEET = "Settings";

export interface WorkbookParts {
  /** Data rows; `null` leaves the named range out of the workbook. */
  variables?: readonly Row[] | null;
  elements?: readonly Row[] | null;
  settings?: readonly Row[] | null;
  variableHeader?: Row;
  elementHeader?: Row;
  settingHeader?: Row;
}

export function workbook(
  parts: WorkbookParts,
  defaults: { variables: readonly Row[]; elements: readonly Row[]; settings: readonly Row[] },
): WorkbookInput {
  const variables = parts.variables === undefined ? defaults.variables : parts.variables;
  const elements = parts.elements === undefined ? defaults.elements : parts.elements;
  const settings = parts.settings === undefined ? defaults.settings : parts.settings;
  return {
    ...(variables ? { variables: range("Inputs", "B3", [parts.variableHeader ?? VARIABLE_HEADER, ...variables]) } : {}),
    ...(elements ? { elements: range("'Value Model'", "A1", [parts.elementHeader ?? ELEMENT_HEADER, ...elements]) } : {}),
    ...(settings ? { settings: range("Settings", "D2", [parts.settingHeader ?? SETTING_HEADER, ...settings]) } : {}),
  };
}

/** The problems of an analysis with one code. */
export function withCode(analysis: Analysis, code: string): Problem[] {
  return analysis.problems.filter((p) => p.code === code);
}

/** The one problem with this code; fails the test when there is none or more than one. */
export function single(analysis: Analysis, code: string): Problem {
  const found = withCode(analysis, code);
  if (found.length !== 1) {
    throw new Error(`expected exactly one "${code}" problem, got ${found.length}: ${JSON.stringify(analysis.problems, null, 1)}`);
  }
  return found[0]!;
}

export function codes(analysis: Analysis): string[] {
  return analysis.problems.map((p) => p.code);
}
