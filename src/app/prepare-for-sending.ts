import { describeRemoved, type RemovedForSending } from "../core/plan/other-customers";
import type { BuildProgress, WorkbookPort } from "../core/port";
import type { Problem } from "../core/problems";
import { formatCell } from "../core/workbook/address";
import { type ProfilesRead, type Refusal, sameName, writableStore } from "../core/profiles";
import { runBuild } from "./build-events";
import { buildWorkbook, inspectWorkbook } from "./pipeline";

/**
 * "Prepare for sending": makes the open workbook one customer's, so that it can go to that
 * customer. It builds for the current customer the way the Build tab does (which leaves out other
 * customers' history entries and their inputs in the build record), then removes the other
 * customers' profiles, and says exactly what went. A model with errors stops it before anything
 * is written.
 */

/** The open workbook as preparing it needs it: built through the pipeline, its profiles kept by the adapter. */
export interface SendingWorkbook {
  /** The workbook behind the port, reporting a build's progress to `onProgress`. */
  readonly workbook: (
    onProgress?: (progress: BuildProgress) => void,
  ) => WorkbookPort<{ readonly syncs: number; readonly notes: readonly string[] }>;
  readonly inspectProfiles: () => Promise<ProfilesInspection>;
  /** Removes every profile but the customer's; the profiles left, or why nothing changed. */
  readonly keepCustomerProfile: (
    customer: string,
  ) => Promise<{ readonly ok: true; readonly plan: { readonly profiles: readonly { readonly name: string }[] } } | Refusal>;
}

/** The profiles as read: what preparing removes is decided from them. */
export interface ProfilesInspection {
  readonly read: ProfilesRead;
}

export type SendingOutcome =
  | {
      readonly ok: true;
      /** The customer the workbook is now for; "" when it names none. */
      readonly customer: string;
      readonly removed: RemovedForSending;
      /** In sentences: for whom it was built and what was removed. */
      readonly message: string;
    }
  | { readonly ok: false; readonly title: string; readonly message: string; readonly problems: readonly Problem[] };

/** What preparing would remove, read without writing: what the confirmation lists; `stays`, what of another customer it leaves, in a sentence. */
export type SendingPreview =
  | { readonly ok: true; readonly customer: string; readonly removes: RemovedForSending; readonly stays?: string }
  | Extract<SendingOutcome, { ok: false }>;

const NOT_PREPARED = "Nothing was removed.";

/**
 * Other customers' results in CVM_Actuals, which preparing leaves: they are the user's inputs,
 * which the add-in never deletes, so it says where they are and that they must go before sending.
 */
function othersActuals(problems: readonly Problem[]): string | undefined {
  const found = problems.find((p) => p.code === "actual-other-customer");
  return (
    found &&
    `${found.message} The add-in leaves them, as it never deletes your inputs${found.cell ? `; the first is the row of ${formatCell(found.cell)}` : ""}.`
  );
}

/** The customer the workbook goes to: the Customer setting, else the active profile's. */
function customerOf(setting: string, profiles: ProfilesInspection): string {
  if (setting.trim() !== "") return setting.trim();
  return profiles.read.kind === "ours" ? profiles.read.store.active : "";
}

/** The profiles of other customers than `customer`, or why the profiles sheet cannot change. */
function otherProfiles(
  profiles: ProfilesInspection,
  customer: string,
): { readonly ok: true; readonly names: readonly string[] } | Extract<SendingOutcome, { ok: false }> {
  const writable = writableStore(profiles.read);
  if (!writable.ok) return { ok: false, title: NOT_PREPARED, message: writable.message, problems: writable.problems };
  return { ok: true, names: (writable.store?.profiles ?? []).filter((p) => !sameName(p.name.trim(), customer)).map((p) => p.name) };
}

export async function previewSending(host: SendingWorkbook): Promise<SendingPreview> {
  const inspection = await inspectWorkbook(host.workbook(), new Date());
  if (!inspection.analysis.ok) return modelErrors(inspection.analysis.problems);
  if (inspection.clashes.length > 0)
    return {
      ok: false,
      title: NOT_PREPARED,
      message: "A build would be refused, so the workbook cannot be prepared yet:",
      problems: inspection.clashes,
    };
  const profiles = await host.inspectProfiles();
  const customer = customerOf(inspection.analysis.model.settings.customer, profiles);
  const others = otherProfiles(profiles, customer);
  if (!others.ok) return others;
  const stays = othersActuals(inspection.analysis.problems);
  return {
    ok: true,
    customer,
    ...(stays ? { stays } : {}),
    removes: {
      profiles: others.names,
      history: inspection.removed?.history ?? [],
      ...(inspection.removed?.recordOf !== undefined ? { recordOf: inspection.removed.recordOf } : {}),
    },
  };
}

export async function prepareForSending(host: SendingWorkbook, now: Date): Promise<SendingOutcome> {
  // The profiles are checked first: a sheet that cannot change stops everything before the build writes.
  const before = await host.inspectProfiles();
  const checked = otherProfiles(before, "");
  if (!checked.ok) return checked;

  const event = await runBuild((onProgress) => buildWorkbook(host.workbook(onProgress), { now }), "customers");
  if ("failure" in event) {
    return {
      ok: false,
      title: "The build stopped.",
      message: `Excel refused a request of the build: ${event.failure} The profiles were not changed; prepare the workbook again.`,
      problems: [],
    };
  }
  const built = event.outcome;
  if (!built.ok) return modelErrors(built.problems);

  const customer = customerOf(built.analysis.model.settings.customer, before);
  const others = otherProfiles(before, customer);
  if (!others.ok) return others;
  let profiles: readonly string[] = [];
  if (others.names.length > 0) {
    const kept = await host.keepCustomerProfile(customer);
    if (!kept.ok)
      return {
        ok: false,
        title: "The profiles were not removed.",
        message: `The workbook was built for ${named(customer)}; the profiles were not changed. ${kept.message}`,
        problems: kept.problems,
      };
    profiles = others.names.filter((name) => !kept.plan.profiles.some((p) => sameName(p.name, name)));
  }
  const removed: RemovedForSending = {
    profiles,
    history: built.removed.history,
    ...(built.removed.recordOf !== undefined ? { recordOf: built.removed.recordOf } : {}),
  };
  const stays = othersActuals(built.analysis.problems);
  const what = describeRemoved(removed) ?? (stays ? "Nothing was removed." : "Nothing of another customer was in it.");
  return { ok: true, customer, removed, message: `Built the workbook for ${named(customer)}. ${what}${stays ? ` ${stays}` : ""}` };
}

function modelErrors(problems: readonly Problem[]): Extract<SendingOutcome, { ok: false }> {
  const errors = problems.filter((p) => p.severity === "error");
  return {
    ok: false,
    title: NOT_PREPARED,
    message: `The model has ${errors.length === 1 ? "an error" : `${errors.length} errors`}, so the workbook was not built and nothing was removed. Fix ${errors.length === 1 ? "it" : "them"} (Check leads to each cell), then prepare the workbook again.`,
    problems: errors,
  };
}

function named(customer: string): string {
  return customer === "" ? "no named customer (the Customer setting is empty)" : customer;
}
