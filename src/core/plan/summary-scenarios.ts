import { nearZeroSum, printFormula } from "../formula";
import type { ResultName } from "../model/names";
import { elementValuesIn, hasScenarios, type Scenario, SCENARIO_END } from "../model/scenarios";
import {
  arithmetic,
  type CashFlowValues,
  cashFlowValues,
  fromFormulaValue,
  isCachedError,
  NOT_AVAILABLE,
  orNotAvailable,
  sumOf,
} from "./cached";
import { wrapWords } from "./text-lines";
import type { CachedValue } from "./types";
import { rampAt } from "../model/types";
import { formatCell } from "../workbook/address";
import { absolute, cashFlowFormulas, relative, type SummaryGrid } from "./summary-grid";

/** The results a scenario column shows, in the contract's words. */
export const SCENARIO_RESULTS = ["TotalAnnualValue", "TotalBenefit", "TotalCost", "NetValue", "NPV", "ROI", "PaybackMonths"] as const;
export type ScenarioResult = (typeof SCENARIO_RESULTS)[number];

/** Where each scenario's results sit: sheet-relative A1 addresses on the Value Summary. */
export interface ScenarioLayout {
  readonly results: Readonly<Record<Scenario, Readonly<Record<ScenarioResult, string>>>>;
  /** Each element's annual value in each scenario, in the model's order. */
  readonly annual: Readonly<Record<Scenario, readonly string[]>>;
}

const COLUMN: Readonly<Record<Scenario, number>> = { conservative: 1, expected: 2, optimistic: 3 };
const LABEL: Readonly<Record<Scenario, string>> = { conservative: "Conservative", expected: "Expected", optimistic: "Optimistic" };

/**
 * The scenarios section: each element's annual value with every ranged variable at its Low
 * (conservative), as given (expected) and at its High (optimistic), each a live formula (the
 * element's own, with those variables read from their Low or High cell in CVM_Variables), then
 * each scenario's cash flow and results computed exactly as the model's. Absent when no
 * variable has a Low and a High.
 */
export function planScenarios(
  g: SummaryGrid,
  start: number,
): { nextRow: number; layout: ScenarioLayout; blocks: { first: number; last: number }[] } | undefined {
  if (!hasScenarios(g.model)) return undefined;
  const table = planScenarioElements(g, start);
  const flowHeader = table.total + 2;
  const flows = planScenarioCashFlows(g, table, flowHeader);
  const resultsHeader = flowHeader + 10;
  const results = planScenarioResults(g, table, flows, resultsHeader);
  const resultsLast = resultsHeader + SCENARIO_RESULTS.length;
  return {
    nextRow: resultsLast,
    layout: { results, annual: table.annual },
    blocks: [
      { first: start, last: table.total },
      { first: flowHeader, last: flowHeader + 8 },
      { first: resultsHeader, last: resultsLast },
    ],
  };
}

const SCENARIOS = ["conservative", "expected", "optimistic"] as const;

/** The scenarios' element table: its rows, each element's value in each scenario (computed, and where it lives). */
interface ScenarioTable {
  readonly first: number;
  readonly last: number;
  readonly total: number;
  readonly elementValues: Record<Scenario, CachedValue[]>;
  readonly annual: Record<Scenario, string[]>;
}

type ScenarioFlow = ReturnType<typeof cashFlowFormulas> & { benefit: number; values: CashFlowValues };

