import type { ValueModel } from "../model/types";
import type { Results } from "../model/compute";
import { realizationByYear } from "../model/realization-by-year";
import { alternativeGiven } from "../model/settings";
import { ASSUMPTIONS_SHEET, HISTORY_FIRST_ROW } from "./assumptions";
import type { OtherCustomersRemoved } from "./build-plan";
import { describeRemoved } from "./other-customers";
import { SUMMARY_SHEET } from "./summary";
import { namesInWords } from "./text-lines";
import type { SheetPlan, WorkbookPlan } from "./types";
import { VALUE_MAP_SHEET } from "./value-map";
import { valueMapGroups } from "./value-map-groups";

/**
 * What a build wrote, in sentences a sales engineer can check against the workbook: which sheets,
 * how much on each, how many names, and whether the change history grew.
 */
export function describeBuild(
  plan: WorkbookPlan,
  model: ValueModel,
  results: Results,
  built?: { readonly historyAdded: number; readonly removed: OtherCustomersRemoved },
): string[] {
  const sheet = (name: string) => plan.sheets.find((s) => s.name === name);
  const lines: string[] = [];
  const summary = sheet(SUMMARY_SHEET);
  if (summary) {
    const stakeholders = results.byStakeholder.length;
    const charts = summary.charts.some((c) => c.kind === "valueByElement") ? " and a chart of value by element" : "";
    lines.push(
      `${SUMMARY_SHEET}: ${count(model.elements.length, "element")} over ${count(model.settings.years, "year")}, the financial results, ` +
        `${count(stakeholders, "stakeholder")}${charts}.`,
    );
    const ranged = model.variables.filter((v) => v.range).length;
    if (ranged > 0) {
      lines.push(
        `Scenarios (conservative, expected, optimistic) and the NPV's sensitivity to ${count(ranged, "variable")} with a Low and a High, with a tornado chart; the sensitivity numbers are as of this build.`,
      );
    }
    if (alternativeGiven(model.settings))
      lines.push(
        `The incentive to purchase against ${model.settings.alternative}: the alternative's cost and the price difference over the horizon.`,
      );
    const measured = model.elements.filter((e) => e.actual !== undefined).length;
    if (measured > 0) lines.push(`Value realization: ${count(measured, "measured element")} against the estimate.`);
    const byYear = realizationByYear(model, results);
    if (byYear) {
      const chart = summary.charts.some((c) => c.kind === "realizationByYear") ? ", with a chart of estimate against actual" : "";
      lines.push(
        `Realization by year: ${count(byYear.years.length, "measured year")} and ${count(byYear.measured.length, "element-year")} against the ramped estimate${chart}.`,
      );
    }
  }
  const valueMap = sheet(VALUE_MAP_SHEET);
  if (valueMap && model.stakeholders) {
    const named = model.elements.filter((e) => e.proposition && e.proposition.text !== "").length;
    lines.push(
      `${VALUE_MAP_SHEET}: ${count(valueMapGroups(model).length, "stakeholder")} with their objectives and metrics, and each element's value proposition (${count(named, "written proposition")}).`,
    );
  } else if (valueMap) lines.push(`${VALUE_MAP_SHEET}: emptied, as the workbook no longer has CVM_Stakeholders.`);
  const assumptions = sheet(ASSUMPTIONS_SHEET);
  if (assumptions) {
    // A history rewritten without another customer's entries plans its kept rows again: only the planner knows which are new.
    const added = built?.historyAdded ?? historyRowsWritten(assumptions);
    const history = added === 0 ? "no change to the history" : `${count(added, "new history row")}`;
    const logged = [count(model.variables.length, "variable"), count(model.elements.length, "element"), "the settings"];
    if (model.actuals) logged.push(`${count(model.actuals.length, "actual result")} by year`);
    lines.push(`${ASSUMPTIONS_SHEET}: ${namesInWords(logged)}; ${history}.`);
  }
  const others = built && describeRemoved(built.removed);
  if (others)
    lines.push(
      `This workbook is for ${model.settings.customer.trim() === "" ? "no named customer" : model.settings.customer.trim()}: ${others.charAt(0).toLowerCase()}${others.slice(1)}`,
    );
  const removed = plan.deleteNames.length > 0 ? `; ${count(plan.deleteNames.length, "name")} no longer needed removed` : "";
  const kinds = model.elements.some((e) => e.id)
    ? "variables, element ids and results such as CVM_NPV"
    : "variables and results such as CVM_NPV";
  lines.push(`${count(plan.names.length, "defined name")} set (${kinds})${removed}.`);
  return lines;
}

/** History cells lie right of the columns a build replaces; each row written there is a new entry. */
function historyRowsWritten(sheet: SheetPlan): number {
  const rows = new Set(sheet.cells.filter((c) => c.column > sheet.replaceColumns.last && c.row >= HISTORY_FIRST_ROW).map((c) => c.row));
  return rows.size;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
