import {
  type CurrentValues,
  type CustomerChoice,
  planDelete,
  planKeepCustomer,
  planKeepOnly,
  planSave,
  planSwitch,
  PROFILES_SHEET,
  type ProfilesRead,
  type ProfilesSheetPlan,
  readCurrentValues,
  readProfilesSheet,
  type Refusal,
  refusal,
  sameSwitchPlan,
  switchEdit,
  type SavedState,
  savedState,
  type SheetPlanOutcome,
  type SwitchPlan,
} from "../../core/profiles";
import type { CellValue } from "../../core/workbook/cells";
import { applyEditToExcel } from "./edit";
import type { ExcelHost } from "./host";
import { rangeInputOf, requestRange } from "./read";

/** The profiles and the values they would save or replace, read without writing anything. */
export interface ProfilesInspection {
  readonly read: ProfilesRead;
  readonly current: CurrentValues;
  /** Whether the current values are saved in a profile. */
  readonly state: SavedState;
  /** Round trips the read took. */
  readonly syncs: number;
}

/** A change of the profiles sheet: written, or why nothing was. */
export type ProfilesSheetOutcome = ({ readonly ok: true; readonly plan: ProfilesSheetPlan } | Refusal) & { readonly syncs: number };
/** A switch: what was written, or why nothing was. */
export type SwitchPreview = ({ readonly ok: true; readonly plan: SwitchPlan } | Refusal) & { readonly syncs: number };
export type SwitchWriteOutcome = ({ readonly ok: true; readonly plan: SwitchPlan; readonly cellsWritten: number } | Refusal) & {
  readonly syncs: number;
};

/** What every profiles operation reads first: two round trips, whatever the number of variables or profiles. */
const READ_SYNCS = 2;

export const CHANGED_SINCE_SHOWN = "The variables changed since you looked; review the change again. Nothing was written.";

/** Reads the profiles sheet, `CVM_Variables` and the Customer setting. */
export async function inspectProfiles(host: ExcelHost): Promise<ProfilesInspection> {
  return host.run(async (context) => {
    const { read, current } = await readProfilesAndValues(context);
    return { read, current, state: savedState(read.kind === "ours" ? read.store : undefined, current), syncs: READ_SYNCS };
  });
}

/**
 * Saves the current values as profile `name` (replacing a profile of that name only with
 * `replace`), creating the hidden profiles sheet on the first save. One request after the read.
 */
export async function saveProfile(
  host: ExcelHost,
  name: string,
  now: Date,
  options: { readonly replace?: boolean; readonly customer?: CustomerChoice } = {},
): Promise<ProfilesSheetOutcome> {
  return changeProfilesSheet(host, (read, current) => planSave(read, name, current, now, options));
}

export async function deleteProfile(host: ExcelHost, name: string): Promise<ProfilesSheetOutcome> {
  return changeProfilesSheet(host, (read) => planDelete(read, name));
}

/** Removes every profile but `name`'s, before the workbook goes to that customer. */
export async function keepOnlyProfile(host: ExcelHost, name: string): Promise<ProfilesSheetOutcome> {
  return changeProfilesSheet(host, (read) => planKeepOnly(read, name));
}

/** Removes every profile but the one named `customer` (all of them when none is): before the workbook goes to that customer. */
export async function keepCustomerProfile(host: ExcelHost, customer: string): Promise<ProfilesSheetOutcome> {
  return changeProfilesSheet(host, (read) => planKeepCustomer(read, customer));
}

/** What switching to profile `name` would change, read fresh; nothing is written. */
export async function previewSwitch(host: ExcelHost, name: string): Promise<SwitchPreview> {
  return host.run(async (context) => {
    const { read, current } = await readProfilesAndValues(context);
    return { ...planSwitch(read, name, current), syncs: READ_SYNCS };
  });
}

/**
 * Carries out a switch the user confirmed: reads everything again in the same run and writes
 * only if the switch it plans is exactly the one the user was shown; otherwise nothing is
 * written. Then, in one request: the changed Value cells (never one that holds a formula), the
 * Customer setting, and the active profile's name on the profiles sheet.
 */
export async function switchProfile(host: ExcelHost, shown: SwitchPlan): Promise<SwitchWriteOutcome> {
  return host.run(async (context) => {
    const { read, current } = await readProfilesAndValues(context);
    const planned = planSwitch(read, shown.profile, current);
    if (!planned.ok) return { ...planned, syncs: READ_SYNCS };
    if (!sameSwitchPlan(planned.plan, shown)) return { ...refusal("changed", CHANGED_SINCE_SHOWN), syncs: READ_SYNCS };
    const { plan } = planned;
    const edit = switchEdit(plan, read.kind === "ours" ? read.store.active : "");
    const cellsWritten = edit.blocks.length;
    if (cellsWritten === 0) return { ok: true, plan, cellsWritten, syncs: READ_SYNCS };
    applyEditToExcel(context, edit);
    await context.sync();
    return { ok: true, plan, cellsWritten, syncs: READ_SYNCS + 1 };
  });
}

async function changeProfilesSheet(
  host: ExcelHost,
  plan: (read: ProfilesRead, current: CurrentValues) => SheetPlanOutcome,
): Promise<ProfilesSheetOutcome> {
  return host.run(async (context) => {
    const { read, current } = await readProfilesAndValues(context);
    const planned = plan(read, current);
    if (!planned.ok) return { ...planned, syncs: READ_SYNCS };
    applyEditToExcel(context, planned.plan.edit);
    await context.sync();
    return { ok: true, plan: planned.plan, syncs: READ_SYNCS + 1 };
  });
}

/**
 * Two round trips, found as the build finds its ranges: first what exists (sheets, names, tables), so that no request touches a
 * missing object; then together `CVM_Variables` and `CVM_Settings` (values, formulas, address)
 * and the used range of the profiles sheet.
 */
async function readProfilesAndValues(
  context: Excel.RequestContext,
): Promise<{ readonly read: ProfilesRead; readonly current: CurrentValues }> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const names = workbook.names.load("items/name,items/type,items/formula");
  const tables = workbook.tables.load("items/name,items/showTotals");
  await context.sync();

  const variables = requestRange("variables", names, tables, sheets);
  const elements = requestRange("elements", names, tables, sheets);
  const settings = requestRange("settings", names, tables, sheets);
  const sheet = sheets.items.find((s) => s.name.toLowerCase() === PROFILES_SHEET.toLowerCase());
  const used = sheet ? workbook.worksheets.getItem(sheet.name).getUsedRangeOrNullObject(true).load("address,values") : undefined;
  await context.sync();

  const input = {
    ...(variables ? { variables: rangeInputOf(variables) } : {}),
    ...(elements ? { elements: rangeInputOf(elements) } : {}),
    ...(settings ? { settings: rangeInputOf(settings) } : {}),
  };
  const read = readProfilesSheet(
    sheet && {
      name: sheet.name,
      ...(used && !used.isNullObject ? { used: { address: used.address, values: used.values as CellValue[][] } } : {}),
    },
  );
  return { read, current: readCurrentValues(input) };
}
