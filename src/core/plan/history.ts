import { sameCustomer } from "../model/customer";
import type { ValueModel } from "../model/types";
import { parseRangeAddress } from "../workbook/address";
import { type CellValue, cellText, isBlank, type RangeInput } from "../workbook/cells";
import type { BuildRecord } from "./ownership";
import type { SheetBuilder } from "./sheet-builder";
import { type Change, diffSnapshots, type SnapshotEntry } from "./snapshot";

/**
 * The Assumptions Log's change history (columns M to S from row 5), and the rule that a workbook
 * holds one customer's history only: each entry is tagged with the customer it was recorded for,
 * and a build keeps only the current customer's entries. Across the builds of one customer's
 * workbook the history is only appended to; it is rewritten only when entries of another customer
 * have to go.
 */
export const HISTORY_COLUMN = 12;
export const HISTORY_FIRST_ROW = 4;
export const HISTORY_HEADERS = ["Date", "Input", "Item", "Field", "Before", "After", "Customer"] as const;
/** Column S: the customer an entry was recorded for. Workbooks built before it have no tag. */
export const CUSTOMER_COLUMN = HISTORY_COLUMN + 6;
export const HISTORY_LAST_COLUMN = CUSTOMER_COLUMN;
export const HISTORY_WIDTHS = [17, 10, 24, 12, 20, 20, 24] as const;
export const HISTORY_NOTE =
  "Each build adds what changed in the inputs since the build before, for this workbook's customer; the add-in never rewrites these rows, except to remove another customer's.";

/** What the history says when a value was missing before or is gone after. */
const NONE = "(none)";
const REMOVED = "(removed)";

export { sameCustomer };

/** The Customer setting a record's snapshot holds, trimmed; "" when it had none. */
export function recordedCustomer(snapshot: readonly SnapshotEntry[]): string {
  const entry = snapshot.find((e) => e.kind === "Setting" && e.item === "Customer" && e.field === "Value");
  return entry === undefined ? "" : String(entry.value).trim();
}

/** One row of the history as read: seven cells, Date to Customer. */
export type HistoryCells = readonly CellValue[];

/**
 * The history's rows as an adapter read them (the values of columns M to S, from wherever the
 * read began), indexed from row 5; and whether the Customer header is already there.
 */
export function historyRowsOf(block: RangeInput | undefined): {
  readonly rows: readonly (HistoryCells | undefined)[];
  readonly tagHeader: boolean;
} {
  const at = block && parseRangeAddress(block.address);
  if (!block || !at) return { rows: [], tagHeader: false };
  const rows: (HistoryCells | undefined)[] = [];
  let tagHeader = false;
  block.values.forEach((line, r) => {
    const row = at.top + r;
    const cells = Array.from({ length: HISTORY_HEADERS.length }, (_, c) => line[HISTORY_COLUMN + c - at.left] ?? "");
    if (row === HISTORY_FIRST_ROW - 1) tagHeader = !isBlank(cells[CUSTOMER_COLUMN - HISTORY_COLUMN]);
    if (row >= HISTORY_FIRST_ROW) rows[row - HISTORY_FIRST_ROW] = cells.some((v) => !isBlank(v)) ? cells : undefined;
  });
  return { rows: Array.from(rows), tagHeader };
}

/** A history row with the customer it belongs to, and the customers it names. */
export interface AttributedRow {
  readonly cells: HistoryCells;
  /** The customer (trimmed) the row belongs to; "" for one recorded while the Customer setting was empty. */
  readonly owner: string;
  /** A change of the Customer setting names two customers: it belongs to neither. */
  readonly mentions: readonly string[];
}

function isCustomerChange(cells: HistoryCells): boolean {
  return cellText(cells[1]) === "Setting" && cellText(cells[2]) === "Customer" && cellText(cells[3]) === "Value";
}

/** A side of a Customer change: the name, or "" for none. */
function sideOf(value: CellValue | undefined): string {
  const text = cellText(value ?? "").trim();
  return text === NONE || text === REMOVED ? "" : text;
}

