import { buildInExcel, officeHost } from "../adapters/excel";

/**
 * Ribbon commands. With the shared runtime they run on the task pane's page, so a command and
 * the pane share one state; a command has no UI of its own, so when a build cannot be written the
 * command opens the pane, which lists the problems.
 */
async function buildValueSummary(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await buildInExcel(officeHost(), new Date());
    if (!outcome.ok) await Office.addin.showAsTaskpane();
  } catch {
    await Office.addin.showAsTaskpane();
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("buildValueSummary", buildValueSummary);
});
