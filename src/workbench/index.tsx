/**
 * The workbench's entry (dist-workbench/workbench.html): no Office.js, no Excel. The task pane
 * gets the simulation as its host, exactly as it gets Office.js inside Excel.
 */
import { createRoot } from "react-dom/client";
import "./global";
import { optionsFromQuery } from "./options";
import { createWorkbenchSimulation } from "./simulation";
import { Workbench } from "./Workbench";

const options = optionsFromQuery(window.location.search);
const simulation = createWorkbenchSimulation(options);
window.cvmWorkbench = { simulation, options };

const element = document.getElementById("root");
if (element) createRoot(element).render(<Workbench simulation={simulation} options={options} />);
