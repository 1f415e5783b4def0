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
  // Where the host reports theme changes (not every Excel does), the pane follows them.
  try {
    Office.context.document.addHandlerAsync(Office.EventType.OfficeThemeChanged, render);
  } catch {
    // No theme events on this host: the theme stays as it was at start.
  }
});
