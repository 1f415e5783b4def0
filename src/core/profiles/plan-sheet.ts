import { cellEdits, combineEdits, EMPTY_EDIT, type EditPlan } from "../plan/edit";
import { DATE_TIME_FORMAT, excelSerialDate } from "../plan/formats";
import type { CellContent } from "../plan/types";
import { hasErrors } from "../problems";
import type { CellAddress } from "../workbook/address";
import type { CellValue } from "../workbook/cells";
import type { CurrentValues } from "./current";
import { checkProfileName } from "./name";
import {
  HEADER_ROW,
  type Profile,
  PROFILES_DESCRIPTION,
  PROFILES_FORMAT,
  PROFILES_FORMAT_VALUES_ONLY,
  PROFILES_SHEET,
  rangeHeader,
  type RangeKind,
  RANGES_HEADER,
  RANGES_YES,
  type SavedRange,
  type ProfilesRead,
  type ProfileStore,
  type Refusal,
  refusal,
  sameName,
  CUSTOMER_HEADER,
  SAVED_HEADER,
} from "./types";

/** A cell to write, or null for an empty one. */
export type ProfileCell = CellContent | null;

/**
 * The profiles sheet's whole content after a save, a replace or a delete, as plain data. Its
 * `edit` clears the old table, writes A1:B3 and the new table from A5, and on creation adds the
 * sheet hidden; it touches no other cell (a note a user typed beside the header block stays).
 */
export interface ProfilesSheetPlan {
  readonly sheet: string;
  /** The sheet does not exist yet: add it (hidden). */
  readonly create: boolean;
  /** A1:B3: the marker and what the sheet is, the format, the active profile. */
  readonly top: readonly (readonly ProfileCell[])[];
  /** From A5: the header row, then one row per profile; every row as wide as the header. */
  readonly table: readonly (readonly ProfileCell[])[];
  /** Same shape as `table`. */
  readonly numberFormats: readonly (readonly string[])[];
  /** The old table from A5 (rows, columns from A) to clear before writing; absent when there was none. */
  readonly clear?: { readonly rows: number; readonly columns: number };
  readonly profiles: readonly Profile[];
  readonly active: string;
  /** What a save does to the Customer setting: written (in the same request), or kept because it is a formula. */
  readonly customer?: SaveCustomer;
  /** What either adapter writes: the sheet as above, and the Customer setting when `customer` says so. */
  readonly edit: EditPlan;
}

export type SaveCustomer =
  | { readonly kind: "write"; readonly cell: CellAddress; readonly from: string; readonly to: string }
  | { readonly kind: "formula"; readonly cell: CellAddress; readonly formula: string; readonly to: string };

/** Whether a save also sets the Customer setting to the profile's name, when that is a question for the user. */
export type CustomerChoice = "set" | "keep";

export type SheetPlanOutcome = { readonly ok: true; readonly plan: ProfilesSheetPlan } | Refusal;

const GENERAL = "General";

/** The store a write may start from (none yet), or why nothing may be written. */
export function writableStore(read: ProfilesRead): { readonly ok: true; readonly store?: ProfileStore } | Refusal {
  if (read.kind === "absent") return { ok: true };
  if (read.kind === "foreign") return refusal("foreign", read.message);
  const errors = read.problems.filter((p) => p.severity === "error");
  if (hasErrors(errors)) {
    const count = errors.length === 1 ? "a problem" : `${errors.length} problems`;
    return refusal(
      "sheet-problems",
      `The profiles sheet has ${count} to fix before profiles can change: unhide the sheet ${read.store.sheet} (right-click a sheet tab, then Unhide) and correct the ${errors.length === 1 ? "cell" : "cells"} listed.`,
      errors,
    );
  }
  return { ok: true, store: read.store };
}

/**
 * Saves the current values under `typedName`, as a new profile at the end or, when a profile of
 * that name exists (ignoring case) and `replace` is set, in its place; it becomes the active
 * profile. Without `replace`, an existing name is a question for the user (`reason: "replace"`).
 */
