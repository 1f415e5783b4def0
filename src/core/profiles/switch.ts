import type { CellAddress } from "../workbook/address";
import type { CellValue } from "../workbook/cells";
import { type CurrentValues, type CurrentVariable, switchBlockers } from "./current";
import { writableStore } from "./plan-sheet";
import { ACTIVE_ROW, type Profile, type ProfilesRead, type ProfileStore, type Refusal, refusal, sameName } from "./types";

/** One Value cell a switch writes. */
export interface VariableChange {
  readonly name: string;
  readonly cell: CellAddress;
  readonly from: CellValue;
  readonly to: number;
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
  readonly formulas: readonly { readonly name: string; readonly cell: CellAddress; readonly formula: string; readonly value: CellValue; readonly saved: number }[];
  /** Variables of the model the profile has no value for: kept as they are. */
  readonly notInProfile: readonly { readonly name: string; readonly cell: CellAddress; readonly value: CellValue }[];
  /** Values of the profile for variables the model no longer has: ignored. */
  readonly ignored: readonly { readonly name: string; readonly value: number }[];
  readonly customer: CustomerChange;
  /** Current values that are saved in no profile and that the switch would overwrite. */
  readonly lost: readonly VariableChange[];
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
      /** With an active profile, the variables whose value differs from it; else every variable. */
      readonly differing: readonly CurrentVariable[];
    };

export function savedState(store: ProfileStore | undefined, current: CurrentValues): SavedState {
  const typed = current.variables.filter((v) => v.formula === undefined);
  const active = store?.profiles.find((p) => sameName(p.name, store.active));
  if (active) {
    const saved = savedValues(active);
    const differing = typed.filter((v) => {
      const value = saved.get(v.name.toLowerCase());
      return value !== undefined && value !== v.value;
    });
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
  if (blockers.length > 0) return refusal("values", "Nothing was switched: CVM_Variables must be readable, with each name used once.", blockers);

  const saved = savedValues(profile);
  const inModel = new Set(current.variables.map((v) => v.name.toLowerCase()));
  const changes: VariableChange[] = [];
  const unchanged: string[] = [];
  const formulas: SwitchPlan["formulas"][number][] = [];
  const notInProfile: SwitchPlan["notInProfile"][number][] = [];
  for (const variable of current.variables) {
    const to = saved.get(variable.name.toLowerCase());
    if (to === undefined) notInProfile.push({ name: variable.name, cell: variable.cell, value: variable.value });
    else if (variable.formula !== undefined) formulas.push({ name: variable.name, cell: variable.cell, formula: variable.formula, value: variable.value, saved: to });
    else if (variable.value === to) unchanged.push(variable.name);
    else changes.push({ name: variable.name, cell: variable.cell, from: variable.value, to });
  }
  const ignored = profile.values.filter((v) => !inModel.has(v.variable.toLowerCase())).map((v) => ({ name: v.variable, value: v.value }));

  // A value the switch overwrites is lost unless the active profile holds it (a variable that
  // profile lacks is not saved in it either), or, with none active, some profile holds them all.
  const active = store.profiles.find((p) => sameName(p.name, store.active));
  const activeValues = active && savedValues(active);
  const lost = activeValues
    ? changes.filter((c) => activeValues.get(c.name.toLowerCase()) !== c.from)
    : savedState(store, current).kind === "saved"
      ? []
      : changes;

  // The Customer's text is saved as a profile's name; any other text would be gone.
  const customer = customerChange(current, profile);
  const lostCustomer =
    customer.kind === "write" && customer.from.trim() !== "" && !store.profiles.some((p) => p.name === customer.from.trim()) ? { cell: customer.cell, from: customer.from } : undefined;

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

function savedValues(profile: Profile): Map<string, number> {
  return new Map(profile.values.map((v) => [v.variable.toLowerCase(), v.value]));
}

/** Whether two plans say exactly the same thing (the one shown, and the one a fresh read gives). */
export function sameSwitchPlan(a: SwitchPlan, b: SwitchPlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