/** The title, what the scenarios mean, and each element's annual value in each scenario with its ramp-up shares, then the totals. */
function planScenarioElements(g: SummaryGrid, start: number): ScenarioTable {
  const { s, model } = g;
  const ranged = model.variables.filter((v) => v.range).length;
  s.text(start, 0, "Scenarios", "section");
  // Notes one line a row: a long cell runs under whatever stands beside it and off the printed page.
  const lines = wrapWords(
    `Conservative: every variable that has a Low and a High (${ranged} of ${model.variables.length}) at its Low; expected: every variable as given; optimistic: each of those at its High. Other variables keep their value. A Low is not always the cautious end: where less of a variable means more value (a cost, say), its Low raises the conservative case. The shares by year are the elements' ramp-ups.`,
    170,
  );
  lines.forEach((line, i) => s.text(start + 1 + i, 0, line, "note"));
  const header = start + 1 + lines.length;
  const first = header + 1;
  const last = first + model.elements.length - 1;
  s.text(header, 0, "Element", "header");
  for (const scenario of SCENARIOS) s.text(header, COLUMN[scenario], LABEL[scenario], "headerRight");
  for (let c = COLUMN.optimistic + 1; c < g.yearColumn(1); c++) s.text(header, c, "", "header");
  for (let y = 1; y <= g.years; y++) s.text(header, g.yearColumn(y), `Year ${y} share`, "headerRight");

  const spellIn = scenarioSpelling(g, first);
  const elementValues: Record<Scenario, CachedValue[]> = {
    conservative: elementValuesIn(model, "conservative").map(fromFormulaValue),
    expected: g.results.elements.map((e) => e.annualValue),
    optimistic: elementValuesIn(model, "optimistic").map(fromFormulaValue),
  };
  const annual: Record<Scenario, string[]> = { conservative: [], expected: [], optimistic: [] };
  model.elements.forEach((e, i) => {
    const row = first + i;
    s.text(row, 0, e.element, "text");
    s.formula(
      row,
      COLUMN.conservative,
      printFormula(e.expr, spellIn("conservative", COLUMN.conservative)),
      "money",
      elementValues.conservative[i]!,
    );
    s.formula(row, COLUMN.expected, g.annualCell(i), "money", elementValues.expected[i]!);
    s.formula(
      row,
      COLUMN.optimistic,
      printFormula(e.expr, spellIn("optimistic", COLUMN.optimistic)),
      "money",
      elementValues.optimistic[i]!,
    );
    for (let y = 1; y <= g.years; y++) s.number(row, g.yearColumn(y), rampAt(e.ramp, y), "share");
    for (const scenario of SCENARIOS) annual[scenario].push(relative(row, COLUMN[scenario]));
  });
  const total = last + 1;
  s.text(total, 0, "Total annual value", "labelTotal");
  for (const scenario of SCENARIOS) {
    const c = COLUMN[scenario];
    s.formula(total, c, `SUM(${relative(first, c)}:${relative(last, c)})`, "moneyTotal", sumOf(elementValues[scenario]));
  }
  return { first, last, total, elementValues, annual };
}

/**
 * A name in an element's formula, as the scenario reads it: a ranged variable's Low or High
 * cell, another element's value in the same scenario column, or the defined name as given.
 */
function scenarioSpelling(g: SummaryGrid, first: number) {
  const { model } = g;
  const rowOf = new Map<string, number>();
  model.elements.forEach((e, i) => e.id && rowOf.set(e.id.toLowerCase(), first + i));
  const variables = new Map(model.variables.map((v) => [v.name.toLowerCase(), v]));
  return (scenario: "conservative" | "optimistic", column: number) => (name: string) => {
    const key = name.toLowerCase();
    const variable = variables.get(key);
    if (variable?.range) {
      // A Low or High cleared after the build means "no range": the variable keeps its value.
      const end = formatCell(SCENARIO_END[scenario] === "low" ? variable.range.lowCell : variable.range.highCell, true);
      return `IF(ISNUMBER(${end}),${end},${variable.name})`;
    }
    if (variable) return variable.name;
    const row = rowOf.get(key);
    return row === undefined ? name : absolute(row, column);
  };
}

/** The cash flow of the two outer scenarios; the expected one is the model's own, above. */
function planScenarioCashFlows(g: SummaryGrid, table: ScenarioTable, flowHeader: number): Map<Scenario, ScenarioFlow> {
  const { s, model } = g;
  s.text(flowHeader, 0, "Cash flow by scenario", "header");
  for (let c = 1; c < g.annualColumn; c++) s.text(flowHeader, c, "", "header");
  s.text(flowHeader, g.annualColumn, "Year 0", "headerRight");
  for (let y = 1; y <= g.years; y++) s.text(flowHeader, g.yearColumn(y), `Year ${y}`, "headerRight");
  const flows = new Map<Scenario, ScenarioFlow>();
  const { investment, annualCost, discountRate } = model.settings;
  (["conservative", "optimistic"] as const).forEach((scenario, k) => {
    const base = flowHeader + 1 + 4 * k;
    const rows = { benefit: base, net: base + 1, cumulative: base + 2, crossing: base + 3 };
    const flow = cashFlowFormulas(g, rows);
    const label = LABEL[scenario];
    s.text(rows.benefit, 0, `${label}: benefit`, "label");
    s.text(rows.net, 0, `${label}: net cash flow`, "label");
    s.text(rows.cumulative, 0, `${label}: cumulative`, "label");
    s.text(rows.crossing, 0, `${label}: payback point (months)`, "note");
    const scenarioValues = `${absolute(table.first, COLUMN[scenario])}:${absolute(table.last, COLUMN[scenario])}`;
    // SUMPRODUCT of the scenario's values and the year's ramp shares: an error among them is the result.
    const benefit = Array.from({ length: g.years }, (_, i) =>
      arithmetic(table.elementValues[scenario], (...values) =>
        values.reduce((sum, v, k) => sum + v * rampAt(model.elements[k]!.ramp, i + 1), 0),
      ),
    );
    const values = cashFlowValues(benefit, investment, annualCost, discountRate);
    s.number(rows.benefit, g.annualColumn, 0, "money");
    s.formula(rows.net, g.annualColumn, `-${g.setting("investment")}`, "money", values.net[0]!);
    s.formula(rows.cumulative, g.annualColumn, flow.cumulative(0), "money", values.cumulative[0]!);
    for (let y = 1; y <= g.years; y++) {
      const c = g.yearColumn(y);
      s.formula(
        rows.benefit,
        c,
        `SUMPRODUCT(${scenarioValues},${relative(table.first, c)}:${relative(table.last, c)})`,
        "money",
        benefit[y - 1]!,
      );
      s.formula(rows.net, c, `${relative(rows.benefit, c)}-${g.setting("annualCost")}`, "money", values.net[y]!);
      s.formula(rows.cumulative, c, flow.cumulative(y), "money", values.cumulative[y]!);
      s.formula(rows.crossing, c, flow.crossing(y), "helper", values.crossing[y - 1]!);
    }
    flows.set(scenario, { ...flow, benefit: rows.benefit, values });
  });
  return flows;
}

