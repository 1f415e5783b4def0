// Ribbon commands run in the shared runtime, on the task pane's page.
Office.onReady(() => undefined);
