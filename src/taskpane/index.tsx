import { createRoot } from "react-dom/client";

// Placeholder while the task pane is written (issue 3 wires the build, issue 4 the full pane).
Office.onReady(() => {
  const element = document.getElementById("root");
  if (element) createRoot(element).render(<p>Customer Value Model</p>);
});
