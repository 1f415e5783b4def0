import { createRoot } from "react-dom/client";
import { officeHost } from "../adapters/excel";
import { TaskPane } from "./TaskPane";
import { themeKindOf } from "./theme";

Office.onReady(() => {
  const element = document.getElementById("root");
  if (!element) return;
  const root = createRoot(element);
  const host = officeHost();
  const render = () => root.render(<TaskPane host={host} theme={themeKindOf(Office.context.officeTheme)} />);
  render();
  // Excel has no theme-changed event for add-ins (Office documents one for Outlook only); the user
  // changes the theme in Office's settings, away from the pane, so the pane looks again whenever
  // it is shown or focused again.
  document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && render());
  window.addEventListener("focus", render);
});
