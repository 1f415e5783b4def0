import {
  Body1,
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useState } from "react";
import { excelWorkbook, type ExcelHost } from "../../adapters/excel";
import { buildWorkbook } from "../../app/pipeline";
import type { BuildProgress } from "../../core/port";
import { type BuildEvent, type BuildStatus, runBuild, subscribeBuilds } from "../../app/build-events";
import { describeBuild } from "../../core/plan/describe";
import { describeProblem, type Problem } from "../../core/problems";
import { problemKey } from "./problem-key";

type Ended =
  | {
      readonly step: "built";
      readonly at: Date;
      readonly wrote: readonly string[];
      readonly notes: readonly string[];
      readonly warnings: readonly Problem[];
    }
  | { readonly step: "refused"; readonly at: Date; readonly problems: readonly Problem[] }
  | { readonly step: "failed"; readonly at: Date; readonly message: string };

/**
 * Build: writes the Value Summary and the Assumptions Log. The page has one build at a time,
 * shared with the ribbon's button: its progress and its end show here whoever started it, and
 * stay when the user switches tabs and comes back.
 */
export function BuildPanel({ host, canBuild }: { readonly host: ExcelHost; readonly canBuild: boolean }) {
  const [status, setStatus] = useState<BuildStatus>({});
  useEffect(() => subscribeBuilds(setStatus), []);

  const build = useCallback(
    () => void runBuild((onProgress) => buildWorkbook(excelWorkbook(host, { onProgress }), { now: new Date() })),
    [host],
  );

  const ended = status.last && endedOf(status.last);
  return (
    <section aria-labelledby="build-heading" style={{ display: "grid", gap: 12, gridTemplateColumns: "minmax(0, 1fr)" }}>
      <h2 id="build-heading" style={{ margin: 0, fontSize: tokens.fontSizeBase400 }}>
        Value Summary and Assumptions Log
      </h2>
      <Body1>
        Writes both sheets as live Excel formulas over your named inputs, so the workbook calculates without the add-in. Only sheets and
        names the add-in created are ever replaced.
      </Body1>
      <div>
        <Button appearance="primary" disabledFocusable={status.running !== undefined} onClick={build}>
          Build value summary
        </Button>
      </div>
      {!canBuild && !status.running && <Caption1>The model has errors: the build will list them and write nothing.</Caption1>}
      {status.running && <Progress progress={status.running} />}
      <div role="status" aria-live="polite">
        {ended && <Outcome ended={ended} />}
      </div>
    </section>
  );
}

function Progress({ progress }: { readonly progress: BuildProgress }) {
  const label =
    progress.stage === "reading"
      ? "Reading the model…"
      : progress.total > 1
        ? `Writing the sheets: request ${Math.min(progress.done + 1, progress.total)} of ${progress.total}…`
        : "Writing the sheets…";
  const value = progress.stage === "reading" ? undefined : progress.done / progress.total;
  return (
    <Field validationMessage={label} validationState="none">
      <ProgressBar value={value} aria-label="Build progress" />
    </Field>
  );
}

function Outcome({ ended }: { readonly ended: Ended }) {
  const time = ended.at.toLocaleTimeString("en-US");
  switch (ended.step) {
    case "built":
      return (
        <div style={{ display: "grid", gap: 8 }}>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>Built.</MessageBarTitle>
              At {time}:
              <ul style={{ margin: "4px 0 0", paddingLeft: 16 }}>
                {ended.wrote.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
          {ended.notes.map((note) => (
            <MessageBar key={note} intent="info" layout="multiline">
              <MessageBarBody>{note}</MessageBarBody>
            </MessageBar>
          ))}
          {ended.warnings.length > 0 && (
            <Caption1>{ended.warnings.length === 1 ? "1 warning" : `${ended.warnings.length} warnings`}: see Check.</Caption1>
          )}
        </div>
      );
    case "refused": {
      const errors = ended.problems.filter((p) => p.severity === "error");
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Nothing was written.</MessageBarTitle>
            The build at {time} found {errors.length === 1 ? "this problem" : `${errors.length} problems`}:
            <ul style={{ margin: "4px 0 0", paddingLeft: 16 }}>
              {errors.slice(0, SHOWN_PROBLEMS).map((p) => (
                <li key={problemKey(p)}>{describeProblem(p)}</li>
              ))}
            </ul>
            {errors.length > SHOWN_PROBLEMS && `…and ${errors.length - SHOWN_PROBLEMS} more: Check lists them all.`}
          </MessageBarBody>
        </MessageBar>
      );
    }
    case "failed":
      return (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Excel refused the request.</MessageBarTitle>
            {ended.message} (at {time}). Nothing the add-in did not create was touched. A sheet the build had begun to rewrite says
            INCOMPLETE in cell A1: build again to complete it.
          </MessageBarBody>
        </MessageBar>
      );
  }
}

/** A refused build lists this many problems; Check has the rest, each leading to its cell. */
const SHOWN_PROBLEMS = 5;

function endedOf(event: BuildEvent): Ended {
  if ("failure" in event) return { step: "failed", at: event.at, message: event.failure };
  const { outcome } = event;
  if (!outcome.ok) return { step: "refused", at: event.at, problems: outcome.problems };
  return {
    step: "built",
    at: event.at,
    wrote: describeBuild(outcome.plan, outcome.analysis.model, outcome.analysis.results, outcome),
    notes: outcome.notes,
    warnings: outcome.analysis.problems.filter((p) => p.severity === "warning"),
  };
}
