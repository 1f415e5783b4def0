import { error, type Problem, warning } from "../problems";
import { cellErrorCode, cellText, describeCell, isBlank, quoted, RANGE_NAMES, type RangeInput } from "../workbook/cells";
import { type CellAddress, parseRangeAddress } from "../workbook/address";
import { type ColumnSpec, readTable, type TableCell, type TableRow } from "../workbook/table";
import { sameCustomer } from "./customer";
import { readNumberCell } from "./numbers";
import type { Element, YearActual } from "./types";

type Column = "element" | "year" | "actual" | "source" | "date" | "customer";
const COLUMNS: readonly ColumnSpec<Column>[] = [
  { key: "element", header: "Element", required: true },
  { key: "year", header: "Year", required: true },
  { key: "actual", header: "Actual", required: true },
  { key: "source", header: "Source", required: false },
  { key: "date", header: "Date", required: false },
  { key: "customer", header: "Customer", required: false },
];

const RANGE = RANGE_NAMES.actuals;

/** The largest date Excel shows: 31 December 9999. */
const LAST_EXCEL_DATE = 2958465;

export interface ActualsRead {
  /** The rows to compare with the estimate, in the range's order. */
  readonly actuals: YearActual[];
  readonly problems: Problem[];
}

/**
 * Whose results count: the rows whose Customer names `customer` (trimmed, ignoring case), and the
 * rows without a Customer when `unnamedAreTheirs` (they are the workbook's own customer's).
 */
export interface ActualsOwner {
  readonly customer: string;
  readonly unnamedAreTheirs: boolean;
}

/**
 * Reads the optional range `CVM_Actuals`: one row per element and year measured. A workbook
 * without the range, or with only its header, has no actuals and builds as before. `elements` are
 * the model's elements as read; when `elementsComplete` is false some rows of CVM_Elements were
 * refused, so an Element naming none of them is not reported (it may name a refused row).
 * With an `owner`, a row whose optional Customer names someone else is another customer's: it is
 * neither checked nor compared, and the rows of other customers are one warning (the workbook
 * must not go to its customer with them). Without one (a custom function's range), every row counts.
 */
export function readActuals(
  input: RangeInput | undefined,
  elements: readonly Element[],
  years: number,
  elementsComplete: boolean,
  owner?: ActualsOwner,
): ActualsRead {
  if (!input) return { actuals: [], problems: [] };
  const { table, problems } = readTable(RANGE, input, COLUMNS);
  if (!table || problems.some((p) => p.code === "column-missing")) return { actuals: [], problems };

  const find = elementFinder(elements);
  const actuals: YearActual[] = [];
  /** The first row of each element and year, by `index:year`, to refuse a second. */
  const seen = new Map<string, number>();
  const others: TableRow<Column>[] = [];
  for (const row of table.rows) {
    if (owner && !owned(row, owner, problems)) {
      const customer = row.cells.customer?.value;
      if (cellText(customer) !== "" && !cellErrorCode(customer)) others.push(row);
      continue;
    }
    if (errorCells(row, problems)) continue;
    const element = readElementCell(row.cells.element!, find, elementsComplete, problems);
    const year = readYearCell(row.cells.year!, problems);
    const actual = readActualCell(row.cells.actual!, problems);
    const date = readDateCell(row.cells.date, problems);
    if (element === undefined || year === undefined || actual === undefined) continue;
    const name = quoted(elements[element]!.id ?? elements[element]!.element);
    if (year > years) {
      problems.push(
        warning(
          "actual-beyond-horizon",
          RANGE,
          `This actual of ${name} is for year ${year}, beyond the ${years}-year horizon: it is not compared. Raise Years in CVM_Settings, or remove the row.`,
          row.cells.year!.address,
        ),
      );
      continue;
    }
    const key = `${element}:${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        error(
          "actual-repeated",
          RANGE,
          `The element ${name} already has an actual for year ${year} (row ${first + 1}); keep one row per element and year, adding the amounts up if both count.`,
          row.cells.year!.address,
        ),
      );
      continue;
    }
    seen.set(key, row.address.row);
    actuals.push({
      element,
      year,
      actual,
      source: cellText(row.cells.source?.value),
      ...(date !== undefined ? { date } : {}),
      actualCell: row.cells.actual!.address,
      elementCell: row.cells.element!.address,
      yearCell: row.cells.year!.address,
    });
  }
  if (owner && others.length > 0) problems.push(othersWarning(others, owner));
  return { actuals, problems };
}

/** Whether the row is the owner's: its Customer names them, or it names nobody and unnamed rows are theirs. An error value there is refused. */
function owned(row: TableRow<Column>, owner: ActualsOwner, problems: Problem[]): boolean {
  const cell = row.cells.customer;
  if (!cell) return owner.unnamedAreTheirs;
  const code = cellErrorCode(cell.value);
  if (code) {
    problems.push(cellError("customer", code, cell.address));
    return false;
  }
  const customer = cellText(cell.value);
  return customer === "" ? owner.unnamedAreTheirs : sameCustomer(customer, owner.customer);
}

/** One warning for every row of other customers: they stay in the workbook, which is the user's to clear before sending it. */
function othersWarning(rows: readonly TableRow<Column>[], owner: ActualsOwner): Problem {
  const names: string[] = [];
  for (const row of rows) {
    const name = cellText(row.cells.customer!.value);
    if (!names.some((n) => sameCustomer(n, name))) names.push(name);
  }
  const whose = names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;
  const ours = owner.customer.trim() === "" ? "this workbook, whose Customer setting is empty" : owner.customer.trim();
  return warning(
    "actual-other-customer",
    RANGE,
    `CVM_Actuals holds ${rows.length === 1 ? "1 result" : `${rows.length} results`} of ${whose}, not of ${ours}: ${rows.length === 1 ? "it is" : "they are"} not compared. Delete ${rows.length === 1 ? "that row" : "those rows"} (or keep them in another workbook) before you send this workbook to its customer.`,
    rows[0]!.cells.customer!.address,
  );
}

/** An error value in any cell of the row (`#REF!`, `#DIV/0!`) is an error of its own; true when the row has one. */
function errorCells(row: TableRow<Column>, problems: Problem[]): boolean {
  let found = false;
  for (const key of ["element", "year", "actual", "source", "date"] as const) {
    const cell = row.cells[key];
    const code = cell && cellErrorCode(cell.value);
    if (!cell || !code) continue;
    found = true;
    problems.push(cellError(key, code, cell.address));
  }
  return found;
}

/** An error value in a cell of the row: refused at that cell. */
function cellError(key: Column, code: string, at: CellAddress): Problem {
  return error(
    "actual-cell-error",
    RANGE,
    `This ${HEADER[key]} cell holds the error ${code}; fix it, or the cells its formula refers to.`,
    at,
  );
}

const HEADER: Readonly<Record<Column, string>> = {
  element: "Element",
  year: "Year",
  actual: "Actual",
  source: "Source",
  date: "Date",
  customer: "Customer",
};

type Finder = (text: string) => { readonly index: number } | { readonly ambiguous: number } | undefined;

/** By Id first (ids are unique), then by the Element name, both ignoring case. */
function elementFinder(elements: readonly Element[]): Finder {
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  elements.forEach((e, index) => {
    if (e.id) byId.set(e.id.toLowerCase(), index);
    const key = e.element.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), index]);
  });
  return (text) => {
    const key = text.toLowerCase();
    const id = byId.get(key);
    if (id !== undefined) return { index: id };
    const named = byName.get(key) ?? [];
    if (named.length === 1) return { index: named[0]! };
    return named.length > 1 ? { ambiguous: named.length } : undefined;
  };
}

