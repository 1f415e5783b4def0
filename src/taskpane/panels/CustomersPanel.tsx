import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { type FormEvent, Fragment, type ReactNode, useEffect, useId, useRef, useState } from "react";
import {
  deleteProfile,
  type ExcelHost,
  keepOnlyProfile,
  previewSwitch,
  saveProfile,
  switchProfile,
} from "../../adapters/excel";
import { prepareForSending, previewSending } from "../../app/prepare-for-sending";
import { sendingWorkbook } from "../sending-workbook";
import { describeRemoved, type RemovedForSending } from "../../core/plan/other-customers";
import { checkProfileName, type CustomerChange, type CustomerChoice, type Profile, PROFILES_SHEET, type Refusal, type SwitchPlan } from "../../core/profiles";
import { describeLocation, type Problem } from "../../core/problems";
import { formatCell } from "../../core/workbook/address";
import { problemKey } from "./problem-key";
import { rangeReview, savedDetails, shown, switchedRanges } from "./profile-ranges";
import { useProfiles } from "../use-profiles";

const useStyles = makeStyles({
  section: { display: "grid", gap: "12px", gridTemplateColumns: "minmax(0, 1fr)" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300 },
  form: { display: "grid", gap: "8px", gridTemplateColumns: "minmax(0, 1fr)" },
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: "8px" },
  profile: {
    display: "grid",
    gap: "4px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  name: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px", fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  plain: { margin: 0, paddingLeft: "18px", display: "grid", gap: "2px" },
  surface: { maxWidth: "calc(100vw - 24px)", boxSizing: "border-box" },
  change: { fontVariantNumeric: "tabular-nums" },
});

/** A confirmation the panel is asking for. */
type Asking =
  | { readonly kind: "replace"; readonly name: string; readonly existing: string }
  | { readonly kind: "customer"; readonly name: string; readonly replace: boolean; readonly now: string }
  | { readonly kind: "unsaved"; readonly plan: SwitchPlan }
  | { readonly kind: "review"; readonly plan: SwitchPlan }
  | { readonly kind: "delete"; readonly name: string }
  | { readonly kind: "keep-only"; readonly name: string; readonly others: readonly string[] }
  | { readonly kind: "prepare"; readonly customer: string; readonly removes: RemovedForSending };

/** What the last action did, for the status line. */
type Said = { readonly intent: "success" | "info"; readonly text: string } | { readonly intent: "error"; readonly title: string; readonly text: string; readonly problems: readonly Problem[] };

/**
 * Customers: saves the variables' current values as a named profile, lists the profiles, and
 * switches the active customer by writing a profile's values into CVM_Variables, after saying
 * what will change (and first, when values would be lost, asking). The profiles live on a hidden
 * sheet of the workbook; every read and write goes through the Office.js adapter.
 */
