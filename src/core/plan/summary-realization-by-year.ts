import { REALIZATION_NAMES } from "../model/names";
import { realizationByYear, type RealizationByYear } from "../model/realization-by-year";
import type { Element, YearActual } from "../model/types";
import { type CellAddress, formatCell } from "../workbook/address";
import { inExcel, NOT_AVAILABLE } from "./cached";
import { COLORS } from "./formats";
import { absolute, relative, type SummaryGrid } from "./summary-grid";
import { wrapWords } from "./text-lines";
import type { CachedValue, RealizationChart } from "./types";

/** Where the section's cells sit: sheet-relative A1 addresses on the Value Summary (for tests and tools). */
export interface RealizationByYearLayout {
  /** One entry per measured year, in order. */
  readonly years: readonly {
    readonly year: number;
    readonly estimated: string;
    readonly actual: string;
    readonly share: string;
    readonly estimatedToDate: string;
    readonly actualToDate: string;
    readonly shareToDate: string;
  }[];
  /** One entry per measured element-year, by year then element. */
  readonly measured: readonly {
    readonly element: number;
    readonly year: number;
    readonly estimated: string;
    readonly actual: string;
    readonly share: string;
  }[];
}

const YEAR_HEADERS = ["Year", "Estimated", "Actual", "Realized", "Estimated to date", "Actual to date", "Realized to date"] as const;
const MEASURED_HEADERS = ["Element", "Year", "Estimated", "Actual", "Realized", "Source"] as const;
/** Rows the chart takes below the table of years: room for a few years of bars, and for the section to share a printed page. */
const CHART_ROWS = 10;

/**
 * Realization by year: the results measured in CVM_Actuals against the ramped estimate of the
 * same element and year. First each measured year (estimate and actual over the element-years
 * measured in it, then both to date, behind CVM_EstimatedToDate and CVM_RealizedToDate), a chart
 * of estimate against actual by year, then each measured element-year. Every figure is live: an
 * estimate refers to the element's cell of that year in the table of elements by year, an actual
 * to its cell in CVM_Actuals. Absent until CVM_Actuals has something measured.
 */
export function planRealizationByYear(
  g: SummaryGrid,
  start: number,
):
  | {
      nextRow: number;
      layout: RealizationByYearLayout;
      chart: RealizationChart;
      /** Result names and the cells (0-based, on this sheet) they point at. */
      names: { name: string; row: number; column: number }[];
      blocks: { first: number; last: number }[];
    }
  | undefined {
  const computed = realizationByYear(g.model, g.results);
  if (!computed) return undefined;
  const { s } = g;
  const count = computed.measured.length;
  s.text(start, 0, "Realization by year", "section");
  const lines = wrapWords(
    `Results measured in CVM_Actuals against the estimate of the same element and year (its annual value times that year's ramp-up share), ${count} element-year${count === 1 ? "" : "s"} so far. A year's estimate counts only the elements measured in that year.`,
    170,
  );
  lines.forEach((line, i) => s.text(start + 1 + i, 0, line, "note"));
  const yearHeader = start + 1 + lines.length;
  const firstYear = yearHeader + 1;
  const lastYear = firstYear + computed.years.length - 1;
  const chartRow = lastYear + 2;
  const measuredTitle = chartRow + CHART_ROWS + 1;
  const measuredHeader = measuredTitle + 1;
  const firstMeasured = measuredHeader + 1;

  const measured = planMeasured(g, computed, measuredTitle, firstMeasured);
  const years = planYears(g, computed, yearHeader, measured);
  // The names point at the last measured year's figures to date, on this sheet.
  const names = [
    { name: REALIZATION_NAMES.estimatedToDate, row: lastYear, column: 4 },
    { name: REALIZATION_NAMES.realizedToDate, row: lastYear, column: 5 },
  ];
  const chart: RealizationChart = {
    kind: "realizationByYear",
    title: "Estimate against actual, by year",
    categories: `${relative(firstYear, 0)}:${relative(lastYear, 0)}`,
    series: [
      { name: "Estimated", values: `${relative(firstYear, 1)}:${relative(lastYear, 1)}`, color: COLORS.estimateBar },
      { name: "Actual", values: `${relative(firstYear, 2)}:${relative(lastYear, 2)}`, color: COLORS.actualBar },
    ],
    anchor: { row: chartRow, column: 0, columns: 4, rows: CHART_ROWS },
  };
  const lastMeasured = firstMeasured + count - 1;
  return {
    nextRow: lastMeasured,
    layout: {
      years,
      measured: measured.map(({ element, year, estimated, actual, share }) => ({ element, year, estimated, actual, share })),
    },
    chart,
    names,
    // The years and their chart print together; the list of element-years may start a page of its own.
    blocks: [
      { first: start, last: chartRow + CHART_ROWS - 1 },
      { first: measuredTitle, last: lastMeasured },
    ],
  };
}

