import { createRoot } from "react-dom/client";
import { officeHost } from "../adapters/excel";
import { TaskPane } from "./TaskPane";

Office.onReady(() => {
  const element = document.getElementById("root");
  if (element) createRoot(element).render(<TaskPane host={officeHost()} />);
});