export function CustomersPanel({ host, readAt, onWritten }: { readonly host: ExcelHost; readonly readAt?: Date; readonly onWritten: () => void }) {
  const styles = useStyles();
  const ids = useId();
  const { inspection, reading, failure, refresh } = useProfiles(host, readAt);
  const [name, setName] = useState("");
  const [touched, setTouched] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const [asking, setAsking] = useState<Asking | undefined>();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<Said | undefined>();
  const [saveFirst, setSaveFirst] = useState<string | undefined>();
  const nameInput = useRef<HTMLInputElement>(null);

  // The name field starts with the Customer setting, until the user types.
  const customer = inspection?.current.customer?.value ?? "";
  useEffect(() => {
    if (!touched) setName(customer);
  }, [customer, touched]);

  if (!inspection) {
    return failure ? (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>The profiles could not be read.</MessageBarTitle>
          {failure}
        </MessageBarBody>
      </MessageBar>
    ) : (
      <Spinner size="tiny" label="Reading the customer profiles…" />
    );
  }

  const { read, state } = inspection;
  const store = read.kind === "ours" ? read.store : undefined;
  const profiles = store?.profiles ?? [];
  const active = store?.active ?? "";
  const sheetProblems = read.kind === "ours" ? read.problems : [];

  /** Runs one request to the workbook; after a write, the model and the profiles are read again. An exception is Excel refusing the request. */
  const act = async (work: () => Promise<void>, writes = true) => {
    setBusy(true);
    try {
      await work();
    } catch (e) {
      setSaid({ intent: "error", title: "Excel refused the request.", text: e instanceof Error ? e.message : String(e), problems: [] });
    } finally {
      setBusy(false);
      if (writes) {
        onWritten();
        await refresh();
      }
    }
  };
  const refused = (outcome: Refusal, title: string) => setSaid({ intent: "error", title, text: outcome.message, problems: outcome.problems });

  const save = (replace: boolean, customerChoice?: CustomerChoice) =>
    act(async () => {
      const outcome = await saveProfile(host, name, new Date(), { replace, ...(customerChoice ? { customer: customerChoice } : {}) });
      if (outcome.ok) {
        setSaid({ intent: "success", text: `Saved ${outcome.plan.active}: ${count(outcome.plan.profiles.find((p) => p.name === outcome.plan.active)?.values.length ?? 0, "value")}. It is the active profile.${savedDetails(outcome.plan)}` });
        setSaveFirst(undefined);
      } else if (outcome.reason === "replace") setAsking({ kind: "replace", name, existing: name.trim() });
      else if (outcome.reason === "customer") setAsking({ kind: "customer", name: name.trim(), replace, now: customer.trim() });
      else if (outcome.reason === "name") setNameError(outcome.message);
      else refused(outcome, "Nothing was saved.");
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkProfileName(name);
    setNameError(checked.ok ? undefined : checked.message);
    if (!checked.ok) return;
    const existing = profiles.find((p) => p.name.toLowerCase() === checked.name.toLowerCase());
    if (existing) setAsking({ kind: "replace", name: checked.name, existing: existing.name });
    else void save(false);
  };

  const startSwitch = (profile: string) =>
    act(async () => {
      setSaid(undefined);
      const preview = await previewSwitch(host, profile);
      if (!preview.ok) return refused(preview, "Nothing was switched.");
      setAsking(preview.plan.lost.length > 0 || preview.plan.lostCustomer ? { kind: "unsaved", plan: preview.plan } : { kind: "review", plan: preview.plan });
    }, false);

  const confirmSwitch = (plan: SwitchPlan) =>
    act(async () => {
      setAsking(undefined);
      const outcome = await switchProfile(host, plan);
      if (!outcome.ok) return refused(outcome, "Nothing was switched.");
      setSaid({ intent: "success", text: switchedText(outcome.plan) });
    });

  const remove = (target: string) =>
    act(async () => {
      setAsking(undefined);
      const outcome = await deleteProfile(host, target);
      if (outcome.ok) setSaid({ intent: "success", text: `Deleted the profile ${target}.` });
      else refused(outcome, "Nothing was deleted.");
    });

  const keepOnly = (target: string, others: readonly string[]) =>
    act(async () => {
      setAsking(undefined);
      const outcome = await keepOnlyProfile(host, target);
      if (outcome.ok) setSaid({ intent: "success", text: `Removed ${count(others.length, "profile")}; only ${target} stays in this workbook.` });
      else refused(outcome, "Nothing was removed.");
    });

  const startPrepare = () =>
    act(async () => {
      setSaid(undefined);
      const preview = await previewSending(sendingWorkbook(host));
      if (preview.ok) setAsking({ kind: "prepare", customer: preview.customer, removes: preview.removes });
      else setSaid({ intent: "error", title: preview.title, text: preview.message, problems: preview.problems });
    }, false);

  const prepare = () =>
    act(async () => {
      setAsking(undefined);
      const outcome = await prepareForSending(sendingWorkbook(host), new Date());
      if (outcome.ok) setSaid({ intent: "success", text: outcome.message });
      else setSaid({ intent: "error", title: outcome.title, text: outcome.message, problems: outcome.problems });
    });

  const others = profiles.filter((p) => p.name !== active).map((p) => p.name);

  return (
    <section aria-labelledby={`${ids}-heading`} className={styles.section}>
      <h2 id={`${ids}-heading`} className={styles.heading}>
        Customer profiles
      </h2>
      <Body1>Save the variables&apos; current values under a customer&apos;s name, and switch between customers: a switch writes the saved values into CVM_Variables.</Body1>

      {read.kind === "foreign" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{read.message}</MessageBarBody>
        </MessageBar>
      )}
      {sheetProblems.length > 0 && (
        <MessageBar intent={sheetProblems.some((p) => p.severity === "error") ? "error" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The profiles sheet was edited by hand.</MessageBarTitle>
            {sheetProblems.some((p) => p.severity === "error") &&
              `Profiles cannot change until these cells are fixed: unhide the sheet ${PROFILES_SHEET} (right-click a sheet tab, then Unhide).`}
            <ProblemList problems={sheetProblems} />
          </MessageBarBody>
        </MessageBar>
      )}

      <Body1 role="status" aria-live="polite">
        {state.kind === "saved"
          ? `The current values are saved as ${state.profile}.`
          : state.against
            ? `The current values are not saved: ${count(state.differing.length, "variable")} differ from ${state.against} (${names(state.differing.map((v) => v.name))}).`
            : "The current values are not saved in any profile."}
      </Body1>

      <form className={styles.form} onSubmit={onSubmit} aria-label="Save the current values">
        {saveFirst && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>Save the current values, then switch to {saveFirst} again.</MessageBarBody>
          </MessageBar>
        )}
        <Field label="Profile name" hint="Usually the customer's name; saving under an existing name replaces its values." validationMessage={nameError} validationState={nameError ? "error" : "none"}>
          <Input
            ref={nameInput}
            value={name}
            maxLength={200}
            onChange={(_, data) => {
              setTouched(true);
              setName(data.value);
              setNameError(undefined);
            }}
          />
        </Field>
        <div>
          <Button appearance="primary" type="submit" disabledFocusable={busy || read.kind === "foreign"}>
            Save current values
          </Button>
        </div>
      </form>

      <h3 className={styles.subheading}>Saved profiles</h3>
      {profiles.length === 0 ? (
        <Body1>No profiles yet. The first one you save is kept on a hidden sheet of this workbook, {PROFILES_SHEET}.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Saved profiles">
          {profiles.map((profile) => (
            <ProfileItem
              key={profile.name}
              profile={profile}
              active={profile.name === active}
              busy={busy}
              onSwitch={() => void startSwitch(profile.name)}
              onDelete={() => setAsking({ kind: "delete", name: profile.name })}
            />
          ))}
        </ul>
      )}

      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Profiles travel with the workbook.</MessageBarTitle>
          Anyone who gets this file can unhide {PROFILES_SHEET} and read every profile in it: a workbook sent to one customer would carry the others&apos; numbers. Before you send
          it, switch to that customer and press Prepare for sending: it builds the workbook for that customer, which leaves out other customers&apos; entries in the Assumptions
          Log&apos;s change history and their inputs in the add-in&apos;s record of the last build, and removes the other customers&apos; profiles.
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button
          disabledFocusable={busy || active === "" || others.length === 0}
          onClick={() => setAsking({ kind: "keep-only", name: active, others })}
        >
          Remove the other profiles
        </Button>{" "}
        <Button disabledFocusable={busy || read.kind === "foreign"} onClick={() => void startPrepare()}>
          Prepare for sending
        </Button>
        {active === "" && profiles.length > 0 && <Caption1 block>Switch to the customer the workbook goes to first.</Caption1>}
      </div>

      <div role="status" aria-live="polite">
        {busy && <Spinner size="tiny" label="Working on the workbook…" />}
        {!busy && said && (
          <MessageBar intent={said.intent} layout="multiline">
            <MessageBarBody>
              {said.intent === "error" && <MessageBarTitle>{said.title}</MessageBarTitle>}
              {said.text}
              {said.intent === "error" && said.problems.length > 0 && <ProblemList problems={said.problems} />}
            </MessageBarBody>
          </MessageBar>
        )}
        {!busy && reading && <Caption1>Reading the profiles again…</Caption1>}
      </div>

      <Dialog open={asking !== undefined} onOpenChange={(_, data) => !data.open && setAsking(undefined)}>
        <DialogSurface className={styles.surface}>
          {asking && (
            <Confirmation
              asking={asking}
              onCancel={() => setAsking(undefined)}
              onReplace={() => {
                setAsking(undefined);
                void save(true);
              }}
              onCustomer={(replace, choice) => {
                setAsking(undefined);
                void save(replace, choice);
              }}
              onSaveFirst={(plan) => {
                setAsking(undefined);
                setSaveFirst(plan.profile);
                nameInput.current?.focus();
              }}
              onSwitchAnyway={(plan) => setAsking({ kind: "review", plan })}
              onSwitch={(plan) => void confirmSwitch(plan)}
              onDelete={(target) => void remove(target)}
              onKeepOnly={(target, rest) => void keepOnly(target, rest)}
              onPrepare={() => void prepare()}
            />
          )}
        </DialogSurface>
      </Dialog>
    </section>
  );
}