export function planSave(
  read: ProfilesRead,
  typedName: string,
  current: CurrentValues,
  now: Date,
  options: { readonly replace?: boolean; readonly customer?: CustomerChoice } = {},
): SheetPlanOutcome {
  const writable = writableStore(read);
  if (!writable.ok) return writable;
  const checked = checkProfileName(typedName);
  if (!checked.ok) return refusal("name", checked.message);
  if (current.problems.length > 0) {
    const count = current.problems.length === 1 ? "this cell is" : "these cells are";
    return refusal("values", `Nothing was saved: the current values can be saved once ${count} fixed.`, current.problems);
  }
  if (current.variables.length === 0) return refusal("values", "Nothing was saved: CVM_Variables has no variables.");

  const { store } = writable;
  const old = store?.profiles ?? [];
  const existing = old.find((p) => sameName(p.name, checked.name));
  if (existing && !options.replace) return refusal("replace", `Replace the saved values of ${existing.name}?`);
  const customer = saveCustomer(current, checked.name, store?.active ?? "", options.customer);
  if (customer === "ask")
    return refusal("customer", `Also set the Customer setting to ${checked.name}? It says ${current.customer!.value.trim()}.`);
  const values = current.variables.flatMap((v) => (typeof v.value === "number" ? [{ variable: v.name, value: v.value }] : []));
  const ranges = currentRanges(current);
  const profile: Profile = { name: checked.name, saved: excelSerialDate(now), values, ...(ranges ? { ranges } : {}) };
  const profiles = existing ? old.map((p) => (p === existing ? profile : p)) : [...old, profile];
  const columns = orderColumns(
    current.variables.map((v) => v.name),
    store?.variables ?? [],
    profiles,
  );
  const rangeColumns = orderRangeColumns(modelRangeColumns(current), store?.rangeColumns ?? [], profiles);
  const sheet = layout(store, profiles, columns, profile.name, rangeColumns);
  if (!customer) return { ok: true, plan: sheet };
  const customerEdit =
    customer.kind === "write" ? cellEdits([{ ...customer.cell, content: { kind: "text", value: customer.to } }]) : EMPTY_EDIT;
  return { ok: true, plan: { ...sheet, customer, edit: combineEdits(sheet.edit, customerEdit) } };
}

/**
 * Saving under a name is saying whose values these are, so the Customer setting (what the next
 * build titles its figures with) follows: silently when it is empty or names the active profile
 * (the user moved on to the next customer), otherwise only when the user says so ("ask"). A
 * formula in its cell is never overwritten.
 */
function saveCustomer(
  current: CurrentValues,
  name: string,
  active: string,
  choice: CustomerChoice | undefined,
): SaveCustomer | "ask" | undefined {
  const cell = current.customer;
  if (!cell) return undefined;
  if (cell.formula !== undefined)
    return cell.value === name ? undefined : { kind: "formula", cell: cell.cell, formula: cell.formula, to: name };
  const now = cell.value.trim();
  // The same name but for case is the same customer: no question, nothing rewritten.
  if (sameName(now, name)) return undefined;
  const write = { kind: "write", cell: cell.cell, from: cell.value, to: name } as const;
  if (choice === "keep") return undefined;
  if (choice === "set" || now === "" || (active !== "" && sameName(now, active))) return write;
  return "ask";
}

/**
 * What a profile keeps of Low, High and Actual: each variable's (that has a value) and each
 * element's, null for an empty cell. Undefined when the model has none of those columns: the
 * profile is then saved as before ranges, and a switch to it leaves them alone.
 */
function currentRanges(current: CurrentValues): SavedRange[] | undefined {
  const hasColumns = current.variables.some((v) => v.low || v.high) || (current.elements?.length ?? 0) > 0;
  if (!hasColumns) return undefined;
  const saved = (kind: RangeKind, of: string, cell: { readonly value: CellValue }): SavedRange => ({
    kind,
    of,
    value: typeof cell.value === "number" ? cell.value : null,
  });
  return [
    ...current.variables.flatMap((v) =>
      typeof v.value !== "number"
        ? []
        : [...(v.low ? [saved("low", v.name, v.low)] : []), ...(v.high ? [saved("high", v.name, v.high)] : [])],
    ),
    ...(current.elements ?? []).map((e) => saved("actual", e.key, e.actual)),
  ];
}

type RangeColumn = { readonly kind: RangeKind; readonly of: string };

function modelRangeColumns(current: CurrentValues): RangeColumn[] {
  return [
    ...current.variables.flatMap((v): RangeColumn[] => [
      ...(v.low ? [{ kind: "low" as const, of: v.name }] : []),
      ...(v.high ? [{ kind: "high" as const, of: v.name }] : []),
    ]),
    ...(current.elements ?? []).map((e): RangeColumn => ({ kind: "actual", of: e.key })),
  ];
}

