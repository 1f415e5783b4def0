/**
 * The workbench's settings, from the page's query string:
 *   ?workbook=empty   start from an empty workbook (default: the bundled sample)
 *   ?theme=dark       the task pane (and the page around the grid) in the dark theme
 *   ?api=1.8          the highest ExcelApi requirement set the simulated Excel supports (default 1.12)
 */
import type { ThemeKind } from "../../taskpane/theme";
import type { WorkbookChoice } from "./sample-seed";

export interface WorkbenchOptions {
  readonly workbook: WorkbookChoice;
  readonly theme: ThemeKind;
  /** Undefined: the simulation's default. */
  readonly apiVersion?: string;
}

export function optionsFromQuery(search: string): WorkbenchOptions {
  const query = new URLSearchParams(search);
  const api = query.get("api") ?? "";
  return {
    workbook: query.get("workbook") === "empty" ? "empty" : "sample",
    theme: query.get("theme") === "dark" ? "dark" : "light",
    ...(/^1\.\d{1,2}$/.test(api) ? { apiVersion: api } : {}),
  };
}

/** The query string for options (defaults left out): `?workbook=empty&theme=dark`, or "". */
export function queryOf(options: Partial<WorkbenchOptions>): string {
  const query = new URLSearchParams();
  if (options.workbook === "empty") query.set("workbook", "empty");
  if (options.theme === "dark") query.set("theme", "dark");
  if (options.apiVersion) query.set("api", options.apiVersion);
  const text = query.toString();
  return text === "" ? "" : `?${text}`;
}
