import {
  Body1,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  webLightTheme,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { analyzeInExcel, buildInExcel, type ExcelHost } from "../adapters/excel";
import { type BuildEvent, publishBuild, subscribeBuilds } from "../app/build-events";
import type { Analysis } from "../core/model/analyze";
import { describeLocation, type Problem } from "../core/problems";

type State =
  | { readonly step: "checking" }
  | { readonly step: "checked"; readonly analysis: Analysis }
  | { readonly step: "building" }
  | { readonly step: "built"; readonly notes: readonly string[]; readonly problems: readonly Problem[] }
  | { readonly step: "refused"; readonly problems: readonly Problem[] }
  | { readonly step: "failed"; readonly message: string };

/**
 * The first task pane: checks the model, lists its problems, and builds. (The full pane, with
 * starter models, preview and cell navigation, follows in the task pane issue.)
 */
export function TaskPane({ host }: { readonly host: ExcelHost }) {
  const [state, setState] = useState<State>({ step: "checking" });

  const check = useCallback(async () => {
    setState({ step: "checking" });
    try {
      setState({ step: "checked", analysis: await analyzeInExcel(host) });
    } catch (e) {
      setState({ step: "failed", message: messageOf(e) });
    }
  }, [host]);

  const build = useCallback(async () => {
    setState({ step: "building" });
    try {
      publishBuild({ outcome: await buildInExcel(host, new Date()) });
    } catch (e) {
      publishBuild({ failure: messageOf(e) });
    }
  }, [host]);

  // A build's end shows here whether this pane or the ribbon's command started it; without one
  // yet, the pane checks the model.
  useEffect(() => {
    let built = false;
    const unsubscribe = subscribeBuilds((event) => {
      built = true;
      setState(stateOf(event));
    });
    if (!built) void check();
    return unsubscribe;
  }, [check]);

  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12, display: "grid", gap: 12 }}>
        <Subtitle1 as="h1">Customer Value Model</Subtitle1>
        <div style={{ display: "flex", gap: 8 }}>
          <Button appearance="primary" onClick={build} disabled={state.step === "building" || state.step === "checking"}>
            Build value summary
          </Button>
          <Button onClick={check}>Check model</Button>
        </div>
        <Status state={state} />
      </main>
    </FluentProvider>
  );
}

function Status({ state }: { readonly state: State }) {
  switch (state.step) {
    case "checking":
      return <Spinner size="tiny" label="Reading CVM_Variables, CVM_Elements and CVM_Settings…" />;
    case "building":
      return <Spinner size="tiny" label="Writing the Value Summary and the Assumptions Log…" />;
    case "checked":
      return state.analysis.ok && state.analysis.problems.length === 0 ? (
        <MessageBar intent="success">
          <MessageBarBody>The model has no problems.</MessageBarBody>
        </MessageBar>
      ) : (
        <Problems problems={state.analysis.problems} />
      );
    case "built":
      return (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Built.</MessageBarTitle>
              The Value Summary and the Assumptions Log are up to date.
            </MessageBarBody>
          </MessageBar>
          {state.notes.map((note) => (
            <MessageBar key={note} intent="info">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          ))}
          <Problems problems={state.problems} />
        </>
      );
    case "refused":
      return (
        <>
          <MessageBar intent="error">
            <MessageBarBody>Nothing was written. Fix these problems, then build again.</MessageBarBody>
          </MessageBar>
          <Problems problems={state.problems} />
        </>
      );
    case "failed":
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Excel refused the request.</MessageBarTitle>
            {state.message}
          </MessageBarBody>
        </MessageBar>
      );
  }
}

function Problems({ problems }: { readonly problems: readonly Problem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul aria-label="Problems" style={{ margin: 0, paddingLeft: 16 }}>
      {problems.map((p, i) => (
        <li key={i}>
          <Body1>
            <strong>{p.severity === "error" ? "Error" : "Warning"}</strong> in {describeLocation(p)}: {p.message}
          </Body1>
        </li>
      ))}
    </ul>
  );
}

function stateOf(event: BuildEvent): State {
  if ("failure" in event) return { step: "failed", message: event.failure };
  const { outcome } = event;
  return outcome.ok ? { step: "built", notes: outcome.notes, problems: outcome.analysis.problems } : { step: "refused", problems: outcome.problems };
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
