import { buildInExcel, officeHost } from "../adapters/excel";
import { publishBuild } from "../app/build-events";

/**
 * Ribbon commands. With the shared runtime they run on the task pane's page, so a command and
 * the pane share one state; a command has no UI of its own, so when a build cannot be written the
 * command publishes its outcome and opens the pane, which shows the problems or Excel's error.
 */
async function buildValueSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await buildInExcel(officeHost(), new Date());
    publishBuild({ outcome });
    if (!outcome.ok || outcome.notes.length > 0) await Office.addin.showAsTaskpane();
  } catch (e) {
    publishBuild({ failure: e instanceof Error ? e.message : String(e) });
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("buildValueSummary", buildValueSummary);
});