const rangeKey = (c: RangeColumn) => `${c.kind} ${c.of.toLowerCase()}`;

/** As `orderColumns`, for the Low, High and Actual columns: the model's order first, then the sheet's; unused ones go. */
export function orderRangeColumns(
  modelOrder: readonly RangeColumn[],
  sheetOrder: readonly RangeColumn[],
  profiles: readonly Profile[],
): RangeColumn[] {
  const used = new Set(profiles.flatMap((p) => (p.ranges ?? []).map(rangeKey)));
  const columns: RangeColumn[] = [];
  const taken = new Set<string>();
  for (const column of [...modelOrder, ...sheetOrder]) {
    const key = rangeKey(column);
    if (used.has(key) && !taken.has(key)) {
      taken.add(key);
      columns.push({ kind: column.kind, of: column.of });
    }
  }
  return columns;
}

/** Deletes one profile; when it was the active one, no profile is active afterwards. */
export function planDelete(read: ProfilesRead, name: string): SheetPlanOutcome {
  const found = findProfile(read, name);
  if (!found.ok) return found;
  const { store, profile } = found;
  const profiles = store.profiles.filter((p) => p !== profile);
  const active = sameName(store.active, profile.name) ? "" : store.active;
  return {
    ok: true,
    plan: layout(
      store,
      profiles,
      orderColumns([], store.variables, profiles),
      active,
      orderRangeColumns([], store.rangeColumns ?? [], profiles),
    ),
  };
}

/** Keeps only `name`'s profile (the one for the customer the workbook goes to) and makes it active. */
export function planKeepOnly(read: ProfilesRead, name: string): SheetPlanOutcome {
  const found = findProfile(read, name);
  if (!found.ok) return found;
  const { store, profile } = found;
  return {
    ok: true,
    plan: layout(
      store,
      [profile],
      orderColumns([], store.variables, [profile]),
      profile.name,
      orderRangeColumns([], store.rangeColumns ?? [], [profile]),
    ),
  };
}

function findProfile(
  read: ProfilesRead,
  name: string,
): { readonly ok: true; readonly store: ProfileStore; readonly profile: Profile } | Refusal {
  const writable = writableStore(read);
  if (!writable.ok) return writable;
  const profile = writable.store?.profiles.find((p) => sameName(p.name, name));
  if (!writable.store || !profile) return refusal("no-profile", `No profile is named "${name}" in this workbook any more.`);
  return { ok: true, store: writable.store, profile };
}

/**
 * One column per variable that some profile has a value for: the model's variables in the model's
 * order first, then the older ones in the order the sheet had them. A column no profile uses any
 * more (its last profile was deleted) goes.
 */
export function orderColumns(modelOrder: readonly string[], sheetOrder: readonly string[], profiles: readonly Profile[]): string[] {
  const used = new Set(profiles.flatMap((p) => p.values.map((v) => v.variable.toLowerCase())));
  const columns: string[] = [];
  for (const name of [...modelOrder, ...sheetOrder]) {
    const key = name.toLowerCase();
    if (used.has(key) && !columns.some((c) => c.toLowerCase() === key)) columns.push(name);
  }
  return columns;
}

/**
 * The sheet as it is written: format 1, exactly as before ranges, while no profile holds ranges
 * (an older add-in still reads and changes it); format 2, with the marker column and the range
 * columns, once one does.
 */
