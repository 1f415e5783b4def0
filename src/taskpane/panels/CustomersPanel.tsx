import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogSurface,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
} from "@fluentui/react-components";
import { type FormEvent, type RefObject, useId, useRef } from "react";
import type { ExcelHost } from "../../adapters/excel";
import { type Profile, PROFILES_SHEET, type ProfilesRead } from "../../core/profiles";
import { Confirmation, ProblemList } from "../customers/Confirmation";
import { useCustomersStyles as useStyles } from "../customers/styles";
import { useCustomers } from "../customers/use-customers";
import { count, type Said, savedStateText, savedWhen } from "../customers/workflow";

export { savedWhen } from "../customers/workflow";

type Customers = ReturnType<typeof useCustomers>;

/**
 * Customers: saves the variables' current values as a named profile, lists the profiles, and
 * switches the active customer by writing a profile's values into CVM_Variables, after saying
 * what will change (and first, when values would be lost, asking). The profiles live on a hidden
 * sheet of the workbook; the workflow runs in useCustomers, and this panel only shows it.
 */
export function CustomersPanel({
  host,
  readAt,
  onWritten,
}: {
  readonly host: ExcelHost;
  readonly readAt?: Date;
  readonly onWritten: () => void;
}) {
  const styles = useStyles();
  const ids = useId();
  const customers = useCustomers(host, readAt, onWritten);
  const nameInput = useRef<HTMLInputElement>(null);
  const { inspection, reading, failure } = customers.profiles;
  const { state, actions } = customers;

  if (!inspection) return <ProfilesUnread failure={failure} />;

  const { read } = inspection;
  const store = read.kind === "ours" ? read.store : undefined;
  const profiles = store?.profiles ?? [];
  const active = store?.active ?? "";

  return (
    <section aria-labelledby={`${ids}-heading`} className={styles.section}>
      <h2 id={`${ids}-heading`} className={styles.heading}>
        Customer profiles
      </h2>
      <Body1>
        Save the variables&apos; current values under a customer&apos;s name, and switch between customers: a switch writes the saved values
        into CVM_Variables.
      </Body1>
      <SheetWarnings read={read} />
      <Body1 role="status" aria-live="polite">
        {savedStateText(inspection.state)}
      </Body1>
      <SaveForm customers={customers} foreign={read.kind === "foreign"} nameInput={nameInput} />
      <ProfileList
        profiles={profiles}
        active={active}
        busy={state.busy}
        onSwitch={actions.startSwitch}
        onDelete={(name) => actions.ask({ kind: "delete", name })}
      />
      <Sending customers={customers} profiles={profiles} active={active} foreign={read.kind === "foreign"} />
      <Status busy={state.busy} said={state.said} reading={reading} />
      <CustomerDialog customers={customers} nameInput={nameInput} />
    </section>
  );
}