const RESULT_LABELS: Record<ScenarioResult, [string, string]> = {
  TotalAnnualValue: ["Total annual value", "money"],
  TotalBenefit: ["Total benefit", "money"],
  TotalCost: ["Total cost", "money"],
  NetValue: ["Net value", "money"],
  NPV: ["Net present value", "money"],
  ROI: ["Return on investment", "percent"],
  PaybackMonths: ["Payback (months)", "months"],
};

/** Each scenario's results, computed as the model's own: the expected column refers to the key figures. Returns where each lives. */
function planScenarioResults(
  g: SummaryGrid,
  table: ScenarioTable,
  flows: ReadonlyMap<Scenario, ScenarioFlow>,
  resultsHeader: number,
): Record<Scenario, Record<ScenarioResult, string>> {
  const { s } = g;
  s.text(resultsHeader, 0, "Result", "header");
  for (const scenario of SCENARIOS) s.text(resultsHeader, COLUMN[scenario], LABEL[scenario], "headerRight");
  const results = { conservative: {}, expected: {}, optimistic: {} } as Record<Scenario, Record<ScenarioResult, string>>;
  const cell = (scenario: Scenario, metric: ScenarioResult) =>
    relative(resultsHeader + 1 + SCENARIO_RESULTS.indexOf(metric), COLUMN[scenario]);
  SCENARIO_RESULTS.forEach((key, i) => {
    const row = resultsHeader + 1 + i;
    const [label, style] = RESULT_LABELS[key];
    s.text(row, 0, label, "label");
    for (const scenario of SCENARIOS) {
      const c = COLUMN[scenario];
      results[scenario][key] = relative(row, c);
      const flow = flows.get(scenario);
      if (!flow) {
        s.formula(row, c, g.result(`CVM_${key}` as ResultName), style, orNotAvailable(g.results.totals[key]));
        continue;
      }
      const formulas: Record<ScenarioResult, string> = {
        TotalAnnualValue: relative(table.total, c),
        TotalBenefit: flow.total(flow.benefit),
        TotalCost: g.result("CVM_TotalCost"),
        NetValue: `${cell(scenario, "TotalBenefit")}-${cell(scenario, "TotalCost")}`,
        NPV: flow.npv,
        ROI: `IF(${cell(scenario, "TotalCost")}=0,NA(),${cell(scenario, "NetValue")}/${cell(scenario, "TotalCost")})`,
        PaybackMonths: flow.payback,
      };
      s.formula(row, c, formulas[key], style, scenarioCached(g, table, scenario, flow)[key]);
    }
  });
  return results;
}

/** The values the core computed for one outer scenario's results, as Excel would store them. */
function scenarioCached(g: SummaryGrid, table: ScenarioTable, scenario: Scenario, flow: ScenarioFlow): Record<ScenarioResult, CachedValue> {
  const totalCost = g.results.totals.TotalCost;
  const netValue = arithmetic([flow.values.totalBenefit], (b) => nearZeroSum(b, -totalCost));
  return {
    TotalAnnualValue: sumOf(table.elementValues[scenario]),
    TotalBenefit: flow.values.totalBenefit,
    TotalCost: totalCost,
    NetValue: netValue,
    NPV: flow.values.npv,
    ROI: totalCost === 0 ? NOT_AVAILABLE : isCachedError(netValue) ? netValue : arithmetic([netValue], (v) => v / totalCost),
    PaybackMonths: flow.values.payback,
  };
}
