import type { Totals } from "../model/compute";
import type { ResultName } from "../model/names";
import { SETTINGS } from "../model/settings";
import { type CellAddress, formatCell } from "../workbook/address";
import { inExcel } from "./cached";
import type { SheetBuilder } from "./sheet-builder";
import { relative, type SummaryGrid } from "./summary-grid";
import type { KeyFigure } from "./summary";
import type { CellContent, NamePlan } from "./types";

/**
 * The next-best alternative on the Value Summary (issue 16), where the model gives one: Anderson's
 * customer value model measures value against the customer's next-best alternative, and the
 * customer's incentive to purchase is that value minus the price difference. The alternative's
 * name and price are rows of price and terms (live over CVM_Settings); below them its cost over
 * the horizon (`CVM_AlternativeCost`) and the price difference (`CVM_PriceDifference`); the
 * incentive (`CVM_Incentive`) is a key figure, right after the net value it replaces as the
 * figure that counts against the alternative.
 */

/** The key figures' names: the results, and the incentive where the model gives an alternative. */
export type FigureName = ResultName | "CVM_Incentive";

/**
 * What the key figures mean, where the model names an alternative: one line shorter than without
 * one, which makes room for the incentive's row, so that the sample's elements by year stay on
 * the first page; the incentive explained in the room that tighter wording of the rest leaves.
 */
export const MEANING_WITH_ALTERNATIVE =
  "Annual value: each year, in full effect. Benefit and cost: over the horizon, ramps applied. Net present value: net cash flows, discounted. Payback: when the cumulative cash flow turns positive. Incentive to purchase: benefit less the price difference against the alternative; above 0, buying beats it.";

const DEFAULT_NAME = String(SETTINGS.find((d) => d.key === "alternative")!.default);

/** The key figures in reading order: the incentive right after the net value, where the model gives an alternative. */
export function figureOrder(results: readonly ResultName[], withAlternative: boolean): FigureName[] {
  if (!withAlternative) return [...results];
  const after = results.indexOf("CVM_NetValue") + 1;
  return [...results.slice(0, after), "CVM_Incentive", ...results.slice(after)];
}

/**
 * The incentive's key figure: the total benefit less the price difference (`benefit` and
 * `difference` are its cells), and a note naming the alternative live from its row of price and
 * terms (`name`, an absolute reference), "against manual patrols".
 */
export function incentiveFigure(totals: Totals, alternative: string, benefit: string, difference: string, name: string): KeyFigure {
  const note: CellContent = { kind: "formula", formula: `="against "&${name}`, value: `against ${alternative}` };
  return { label: "Incentive to purchase", formula: `${benefit}-${difference}`, style: "figure", note, value: totals.Incentive };
}

/** The alternative's name in price and terms: live over its cell (an emptied cell reads as the default, as the add-in reads it), else as read. */
export function planAlternativeName(s: SheetBuilder, row: number, cell: CellAddress | undefined, name: string): void {
  if (!cell) {
    s.text(row, 1, name, "text");
    return;
  }
  const ref = formatCell(cell, true);
  s.formula(row, 1, `IF(${ref}="","${DEFAULT_NAME.replace(/"/g, '""')}",${ref})`, "text", name);
}

/**
 * Below the alternative's terms: its cost over the horizon (its investment plus Years times its
 * annual cost, as the offering's total cost is computed) and the price difference (the offering's
 * total cost less it). Returns the names that point at them.
 */
export function planAlternativeCost(
  g: SummaryGrid,
  rows: { readonly cost: number; readonly difference: number },
  sheet: string,
): NamePlan[] {
  const { s, years, results } = g;
  const t = results.totals;
  const horizon = `${years} year${years === 1 ? "" : "s"}`;
  s.text(rows.cost, 0, `Alternative's cost, ${horizon}`, "label");
  s.formula(
    rows.cost,
    1,
    `${g.setting("alternativeInvestment")}+${g.setting("years")}*${g.setting("alternativeAnnualCost")}`,
    "money",
    inExcel(t.AlternativeCost),
  );
  s.text(rows.cost, 2, "what the alternative costs over the horizon", "note");
  s.text(rows.difference, 0, `Price difference, ${horizon}`, "label");
  s.formula(rows.difference, 1, `${g.result("CVM_TotalCost")}-${relative(rows.cost, 1)}`, "money", inExcel(t.PriceDifference));
  s.text(rows.difference, 2, "total cost less the alternative's cost", "note");
  const at = (row: number) => `=${formatCell({ sheet, row, column: 1 }, true)}`;
  return [
    { name: "CVM_AlternativeCost", refersTo: at(rows.cost) },
    { name: "CVM_PriceDifference", refersTo: at(rows.difference) },
  ];
}
