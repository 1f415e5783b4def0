import type { BuildProgress } from "../core/port";
import type { BuildOutcome } from "./pipeline";

/** What a build in a live workbook reports besides its outcome: its round trips, and what Excel did differently. */
export type LiveBuildOutcome = BuildOutcome<{ readonly syncs: number; readonly notes: readonly string[] }>;

/** A build's end, as the task pane shows it: its outcome, or why Excel refused the request. */
export type BuildEvent = ({ readonly outcome: LiveBuildOutcome } | { readonly failure: string }) & { readonly at: Date };

/** The page's build: the one under way (with its progress), and the last one that ended. */
export interface BuildStatus {
  readonly running?: BuildProgress;
  readonly last?: BuildEvent;
  /** A step of the pane that started the build as part of its own action, and says how it ended itself. */
  readonly startedFrom?: "customers";
}

type Listener = (status: BuildStatus) => void;
type Start = (onProgress: (progress: BuildProgress) => void) => Promise<LiveBuildOutcome>;

/*
 * With the shared runtime the ribbon's command and the task pane run on one page, so they share
 * one build through this module: a second build asked for while one is under way (from the pane,
 * the ribbon, or the pane after its tab was switched) joins it instead of writing the same sheets
 * at the same time; and a pane that opens after a build still shows how it ended.
 */
let status: BuildStatus = {};
let running: Promise<BuildEvent> | undefined;
const listeners = new Set<Listener>();

function update(next: BuildStatus): void {
  status = next;
  for (const listener of [...listeners]) listener(status);
}

/** Starts a build unless one is under way; either way resolves with how that build ended. */
export function runBuild(start: Start, startedFrom?: BuildStatus["startedFrom"]): Promise<BuildEvent> {
  if (running) return running;
  const from = startedFrom === undefined ? {} : { startedFrom };
  update({ ...status, running: { stage: "reading" }, ...from });
  const settle = (event: BuildEvent): BuildEvent => {
    running = undefined;
    update({ last: event, ...from });
    return event;
  };
  running = start((progress) => update({ ...status, running: progress })).then(
    (outcome) => settle({ outcome, at: new Date() }),
    (e: unknown) => settle({ failure: e instanceof Error ? e.message : String(e), at: new Date() }),
  );
  return running;
}

/** Calls `listener` with the status now, then at every change; returns the unsubscribe. */
export function subscribeBuilds(listener: Listener): () => void {
  listeners.add(listener);
  listener(status);
  return () => void listeners.delete(listener);
}

/** Forgets the last build: a new workbook in the same page (the workbench's reset) starts afresh. */
export function clearBuilds(): void {
  if (!running) update({});
}