function ProfileItem(props: { readonly profile: Profile; readonly active: boolean; readonly busy: boolean; readonly onSwitch: () => void; readonly onDelete: () => void }) {
  const styles = useStyles();
  const { profile, active, busy } = props;
  return (
    <li className={styles.profile}>
      <div className={styles.name}>
        <span>{profile.name}</span>
        {active && (
          <Badge appearance="tint" color="brand" size="small">
            active
          </Badge>
        )}
      </div>
      <Caption1>
        {profile.saved === undefined ? "No save date" : `Saved ${savedWhen(profile.saved)}`} · {count(profile.values.length, "value")}
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" appearance={active ? "secondary" : "primary"} disabledFocusable={busy} onClick={props.onSwitch} aria-label={`Switch to ${profile.name}`}>
          Switch
        </Button>
        <Button size="small" disabledFocusable={busy} onClick={props.onDelete} aria-label={`Delete ${profile.name}`}>
          Delete
        </Button>
      </div>
    </li>
  );
}

function Confirmation(props: {
  readonly asking: Asking;
  readonly onCancel: () => void;
  readonly onReplace: () => void;
  readonly onCustomer: (replace: boolean, choice: CustomerChoice) => void;
  readonly onSaveFirst: (plan: SwitchPlan) => void;
  readonly onSwitchAnyway: (plan: SwitchPlan) => void;
  readonly onSwitch: (plan: SwitchPlan) => void;
  readonly onDelete: (name: string) => void;
  readonly onKeepOnly: (name: string, others: readonly string[]) => void;
  readonly onPrepare: () => void;
}) {
  const { asking, onCancel } = props;
  const cancel = (
    <Button key="cancel" appearance="secondary" onClick={onCancel}>
      Cancel
    </Button>
  );
  switch (asking.kind) {
    case "replace":
      return (
        <Ask title={`Replace the saved values of ${asking.existing}?`} actions={[<Primary key="go" label="Replace" onClick={props.onReplace} />, cancel]}>
          <Body1>The current values replace the ones saved under this name.</Body1>
        </Ask>
      );
    case "customer":
      return (
        <Ask
          title={`Also set the Customer setting to ${asking.name}?`}
          actions={[
            <Primary key="set" label={`Set it to ${asking.name}`} onClick={() => props.onCustomer(asking.replace, "set")} />,
            <Button key="keep" onClick={() => props.onCustomer(asking.replace, "keep")}>
              Keep {asking.now}
            </Button>,
            cancel,
          ]}
        >
          <Body1>
            The Customer setting says {asking.now}. The next build titles its figures with it: set it to {asking.name} if these values are {asking.name}&apos;s.
          </Body1>
        </Ask>
      );
    case "unsaved": {
      const { plan } = asking;
      return (
        <Ask
          title="Unsaved values"
          actions={[
            <Primary key="save" label="Save them first" onClick={() => props.onSaveFirst(plan)} />,
            <Button key="anyway" onClick={() => props.onSwitchAnyway(plan)}>
              Switch anyway
            </Button>,
            cancel,
          ]}
        >
          <Body1>
            The current values are not saved in any profile:{" "}
            {plan.lost.length > 0 ? `${count(plan.lost.length, "value")}${plan.lostCustomer ? " and the Customer setting" : ""}` : "the Customer setting"} would be lost:
          </Body1>
          <Lines
            label="Values that would be lost"
            lines={[
              ...plan.lost.map((c) => `${c.name}: ${shown(c.from)} (${formatCell(c.cell)})`),
              ...(plan.lostCustomer ? [`Customer: ${plan.lostCustomer.from} (${formatCell(plan.lostCustomer.cell)})`] : []),
            ]}
          />
        </Ask>
      );
    }
    case "review":
      return (
        <Ask title={`Switch to ${asking.plan.profile}?`} actions={[<Primary key="go" label="Switch" onClick={() => props.onSwitch(asking.plan)} />, cancel]}>
          <SwitchReview plan={asking.plan} />
        </Ask>
      );
    case "delete":
      return (
        <Ask title={`Delete the profile ${asking.name}?`} actions={[<Primary key="go" label="Delete" onClick={() => props.onDelete(asking.name)} />, cancel]}>
          <Body1>Its saved values are removed from this workbook. The variables keep their current values.</Body1>
        </Ask>
      );
    case "keep-only":
      return (
        <Ask title="Remove the other profiles?" actions={[<Primary key="go" label="Remove" onClick={() => props.onKeepOnly(asking.name, asking.others)} />, cancel]}>
          <Body1>
            Only {asking.name} stays in this workbook; {count(asking.others.length, "profile")} {asking.others.length === 1 ? "is" : "are"} removed:
          </Body1>
          <Lines label="Profiles to remove" lines={asking.others} />
        </Ask>
      );
    case "prepare": {
      const what = describeRemoved(asking.removes, "Then it removes");
      const customer = asking.customer === "" ? "no named customer" : asking.customer;
      return (
        <Ask title={`Prepare this workbook for ${customer}?`} actions={[<Primary key="go" label="Build and remove" onClick={props.onPrepare} />, cancel]}>
          <Body1>The workbook is built for {customer}, as the Build tab builds it.</Body1>
          <Body1>{what ?? "Nothing of another customer was found in it: nothing is removed."}</Body1>
          {asking.removes.profiles.length > 0 && <Lines label="Profiles to remove" lines={asking.removes.profiles} />}
        </Ask>
      );
    }
  }
}

