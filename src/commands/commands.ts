import { buildInExcel, officeHost } from "../adapters/excel";
import { runBuild } from "../app/build-events";

/**
 * Ribbon commands. With the shared runtime they run on the task pane's page, so a command and
 * the pane share one build: the ribbon's joins one the pane started, and the reverse. A command
 * has no UI of its own, so when a build cannot be written the pane opens on its outcome.
 */
async function buildValueSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const ended = await runBuild((onProgress) => buildInExcel(officeHost(), new Date(), { onProgress }));
    if ("failure" in ended || !ended.outcome.ok || ended.outcome.notes.length > 0) await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("buildValueSummary", buildValueSummary);
});
