import { Body1, Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, tokens } from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { type BuildProgress, buildInExcel, type ExcelHost } from "../../adapters/excel";
import { type BuildEvent, publishBuild, subscribeBuilds } from "../../app/build-events";
import { describeBuild } from "../../core/plan/describe";
import { describeProblem, type Problem } from "../../core/problems";

type BuildState =
  | { readonly step: "idle" }
  | { readonly step: "building"; readonly progress: BuildProgress }
  | { readonly step: "built"; readonly wrote: readonly string[]; readonly notes: readonly string[]; readonly warnings: readonly Problem[] }
  | { readonly step: "refused"; readonly problems: readonly Problem[] }
  | { readonly step: "failed"; readonly message: string };

/**
 * Build: writes the Value Summary and the Assumptions Log. A build the ribbon started shows here
 * too (the shared runtime puts both on one page).
 */
export function BuildPanel({ host, canBuild }: { readonly host: ExcelHost; readonly canBuild: boolean }) {
  const [state, setState] = useState<BuildState>({ step: "idle" });

  useEffect(() => subscribeBuilds((event) => setState(stateOf(event))), []);

  const build = useCallback(async () => {
    setState({ step: "building", progress: { stage: "reading" } });
    try {
      const outcome = await buildInExcel(host, new Date(), { onProgress: (progress) => setState({ step: "building", progress }) });
      publishBuild({ outcome });
    } catch (e) {
      publishBuild({ failure: e instanceof Error ? e.message : String(e) });
    }
  }, [host]);

  const building = state.step === "building";
  return (
    <section aria-labelledby="build-heading" style={{ display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }}>
      <h2 id="build-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        Value Summary and Assumptions Log
      </h2>
      <Body1>
        Writes both sheets as live Excel formulas over your named inputs, so the workbook calculates without the add-in. Only sheets and names the add-in created are
        ever replaced.
      </Body1>
      <div>
        <Button appearance="primary" disabled={building} onClick={() => void build()}>
          Build value summary
        </Button>
      </div>
      {!canBuild && state.step === "idle" && <Caption1>The model has errors: the build will list them and write nothing.</Caption1>}
      {state.step === "building" && <Progress progress={state.progress} />}
      <div role="status" aria-live="polite">
        <Outcome state={state} />
      </div>
    </section>
  );
}

function Progress({ progress }: { readonly progress: BuildProgress }) {
  const label = progress.stage === "reading" ? "Reading the model…" : `Writing: request ${Math.min(progress.done + 1, progress.total)} of ${progress.total}`;
  const value = progress.stage === "reading" ? undefined : progress.done / progress.total;
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={value} aria-label="Build progress" />
    </Field>
  );
}

function Outcome({ state }: { readonly state: BuildState }) {
  switch (state.step) {
    case "idle":
    case "building":
      return null;
    case "built":
      return (
        <div style={{ display: "grid", gap: 8 }}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Built.</MessageBarTitle>
              <ul style={{ margin: "4px 0 0", paddingLeft: 16 }}>
                {state.wrote.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
          {state.notes.map((note) => (
            <MessageBar key={note} intent="info" layout="multiline">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          ))}
          {state.warnings.length > 0 && <Caption1>{state.warnings.length === 1 ? "1 warning" : `${state.warnings.length} warnings`}: see Check.</Caption1>}
        </div>
      );
    case "refused":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nothing was written.</MessageBarTitle>
            <ul style={{ margin: "4px 0 0", paddingLeft: 16 }}>
              {state.problems
                .filter((p) => p.severity === "error")
                .map((p, i) => (
                  <li key={i}>{describeProblem(p)}</li>
                ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Excel refused the request.</MessageBarTitle>
            {state.message} Nothing the add-in did not create was touched; build again to complete the outputs.
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function stateOf(event: BuildEvent): BuildState {
  if ("failure" in event) return { step: "failed", message: event.failure };
  const { outcome } = event;
  if (!outcome.ok) return { step: "refused", problems: outcome.problems };
  return {
    step: "built",
    wrote: describeBuild(outcome.plan, outcome.analysis.model, outcome.analysis.results),
    notes: outcome.notes,
    warnings: outcome.analysis.problems.filter((p) => p.severity === "warning"),
  };
}