function layout(
  store: ProfileStore | undefined,
  profiles: readonly Profile[],
  columns: readonly string[],
  active: string,
  rangeColumns: readonly RangeColumn[] = [],
): ProfilesSheetPlan {
  const text = (value: string): CellContent => ({ kind: "text", value });
  const number = (value: number): CellContent => ({ kind: "number", value });
  const withRanges = profiles.some((p) => p.ranges !== undefined);
  const top: ProfileCell[][] = [
    [text(PROFILES_SHEET), text(PROFILES_DESCRIPTION)],
    [text("format"), number(withRanges ? PROFILES_FORMAT : PROFILES_FORMAT_VALUES_ONLY)],
    [text("active"), active === "" ? null : text(active)],
  ];
  const marker: ProfileCell[] = withRanges ? [text(RANGES_HEADER)] : [];
  // The marker after the values, so that the values keep their columns from C as in format 1.
  const header: ProfileCell[] = [
    text(CUSTOMER_HEADER),
    text(SAVED_HEADER),
    ...columns.map(text),
    ...marker,
    ...rangeColumns.map((c) => text(rangeHeader(c.kind, c.of))),
  ];
  const rows = profiles.map((p): ProfileCell[] => {
    const values = new Map(p.values.map((v) => [v.variable.toLowerCase(), v.value]));
    const ranges = new Map((p.ranges ?? []).map((r) => [rangeKey(r), r.value]));
    return [
      text(p.name),
      p.saved === undefined ? null : number(p.saved),
      ...columns.map((c) => {
        const value = values.get(c.toLowerCase());
        return value === undefined ? null : number(value);
      }),
      ...(withRanges ? [p.ranges ? text(RANGES_YES) : null] : []),
      ...rangeColumns.map((c) => {
        const value = ranges.get(rangeKey(c));
        return value === undefined || value === null ? null : number(value);
      }),
    ];
  });
  const width = header.length;
  const numberFormats = [
    header.map(() => GENERAL),
    ...rows.map(() => Array.from({ length: width }, (_, c) => (c === 1 ? DATE_TIME_FORMAT : GENERAL))),
  ];
  const extent = store?.extent;
  const clear = extent && extent.bottom >= HEADER_ROW ? { rows: extent.bottom - HEADER_ROW + 1, columns: extent.right + 1 } : undefined;
  const planned = {
    sheet: store?.sheet ?? PROFILES_SHEET,
    create: store === undefined,
    top,
    table: [header, ...rows],
    numberFormats,
    ...(clear ? { clear } : {}),
    profiles,
    active,
  };
  return { ...planned, edit: sheetEdit(planned) };
}

/**
 * The sheet's layout as an edit: the old table cleared, A1:B3, the table from A5 with its
 * formats, its header bold. A new sheet is added hidden, not very hidden (a user or an auditor
 * can unhide it and see exactly what the file carries), with its title bold and its widths.
 */
function sheetEdit(plan: Omit<ProfilesSheetPlan, "edit">): EditPlan {
  const { sheet } = plan;
  const width = plan.table[0]?.length ?? 2;
  return {
    ...EMPTY_EDIT,
    addSheets: plan.create ? [{ name: sheet, visibility: "hidden" }] : [],
    clear: plan.clear ? [{ sheet, top: HEADER_ROW, left: 0, rows: plan.clear.rows, columns: plan.clear.columns }] : [],
    blocks: [
      { sheet, top: 0, left: 0, rows: plan.top },
      { sheet, top: HEADER_ROW, left: 0, rows: plan.table, numberFormats: plan.numberFormats },
    ],
    bold: [
      { sheet, top: HEADER_ROW, left: 0, rows: 1, columns: width },
      ...(plan.create ? [{ sheet, top: 0, left: 0, rows: 1, columns: 1 }] : []),
    ],
    columnWidths: plan.create
      ? [
          { sheet, column: 0, width: 28 },
          { sheet, column: 1, width: 17 },
        ]
      : [],
  };
}

/**
 * The profiles sheet of a workbook made for one customer (`cvm batch`): a profile named as the
 * customer (ignoring case and surrounding spaces) stays, and is active; every other row goes,
 * rows the add-in could not read included, since none of them may travel to this customer.
 * Undefined when the workbook has no profiles sheet of the add-in's.
 */
export function planForCustomer(read: ProfilesRead, customer: string): ProfilesSheetPlan | undefined {
  if (read.kind !== "ours") return undefined;
  const { store } = read;
  const own = store.profiles.filter((p) => sameName(p.name.trim(), customer.trim())).slice(0, 1);
  return layout(store, own, orderColumns([], store.variables, own), own[0]?.name ?? "");
}

/**
 * Before the workbook is sent to `customer`: only a profile of that name stays (and becomes
 * active), or none. A sheet of the user's, or one with cells to fix first, is refused as any change is.
 */
export function planKeepCustomer(read: ProfilesRead, customer: string): SheetPlanOutcome {
  const writable = writableStore(read);
  if (!writable.ok) return writable;
  const plan = planForCustomer(read, customer);
  return plan ? { ok: true, plan } : refusal("no-profile", "This workbook has no profiles.");
}
