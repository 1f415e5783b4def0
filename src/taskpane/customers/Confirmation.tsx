import {
  Body1,
  Button,
  Caption1,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogTitle,
  MessageBar,
  MessageBarBody,
} from "@fluentui/react-components";
import { Fragment, type ReactNode } from "react";
import { describeRemoved } from "../../core/plan/other-customers";
import type { CustomerChange, CustomerChoice, SwitchPlan } from "../../core/profiles";
import { describeLocation, type Problem } from "../../core/problems";
import { formatCell } from "../../core/workbook/address";
import { problemKey } from "../panels/problem-key";
import { rangeReview, shown } from "../panels/profile-ranges";
import { useCustomersStyles } from "./styles";
import { type Asking, count } from "./workflow";

export interface ConfirmationProps {
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
}

/** The question the panel is asking, with its answers; Cancel always among them. */
export function Confirmation(props: ConfirmationProps) {
  const { asking } = props;
  const cancel = (
    <Button key="cancel" appearance="secondary" onClick={props.onCancel}>
      Cancel
    </Button>
  );
  switch (asking.kind) {
    case "replace":
      return (
        <Ask
          title={`Replace the saved values of ${asking.existing}?`}
          actions={[<Primary key="go" label="Replace" onClick={props.onReplace} />, cancel]}
        >
          <Body1>The current values replace the ones saved under this name.</Body1>
        </Ask>
      );
    case "customer":
      return <CustomerQuestion asking={asking} onCustomer={props.onCustomer} cancel={cancel} />;
    case "unsaved":
      return <UnsavedQuestion plan={asking.plan} onSaveFirst={props.onSaveFirst} onSwitchAnyway={props.onSwitchAnyway} cancel={cancel} />;
    case "review":
      return (
        <Ask
          title={`Switch to ${asking.plan.profile}?`}
          actions={[<Primary key="go" label="Switch" onClick={() => props.onSwitch(asking.plan)} />, cancel]}
        >
          <SwitchReview plan={asking.plan} />
        </Ask>
      );
    case "delete":
      return (
        <Ask
          title={`Delete the profile ${asking.name}?`}
          actions={[<Primary key="go" label="Delete" onClick={() => props.onDelete(asking.name)} />, cancel]}
        >
          <Body1>Its saved values are removed from this workbook. The variables keep their current values.</Body1>
        </Ask>
      );
    case "keep-only":
      return (
        <Ask
          title="Remove the other profiles?"
          actions={[<Primary key="go" label="Remove" onClick={() => props.onKeepOnly(asking.name, asking.others)} />, cancel]}
        >
          <Body1>
            Only {asking.name} stays in this workbook; {count(asking.others.length, "profile")} {asking.others.length === 1 ? "is" : "are"}{" "}
            removed:
          </Body1>
          <Lines label="Profiles to remove" lines={asking.others} />
        </Ask>
      );
    case "prepare":
      return <PrepareQuestion asking={asking} onPrepare={props.onPrepare} cancel={cancel} />;
  }
}

function CustomerQuestion(props: {
  readonly asking: Extract<Asking, { kind: "customer" }>;
  readonly onCustomer: ConfirmationProps["onCustomer"];
  readonly cancel: ReactNode;
}) {
  const { asking, onCustomer } = props;
  return (
    <Ask
      title={`Also set the Customer setting to ${asking.name}?`}
      actions={[
        <Primary key="set" label={`Set it to ${asking.name}`} onClick={() => onCustomer(asking.replace, "set")} />,
        <Button key="keep" onClick={() => onCustomer(asking.replace, "keep")}>
          Keep {asking.now}
        </Button>,
        props.cancel,
      ]}
    >
      <Body1>
        The Customer setting says {asking.now}. The next build titles its figures with it: set it to {asking.name} if these values are{" "}
        {asking.name}&apos;s.
      </Body1>
    </Ask>
  );
}

/** "Save them first / Switch anyway / Cancel": a switch would lose values no profile holds. */
function UnsavedQuestion(props: {
  readonly plan: SwitchPlan;
  readonly onSaveFirst: (plan: SwitchPlan) => void;
  readonly onSwitchAnyway: (plan: SwitchPlan) => void;
  readonly cancel: ReactNode;
}) {
  const { plan } = props;
  return (
    <Ask
      title="Unsaved values"
      actions={[
        <Primary key="save" label="Save them first" onClick={() => props.onSaveFirst(plan)} />,
        <Button key="anyway" onClick={() => props.onSwitchAnyway(plan)}>
          Switch anyway
        </Button>,
        props.cancel,
      ]}
    >
      <Body1>
        The current values are not saved in any profile:{" "}
        {plan.lost.length > 0
          ? `${count(plan.lost.length, "value")}${plan.lostCustomer ? " and the Customer setting" : ""}`
          : "the Customer setting"}{" "}
        would be lost:
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

function PrepareQuestion(props: {
  readonly asking: Extract<Asking, { kind: "prepare" }>;
  readonly onPrepare: () => void;
  readonly cancel: ReactNode;
}) {
  const { asking } = props;
  const what = describeRemoved(asking.removes, "Then it removes");
  const customer = asking.customer === "" ? "no named customer" : asking.customer;
  return (
    <Ask
      title={`Prepare this workbook for ${customer}?`}
      actions={[<Primary key="go" label="Build and remove" onClick={props.onPrepare} />, props.cancel]}
    >
      <Body1>The workbook is built for {customer}, as the Build tab builds it.</Body1>
      <Body1>{what ?? (asking.stays ? "Nothing is removed." : "Nothing of another customer was found in it: nothing is removed.")}</Body1>
      {asking.removes.profiles.length > 0 && <Lines label="Profiles to remove" lines={asking.removes.profiles} />}
      {asking.stays && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{asking.stays}</MessageBarBody>
        </MessageBar>
      )}
    </Ask>
  );
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
      <Kept
        title="Kept, because the cell holds a formula:"
        label="Kept: formulas"
        lines={plan.formulas.map((f) => `${f.name}: kept: its value is a formula (${f.formula}); the profile saved ${shown(f.saved)}`)}
      />
      <Kept
        title="Kept as they are (the profile has no value for them):"
        label="Kept: not in the profile"
        lines={plan.notInProfile.map((v) => `${v.name}: ${shown(v.value)}`)}
      />
      <Kept title="Ignored (no longer in the model):" label="Ignored" lines={plan.ignored.map((v) => `${v.name}: ${shown(v.value)}`)} />
      {plan.unchanged.length > 0 && (
        <Caption1>
          {plan.unchanged.length === 1 ? "1 other variable already holds" : `${plan.unchanged.length} other variables already hold`} the
          profile&apos;s value.
        </Caption1>
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

/** A titled list of what a switch leaves alone; nothing when the list is empty. */
function Kept({ title, label, lines }: { readonly title: string; readonly label: string; readonly lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <Body1>{title}</Body1>
      <Lines label={label} lines={lines} />
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

function Ask({
  title,
  actions,
  children,
}: {
  readonly title: string;
  readonly actions: readonly ReactNode[];
  readonly children: ReactNode;
}) {
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
  const styles = useCustomersStyles();
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

export function ProblemList({ problems }: { readonly problems: readonly Problem[] }) {
  const styles = useCustomersStyles();
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
