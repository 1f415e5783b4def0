import { useEffect, useReducer, useState } from "react";
import { deleteProfile, type ExcelHost, keepOnlyProfile, previewSwitch, saveProfile, switchProfile } from "../../adapters/excel";
import { prepareForSending, previewSending } from "../../app/prepare-for-sending";
import { sendingWorkbook } from "../sending-workbook";
import { checkProfileName, type CustomerChoice, type SwitchPlan } from "../../core/profiles";
import { useProfiles } from "../use-profiles";
import {
  type Asking,
  deletedText,
  keptOnlyText,
  saveOptions,
  saveQuestion,
  START,
  step,
  switchedText,
  type WorkflowEvent,
} from "./workflow";

/**
 * Runs the customer profiles' workflow against the workbook: each action is one request through
 * the Office.js adapter, whose answer becomes an event of the state machine (workflow.ts). After
 * a write, the model and the profiles are read again.
 */
export function useCustomers(host: ExcelHost, readAt: Date | undefined, onWritten: () => void) {
  const profiles = useProfiles(host, readAt);
  const [state, dispatch] = useReducer(step, START);
  const name = useNameField(profiles.inspection?.current.customer?.value ?? "", dispatch);
  const { writing, previewing } = requests(dispatch, async () => {
    onWritten();
    await profiles.refresh();
  });

  const save = (replace: boolean, customer?: CustomerChoice) =>
    writing(async () => {
      const outcome = await saveProfile(host, name.value, new Date(), saveOptions(replace, customer));
      if (outcome.ok) return { type: "saved", plan: outcome.plan };
      return { type: "save-refused", refusal: outcome, name: name.value, replace, customer: name.customer };
    });

  const store = profiles.inspection?.read.kind === "ours" ? profiles.inspection.read.store : undefined;
  const actions = {
    /** The form's Save: checks the name, asks before replacing a profile, else saves. */
    submit: () => {
      const checked = checkProfileName(name.value);
      dispatch({ type: "name-checked", ...(checked.ok ? {} : { message: checked.message }) });
      if (!checked.ok) return;
      const question = saveQuestion(checked.name, store?.profiles ?? []);
      if (question) dispatch({ type: "ask", asking: question });
      else void save(false);
    },
    save: (replace: boolean, customer?: CustomerChoice) => void save(replace, customer),
    ...workbookActions(host, writing, previewing),
    ask: (asking: Asking) => dispatch({ type: "ask", asking }),
    close: () => dispatch({ type: "close" }),
    saveFirst: (plan: SwitchPlan) => dispatch({ type: "save-first", plan }),
  };
  return { profiles, state, name, actions };
}

type Request = (work: () => Promise<WorkflowEvent | undefined>) => Promise<void>;

/**
 * How a request to the workbook runs: its answer becomes an event, an exception is Excel
 * refusing the request. After a write, `afterWrite` reads the model and the profiles again.
 */
function requests(dispatch: (event: WorkflowEvent) => void, afterWrite: () => Promise<void>): { writing: Request; previewing: Request } {
  const act = async (work: () => Promise<WorkflowEvent | undefined>, options: { readonly writes: boolean; readonly fresh?: boolean }) => {
    dispatch({ type: "begin", fresh: options.fresh ?? false });
    try {
      const event = await work();
      if (event) dispatch(event);
    } catch (e) {
      dispatch({ type: "excel-refused", message: e instanceof Error ? e.message : String(e) });
    } finally {
      dispatch({ type: "end" });
      if (options.writes) await afterWrite();
    }
  };
  return { writing: (work) => act(work, { writes: true }), previewing: (work) => act(work, { writes: false, fresh: true }) };
}

/** Switching, deleting and keeping profiles, and preparing for sending: each one request through the adapter. */
function workbookActions(host: ExcelHost, writing: Request, previewing: Request) {
  return {
    startSwitch: (profile: string) =>
      void previewing(async () => {
        const preview = await previewSwitch(host, profile);
        return preview.ok
          ? { type: "switch-previewed", plan: preview.plan }
          : { type: "refused", title: "Nothing was switched.", message: preview.message, problems: preview.problems };
      }),
    confirmSwitch: (plan: SwitchPlan) =>
      void writing(async () => {
        const outcome = await switchProfile(host, plan);
        return outcome.ok
          ? { type: "done", text: switchedText(outcome.plan) }
          : { type: "refused", title: "Nothing was switched.", message: outcome.message, problems: outcome.problems };
      }),
    remove: (target: string) =>
      void writing(async () => {
        const outcome = await deleteProfile(host, target);
        return outcome.ok
          ? { type: "done", text: deletedText(target) }
          : { type: "refused", title: "Nothing was deleted.", message: outcome.message, problems: outcome.problems };
      }),
    keepOnly: (target: string, others: readonly string[]) =>
      void writing(async () => {
        const outcome = await keepOnlyProfile(host, target);
        return outcome.ok
          ? { type: "done", text: keptOnlyText(target, others) }
          : { type: "refused", title: "Nothing was removed.", message: outcome.message, problems: outcome.problems };
      }),
    startPrepare: () =>
      void previewing(async () => {
        const preview = await previewSending(sendingWorkbook(host));
        return preview.ok
          ? {
              type: "ask",
              asking: {
                kind: "prepare",
                customer: preview.customer,
                removes: preview.removes,
                ...(preview.stays ? { stays: preview.stays } : {}),
              },
            }
          : { type: "refused", title: preview.title, message: preview.message, problems: preview.problems };
      }),
    prepare: () =>
      void writing(async () => {
        const outcome = await prepareForSending(sendingWorkbook(host), new Date());
        return outcome.ok
          ? { type: "done", text: outcome.message }
          : { type: "refused", title: outcome.title, message: outcome.message, problems: outcome.problems };
      }),
  };
}

/** The profile name field: it starts with the Customer setting, and follows it until the user types. */
function useNameField(customer: string, dispatch: (event: WorkflowEvent) => void) {
  const [value, setValue] = useState("");
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (!touched) setValue(customer);
  }, [customer, touched]);
  const change = (next: string) => {
    setTouched(true);
    setValue(next);
    dispatch({ type: "name-checked" });
  };
  return { value, customer, change };
}
