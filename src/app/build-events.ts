import type { ExcelBuildOutcome } from "../adapters/excel";

/** A build's end, as the task pane shows it: its outcome, or why Excel refused the request. */
export type BuildEvent = { readonly outcome: ExcelBuildOutcome } | { readonly failure: string };
type Listener = (event: BuildEvent) => void;

/*
 * With the shared runtime the ribbon's command and the task pane run on one page, so a build the
 * ribbon started reaches the pane through this module: the pane shows its problems, its notes or
 * Excel's error, even when it opens only after the build has ended.
 */
let last: BuildEvent | undefined;
const listeners = new Set<Listener>();

export function publishBuild(event: BuildEvent): void {
  last = event;
  for (const listener of listeners) listener(event);
}

/** Calls `listener` with the last build, if any, then with every later one; returns the unsubscribe. */
export function subscribeBuilds(listener: Listener): () => void {
  listeners.add(listener);
  if (last) listener(last);
  return () => listeners.delete(listener);
}

/** Forgets the last build: a new workbook in the same page (the workbench's reset) starts afresh. */
export function clearBuilds(): void {
  last = undefined;
}
