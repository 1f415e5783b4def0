import { excelWorkbook, officeHost, officeStartupHost } from "../adapters/excel";
import { runBuild, subscribeBuilds } from "../app/build-events";
import { buildWorkbook, inspectWorkbook } from "../app/pipeline";
import { keepStartupBehavior } from "../app/startup";

/**
 * Ribbon commands. With the shared runtime they run on the task pane's page, so a command and
 * the pane share one build: the ribbon's joins one the pane started, and the reverse. A command
 * has no UI of its own, so when a build cannot be written the pane opens on its outcome.
 */
async function buildValueSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const ended = await runBuild((onProgress) => buildWorkbook(excelWorkbook(officeHost(), { onProgress }), { now: new Date() }));
    if ("failure" in ended || !ended.outcome.ok || ended.outcome.notes.length > 0) await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

/**
 * The startup setting follows the workbook (see ../app/startup). It is looked at whenever the
 * shared runtime starts (this page loads for the pane, a ribbon command or a calculating CVM
 * function alike) and after each build that wrote a model's outputs.
 */
function followModel(hasModel: () => Promise<boolean>): void {
  // The setting only spares a wait at the next open; failing to make it must not disturb what
  // the user is doing, and the next start tries again.
  keepStartupBehavior(officeStartupHost(), hasModel).catch(() => undefined);
}

Office.onReady(() => {
  Office.actions.associate("buildValueSummary", buildValueSummary);
  followModel(async () => Object.keys((await inspectWorkbook(excelWorkbook(officeHost()), new Date())).ranges).length > 0);
  // Progress updates repeat the last build's end; only a new end counts.
  let seen: unknown;
  subscribeBuilds(({ last }) => {
    if (!last || last === seen) return;
    seen = last;
    if ("outcome" in last && last.outcome.ok) followModel(async () => true);
  });
});
