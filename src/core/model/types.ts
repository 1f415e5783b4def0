import type { Expr } from "../formula/ast";
import type { CellAddress } from "../workbook/address";
import type { Settings } from "./settings";

export type Confidence = "green" | "gray";

export interface Variable {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly source: string;
  readonly notes: string;
  /** Both or neither: a plausible range for sensitivity analysis. */
  readonly range?: { readonly low: number; readonly high: number; readonly lowCell: CellAddress; readonly highCell: CellAddress };
  /** Where Low and High are entered, when the range has those columns (filled or not): a customer's range is written there. */
  readonly lowCell?: CellAddress;
  readonly highCell?: CellAddress;
  /** The cell holding the value: the variable's defined name points here. */
  readonly valueCell: CellAddress;
  /** The Value cell's number format (`0%`, `#,##0`), where it has one other than General: the sheets the add-in writes show the variable alike. */
  readonly numberFormat?: string;
  readonly nameCell: CellAddress;
}

export interface Element {
  readonly element: string;
  readonly formulaText: string;
  readonly expr: Expr;
  readonly id?: string;
  readonly stakeholder: string;
  readonly category: string;
  readonly confidence: Confidence;
  /** Realization by year as fractions; years past the list repeat its last entry. Never empty. */
  readonly ramp: readonly number[];
  readonly rampText: string;
  readonly assumptions: string;
  readonly actual?: number;
  /** Where the Actual is entered, when the range has an Actual column (filled or not). */
  readonly actualCell?: CellAddress;
  readonly formulaCell: CellAddress;
  readonly nameCell: CellAddress;
  readonly idCell?: CellAddress;
  /** Where the stakeholder is named, when the range has a Stakeholder column. */
  readonly stakeholderCell?: CellAddress;
  /**
   * The value proposition in words ("cutting unplanned repair spend by 30%"), exactly as `&` reads
   * its cell (untrimmed, "" when empty: the Value Map's sentence refers to the cell); absent when
   * the range has no Proposition column.
   */
  readonly proposition?: { readonly text: string; readonly cell: CellAddress };
}

/** A row of the optional `CVM_Stakeholders`: who the value is for, and what they are judged by. */
export interface Stakeholder {
  readonly stakeholder: string;
  /** Role or level (VP Operations). */
  readonly role: string;
  /** What they are trying to accomplish. */
  readonly objective: string;
  /** The metric they are judged by. */
  readonly metric: string;
  /** For the model's author; not shown on the Value Map. */
  readonly notes: string;
  readonly nameCell: CellAddress;
}

export { DEFAULT_SETTINGS, type SettingCells, type Settings } from "./settings";

/**
 * One measured result of `CVM_Actuals`: the money an element brought in one year of the horizon,
 * where the figure came from and when it was measured.
 */
export interface YearActual {
  /** Index of the element in the model's elements. */
  readonly element: number;
  /** 1..Years: rows beyond the horizon are warned about and left out. */
  readonly year: number;
  readonly actual: number;
  readonly source: string;
  /** The measurement's date as an Excel serial number (days since 1899-12-30), when given. */
  readonly date?: number;
  /** The Actual cell in CVM_Actuals: the summary reads it live. */
  readonly actualCell: CellAddress;
  /** Its row's Element and Year cells: the summary checks them live, so a sorted ledger shows #N/A rather than another row's money. */
  readonly elementCell: CellAddress;
  readonly yearCell: CellAddress;
}

/** A model that passed validation: every name resolves, no cycles, every number is a number. */
export interface ValueModel {
  readonly variables: readonly Variable[];
  readonly elements: readonly Element[];
  readonly settings: Settings;
  /** Present exactly when the workbook has `CVM_Stakeholders`: the model then has a Value Map. */
  readonly stakeholders?: readonly Stakeholder[];
  /**
   * The measured results by element and year, from the optional range CVM_Actuals; absent when
   * the workbook has no such range or it holds no row to compare, so such a model is as before.
   */
  readonly actuals?: readonly YearActual[];
}

/** Realization in year `year` (1-based): the ramp's entry, or its last entry past the list. */
export function rampAt(ramp: readonly number[], year: number): number {
  return ramp[Math.min(year, ramp.length) - 1] ?? 1;
}
