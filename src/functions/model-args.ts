import { asGrid, asOptionalGrid } from "./grid";
import type { ModelEntry, ModelSource } from "./model-cache";
import type { Outcome } from "./outcome";

/**
 * The model behind a call's range arguments. `settings` is null or undefined when it is omitted
 * or the function takes none: the contract's defaults apply.
 */
export function modelOf(models: ModelSource, elements: unknown, variables: unknown, settings: unknown): Outcome<ModelEntry> {
  const e = asGrid(elements, "elements");
  if (!e.ok) return e;
  const v = asGrid(variables, "variables");
  if (!v.ok) return v;
  const s = asOptionalGrid(settings, "settings");
  if (!s.ok) return s;
  return { ok: true, value: models.model(e.value, v.value, s.value) };
}
