import { cellEdits, type EditCell, type EditPlan } from "../plan/edit";
import type { CellAddress } from "../workbook/address";
import { type CellValue, isBlank } from "../workbook/cells";
import { type CurrentCell, type CurrentValues, switchBlockers } from "./current";
import { writableStore } from "./plan-sheet";
import {
  ACTIVE_ROW,
  type Profile,
  type ProfilesRead,
  type ProfileStore,
  RANGE_WORD,
  rangeHeader,
  type RangeKind,
  type Refusal,
  refusal,
  sameName,
} from "./types";

/** One Value cell a switch writes. */
export interface VariableChange {
  readonly name: string;
  readonly cell: CellAddress;
  readonly from: CellValue;
  readonly to: number;
}

/** One Low, High or Actual cell a switch writes; `to` null clears it (the profile saved it empty: none). */
export interface RangeChange {
  /** As the profiles sheet's header says it: `PipelineMiles Low`, `LeakRepairs Actual`. */
  readonly name: string;
  readonly kind: RangeKind;
  readonly cell: CellAddress;
  readonly from: CellValue;
  readonly to: number | null;
}

/**
 * What a switch does to the Low, High and Actual cells. Absent when neither the model nor the
 * profile has any.
 */
export interface RangesPlan {
  /**
   * The profile was saved without them (before profiles kept ranges, or from a model without
   * those columns): every Low, High and Actual stays as it is, and the user is told.
   */
  readonly kept: boolean;
  readonly changes: readonly RangeChange[];
  /** Cells that already hold the profile's value. */
  readonly unchanged: readonly string[];
  /** Cells that hold a formula: never overwritten. */
  readonly formulas: readonly {
    readonly name: string;
    readonly cell: CellAddress;
    readonly formula: string;
    readonly value: CellValue;
    readonly saved: number | null;
  }[];
  /** Saved for a variable or element the model no longer has, or for a column the model does not have: ignored. */
  readonly ignored: readonly { readonly name: string; readonly value: number | null }[];
}

/** What a switch does to the Customer setting. */
export type CustomerChange =
  | { readonly kind: "write"; readonly cell: CellAddress; readonly from: string; readonly to: string }
  | { readonly kind: "same"; readonly cell: CellAddress; readonly to: string }
  /** Its value cell holds a formula: kept, as any formula is. */
  | { readonly kind: "formula"; readonly cell: CellAddress; readonly formula: string; readonly to: string }
  /** `CVM_Settings` has no Customer row: the name is not written anywhere but the profiles sheet. */
  | { readonly kind: "absent"; readonly to: string };

/**
 * Everything a switch to a profile does, as the user is shown it before confirming, and as the
 * adapter checks it again (from a fresh read) before writing: if anything differs, the workbook
 * changed since the user looked, and nothing is written.
 */
export interface SwitchPlan {
  /** The profile's name as saved. */
  readonly profile: string;
  readonly saved?: number;
  /** Value cells that get the profile's value, in the model's order. */
  readonly changes: readonly VariableChange[];
  /** Variables that already hold the profile's value. */
  readonly unchanged: readonly string[];
  /** Value cells that hold a formula: never overwritten, whatever the profile saved. */
  readonly formulas: readonly {
    readonly name: string;
    readonly cell: CellAddress;
    readonly formula: string;
    readonly value: CellValue;
    readonly saved: number;
  }[];
  /** Variables of the model the profile has no value for: kept as they are. */
  readonly notInProfile: readonly { readonly name: string; readonly cell: CellAddress; readonly value: CellValue }[];
  /** Values of the profile for variables the model no longer has: ignored. */
  readonly ignored: readonly { readonly name: string; readonly value: number }[];
  readonly customer: CustomerChange;
  /** Low, High and Actual: written as the Values are. */
  readonly ranges?: RangesPlan;
  /** Current values (Low, High and Actual included) that are saved in no profile and that the switch would overwrite. */
  readonly lost: readonly (VariableChange | RangeChange)[];
  /** The Customer setting's text, when the switch overwrites it and no profile bears that name. */
  readonly lostCustomer?: { readonly cell: CellAddress; readonly from: string };
  /** Where the active profile's name goes (B3 of the profiles sheet). */
  readonly activeCell: CellAddress;
}

export type SwitchOutcome = { readonly ok: true; readonly plan: SwitchPlan } | Refusal;

/**
 * Whether the current values are saved: they equal the active profile's (for the variables it
 * has), or, with no active profile, some profile's (for every variable). Value cells that hold a
 * formula do not count: no switch overwrites them, so nothing of theirs can be lost.
 */
export type SavedState =
  | { readonly kind: "saved"; readonly profile: string }
  | {
      readonly kind: "unsaved";
      /** The active profile they were compared with; absent when none is active. */
      readonly against?: string;
      /**
       * With an active profile, the variables whose value differs from it (and the Low, High
       * and Actual cells, when it was saved with them); else every variable.
       */
      readonly differing: readonly { readonly name: string }[];
    };