/** What a switch changes: each Value cell from → to, the Customer, and what it keeps or ignores. */
function SwitchReview({ plan }: { readonly plan: SwitchPlan }) {
  const ranges = rangeReview(plan.ranges);
  return (
    <>
      {plan.changes.length === 0 ? (
        <Body1>No variable changes: they already hold {plan.profile}&apos;s values.</Body1>
      ) : (
        <>
          <Body1>{plan.changes.length === 1 ? "1 variable changes:" : `${plan.changes.length} variables change:`}</Body1>
          <Lines label="Changes" lines={plan.changes.map((c) => `${c.name}: ${shown(c.from)} → ${shown(c.to)} (${formatCell(c.cell)})`)} />
        </>
      )}
      <Body1>{customerLine(plan.customer)}</Body1>
      {plan.formulas.length > 0 && (
        <>
          <Body1>Kept, because the cell holds a formula:</Body1>
          <Lines label="Kept: formulas" lines={plan.formulas.map((f) => `${f.name}: kept: its value is a formula (${f.formula}); the profile saved ${shown(f.saved)}`)} />
        </>
      )}
      {plan.notInProfile.length > 0 && (
        <>
          <Body1>Kept as they are (the profile has no value for them):</Body1>
          <Lines label="Kept: not in the profile" lines={plan.notInProfile.map((v) => `${v.name}: ${shown(v.value)}`)} />
        </>
      )}
      {plan.ignored.length > 0 && (
        <>
          <Body1>Ignored (no longer in the model):</Body1>
          <Lines label="Ignored" lines={plan.ignored.map((v) => `${v.name}: ${shown(v.value)}`)} />
        </>
      )}
      {plan.unchanged.length > 0 && (
        <Caption1>{plan.unchanged.length === 1 ? "1 other variable already holds" : `${plan.unchanged.length} other variables already hold`} the profile&apos;s value.</Caption1>
      )}
      {ranges.groups.map((g) => (
        <Fragment key={g.label}>
          <Body1>{g.title}</Body1>
          <Lines label={g.label} lines={g.lines} />
        </Fragment>
      ))}
      {ranges.note && <Body1>{ranges.note}</Body1>}
      <Caption1>The other settings (price, discount rate, years) stay as they are.</Caption1>
    </>
  );
}