function readElementCell(cell: TableCell, find: Finder, elementsComplete: boolean, problems: Problem[]): number | undefined {
  const text = cellText(cell.value);
  if (text === "") {
    problems.push(
      error(
        "actual-element-missing",
        RANGE,
        "This actual names no element; write the element's Id (or its name) in the Element column, or clear the whole row.",
        cell.address,
      ),
    );
    return undefined;
  }
  const found = find(text);
  if (found && "index" in found) return found.index;
  if (found) {
    problems.push(
      error(
        "actual-element-ambiguous",
        RANGE,
        `${found.ambiguous} elements are named ${quoted(text)}; write the Id of the one measured (give it one in CVM_Elements if it has none).`,
        cell.address,
      ),
    );
  } else if (elementsComplete) {
    problems.push(
      error(
        "actual-element-unknown",
        RANGE,
        `No element of CVM_Elements has the Id or the name ${quoted(text)}; write an element's Id or its name as in CVM_Elements.`,
        cell.address,
      ),
    );
  }
  return undefined;
}

function readYearCell(cell: TableCell, problems: Problem[]): number | undefined {
  const { value } = cell;
  if (typeof value === "number" && Number.isInteger(value) && value >= 1) return value;
  const what =
    typeof value === "number" ? `the number ${value}, not a whole number from 1 up` : isBlank(value) ? "nothing" : describeCell(value);
  problems.push(
    error(
      "actual-year-invalid",
      RANGE,
      `The Year of this actual holds ${what}; write the year of the horizon it was measured in (1 for the first year).`,
      cell.address,
    ),
  );
  return undefined;
}

function readActualCell(cell: TableCell, problems: Problem[]): number | undefined {
  if (isBlank(cell.value)) {
    // A row prepared for a year not measured yet: nothing to compare, and nothing wrong.
    problems.push(
      warning(
        "actual-value-missing",
        RANGE,
        "This actual has no amount yet, so it is not compared; enter the money measured, or clear the row.",
        cell.address,
      ),
    );
    return undefined;
  }
  const read = readNumberCell(cell.value, "The Actual of this row");
  if (read.ok) return read.value;
  problems.push(error("actual-not-number", RANGE, read.message, cell.address));
  return undefined;
}

/** A date cell holds Excel's serial number; anything else is shown as a warning and the date left out. */
function readDateCell(cell: TableCell | undefined, problems: Problem[]): number | undefined {
  if (!cell || isBlank(cell.value)) return undefined;
  const { value } = cell;
  if (typeof value === "number" && value >= 1 && value <= LAST_EXCEL_DATE) return value;
  problems.push(
    warning(
      "actual-date-not-date",
      RANGE,
      `The Date of this actual holds ${describeCell(value)}, which Excel does not read as a date; enter a date (2026-03-31) so that the Assumptions Log can show it.`,
      cell.address,
    ),
  );
  return undefined;
}

/**
 * Each filled row of CVM_Actuals below its header, with its Customer as written ("" when the row
 * names nobody or the range has no Customer column) and every cell of the row that holds
 * something: what a copy made for one customer empties of the others' rows.
 */
export function actualsRowOwners(input: RangeInput | undefined): { readonly customer: string; readonly cells: readonly CellAddress[] }[] {
  const at = input && parseRangeAddress(input.address);
  if (!input || !at) return [];
  const [header = [], ...rows] = input.values;
  const column = header.findIndex((h) => cellText(h).toLowerCase() === "customer");
  return rows.flatMap((row, r) => {
    const cells = row.flatMap((value, c) => (isBlank(value) ? [] : [{ sheet: at.sheet, row: at.top + 1 + r, column: at.left + c }]));
    return cells.length === 0 ? [] : [{ customer: column < 0 ? "" : cellText(row[column]), cells }];
  });
}