/**
 * Who each row belongs to. A tagged row belongs to its tag. An untagged row (written before rows
 * were tagged) is attributed by replaying the Customer changes: rows before a change from X to Y
 * are X's, rows after it Y's; with no such change, they are the customer's of the record's last
 * build. Rows recorded without a customer belong to the customer they were later named for (a
 * change from none to Y names the customer, it is no switch); `trailing` is who the unnamed rows
 * after the last change belong to. The rows a build wrote along with a change of customer from X
 * name X too: they hold X's values as Before.
 */
export function attributeHistory(
  rows: readonly (HistoryCells | undefined)[],
  recordCustomer: string,
  trailing = "",
): (AttributedRow | undefined)[] {
  const owners: (string | undefined)[] = [];
  const startRows: number[] = [];
  let carried: string | undefined;
  rows.forEach((cells, i) => {
    if (!cells) return;
    const tag = cellText(cells[CUSTOMER_COLUMN - HISTORY_COLUMN] ?? "").trim();
    if (isCustomerChange(cells)) {
      const [before, after] = [sideOf(cells[4]), sideOf(cells[5])];
      for (const r of startRows.splice(0)) owners[r] = before;
      owners[i] = tag !== "" ? tag : after;
      carried = after;
    } else if (tag !== "") owners[i] = tag;
    else if (carried !== undefined) owners[i] = carried;
    else startRows.push(i);
  });
  for (const r of startRows) owners[r] = recordCustomer;

  let naming = trailing;
  for (let i = rows.length - 1; i >= 0; i--) {
    const cells = rows[i];
    if (!cells) continue;
    if (isCustomerChange(cells)) {
      const [before, after] = [sideOf(cells[4]), sideOf(cells[5])];
      naming = before === "" ? after : "";
    } else if (owners[i] === "" && naming !== "") owners[i] = naming;
  }
  // The other rows of the build that changed the customer from X compare X's inputs with the new
  // ones: their Before values are X's. They are that build's rows: next to the change, same date.
  const also = rows.map((): string[] => []);
  rows.forEach((cells, i) => {
    if (!cells || !isCustomerChange(cells)) return;
    const before = sideOf(cells[4]);
    if (before === "") return;
    for (const step of [-1, 1]) {
      for (let j = i + step; j >= 0 && j < rows.length; j += step) {
        const other = rows[j];
        if (!other || isCustomerChange(other) || other[0] !== cells[0]) break;
        also[j]!.push(before);
      }
    }
  });
  return rows.map((cells, i) => {
    if (!cells) return undefined;
    const mentions = isCustomerChange(cells) ? [sideOf(cells[4]), sideOf(cells[5])] : [owners[i]!, ...also[i]!];
    return { cells, owner: owners[i]!, mentions };
  });
}

/** Whether a row may stay in the workbook of `customer`: it belongs to that customer and names no other. */
export function belongsTo(row: AttributedRow, customer: string): boolean {
  return sameCustomer(row.owner, customer) && row.mentions.every((m) => m === "" || sameCustomer(m, customer));
}

/** History entries that a build removed because they belong to another customer. */
export interface RemovedEntries {
  /** The customer as the history spells it; "" for entries recorded without a customer. */
  readonly customer: string;
  readonly entries: number;
}

/** What the build does with the history, and what of other customers it leaves out. */
export interface HistoryPlan {
  /** The customer this build records for (the Customer setting, trimmed): every new row's tag. */
  readonly customer: string;
  /** Rows of the sheet this build leaves where they are and appends below (0 when it rewrites). */
  readonly rows: number;
  /** Whether the history columns are cleared and written again (entries of another customer go). */
  readonly rewrite: boolean;
  /** With `rewrite`: the rows that stay, in order, written again from row 5. */
  readonly kept: readonly AttributedRow[];
  /** What changed since the last build of this customer; undefined when the history starts (again) here. */
  readonly changes: readonly Change[] | undefined;
  /** Whether to write the Customer header (S4) in an append: a history that began before tags. */
  readonly addTagHeader: boolean;
  /** The last build was for another customer: nothing of it is compared with or carried over. */
  readonly switched: boolean;
  /** The other customers' entries this build removes. */
  readonly removed: readonly RemovedEntries[];
}