/** While the profiles are being read, or when they could not be. */
function ProfilesUnread({ failure }: { readonly failure: string | undefined }) {
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

/** The question the workflow is asking, if any: replace, switch, delete, keep only, prepare. */
function CustomerDialog({
  customers,
  nameInput,
}: {
  readonly customers: Customers;
  readonly nameInput: RefObject<HTMLInputElement | null>;
}) {
  const styles = useStyles();
  const { state, actions } = customers;
  return (
    <Dialog open={state.asking !== undefined} onOpenChange={(_, data) => !data.open && actions.close()}>
      <DialogSurface className={styles.surface}>
        {state.asking && (
          <Confirmation
            asking={state.asking}
            onCancel={actions.close}
            onReplace={() => actions.save(true)}
            onCustomer={(replace, choice) => actions.save(replace, choice)}
            onSaveFirst={(plan) => {
              actions.saveFirst(plan);
              nameInput.current?.focus();
            }}
            onSwitchAnyway={(plan) => actions.ask({ kind: "review", plan })}
            onSwitch={actions.confirmSwitch}
            onDelete={actions.remove}
            onKeepOnly={actions.keepOnly}
            onPrepare={actions.prepare}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

/** What is wrong with the profiles sheet: another workbook's sheet of that name, or cells edited by hand. */
function SheetWarnings({ read }: { readonly read: ProfilesRead }) {
  const problems = read.kind === "ours" ? read.problems : [];
  const blocking = problems.some((p) => p.severity === "error");
  return (
    <>
      {read.kind === "foreign" && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{read.message}</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar intent={blocking ? "error" : "warning"} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The profiles sheet was edited by hand.</MessageBarTitle>
            {blocking &&
              `Profiles cannot change until these cells are fixed: unhide the sheet ${PROFILES_SHEET} (right-click a sheet tab, then Unhide).`}
            <ProblemList problems={problems} />
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}

function SaveForm({
  customers,
  foreign,
  nameInput,
}: {
  readonly customers: Customers;
  readonly foreign: boolean;
  readonly nameInput: RefObject<HTMLInputElement | null>;
}) {
  const styles = useStyles();
  const { state, name, actions } = customers;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    actions.submit();
  };
  return (
    <form className={styles.form} onSubmit={onSubmit} aria-label="Save the current values">
      {state.saveFirst && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>Save the current values, then switch to {state.saveFirst} again.</MessageBarBody>
        </MessageBar>
      )}
      <Field
        label="Profile name"
        hint="Usually the customer's name; saving under an existing name replaces its values."
        validationMessage={state.nameError}
        validationState={state.nameError ? "error" : "none"}
      >
        <Input ref={nameInput} value={name.value} maxLength={200} onChange={(_, data) => name.change(data.value)} />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabledFocusable={state.busy || foreign}>
          Save current values
        </Button>
      </div>
    </form>
  );
}

function ProfileList(props: {
  readonly profiles: readonly Profile[];
  readonly active: string;
  readonly busy: boolean;
  readonly onSwitch: (name: string) => void;
  readonly onDelete: (name: string) => void;
}) {
  const styles = useStyles();
  const { profiles } = props;
  return (
    <>
      <h3 className={styles.subheading}>Saved profiles</h3>
      {profiles.length === 0 ? (
        <Body1>No profiles yet. The first one you save is kept on a hidden sheet of this workbook, {PROFILES_SHEET}.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Saved profiles">
          {profiles.map((profile) => (
            <ProfileItem
              key={profile.name}
              profile={profile}
              active={profile.name === props.active}
              busy={props.busy}
              onSwitch={() => props.onSwitch(profile.name)}
              onDelete={() => props.onDelete(profile.name)}
            />
          ))}
        </ul>
      )}
    </>
  );
}

function ProfileItem(props: {
  readonly profile: Profile;
  readonly active: boolean;
  readonly busy: boolean;
  readonly onSwitch: () => void;
  readonly onDelete: () => void;
}) {
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
        <Button
          size="small"
          appearance={active ? "secondary" : "primary"}
          disabledFocusable={busy}
          onClick={props.onSwitch}
          aria-label={`Switch to ${profile.name}`}
        >
          Switch
        </Button>
        <Button size="small" disabledFocusable={busy} onClick={props.onDelete} aria-label={`Delete ${profile.name}`}>
          Delete
        </Button>
      </div>
    </li>
  );
}

/** Before the workbook goes to a customer: why, and the two ways to leave the others out. */
function Sending(props: {
  readonly customers: Customers;
  readonly profiles: readonly Profile[];
  readonly active: string;
  readonly foreign: boolean;
}) {
  const { customers, profiles, active } = props;
  const { busy } = customers.state;
  const others = profiles.filter((p) => p.name !== active).map((p) => p.name);
  return (
    <>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Profiles travel with the workbook.</MessageBarTitle>
          Anyone who gets this file can unhide {PROFILES_SHEET} and read every profile in it: a workbook sent to one customer would carry
          the others&apos; numbers. Before you send it, switch to that customer and press Prepare for sending: it builds the workbook for
          that customer, which leaves out other customers&apos; entries in the Assumptions Log&apos;s change history and their inputs in the
          add-in&apos;s record of the last build, and removes the other customers&apos; profiles.
        </MessageBarBody>
      </MessageBar>
      <div>
        <Button
          disabledFocusable={busy || active === "" || others.length === 0}
          onClick={() => customers.actions.ask({ kind: "keep-only", name: active, others })}
        >
          Remove the other profiles
        </Button>{" "}
        <Button disabledFocusable={busy || props.foreign} onClick={customers.actions.startPrepare}>
          Prepare for sending
        </Button>
        {active === "" && profiles.length > 0 && <Caption1 block>Switch to the customer the workbook goes to first.</Caption1>}
      </div>
    </>
  );
}

/** What the pane is doing, or what the last action did. */
function Status({ busy, said, reading }: { readonly busy: boolean; readonly said: Said | undefined; readonly reading: boolean }) {
  return (
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
  );
}
