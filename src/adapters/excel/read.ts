import type { ExistingWorkbook } from "../../core/plan/build-plan";
import { ASSUMPTIONS_SHEET } from "../../core/plan/assumptions";
import { HISTORY_COLUMN, HISTORY_LAST_COLUMN } from "../../core/plan/history";
import { META_SHEET } from "../../core/plan/ownership";
import { columnLetters, parseRangeAddress } from "../../core/workbook/address";
import { type CellValue, RANGE_NAMES, type RangeInput, type WorkbookInput } from "../../core/workbook/cells";
import { firstCellOf, parseWholeLines, type WholeLines } from "../../core/workbook/whole-lines";

/** Everything a build needs from the workbook, read before anything is written. */
export interface ExcelWorkbookRead {
  readonly input: WorkbookInput;
  readonly existing: ExistingWorkbook;
  /** Chart names on each existing sheet the add-in may rewrite, by sheet name in lower case. */
  readonly charts: ReadonlyMap<string, readonly string[]>;
  /** Whether Excel recalculates by itself: a build recalculates a Manual workbook itself. */
  readonly calculation: "automatic" | "manual";
  /** Round trips the read took. */
  readonly syncs: number;
}

export type RangeKey = keyof typeof RANGE_NAMES;
const RANGE_KEYS = Object.keys(RANGE_NAMES) as RangeKey[];

/**
 * Reads the workbook in two round trips, whatever its size: first what exists (sheets, names,
 * tables), then, together, the three named ranges (values, formulas and addresses), the add-in's
 * record, the Assumptions Log's change history and the charts on its sheets. The first trip is what makes the second safe: a range is
 * only asked for when it is known to exist, so no request ever touches a missing object.
 * `sheetsOfInterest` are the sheets whose charts a build may replace.
 */
export async function readExcelWorkbook(context: Excel.RequestContext, sheetsOfInterest: readonly string[]): Promise<ExcelWorkbookRead> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/type,items/formula");
  const tables = workbook.tables.load("items/name,items/showTotals");
  const application = context.application.load("calculationMode");
  await context.sync();

  const sheetNames = sheets.items.map((s) => s.name);
  const hasSheet = (name: string) => sheetNames.some((s) => s.toLowerCase() === name.toLowerCase());
  const ranges = new Map<RangeKey, PendingRange>();
  for (const key of RANGE_KEYS) {
    const pending = requestRange(key, names, tables, sheets);
    if (pending) ranges.set(key, pending);
  }
  const record = hasSheet(META_SHEET) ? workbook.worksheets.getItem(META_SHEET).getUsedRangeOrNullObject(true).load("values") : undefined;
  // The change history, so that a build for one customer can leave out another customer's entries.
  const historyColumns = `${columnLetters(HISTORY_COLUMN)}:${columnLetters(HISTORY_LAST_COLUMN)}`;
  const history = hasSheet(ASSUMPTIONS_SHEET)
    ? workbook.worksheets.getItem(ASSUMPTIONS_SHEET).getRange(historyColumns).getUsedRangeOrNullObject(true).load("address,values")
    : undefined;
  const chartCollections = sheetsOfInterest
    .filter(hasSheet)
    .map((sheet) => ({ sheet, charts: workbook.worksheets.getItem(sheet).charts.load("items/name") }));
  await context.sync();

  const input: { -readonly [K in RangeKey]?: RangeInput } = {};
  for (const [key, range] of ranges) input[key] = rangeInputOf(range);
  return {
    input,
    existing: {
      sheets: sheetNames,
      names: names.items.map((n) => ({ name: n.name, refersTo: String(n.formula) })),
      tables: tables.items.map((t) => t.name),
      ...(record && !record.isNullObject ? { record: record.values as CellValue[][] } : {}),
      ...(history && !history.isNullObject ? { history: { address: history.address, values: history.values as CellValue[][] } } : {}),
    },
    charts: new Map(chartCollections.map(({ sheet, charts }) => [sheet.toLowerCase(), charts.items.map((c) => c.name)])),
    calculation: application.calculationMode === "Manual" ? "manual" : "automatic",
    syncs: 2,
  };
}

/**
 * A range of the contract to read in a second trip, or what is already known without reading.
 * `wholeLines` marks a name over whole columns or rows, read as its used part.
 */
export type PendingRange =
  { readonly loaded: Excel.Range; readonly totalsRow?: boolean; readonly wholeLines?: WholeLines } | { readonly known: RangeInput };

/**
 * Queues the read of one of the contract's ranges, found among the loaded names and tables (a
 * name wins over a table of the same name); undefined when the workbook has neither.
 */
export function requestRange(
  key: RangeKey,
  names: Excel.NamedItemCollection,
  tables: Excel.TableCollection,
  sheets: Excel.WorksheetCollection,
): PendingRange | undefined {
  const wanted = RANGE_NAMES[key].toLowerCase();
  const name = names.items.find((n) => n.name.toLowerCase() === wanted);
  const table = tables.items.find((t) => t.name.toLowerCase() === wanted);
  // A name on a sheet the workbook does not have (typed so, or from another program) has no range
  // to get: asking for it would fail the whole read. It reads as a deleted range.
  const onSheet = name && name.type === "Range" ? sheetOf(String(name.formula)) : undefined;
  if (onSheet !== undefined && !sheets.items.some((s) => s.name.toLowerCase() === onSheet.toLowerCase()))
    return { known: { address: "#REF!", values: [] } };
  const wholeLines = name && name.type === "Range" ? parseWholeLines(String(name.formula)) : undefined;
  // A million rows would exceed what Excel returns in one response: only the used part is read.
  if (name && wholeLines)
    return { loaded: name.getRange().getUsedRangeOrNullObject(true).load("address,values,formulas,numberFormat"), wholeLines };
  if (name && name.type === "Range") return { loaded: name.getRange().load("address,values,formulas,numberFormat") };
  // A name whose sheet was deleted is an `Error` name (`=#REF!$B$2:$C$9`): reported, not read.
  if (name) return { known: { address: brokenAddress(String(name.formula)), values: [] } };
  if (table) return { loaded: table.getRange().load("address,values,formulas,numberFormat"), totalsRow: table.showTotals };
  return undefined;
}

/** A requested range as the core reads it, once the trip that loads it has synced. */
export function rangeInputOf(range: PendingRange): RangeInput {
  if ("known" in range) return range.known;
  // Whole columns with nothing in them: reported where their header would be.
  if (range.wholeLines && range.loaded.isNullObject) return { address: firstCellOf(range.wholeLines), values: [] };
  return toRangeInput(range.loaded, range.totalsRow === true);
}

/** The sheet a name's reference is on, when it is a plain range or whole lines of one sheet. */
function sheetOf(formula: string): string | undefined {
  return (parseRangeAddress(formula.replace(/^=/, "")) ?? parseWholeLines(formula))?.sheet;
}

/** What the core reports for a name that is not a range: `#REF!` when its sheet was deleted. */
function brokenAddress(formula: string): string {
  return formula.includes("#REF!") ? "#REF!" : formula.replace(/^=/, "");
}

/** A table's totals row is no variable or element: it is left out, as the table's data ends above it. */
function toRangeInput(range: Excel.Range, totalsRow: boolean): RangeInput {
  const rows = (grid: unknown[][]) => (totalsRow ? grid.slice(0, -1) : grid) as CellValue[][];
  return {
    address: range.address,
    values: rows(range.values),
    formulas: rows(range.formulas),
    numberFormats: rows(range.numberFormat).map((r) => r.map(String)),
  };
}