export function savedState(store: ProfileStore | undefined, current: CurrentValues): SavedState {
  const typed = current.variables.filter((v) => v.formula === undefined);
  const active = store?.profiles.find((p) => sameName(p.name, store.active));
  if (active) {
    const saved = savedValues(active);
    const differing: { readonly name: string }[] = typed.filter((v) => {
      const value = saved.get(v.name.toLowerCase());
      return value !== undefined && value !== v.value;
    });
    if (active.ranges) {
      const ranges = savedRanges(active);
      for (const cell of rangeCells(current)) {
        if (cell.formula !== undefined) continue;
        const value = ranges.get(rangeKey(cell.kind, cell.of));
        if (value !== undefined && !sameRange(value, cell.value)) differing.push({ name: cell.name });
      }
    }
    return differing.length === 0 ? { kind: "saved", profile: active.name } : { kind: "unsaved", against: active.name, differing };
  }
  const match = store?.profiles.find((p) => {
    const saved = savedValues(p);
    return typed.every((v) => saved.get(v.name.toLowerCase()) === v.value);
  });
  return match ? { kind: "saved", profile: match.name } : { kind: "unsaved", differing: typed };
}

/** Plans writing profile `name`'s values into `CVM_Variables` and its name into the Customer setting. */
export function planSwitch(read: ProfilesRead, name: string, current: CurrentValues): SwitchOutcome {
  const writable = writableStore(read);
  if (!writable.ok) return writable;
  const { store } = writable;
  const profile = store?.profiles.find((p) => sameName(p.name, name));
  if (!store || !profile) return refusal("no-profile", `No profile is named "${name}" in this workbook any more.`);
  const blockers = switchBlockers(current);
  if (blockers.length > 0)
    return refusal("values", "Nothing was switched: CVM_Variables must be readable, with each name used once.", blockers);

  const saved = savedValues(profile);
  const inModel = new Set(current.variables.map((v) => v.name.toLowerCase()));
  const changes: VariableChange[] = [];
  const unchanged: string[] = [];
  const formulas: SwitchPlan["formulas"][number][] = [];
  const notInProfile: SwitchPlan["notInProfile"][number][] = [];
  for (const variable of current.variables) {
    const to = saved.get(variable.name.toLowerCase());
    if (to === undefined) notInProfile.push({ name: variable.name, cell: variable.cell, value: variable.value });
    else if (variable.formula !== undefined)
      formulas.push({ name: variable.name, cell: variable.cell, formula: variable.formula, value: variable.value, saved: to });
    else if (variable.value === to) unchanged.push(variable.name);
    else changes.push({ name: variable.name, cell: variable.cell, from: variable.value, to });
  }
  const ignored = profile.values.filter((v) => !inModel.has(v.variable.toLowerCase())).map((v) => ({ name: v.variable, value: v.value }));
  const ranges = rangesPlan(profile, current);

  // A value the switch overwrites is lost unless the active profile holds it (a variable that
  // profile lacks is not saved in it either), or, with none active, some profile holds them all.
  // With none active, the profile that holds every current value (if one does) is where they are saved.
  const active = store.profiles.find((p) => sameName(p.name, store.active));
  const state = active ? undefined : savedState(store, current);
  const holder = active ?? (state?.kind === "saved" ? store.profiles.find((p) => p.name === state.profile) : undefined);
  const heldValues = holder && savedValues(holder);
  // A Low, High or Actual is saved only in a profile saved with ranges; an empty one has nothing to lose.
  const heldRanges = holder?.ranges ? savedRanges(holder) : undefined;
  const rangeLost = (c: RangeChange) => {
    const saved = heldRanges?.get(rangeKey(c.kind, ofName(c)));
    return saved === undefined ? !isBlank(c.from) : !sameRange(saved, c.from);
  };
  const lost: (VariableChange | RangeChange)[] = [
    ...(heldValues ? changes.filter((c) => heldValues.get(c.name.toLowerCase()) !== c.from) : changes),
    ...(ranges?.changes ?? []).filter(rangeLost),
  ];

  // The Customer's text is saved as a profile's name; any other text would be gone.
  const customer = customerChange(current, profile);
  const lostCustomer =
    customer.kind === "write" && customer.from.trim() !== "" && !store.profiles.some((p) => p.name === customer.from.trim())
      ? { cell: customer.cell, from: customer.from }
      : undefined;

  return {
    ok: true,
    plan: {
      profile: profile.name,
      ...(profile.saved === undefined ? {} : { saved: profile.saved }),
      changes,
      unchanged,
      formulas,
      notInProfile,
      ignored,
      customer,
      ...(ranges ? { ranges } : {}),
      lost,
      ...(lostCustomer ? { lostCustomer } : {}),
      activeCell: { sheet: store.sheet, row: ACTIVE_ROW, column: 1 },
    },
  };
}

function customerChange(current: CurrentValues, profile: Profile): CustomerChange {
  const to = profile.name;
  const customer = current.customer;
  if (!customer) return { kind: "absent", to };
  if (customer.formula !== undefined) return { kind: "formula", cell: customer.cell, formula: customer.formula, to };
  if (customer.value === to) return { kind: "same", cell: customer.cell, to };
  return { kind: "write", cell: customer.cell, from: customer.value, to };
}

