import {
  Body1,
  Button,
  CounterBadge,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Tab,
  TabList,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useId, useState } from "react";
import type { ExcelHost, Waiting } from "../adapters/excel";
import type { ModelInspection } from "../app/pipeline";
import { subscribeBuilds } from "../app/build-events";
import { missingInputs } from "../core/starter/starter-model";
import { BuildPanel } from "./panels/BuildPanel";
import { CheckPanel } from "./panels/CheckPanel";
import { CustomersPanel } from "./panels/CustomersPanel";
import { PreviewPanel } from "./panels/PreviewPanel";
import { StartPanel } from "./panels/StartPanel";
import { fluentTheme, type ThemeKind } from "./theme";
import { useModel } from "./use-model";

export type Step = "start" | "check" | "preview" | "customers" | "build";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  main: { padding: "12px", display: "grid", gap: "12px", gridTemplateColumns: "minmax(0, 1fr)", minWidth: 0 },
  // Five tabs in a 320 px pane: a little less padding than Fluent's, and when they still do not
  // fit (a wide font, an error count on Check) the last ones wrap to a second row, never hidden
  // behind a sideways scroll.
  tabs: { flexWrap: "wrap", rowGap: "2px" },
  tab: { paddingLeft: "4px", paddingRight: "4px" },
  panel: { minWidth: 0, overflowWrap: "anywhere" },
});

/**
 * The task pane: Start (find or insert the model's ranges), Check (problems, each leading to its
 * cell), Preview (the value, following the user's edits), Customers (profiles of variable values,
 * saved in the workbook, to switch between) and Build. It talks to the workbook only
 * through the Office.js adapter, given as `host`: Excel itself, or the workbench's simulation.
 */
export function TaskPane({ host, theme = "light" }: { readonly host: ExcelHost; readonly theme?: ThemeKind }) {
  const styles = useStyles();
  const ids = useId();
  const tabId = (step: Step) => `${ids}-tab-${step}`;
  const panelId = `${ids}-panel`;
  const model = useModel(host);
  const { inspection } = model;
  const [step, setStep] = useStep(inspection);

  const refresh = model.refresh;
  const onInserted = useCallback(() => void refresh(), [refresh]);
  const errors = inspection ? [...inspection.analysis.problems, ...inspection.clashes].filter((p) => p.severity === "error").length : 0;
  const shown = step ?? "start";

  return (
    <FluentProvider theme={fluentTheme(theme)} className={styles.root}>
      <main className={styles.main}>
        <Subtitle1 as="h1">Customer Value Model</Subtitle1>
        <StepTabs shown={shown} errors={errors} tabId={tabId} panelId={panelId} onSelect={setStep} />
        <ExcelWaiting host={host} />
        <div role="tabpanel" id={panelId} aria-labelledby={tabId(shown)} tabIndex={0} className={styles.panel}>
          {model.failure && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>The workbook could not be read.</MessageBarTitle>
                {model.failure} Finish editing the cell (Enter or Esc) if one is open, then read again.
              </MessageBarBody>
            </MessageBar>
          )}
          {inspection ? (
            <div style={{ display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }}>
              <Panel step={shown} host={host} inspection={inspection} readAt={model.readAt} onInserted={onInserted} />
              {(shown === "start" || shown === "check") && (
                <div>
                  <Button onClick={onInserted} disabledFocusable={model.reading}>
                    Check again
                  </Button>
                </div>
              )}
            </div>
          ) : model.reading ? (
            <Spinner size="tiny" label="Reading CVM_Variables, CVM_Elements and CVM_Settings…" />
          ) : (
            <Button appearance="primary" onClick={onInserted}>
              Read the workbook again
            </Button>
          )}
        </div>
      </main>
    </FluentProvider>
  );
}

/** The step shown: the first read decides where the user starts, after that the user decides; a build from the ribbon shows Build. */
function useStep(inspection: ReturnType<typeof useModel>["inspection"]): [Step | undefined, (step: Step) => void] {
  const [step, setStep] = useState<Step | undefined>();

  // The first read decides where the user starts; after that the user decides.
  useEffect(() => {
    if (inspection && step === undefined) setStep(firstStep(inspection));
  }, [inspection, step]);
  // A build started from the ribbon shows the pane's Build step when it starts and when it ends
  // (and when the pane opens after it ended); progress alone never moves the user, nor a build that
  // is part of another step's action (Prepare for sending), which reports it where it was started.
  useEffect(() => {
    let seen: { running: boolean; last: unknown } = { running: false, last: undefined };
    return subscribeBuilds((status) => {
      const started = status.running !== undefined && !seen.running;
      const ended = status.last !== undefined && status.last !== seen.last;
      seen = { running: status.running !== undefined, last: status.last };
      if ((started || ended) && status.startedFrom === undefined) setStep("build");
    });
  }, []);

  return [step, setStep];
}