/**
 * Decides the history of a build for the model's customer, from the record of the last build and
 * the history as read (undefined when the adapter did not read it: then, on a switch of customer,
 * the whole history goes, since nothing can be kept that was not seen).
 */
export function planHistoryFor(
  model: ValueModel,
  record: BuildRecord | undefined,
  read: { readonly rows: readonly (HistoryCells | undefined)[]; readonly tagHeader: boolean } | undefined,
  snapshot: readonly SnapshotEntry[],
): HistoryPlan {
  const customer = model.settings.customer.trim();
  const recordCustomer = record ? recordedCustomer(record.snapshot) : "";
  const valid = record?.historyRows ?? 0;
  // An empty snapshot is a record whose build was interrupted while it changed customer: start afresh.
  const started = record !== undefined && valid > 0 && record.snapshot.length > 0;
  const rows = read?.rows ?? [];
  const attributed = attributeHistory(rows.slice(0, valid), recordCustomer);
  const otherNamed = attributed.some((r) => r && r.mentions.some((m) => m !== "" && !sameCustomer(m, customer)));
  // From no customer to a named one is the customer being named, unless the history already
  // holds another customer's entries (the name was cleared after them): then it is a switch.
  const switched = started && !sameCustomer(recordCustomer, customer) && (recordCustomer !== "" || otherNamed);
  const final = switched ? attributed : attributeHistory(rows.slice(0, valid), recordCustomer, customer);

  const kept: AttributedRow[] = [];
  const removed = new Map<string, { customer: string; entries: number }>();
  for (const row of final) {
    if (!row) continue;
    if (belongsTo(row, customer)) {
      kept.push(row);
      continue;
    }
    const other = row.mentions.find((m) => m !== "" && !sameCustomer(m, customer)) ?? row.owner;
    const key = other.toLowerCase();
    const entry = removed.get(key) ?? { customer: other, entries: 0 };
    removed.set(key, { customer: entry.customer, entries: entry.entries + 1 });
  }
  // Rows past the recorded ones are what an interrupted build left: they go with a rewrite.
  const leftovers = rows.slice(valid).some((r) => r !== undefined);
  const unread = read === undefined && switched && valid > 0;
  const rewrite = removed.size > 0 || leftovers || unread;
  return {
    customer,
    rows: rewrite ? 0 : valid,
    rewrite,
    kept: rewrite ? kept : [],
    changes: record && started && !switched ? diffSnapshots(record.snapshot, snapshot) : undefined,
    addTagHeader: !rewrite && started && read !== undefined && !read.tagHeader,
    switched,
    removed: [...removed.values()],
  };
}

/**
 * Writes the history's cells: on a first build or a rewrite the title and headers, then the rows
 * kept (tagged with their customer), then this build's rows. Returns the history's row count.
 */
