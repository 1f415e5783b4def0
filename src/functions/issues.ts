import type { Problem } from "../core/problems";
import { RANGE_NAMES } from "../core/workbook/cells";
import { describeArgumentLocation } from "./location";
import { modelOf } from "./model-args";
import type { ModelSource } from "./model-cache";
import { ok, type Outcome } from "./outcome";

/** Columns of CVM.ISSUES, documented for users who write headers above it. */
export const ISSUE_COLUMNS = ["Severity", "Where", "Message"] as const;

/**
 * Excel cannot show an empty array from a custom function; one empty-text cell shows as blank
 * and keeps `=CVM.ISSUES(…)=""` true exactly when the model has no problems.
 */
export const NO_ISSUES: readonly (readonly string[])[] = [[""]];

/**
 * The model's problems, errors first (they are what stops the other functions), each as
 * [severity, where, message]. No header row: the rows stay pure data for FILTER, COUNTIF, INDEX.
 */
export function issues(models: ModelSource, elements: unknown, variables: unknown, settings: unknown): Outcome<string[][]> {
  const entry = modelOf(models, elements, variables, settings);
  if (!entry.ok) return entry;
  const { analysis, headers, settingsOmitted } = entry.value;
  // Omitting the optional settings is a choice, not a problem: the warning that the workbook
  // lacks CVM_Settings is meant for workbooks, not for this call.
  const shown = analysis.problems.filter((p) => !(settingsOmitted && p.range === RANGE_NAMES.settings && p.code === "range-missing"));
  const ordered = [...shown.filter((p) => p.severity === "error"), ...shown.filter((p) => p.severity !== "error")];
  if (ordered.length === 0) return ok(NO_ISSUES.map((row) => [...row]));
  return ok(ordered.map((p: Problem) => [p.severity === "error" ? "Error" : "Warning", describeArgumentLocation(p, headers), p.message]));
}
