import { hasErrors, type Problem } from "../problems";
import type { WorkbookInput } from "../workbook/cells";
import { computeResults, type Results } from "./compute";
import { readActuals } from "./read-actuals";
import { readElements } from "./read-elements";
import { readSettings } from "./read-settings";
import { crossCheckStakeholders, readStakeholders } from "./read-stakeholders";
import { readVariables } from "./read-variables";
import { checkReferences } from "./references";
import type { ValueModel } from "./types";

/**
 * Everything the add-in knows about a workbook's model. `model` and `results` are present only
 * when there is no error: a model with errors is never computed, planned or written, so nothing
 * half-right reaches a customer.
 */
export type Analysis =
  | { readonly ok: true; readonly model: ValueModel; readonly results: Results; readonly problems: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads, validates and computes a model from its named ranges (the optional ones too); reports every problem at once. */
export function analyzeWorkbook(input: WorkbookInput): Analysis {
  const variables = readVariables(input.variables);
  const elements = readElements(input.elements);
  const settings = readSettings(input.settings);
  const stakeholders = readStakeholders(input.stakeholders);
  // When CVM_Variables cannot be read (missing, or a header typo), every name in every formula
  // would look unknown; the one real problem is reported instead of a flood.
  const unreadable = (problems: readonly { code: string; severity: string }[]) =>
    problems.some(
      (p) => p.severity === "error" && ["range-missing", "range-invalid", "range-no-header", "column-missing"].includes(p.code),
    );
  const namesComplete = !unreadable(variables.problems) && !unreadable(elements.problems);
  const references = checkReferences(variables.variables, elements.elements, [...variables.declared, ...elements.declared], namesComplete);
  // The rows of CVM_Actuals that are this workbook's customer's: theirs by name, or naming nobody.
  const actuals = readActuals(input.actuals, elements.elements, settings.settings.years, !hasErrors(elements.problems), {
    customer: settings.settings.customer,
    unnamedAreTheirs: true,
  });
  const problems = [
    ...variables.problems,
    ...elements.problems,
    ...settings.problems,
    ...stakeholders.problems,
    ...(stakeholders.stakeholders ? crossCheckStakeholders(stakeholders.stakeholders, elements.elements) : []),
    ...references.problems,
    ...actuals.problems,
  ];
  if (hasErrors(problems)) return { ok: false, problems };

  const model: ValueModel = {
    variables: variables.variables,
    elements: elements.elements,
    settings: settings.settings,
    ...(stakeholders.stakeholders ? { stakeholders: stakeholders.stakeholders } : {}),
    // Only a model with something measured carries actuals: every other model is exactly as before.
    ...(actuals.actuals.length > 0 ? { actuals: actuals.actuals } : {}),
  };
  const computed = computeResults(model, references.order);
  const all = [...problems, ...computed.problems];
  if (!computed.results) return { ok: false, problems: all };
  return { ok: true, model, results: computed.results, problems: all };
}