function customerLine(customer: CustomerChange): string {
  switch (customer.kind) {
    case "write":
      return `Customer (${formatCell(customer.cell)}): ${customer.from === "" ? "empty" : customer.from} → ${customer.to}.`;
    case "same":
      return `Customer (${formatCell(customer.cell)}) stays ${customer.to}.`;
    case "formula":
      return `Customer (${formatCell(customer.cell)}) is kept: its value is a formula (${customer.formula}).`;
    case "absent":
      return `The name ${customer.to} is not written into the model: CVM_Settings has no Customer row.`;
  }
}

function Ask({ title, actions, children }: { readonly title: string; readonly actions: readonly ReactNode[]; readonly children: ReactNode }) {
  return (
    <DialogBody>
      <DialogTitle>{title}</DialogTitle>
      <DialogContent style={{ display: "grid", gap: 8, overflowWrap: "anywhere" }}>{children}</DialogContent>
      <DialogActions style={{ flexWrap: "wrap" }}>{actions}</DialogActions>
    </DialogBody>
  );
}

function Primary({ label, onClick }: { readonly label: string; readonly onClick: () => void }) {
  return (
    <Button appearance="primary" onClick={onClick}>
      {label}
    </Button>
  );
}

function Lines({ label, lines }: { readonly label: string; readonly lines: readonly string[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.plain} aria-label={label}>
      {lines.map((line, i) => (
        <li key={i}>
          <Body1 className={styles.change}>{line}</Body1>
        </li>
      ))}
    </ul>
  );
}

