import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { type ExcelHost, insertStarterModel } from "../../adapters/excel";
import type { ModelInspection } from "../../app/pipeline";
import {
  INPUT_RANGES,
  type InputRange,
  OPTIONAL_RANGES,
  type OptionalRange,
  type StarterKind,
  missingInputs,
  optionalInputs,
} from "../../core/starter/starter-model";
import { RANGE_NAMES } from "../../core/workbook/cells";
import { PIPELINE_STARTER } from "../../sample/pipeline-model";

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: "none", display: "grid", gap: "6px" },
  item: { display: "grid", gap: "2px" },
  found: { color: tokens.colorPaletteGreenForeground1 },
  missing: { color: tokens.colorPaletteDarkOrangeForeground1 },
  broken: { color: tokens.colorPaletteRedForeground1 },
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

const PURPOSE: Record<InputRange | OptionalRange, string> = {
  variables: "the customer's numbers: miles of pipeline, labour cost per hour…",
  elements: "the value elements, each a formula over the variables",
  settings: "customer, currency, years, discount rate and price (optional)",
  stakeholders:
    "who the value is for: each stakeholder's role, objective and metric, for a Value Map sheet (optional; add a Proposition column to the elements for its sentences)",
  actuals:
    "measured results by element and year (Element, Year, Actual, Source, Date), compared with the ramped estimate in a Realization by year section (optional)",
};

/** What an absent range means, for the ranges a model may go without. */
const WITHOUT: Partial<Record<InputRange | OptionalRange, string>> = {
  settings: "not there: the defaults apply",
  stakeholders: "not there: no Value Map",
  actuals: "not there: no realization by year",
};

type Insertion =
  | { readonly step: "idle" }
  | { readonly step: "inserting"; readonly kind: StarterKind }
  | { readonly step: "inserted"; readonly sheets: readonly string[]; readonly note?: string }
  | { readonly step: "refused"; readonly message: string };

/** A range's state in words: where it is, that it points at a deleted sheet, or that it is missing. */
function RangeState({
  present,
  address,
  optional,
}: {
  readonly present: boolean;
  readonly address: string | undefined;
  readonly optional: string | undefined;
}) {
  const styles = useStyles();
  if (present && address?.includes("#REF!")) {
    return <span className={styles.broken}>points at a deleted sheet: fix or delete it in Formulas &gt; Name Manager</span>;
  }
  if (present) return <span className={styles.found}>found{address ? ` at ${address}` : ""}</span>;
  return optional ? <span>{optional}</span> : <span className={styles.missing}>missing</span>;
}

/** Each range of the contract with where it is, or that it is missing (or, for an optional one, what its absence means). */
function RangeList({ inspection, missing }: { readonly inspection: ModelInspection; readonly missing: readonly InputRange[] }) {
  const styles = useStyles();
  const optionalPresent = optionalInputs(inspection.existing);
  return (
    <ul className={styles.list} aria-label="Named ranges">
      {[...INPUT_RANGES, ...OPTIONAL_RANGES].map((range) => {
        const address = inspection.ranges[range];
        const present = (INPUT_RANGES as readonly string[]).includes(range)
          ? !missing.includes(range as InputRange)
          : optionalPresent.includes(range as OptionalRange);
        return (
          <li key={range} className={styles.item}>
            <Body1>
              <strong>{RANGE_NAMES[range]}</strong> <RangeState present={present} address={address} optional={WITHOUT[range]} />
            </Body1>
            <Caption1>{PURPOSE[range]}</Caption1>
          </li>
        );
      })}
    </ul>
  );
}

/** What became of an insertion: under way, done (with the new sheets), or refused with Excel's reason. */
function InsertionOutcome({ insertion }: { readonly insertion: Insertion }) {
  if (insertion.step === "inserting")
    return <Spinner size="tiny" label={insertion.kind === "sample" ? "Inserting the sample model…" : "Inserting empty tables…"} />;
  if (insertion.step === "inserted")
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>Inserted.</MessageBarTitle>
          New {insertion.sheets.length === 1 ? "sheet" : "sheets"}: {insertion.sheets.join(", ")}. Edit the tables there; Check and Preview
          follow your changes.{insertion.note ? ` ${insertion.note}` : ""}
        </MessageBarBody>
      </MessageBar>
    );
  if (insertion.step === "refused")
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{insertion.message}</MessageBarBody>
      </MessageBar>
    );
  return null;
}

/** Start: where the three named ranges are, and a starter model where they are missing. */
export function StartPanel({
  host,
  inspection,
  onInserted,
}: {
  readonly host: ExcelHost;
  readonly inspection: ModelInspection;
  readonly onInserted: () => void;
}) {
  const styles = useStyles();
  const [insertion, setInsertion] = useState<Insertion>({ step: "idle" });
  const missing = missingInputs(inspection.existing);
  const noModel = missing.length === INPUT_RANGES.length;

  const insert = async (kind: StarterKind) => {
    setInsertion({ step: "inserting", kind });
    try {
      const outcome = await insertStarterModel(host, kind, PIPELINE_STARTER);
      setInsertion(
        outcome.ok
          ? { step: "inserted", sheets: outcome.sheets, ...(outcome.note ? { note: outcome.note } : {}) }
          : { step: "refused", message: outcome.message },
      );
      if (outcome.ok) onInserted();
    } catch (e) {
      setInsertion({ step: "refused", message: `Excel refused the request: ${e instanceof Error ? e.message : String(e)}` });
    }
  };

  return (
    <section aria-labelledby="start-heading" style={{ display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }}>
      <h2 id="start-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        Model inputs
      </h2>
      <Body1>
        The add-in reads a value model from three named ranges of this workbook, and from two optional ones where they exist: who the value
        is for, and the results measured after the sale.
      </Body1>
      <RangeList inspection={inspection} missing={missing} />
      {missing.length > 0 && insertion.step !== "inserted" && (
        <>
          <Body1>
            {noModel
              ? "Start from the bundled sample (a pipeline-leak analytics model for a midstream operator, with its stakeholders, manual patrols as the alternative and two years of results) or from empty tables. They go on new sheets; none of your sheets is changed."
              : "Add the missing tables on new sheets (settings with their defaults, the others empty); none of your sheets is changed."}
          </Body1>
          <div className={styles.actions}>
            {noModel && (
              <Button appearance="primary" disabled={insertion.step === "inserting"} onClick={() => void insert("sample")}>
                Insert the sample model
              </Button>
            )}
            <Button
              appearance={noModel ? "secondary" : "primary"}
              disabled={insertion.step === "inserting"}
              onClick={() => void insert("skeleton")}
            >
              {noModel ? "Insert empty tables" : "Add the missing tables"}
            </Button>
          </div>
        </>
      )}
      <InsertionOutcome insertion={insertion} />
      {missing.length === 0 && insertion.step !== "inserted" && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>All three ranges are there. Check lists the model&apos;s problems; Preview shows its value.</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
