/**
 * The same model computed by HyperFormula (GPL-3.0; a development dependency of the benchmark
 * only, loaded from node_modules at run time and never bundled): the input sheets as the user's
 * workbook holds them, the Value Summary exactly as the plan writes it (every formula, text and
 * number) and the defined names the plan creates, loaded into HyperFormula and computed. The
 * result names and every element's annual value are then compared with the core's.
 */
import { DetailedCellError, HyperFormula, type RawCellContent, type SerializedNamedExpression } from "hyperformula";
import type { Results, Totals } from "../src/core/model/compute";
import { RESULT_NAMES } from "../src/core/model/names";
import { SUMMARY_SHEET } from "../src/core/plan/summary";
import type { SheetPlan, WorkbookPlan } from "../src/core/plan/types";
import type { CellValue } from "../src/core/workbook/cells";
import type { CoreBuild } from "./core-timing";
import { INPUT_SHEETS } from "./models";
import { median } from "./stats";

/** What HyperFormula is given: sheets of raw cell contents and the named expressions. */
export interface HyperformulaWorkbook {
  readonly sheets: Record<string, RawCellContent[][]>;
  readonly names: readonly SerializedNamedExpression[];
  /** Formulas on the Value Summary, and the functions they call. */
  readonly formulas: number;
  readonly functions: readonly string[];
  /** Functions the plan writes that HyperFormula does not have (their cells compute to #NAME?). */
  readonly missingFunctions: readonly string[];
}

const CONFIG = {
  licenseKey: "gpl-v3",
  // Excel 365's dynamic-array arithmetic: the workbook is computed as Excel 365 computes it.
  useArrayArithmetic: true,
} as const;

/** Text stays text: HyperFormula reads "=…", "TRUE", "12%" or "#N/A" in a string as a formula, boolean, number or error; a leading ' keeps the string. */
function rawText(text: string): string {
  return `'${text}`;
}

function rawCell(value: CellValue): RawCellContent {
  if (value === null || value === "") return null;
  return typeof value === "string" ? rawText(value) : value;
}

function sheetOfTable(rows: readonly (readonly CellValue[])[]): RawCellContent[][] {
  return rows.map((row) => row.map(rawCell));
}

function sheetOfPlan(sheet: SheetPlan): RawCellContent[][] {
  const height = Math.max(0, ...sheet.cells.map((c) => c.row + 1));
  const width = Math.max(0, ...sheet.cells.map((c) => c.column + 1));
  const rows: RawCellContent[][] = Array.from({ length: height }, () => new Array<RawCellContent>(width).fill(null));
  for (const cell of sheet.cells) {
    const content = cell.content;
    rows[cell.row]![cell.column] =
      content.kind === "formula" ? content.formula : content.kind === "text" ? rawText(content.value) : content.value;
  }
  return rows;
}

/** The functions a formula calls (outside string literals and quoted sheet names), upper case. */
export function functionsCalled(formula: string): string[] {
  const bare = formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
  return [...bare.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) => m[1]!.toUpperCase());
}

export function hyperformulaWorkbook(build: CoreBuild): HyperformulaWorkbook {
  const summary = build.plan.sheets.find((s) => s.name === SUMMARY_SHEET);
  if (!summary) throw new Error("the plan has no Value Summary");
  const sheets: Record<string, RawCellContent[][]> = {
    [INPUT_SHEETS.variables]: sheetOfTable(build.tables.variables),
    [INPUT_SHEETS.elements]: sheetOfTable(build.tables.elements),
    ...(build.tables.settings ? { [INPUT_SHEETS.settings]: sheetOfTable(build.tables.settings) } : {}),
    [SUMMARY_SHEET]: sheetOfPlan(summary),
  };
  const formulas = summary.cells.flatMap((c) => (c.content.kind === "formula" ? [c.content.formula] : []));
  const functions = [...new Set(formulas.flatMap(functionsCalled))].sort();
  const known = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
  return {
    sheets,
    names: namesOf(build.plan),
    formulas: formulas.length,
    functions,
    missingFunctions: functions.filter((f) => !known.has(f)),
  };
}

function namesOf(plan: WorkbookPlan): SerializedNamedExpression[] {
  return plan.names.map((n) => ({ name: n.name, expression: n.refersTo }));
}

/** Loads the workbook into a new engine, which computes every cell as it builds. */
export function computeWithHyperformula(workbook: HyperformulaWorkbook): HyperFormula {
  // The names are given at load, as addNamedExpression would add them, but without evaluating
  // every formula that uses one twice (first as #NAME?, then again once the name exists).
  return HyperFormula.buildFromSheets(workbook.sheets, CONFIG, [...workbook.names]);
}