function ProblemList({ problems }: { readonly problems: readonly Problem[] }) {
  const styles = useStyles();
  return (
    <ul className={styles.plain} aria-label="Cells to fix">
      {problems.map((p) => (
        <li key={problemKey(p)}>
          {describeLocation(p)}: {p.message}
        </li>
      ))}
    </ul>
  );
}

function switchedText(plan: SwitchPlan): string {
  const ranges = switchedRanges(plan);
  const values = plan.changes.length === 0 && ranges.written === "" ? "no value needed changing" : `${count(plan.changes.length, "value")}${ranges.written} written`;
  const customer = plan.customer.kind === "write" ? `, and the Customer set to ${plan.customer.to}` : "";
  // What no formula can follow: the sensitivity table and the history are as of the last build.
  return `Switched to ${plan.profile}: ${values}${customer}.${ranges.kept} Build again so that the Value Summary's sensitivity and the Assumptions Log record this customer.`;
}

/** An Excel serial date-time as the profiles sheet shows it (`yyyy-mm-dd hh:mm`, UTC). */
export function savedWhen(serial: number): string {
  const date = new Date(Math.round((serial - 25569) * 86400) * 1000);
  if (Number.isNaN(date.getTime())) return "at an unknown time";
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function names(list: readonly string[]): string {
  return list.length <= 5 ? list.join(", ") : `${list.slice(0, 5).join(", ")} and ${list.length - 5} more`;
}