/** A Low, High or Actual cell of the model, as a profile names it. */
interface RangeCell {
  readonly kind: RangeKind;
  /** The variable's name or the element's key. */
  readonly of: string;
  /** The profiles sheet's header for it. */
  readonly name: string;
  readonly cell: CellAddress;
  readonly value: CellValue;
  readonly formula?: string;
}

function rangeCells(current: CurrentValues): RangeCell[] {
  const of = (kind: RangeKind, name: string, cell: CurrentCell): RangeCell => ({
    kind,
    of: name,
    name: rangeHeader(kind, name),
    cell: cell.cell,
    value: cell.value,
    ...(cell.formula !== undefined ? { formula: cell.formula } : {}),
  });
  return [
    ...current.variables.flatMap((v) => [...(v.low ? [of("low", v.name, v.low)] : []), ...(v.high ? [of("high", v.name, v.high)] : [])]),
    ...(current.elements ?? []).map((e) => of("actual", e.key, e.actual)),
  ];
}

const rangeKey = (kind: RangeKind, of: string) => `${kind} ${of.replace(/\s+/gu, " ").toLowerCase()}`;
/** The variable or element a change's header names (the header less its last word). */
const ofName = (c: RangeChange) => c.name.slice(0, c.name.length - RANGE_WORD[c.kind].length - 1);

function savedRanges(profile: Profile): Map<string, number | null> {
  return new Map((profile.ranges ?? []).map((r) => [rangeKey(r.kind, r.of), r.value]));
}

/** A saved Low, High or Actual against a cell: null (none) is an empty cell. */
function sameRange(saved: number | null, value: CellValue): boolean {
  return saved === null ? isBlank(value) : value === saved;
}

/**
 * The Low, High and Actual cells a switch writes, keeps or cannot write. A variable the profile
 * has no value for keeps its Low and High too (it was not in the model when the profile was saved).
 */
function rangesPlan(profile: Profile, current: CurrentValues): RangesPlan | undefined {
  const cells = rangeCells(current);
  if (!profile.ranges) return cells.length > 0 ? { kept: true, changes: [], unchanged: [], formulas: [], ignored: [] } : undefined;
  const saved = savedRanges(profile);
  const valued = new Set(profile.values.map((v) => v.variable.toLowerCase()));
  const changes: RangeChange[] = [];
  const unchanged: string[] = [];
  const formulas: RangesPlan["formulas"][number][] = [];
  const used = new Set<string>();
  for (const cell of cells) {
    const key = rangeKey(cell.kind, cell.of);
    const to = saved.get(key);
    if (to === undefined || (cell.kind !== "actual" && !valued.has(cell.of.toLowerCase()))) continue;
    used.add(key);
    if (cell.formula !== undefined)
      formulas.push({ name: cell.name, cell: cell.cell, formula: cell.formula, value: cell.value, saved: to });
    else if (sameRange(to, cell.value)) unchanged.push(cell.name);
    else changes.push({ name: cell.name, kind: cell.kind, cell: cell.cell, from: cell.value, to });
  }
  // What the model has no cell for: only a number is worth mentioning (an empty one changes nothing).
  const ignored = (profile.ranges ?? [])
    .filter((r) => r.value !== null && !used.has(rangeKey(r.kind, r.of)) && !(r.kind !== "actual" && !valued.has(r.of.toLowerCase())))
    .map((r) => ({ name: rangeHeader(r.kind, r.of), value: r.value }));
  if (cells.length === 0 && ignored.length === 0) return undefined;
  return { kept: false, changes, unchanged, formulas, ignored };
}

function savedValues(profile: Profile): Map<string, number> {
  return new Map(profile.values.map((v) => [v.variable.toLowerCase(), v.value]));
}

/** Whether two plans say exactly the same thing (the one shown, and the one a fresh read gives). */
export function sameSwitchPlan(a: SwitchPlan, b: SwitchPlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A switch's writes as an edit, in one request: the changed Value cells (never one that holds a
 * formula), the Low, High and Actual cells (one saved empty is emptied, its format kept), the
 * Customer setting, and the profile's name as the active one unless `activeNow` already is it.
 */
export function switchEdit(plan: SwitchPlan, activeNow: string): EditPlan {
  const number = (value: number): EditCell => ({ kind: "number", value });
  return cellEdits([
    ...plan.changes.map((c) => ({ ...c.cell, content: number(c.to) })),
    ...(plan.ranges?.changes ?? []).map((c) => ({ ...c.cell, content: c.to === null ? null : number(c.to) })),
    ...(plan.customer.kind === "write" ? [{ ...plan.customer.cell, content: { kind: "text", value: plan.customer.to } as const }] : []),
    ...(activeNow !== plan.profile ? [{ ...plan.activeCell, content: { kind: "text", value: plan.profile } as const }] : []),
  ]);
}