export interface HyperformulaTiming {
  readonly elements: number;
  /** HyperFormula's version, as it reports it. */
  readonly version: string;
  /** Median ms from handing HyperFormula the sheets and names to every value computed. */
  readonly medianMs: number;
  readonly runs: number;
  readonly warmups: number;
}

export function timeHyperformula(
  elements: number,
  workbook: HyperformulaWorkbook,
  options: { runs: number; warmups: number },
): HyperformulaTiming {
  for (let i = 0; i < options.warmups; i++) computeWithHyperformula(workbook).destroy();
  const times: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    const engine = computeWithHyperformula(workbook);
    times.push(performance.now() - started);
    engine.destroy();
  }
  return { elements, version: HyperFormula.version, medianMs: median(times), runs: options.runs, warmups: options.warmups };
}

export interface Agreement {
  /** What was compared: the nine result names, each element's annual value (its id's name) and the value by stakeholder. */
  readonly compared: number;
  readonly results: readonly string[];
  readonly elements: number;
  readonly stakeholders: number;
  /** The largest relative difference over what was compared (0 when identical). */
  readonly maxRelativeDifference: number;
  /** Names where the two disagree beyond the tolerance, or where one has a value and the other not. */
  readonly disagreements: readonly string[];
  readonly tolerance: number;
}

function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

/** Where the plan puts each stakeholder's total: the bold rows of the value by stakeholder, in the core's order, column B. */
function stakeholderCells(summary: SheetPlan): { row: number; column: number }[] | undefined {
  const title = summary.cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.value === "Value by stakeholder");
  const end = summary.cells.find((c) => c.column === 0 && c.content.kind === "text" && c.content.value === "Value elements by year");
  if (!title || !end) return undefined;
  return summary.cells
    .filter((c) => c.column === 0 && c.style === "label" && c.row > title.row && c.row < end.row)
    .map((c) => ({ row: c.row, column: 1 }));
}

/**
 * Compares HyperFormula's values with the core's: the result names, every element id's name and
 * the Value Summary's value by stakeholder.
 */
export function compareWithCore(engine: HyperFormula, build: Pick<CoreBuild, "analysis" | "plan">, tolerance = 1e-6): Agreement {
  const results: Results = build.analysis.results;
  const disagreements: string[] = [];
  let maxRelativeDifference = 0;
  const check = (name: string, expected: number | undefined, at?: { row: number; column: number }) => {
    const value = at
      ? engine.getCellValue({ sheet: engine.getSheetId(SUMMARY_SHEET)!, row: at.row, col: at.column })
      : engine.getNamedExpressionValue(name);
    if (expected === undefined) {
      // No value: the plan writes #N/A (ROI without cost, no payback within the horizon).
      if (!(value instanceof DetailedCellError && value.value === "#N/A"))
        disagreements.push(`${name}: core has no value, HyperFormula ${String(value)}`);
      return;
    }
    if (typeof value !== "number") {
      disagreements.push(`${name}: core ${expected}, HyperFormula ${value instanceof DetailedCellError ? value.value : String(value)}`);
      return;
    }
    const difference = relativeDifference(value, expected);
    maxRelativeDifference = Math.max(maxRelativeDifference, difference);
    if (difference > tolerance) disagreements.push(`${name}: core ${expected}, HyperFormula ${value}`);
  };
  const totals = results.totals;
  for (const name of RESULT_NAMES) check(name, totals[name.slice("CVM_".length) as keyof Totals]);
  let elements = 0;
  for (const element of results.elements) {
    if (!element.element.id) continue;
    check(element.element.id, element.annualValue);
    elements++;
  }
  const summary = build.plan.sheets.find((s) => s.name === SUMMARY_SHEET);
  const cells = summary && stakeholderCells(summary);
  if (!cells || cells.length !== results.byStakeholder.length)
    disagreements.push("the Value Summary has no value by stakeholder for each of the core's stakeholders");
  else results.byStakeholder.forEach((group, i) => check(`stakeholder "${group.stakeholder}"`, group.annualValue, cells[i]!));
  return {
    compared: RESULT_NAMES.length + elements + results.byStakeholder.length,
    results: [...RESULT_NAMES],
    elements,
    stakeholders: results.byStakeholder.length,
    maxRelativeDifference,
    disagreements,
    tolerance,
  };
}