interface MeasuredRow {
  readonly element: number;
  readonly year: number;
  readonly row: number;
  readonly estimated: string;
  readonly actual: string;
  readonly share: string;
}

/** Each measured element-year: the estimate of that year (live from the elements by year), the actual (live from CVM_Actuals), the share, the source. */
function planMeasured(g: SummaryGrid, computed: RealizationByYear, title: number, first: number): MeasuredRow[] {
  const { s } = g;
  s.text(title, 0, "By element and year", "label");
  MEASURED_HEADERS.forEach((h, c) => s.text(title + 1, c, h, c === 0 ? "header" : c === 5 ? "headerIndented" : "headerRight"));
  return computed.measured.map(({ measured, estimated, share }, i) => {
    const row = first + i;
    s.text(row, 0, g.model.elements[measured.element]!.element, "text");
    s.number(row, 1, measured.year, "whole");
    s.formula(row, 2, absolute(g.firstElementRow + measured.element, g.yearColumn(measured.year)), "money", inExcel(estimated));
    s.formula(row, 3, liveActual(g.model.elements[measured.element]!, measured), "money", inExcel(measured.actual));
    s.formula(row, 4, shareFormula(relative(row, 3), relative(row, 2)), "percent", shareValue(share));
    // Indented: the source reads apart from the share right-aligned beside it.
    s.text(row, 5, measured.source, "indented");
    return {
      element: measured.element,
      year: measured.year,
      row,
      estimated: relative(row, 2),
      actual: relative(row, 3),
      share: relative(row, 4),
    };
  });
}

/**
 * An element-year's actual, live from its cell in CVM_Actuals while that row still names this
 * element (by its Id or its name, as CVM_Elements holds them now) and this year; otherwise #N/A
 * until the next build, never another row's money: a ledger sorted or filtered after the build, or
 * an actual cleared, shows as not available rather than paired with the wrong element-year.
 * Only references: the row's words are compared in the workbook, never copied into the formula.
 */
function liveActual(element: Element, measured: YearActual): string {
  const cell = (address: CellAddress) => formatCell(address, true);
  const named = `TRIM(${cell(measured.elementCell)})`;
  const names = [element.idCell, element.nameCell].flatMap((c) => (c ? [`${named}=TRIM(${cell(c)})`] : []));
  const actual = cell(measured.actualCell);
  return `IF(AND(${cell(measured.yearCell)}=${measured.year},OR(${names.join(",")}),ISNUMBER(${actual})),${actual},NA())`;
}

/** Each measured year: the sums of its element-years (which sit together, ordered by year), the share, and all three to date. */
function planYears(g: SummaryGrid, computed: RealizationByYear, header: number, measured: readonly MeasuredRow[]) {
  const { s } = g;
  YEAR_HEADERS.forEach((h, c) => s.text(header, c, h, c === 0 ? "header" : "headerRight"));
  const first = header + 1;
  return computed.years.map((y, i) => {
    const row = first + i;
    const rows = measured.filter((m) => m.year === y.year).map((m) => m.row);
    const span = (column: number) => `${relative(rows[0]!, column)}:${relative(rows.at(-1)!, column)}`;
    const toDate = (column: number) => `SUM(${absolute(first, column)}:${relative(row, column)})`;
    // Text, so that the chart's categories read "Year 1", not 1.
    s.text(row, 0, `Year ${y.year}`, "text");
    s.formula(row, 1, `SUM(${span(2)})`, "money", inExcel(y.estimated));
    s.formula(row, 2, `SUM(${span(3)})`, "money", inExcel(y.actual));
    s.formula(row, 3, shareFormula(relative(row, 2), relative(row, 1)), "percent", shareValue(y.share));
    s.formula(row, 4, toDate(1), "money", inExcel(y.estimatedToDate));
    s.formula(row, 5, toDate(2), "money", inExcel(y.actualToDate));
    s.formula(row, 6, shareFormula(relative(row, 5), relative(row, 4)), "percentBold", shareValue(y.shareToDate));
    return {
      year: y.year,
      estimated: relative(row, 1),
      actual: relative(row, 2),
      share: relative(row, 3),
      estimatedToDate: relative(row, 4),
      actualToDate: relative(row, 5),
      shareToDate: relative(row, 6),
    };
  });
}

function shareValue(share: number | undefined): CachedValue {
  return share === undefined ? NOT_AVAILABLE : inExcel(share);
}

/** #N/A where nothing was estimated: a share of zero has no meaning. */
function shareFormula(actual: string, estimated: string): string {
  return `IF(${estimated}=0,NA(),${actual}/${estimated})`;
}
