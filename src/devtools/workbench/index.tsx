/**
 * The workbench's entry (dist-workbench/workbench.html): the real office.js when installed, no
 * Excel. The task pane gets the simulation as its host, exactly as it gets Office.js inside Excel.
 */
import { createRoot } from "react-dom/client";
import "./global";
import { officeOnPage } from "./office";
import { optionsFromQuery } from "./options";
import { createWorkbenchSimulation } from "./simulation";
import { Workbench } from "./Workbench";

// As in the task pane inside Office, nothing runs before Office.onReady has resolved.
void officeOnPage().then(async (office) => {
  const options = optionsFromQuery(window.location.search);
  const simulation = await createWorkbenchSimulation(options);
  window.cvmWorkbench = { simulation, options, office };
  const element = document.getElementById("root");
  if (element) createRoot(element).render(<Workbench simulation={simulation} options={options} />);
});