export function writeHistory(s: SheetBuilder, history: HistoryPlan, model: ValueModel, serial: number): number {
  const tag = (row: number) => {
    if (history.customer !== "") s.text(row, CUSTOMER_COLUMN, history.customer, "text");
  };
  // A number in the history reads as it does where it is entered: a variable in its Value cell's
  // format, money and shares as on the Value Summary (the sheet's "money" and "percent" styles).
  const formats = new Map(model.variables.map((v) => [v.name.toLowerCase(), v.numberFormat]));
  const styleOf = (kind: unknown, item: unknown, field: unknown): string => {
    const [k, i, f] = [String(kind), String(item).toLowerCase(), String(field)];
    if (k === "Variable" && (f === "Value" || f === "Low" || f === "High")) return s.withFormat("number", formats.get(i));
    if (k === "Element" && f === "Actual") return "money";
    if (k === "Setting" && (i === "investment" || i === "annualcost")) return "money";
    if (k === "Setting" && i === "discountrate") return "percent";
    return "number";
  };
  let row = HISTORY_FIRST_ROW + history.rows;
  if (history.rewrite || history.changes === undefined) {
    s.text(0, HISTORY_COLUMN, "Change history", "title");
    s.text(1, HISTORY_COLUMN, HISTORY_NOTE, "note");
    HISTORY_HEADERS.forEach((h, c) => s.text(HISTORY_FIRST_ROW - 1, HISTORY_COLUMN + c, h, "header"));
  } else if (history.addTagHeader) s.text(HISTORY_FIRST_ROW - 1, CUSTOMER_COLUMN, HISTORY_HEADERS[6], "header");

  for (const kept of history.kept) {
    kept.cells.slice(0, CUSTOMER_COLUMN - HISTORY_COLUMN).forEach((value, c) => {
      if (isBlank(value)) return;
      const column = HISTORY_COLUMN + c;
      if (typeof value === "number") s.number(row, column, value, c === 0 ? "date" : styleOf(kept.cells[1], kept.cells[2], kept.cells[3]));
      else if (typeof value === "boolean") s.text(row, column, value ? "TRUE" : "FALSE", "text");
      else if (value !== null) s.text(row, column, value, value === NONE || value === REMOVED ? "note" : "text");
    });
    if (kept.owner !== "") s.text(row, CUSTOMER_COLUMN, kept.owner, "text");
    row++;
  }

  if (history.changes === undefined) {
    s.number(row, HISTORY_COLUMN, serial, "date");
    s.text(row, HISTORY_COLUMN + 1, "Build", "text");
    s.text(row, HISTORY_COLUMN + 2, startWords(history), "text");
    s.text(row, HISTORY_COLUMN + 5, `${model.variables.length} variables, ${model.elements.length} elements recorded`, "text");
    tag(row);
    row++;
    // Actuals already there at the first build are entries of their own: realization is dated.
    for (const e of model.elements) {
      if (e.actual === undefined) continue;
      s.number(row, HISTORY_COLUMN, serial, "date");
      s.text(row, HISTORY_COLUMN + 1, "Element", "text");
      s.text(row, HISTORY_COLUMN + 2, e.id ?? e.element, "text");
      s.text(row, HISTORY_COLUMN + 3, "Actual", "text");
      s.text(row, HISTORY_COLUMN + 4, NONE, "note");
      s.number(row, HISTORY_COLUMN + 5, e.actual, "money");
      tag(row);
      row++;
    }
  } else {
    for (const change of history.changes) {
      s.number(row, HISTORY_COLUMN, serial, "date");
      s.text(row, HISTORY_COLUMN + 1, change.kind, "text");
      s.text(row, HISTORY_COLUMN + 2, change.item, "text");
      s.text(row, HISTORY_COLUMN + 3, change.field, "text");
      const style = styleOf(change.kind, change.item, change.field);
      putValue(s, row, HISTORY_COLUMN + 4, change.before, NONE, style);
      putValue(s, row, HISTORY_COLUMN + 5, change.after, REMOVED, style);
      tag(row);
      row++;
    }
  }
  return row - HISTORY_FIRST_ROW;
}

function startWords(history: HistoryPlan): string {
  if (history.customer === "" || !history.switched) return "First build";
  if (history.kept.length > 0) return `Build for ${history.customer} again: inputs recorded afresh`;
  return `First build for ${history.customer}`;
}

function putValue(s: SheetBuilder, row: number, column: number, value: string | number | undefined, missing: string, style: string): void {
  if (value === undefined) s.text(row, column, missing, "note");
  else if (typeof value === "number") s.number(row, column, value, style);
  else s.text(row, column, value, "text");
}