function StepTabs(props: {
  readonly shown: Step;
  readonly errors: number;
  readonly tabId: (step: Step) => string;
  readonly panelId: string;
  readonly onSelect: (step: Step) => void;
}) {
  const styles = useStyles();
  const { shown, errors, tabId, panelId, onSelect } = props;
  return (
    <TabList
      className={styles.tabs}
      selectedValue={shown}
      onTabSelect={(_, data) => onSelect(data.value as Step)}
      size="small"
      aria-label="Steps"
    >
      <Tab className={styles.tab} value="start" id={tabId("start")} aria-controls={panelId}>
        Start
      </Tab>
      <Tab className={styles.tab} value="check" id={tabId("check")} aria-controls={panelId}>
        Check{" "}
        {errors > 0 && (
          <CounterBadge count={errors} size="small" color="danger" aria-label={`${errors} ${errors === 1 ? "error" : "errors"}`} />
        )}
      </Tab>
      <Tab className={styles.tab} value="preview" id={tabId("preview")} aria-controls={panelId}>
        Preview
      </Tab>
      <Tab className={styles.tab} value="customers" id={tabId("customers")} aria-controls={panelId}>
        Customers
      </Tab>
      <Tab className={styles.tab} value="build" id={tabId("build")} aria-controls={panelId}>
        Build
      </Tab>
    </TabList>
  );
}

/**
 * Why nothing moves while Excel holds the add-in's requests: a cell being edited (Excel takes no
 * request until the user presses Enter or Esc), said plainly, and said as a possibility when a
 * request is only slow (Office.js does not tell the add-in why it waits).
 */
function ExcelWaiting({ host }: { readonly host: ExcelHost }) {
  const [waiting, setWaiting] = useState<Waiting>("none");
  useEffect(() => host.watchWaiting?.(setWaiting), [host]);
  if (waiting === "none") return null;
  return (
    <MessageBar intent={waiting === "cell-edit" ? "warning" : "info"} layout="multiline" aria-live="polite">
      <MessageBarBody>
        {waiting === "cell-edit" ? (
          <>
            <MessageBarTitle>Finish editing the cell to continue.</MessageBarTitle>
            Excel takes no changes while a cell is being edited: press Enter to keep what you typed, or Esc to cancel it, and the add-in
            goes on by itself.
          </>
        ) : (
          <>
            <MessageBarTitle>Waiting for Excel…</MessageBarTitle>
            If a cell is being edited, finish it with Enter or Esc and the add-in goes on by itself.
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

function Panel(props: {
  readonly step: Step;
  readonly host: ExcelHost;
  readonly inspection: ModelInspection;
  readonly readAt?: Date;
  readonly onInserted: () => void;
}) {
  const { step, host, inspection, readAt, onInserted } = props;
  const { analysis } = inspection;
  switch (step) {
    case "start":
      return <StartPanel host={host} inspection={inspection} onInserted={onInserted} />;
    case "check":
      return <CheckPanel host={host} problems={[...analysis.problems, ...inspection.clashes]} {...(readAt ? { readAt } : {})} />;
    case "preview":
      return analysis.ok ? (
        <PreviewPanel model={analysis.model} results={analysis.results} {...(readAt ? { readAt } : {})} />
      ) : (
        <Body1>The preview shows once the model has no errors. Check lists them, each with its cell.</Body1>
      );
    case "customers":
      return <CustomersPanel host={host} onWritten={onInserted} {...(readAt ? { readAt } : {})} />;
    case "build":
      return <BuildPanel host={host} canBuild={analysis.ok} />;
  }
}

/** Without its variables or elements the model needs a start; with errors, a check; else its value. */
export function firstStep(inspection: ModelInspection): Step {
  const missing = missingInputs(inspection.existing);
  if (missing.includes("variables") || missing.includes("elements")) return "start";
  return inspection.analysis.ok ? "preview" : "check";
}
