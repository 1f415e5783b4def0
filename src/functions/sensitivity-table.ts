import { type NpvAt, npvSensitivity } from "../core/model/sensitivity";
import type { Variable } from "../core/model/types";
import { type ArgumentHeaders } from "./location";
import { modelOf } from "./model-args";
import type { ModelSource } from "./model-cache";
import { computedModel, errorsFailure } from "./model-outcome";
import { fail, type Failure, failure, type MatrixCell, ok, type Outcome } from "./outcome";

/** Columns of CVM.SENSITIVITY, documented for users who write headers above it. */
export const SENSITIVITY_COLUMNS = ["Variable", "NPV at Low", "NPV at High", "Swing"] as const;

/** An end at which the model fails shows as #VALUE! in its cell, saying why; the other rows stand. */
function endFailure(variable: Variable, end: "Low" | "High", at: Extract<NpvAt, { ok: false }>, headers: ArgumentHeaders): Failure {
  const why = errorsFailure(at.problems, headers).message;
  return failure("#VALUE!", `With ${variable.name} at its ${end} (${at.value}), ${why}`);
}

/**
 * One row per variable with Low and High: [name, NPV at Low, NPV at High, swing], largest swing
 * first. No header row, as CVM.ISSUES: `INDEX(CVM.SENSITIVITY(…), 1, 1)` is the biggest driver.
 */
export function sensitivity(models: ModelSource, elements: unknown, variables: unknown, settings: unknown): Outcome<MatrixCell[][]> {
  const entry = modelOf(models, elements, variables, settings);
  if (!entry.ok) return entry;
  const computed = computedModel(entry.value);
  if (!computed.ok) return computed;
  const { headers } = entry.value;
  // Each row costs two computations of the whole model: done once per distinct model.
  const rows = entry.value.derive("sensitivity", () => npvSensitivity(computed.value.model));
  if (rows.length === 0)
    return fail("#N/A", "No variable in variables has both a Low and a High; give them to see how the NPV depends on each variable.");
  return ok(
    rows.map((row) => {
      const low = row.low.ok ? row.low.npv : endFailure(row.variable, "Low", row.low, headers);
      const high = row.high.ok ? row.high.npv : endFailure(row.variable, "High", row.high, headers);
      const swing = row.swing ?? (typeof low === "number" ? high : low);
      return [row.variable.name, low, high, swing];
    }),
  );
}
