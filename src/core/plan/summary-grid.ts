import type { Results } from "../model/compute";
import type { ResultName } from "../model/names";
import type { TermSettingKey } from "../model/settings";
import type { ValueModel } from "../model/types";
import { cellRef } from "../workbook/address";
import type { SheetBuilder } from "./sheet-builder";

/** The settings the summary shows as rows of price and terms, which its formulas refer to. */
export type SummarySetting = TermSettingKey;

/**
 * Where the Value Summary's main parts sit, for the sections below them to refer to: each
 * section's formulas point at the element table, the settings and the results, never at numbers.
 */
export interface SummaryGrid {
  readonly s: SheetBuilder;
  readonly model: ValueModel;
  /** The core's results, for the few numbers that cannot be live (sensitivity). */
  readonly results: Results;
  readonly years: number;
  readonly firstElementRow: number;
  readonly lastElementRow: number;
  /** The column of each element's annual value; year 0 of a cash flow sits here too. */
  readonly annualColumn: number;
  readonly yearColumn: (year: number) => number;
  /** Absolute references (`$B$12`) to the setting cells and result cells on the sheet. */
  readonly setting: (key: SummarySetting) => string;
  readonly result: (name: ResultName) => string;
  /** Absolute reference to element `index`'s annual value. */
  readonly annualCell: (index: number) => string;
}

export const absolute = (row: number, column: number) => cellRef(row, column, true);
export const relative = (row: number, column: number) => cellRef(row, column);

/** Rows of one cash flow: net per year (year 0 in the annual column), cumulative, and the payback helper. */
export interface CashFlowRows {
  readonly net: number;
  readonly cumulative: number;
  readonly crossing: number;
}

/**
 * The formulas every cash flow on the sheet shares, so that a scenario's NPV and payback are
 * computed exactly as the model's own: Excel's NPV from year 1 plus year 0 undiscounted, and
 * payback where the cumulative turns non-negative, interpolated within the year.
 */
export function cashFlowFormulas(g: SummaryGrid, rows: CashFlowRows) {
  const years = (row: number) => `${relative(row, g.yearColumn(1))}:${relative(row, g.yearColumn(g.years))}`;
  return {
    cumulative: (year: number) =>
      year === 0
        ? relative(rows.net, g.annualColumn)
        : `${relative(rows.cumulative, g.yearColumn(year) - 1)}+${relative(rows.net, g.yearColumn(year))}`,
    crossing: (year: number) => {
      const before = relative(rows.cumulative, g.yearColumn(year) - 1);
      const now = relative(rows.cumulative, g.yearColumn(year));
      return `IF(AND(${before}<0,${now}>=0),12*(${year - 1}-${before}/${relative(rows.net, g.yearColumn(year))}),"")`;
    },
    total: (row: number) => `SUM(${years(row)})`,
    npv: `${relative(rows.net, g.annualColumn)}+NPV(${g.setting("discountRate")},${years(rows.net)})`,
    payback: `IF(${relative(rows.cumulative, g.annualColumn)}>=0,0,IF(COUNT(${years(rows.crossing)})=0,NA(),MIN(${years(rows.crossing)})))`,
  };
}
