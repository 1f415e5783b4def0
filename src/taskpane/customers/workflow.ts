import type { RemovedForSending } from "../../core/plan/other-customers";
import type { Problem } from "../../core/problems";
import type { CustomerChoice, ProfilesSheetPlan, Refusal, SavedState, SwitchPlan } from "../../core/profiles";
import { savedDetails, switchedRanges } from "../panels/profile-ranges";

/**
 * The customer profiles' workflow as a state machine, apart from React and Excel: what the panel
 * asks, what it says, and what each answer from the workbook turns into. The hook beside it
 * (use-customers.ts) runs the requests; the panel renders the state.
 */

/** A confirmation the panel is asking for. */
export type Asking =
  | { readonly kind: "replace"; readonly name: string; readonly existing: string }
  | { readonly kind: "customer"; readonly name: string; readonly replace: boolean; readonly now: string }
  | { readonly kind: "unsaved"; readonly plan: SwitchPlan }
  | { readonly kind: "review"; readonly plan: SwitchPlan }
  | { readonly kind: "delete"; readonly name: string }
  | { readonly kind: "keep-only"; readonly name: string; readonly others: readonly string[] }
  | { readonly kind: "prepare"; readonly customer: string; readonly removes: RemovedForSending; readonly stays?: string };

/** What the last action did, for the status line. */
export type Said =
  | { readonly intent: "success" | "info"; readonly text: string }
  | { readonly intent: "error"; readonly title: string; readonly text: string; readonly problems: readonly Problem[] };

export interface WorkflowState {
  readonly busy: boolean;
  readonly asking?: Asking;
  readonly said?: Said;
  /** The profile to switch to once the current values are saved ("Save them first"). */
  readonly saveFirst?: string;
  /** Why the name in the field cannot be a profile's. */
  readonly nameError?: string;
}

export const START: WorkflowState = { busy: false };

export type WorkflowEvent =
  /** A request to the workbook starts; a preview (`fresh`) clears what the last action said. Any request closes the question that led to it. */
  | { readonly type: "begin"; readonly fresh: boolean }
  | { readonly type: "end" }
  /** Excel threw: it refused the request. */
  | { readonly type: "excel-refused"; readonly message: string }
  | { readonly type: "ask"; readonly asking: Asking }
  | { readonly type: "close" }
  | { readonly type: "name-checked"; readonly message?: string }
  | { readonly type: "saved"; readonly plan: ProfilesSheetPlan }
  | {
      readonly type: "save-refused";
      readonly refusal: Refusal;
      readonly name: string;
      readonly replace: boolean;
      readonly customer: string;
    }
  | { readonly type: "switch-previewed"; readonly plan: SwitchPlan }
  | { readonly type: "save-first"; readonly plan: SwitchPlan }
  | { readonly type: "done"; readonly text: string }
  | { readonly type: "refused"; readonly title: string; readonly message: string; readonly problems: readonly Problem[] };

export function step(state: WorkflowState, event: WorkflowEvent): WorkflowState {
  switch (event.type) {
    case "begin":
      return { ...state, busy: true, asking: undefined, ...(event.fresh ? { said: undefined } : {}) };
    case "end":
      return { ...state, busy: false };
    case "excel-refused":
      return { ...state, said: { intent: "error", title: "Excel refused the request.", text: event.message, problems: [] } };
    case "ask":
      return { ...state, asking: event.asking };
    case "close":
      return { ...state, asking: undefined };
    case "name-checked":
      return { ...state, nameError: event.message };
    case "saved":
      return { ...state, said: { intent: "success", text: savedText(event.plan) }, saveFirst: undefined };
    case "save-refused":
      return afterSaveRefused(state, event);
    case "switch-previewed":
      return { ...state, asking: switchQuestion(event.plan) };
    case "save-first":
      return { ...state, asking: undefined, saveFirst: event.plan.profile };
    case "done":
      return { ...state, said: { intent: "success", text: event.text } };
    case "refused":
      return { ...state, said: { intent: "error", title: event.title, text: event.message, problems: event.problems } };
  }
}

/** A save the workbook refused: a name already taken or a Customer setting naming someone else is a question; a bad name goes under the field; anything else is said. */
function afterSaveRefused(state: WorkflowState, event: Extract<WorkflowEvent, { type: "save-refused" }>): WorkflowState {
  const { refusal, name, replace, customer } = event;
  switch (refusal.reason) {
    case "replace":
      return { ...state, asking: { kind: "replace", name, existing: name.trim() } };
    case "customer":
      return { ...state, asking: { kind: "customer", name: name.trim(), replace, now: customer.trim() } };
    case "name":
      return { ...state, nameError: refusal.message };
    default:
      return { ...state, said: { intent: "error", title: "Nothing was saved.", text: refusal.message, problems: refusal.problems } };
  }
}

/** Before a switch: first "save them first / switch anyway" when values would be lost, else the review of what changes. */
export function switchQuestion(plan: SwitchPlan): Asking {
  return plan.lost.length > 0 || plan.lostCustomer ? { kind: "unsaved", plan } : { kind: "review", plan };
}

/** The question before a save from the form: replacing a profile of the same name (but for case), or none. */
export function saveQuestion(name: string, profiles: readonly { readonly name: string }[]): Asking | undefined {
  const existing = profiles.find((p) => p.name.toLowerCase() === name.toLowerCase());
  return existing ? { kind: "replace", name, existing: existing.name } : undefined;
}

export function savedText(plan: ProfilesSheetPlan): string {
  const values = plan.profiles.find((p) => p.name === plan.active)?.values.length ?? 0;
  return `Saved ${plan.active}: ${count(values, "value")}. It is the active profile.${savedDetails(plan)}`;
}

export function switchedText(plan: SwitchPlan): string {
  const ranges = switchedRanges(plan);
  const values =
    plan.changes.length === 0 && ranges.written === ""
      ? "no value needed changing"
      : `${count(plan.changes.length, "value")}${ranges.written} written`;
  const customer = plan.customer.kind === "write" ? `, and the Customer set to ${plan.customer.to}` : "";
  // What no formula can follow: the sensitivity table and the history are as of the last build.
  return `Switched to ${plan.profile}: ${values}${customer}.${ranges.kept} Build again so that the Value Summary's sensitivity and the Assumptions Log record this customer.`;
}

export const deletedText = (name: string) => `Deleted the profile ${name}.`;
export const keptOnlyText = (name: string, others: readonly string[]) =>
  `Removed ${count(others.length, "profile")}; only ${name} stays in this workbook.`;

/** Whether the current values are saved, as the status line says it. */
export function savedStateText(state: SavedState): string {
  if (state.kind === "saved") return `The current values are saved as ${state.profile}.`;
  if (state.against)
    return `The current values are not saved: ${count(state.differing.length, "variable")} differ from ${state.against} (${names(state.differing.map((v) => v.name))}).`;
  return "The current values are not saved in any profile.";
}

/** A save's options: whether it replaces a profile of the same name, and the answer about the Customer setting when one was given. */
export function saveOptions(
  replace: boolean,
  customer?: CustomerChoice,
): { readonly replace: boolean; readonly customer?: CustomerChoice } {
  return { replace, ...(customer ? { customer } : {}) };
}

/** An Excel serial date-time as the profiles sheet shows it (`yyyy-mm-dd hh:mm`, UTC). */
export function savedWhen(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86400) * 1000);
  if (Number.isNaN(date.getTime())) return "at an unknown time";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

export function names(list: readonly string[]): string {
  return list.length <= 5 ? list.join(", ") : `${list.slice(0, 5).join(", ")} and ${list.length - 5} more`;
}
