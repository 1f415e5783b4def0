import type { Results } from "../core/model/compute";
import type { ValueModel } from "../core/model/types";
import type { Problem } from "../core/problems";
import { type ArgumentHeaders, describeArgumentLocation } from "./location";
import type { ModelEntry } from "./model-cache";
import { type Failure, failure, ok, type Outcome } from "./outcome";

/**
 * A model with errors gives #VALUE! naming its first error and where it is, so that a cell never
 * shows a number computed from a half-read model; CVM.ISSUES lists the rest.
 */
export function errorsFailure(problems: readonly Problem[], headers: ArgumentHeaders): Failure {
  const errors = problems.filter((p) => p.severity === "error");
  const first = errors[0];
  if (!first) return failure("#VALUE!", "The model cannot be computed; use CVM.ISSUES to see why.");
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more; use CVM.ISSUES to list them)` : "";
  return failure("#VALUE!", `${describeArgumentLocation(first, headers)}: ${first.message}${more}`);
}

export function computedModel(entry: ModelEntry): Outcome<{ readonly model: ValueModel; readonly results: Results }> {
  const { analysis } = entry;
  if (!analysis.ok) return { ok: false, failure: errorsFailure(analysis.problems, entry.headers) };
  return ok({ model: analysis.model, results: analysis.results });
}
