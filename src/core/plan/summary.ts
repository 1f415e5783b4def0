import { numberLiteral, printFormula } from "../formula";
import type { Results } from "../model/compute";
import type { ResultName } from "../model/names";
import { alternativeGiven, SUMMARY_TERMS, settingStyle } from "../model/settings";
import { rampAt, type ValueModel } from "../model/types";
import { cellRef, columnLetters, formatCell, MAX_COLUMNS } from "../workbook/address";
import { cashFlowValues, inExcel, orNotAvailable } from "./cached";
import {
  COLORS,
  CONFIDENCE_LABEL,
  MONTHS_FORMAT,
  moneyFormat,
  PERCENT_FORMAT,
  SHEET_STYLES,
  summaryTitle,
  summaryTitleContent,
  WHOLE_NUMBER_FORMAT,
} from "./formats";
import { headerText, PAGE_X_OF_Y, planPage } from "./page";
import { pointsByRow, rowHeightsFor } from "./row-heights";
import { SheetBuilder } from "./sheet-builder";
import { cashFlowFormulas, type SummaryGrid, type SummarySetting } from "./summary-grid";
import { planRealization, type RealizationLayout } from "./summary-realization";
import { planRealizationByYear, type RealizationByYearLayout } from "./summary-realization-by-year";
import { planScenarios, type ScenarioLayout } from "./summary-scenarios";
import { planSensitivity } from "./summary-sensitivity";
import { wrapWords } from "./text-lines";
import type { CellContent, CellStyle, ChartPlan, NamePlan, SheetPlan } from "./types";
import { largest } from "./largest";
import {
  MEANING_WITH_ALTERNATIVE,
  figureOrder,
  type FigureName,
  incentiveFigure,
  planAlternativeCost,
  planAlternativeName,
} from "./summary-alternative";

export const SUMMARY_SHEET = "Value Summary";

/**
 * The summary's columns. Labels and element names in A; the element table's stakeholder and
 * confidence in B and C; annual value (and year 0 of every cash flow) in D; one column per year,
 * then the row total; then the category and the id, which formulas use but a reader needs last.
 */
const COL = { element: 0, stakeholder: 1, confidence: 2, annual: 3, firstYear: 4 } as const;
/** Key figures: label in A, value in B, what it means in C. */
const FIGURE = { label: 0, value: 1, note: 2 } as const;
/** Characters of a note line: what fits in columns A to C, clear of the chart beside them. */
const NOTE_WIDTH = 78;
/** Characters of a note line where nothing stands to the right but the print area's edge (italic text is narrower than the digits a column's width counts). */
const WIDE_NOTE_WIDTH = 170;

/** The key figures in the order a CFO reads them: what it is worth a year, over the horizon, against the price, and when it pays back. */
const RESULT_ORDER: readonly ResultName[] = [
  "CVM_TotalAnnualValue",
  "CVM_Green",
  "CVM_Gray",
  "CVM_TotalBenefit",
  "CVM_TotalCost",
  "CVM_NetValue",
  "CVM_NPV",
  "CVM_ROI",
  "CVM_PaybackMonths",
];

export interface SummaryPlan {
  readonly sheet: SheetPlan;
  /** Defined names for element ids and results, pointing into the sheet. */
  readonly names: readonly NamePlan[];
  /** Where each element's annual value lives, for other sheets' live formulas. */
  readonly annualCells: readonly string[];
  /** Where the sections that appear only for some models put their results (for tests and tools). */
  readonly layout: {
    readonly scenarios?: ScenarioLayout;
    readonly realization?: RealizationLayout;
    readonly realizationByYear?: RealizationByYearLayout;
  };
}

function styles(currency: string): Record<string, CellStyle> {
  const money = moneyFormat(currency);
  return {
    ...SHEET_STYLES,
    subtitle: { fontColor: COLORS.note },
    headerRight: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, horizontalAlignment: "right", wrap: true },
    headerCenter: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, horizontalAlignment: "center", wrap: true },
    // Set apart from the money right-aligned beside it.
    centered: { horizontalAlignment: "center" },
    indented: { indent: 1 },
    headerIndented: { ...SHEET_STYLES.header, indent: 1 },
    label: { bold: true },
    figure: { bold: true, numberFormat: money },
    figurePercent: { bold: true, numberFormat: PERCENT_FORMAT },
    figureMonths: { bold: true, numberFormat: MONTHS_FORMAT },
    money: { numberFormat: money },
    moneyTotal: { numberFormat: money, bold: true, fill: COLORS.totalFill, borderTop: true },
    labelTotal: { bold: true, fill: COLORS.totalFill, borderTop: true },
    moneyBold: { numberFormat: money, bold: true },
    percent: { numberFormat: PERCENT_FORMAT },
    percentBold: { numberFormat: PERCENT_FORMAT, bold: true },
    months: { numberFormat: MONTHS_FORMAT },
    whole: { numberFormat: WHOLE_NUMBER_FORMAT },
    helper: { numberFormat: MONTHS_FORMAT, fontColor: COLORS.note },
    share: { numberFormat: PERCENT_FORMAT, fontColor: COLORS.note },
    staticMoney: { numberFormat: money, fontColor: COLORS.staticText },
    staticNumber: { numberFormat: "General", fontColor: COLORS.staticText },
  };
}

/** Where every row of the summary's fixed sections sits: later sections' rows are needed by earlier formulas (the key figures sum the cash flow below), so every row is placed before any cell is written. */
interface SummaryRows {
  readonly title: number;
  readonly figuresTitle: number;
  /** The key figures top to bottom: the incentive to purchase only where the model gives an alternative. */
  readonly figureOrder: readonly FigureName[];
  readonly figure: Record<ResultName, number> & { readonly CVM_Incentive?: number };
  readonly meaningFirst: number;
  readonly meaningLines: readonly string[];
  readonly chartRows: number;
  readonly stakeholderTitle: number;
  readonly stakeholderHeader: number;
  readonly elementsTitle: number;
  readonly elementsNote: number;
  readonly elementsHeader: number;
  readonly firstElement: number;
  readonly lastElement: number;
  readonly total: number;
  readonly priceTitle: number;
  /** The price and terms rows shown (the alternative's only where the model gives one), top to bottom. */
  readonly terms: typeof SUMMARY_TERMS;
  readonly setting: Record<SummarySetting, number>;
  /** Below the terms, where the model gives an alternative: its cost over the horizon and the price difference. */
  readonly alternative?: { readonly cost: number; readonly difference: number };
  readonly cashTitle: number;
  readonly cashHeader: number;
  readonly cash: {
    readonly benefit: number;
    readonly price: number;
    readonly net: number;
    readonly cumulative: number;
    readonly crossing: number;
  };
}

/** The summary's columns for a horizon of `years`: the year columns, then the row total, the category and the id. */
interface SummaryColumns {
  readonly total: number;
  readonly category: number;
  readonly id: number;
  readonly lastYear: number;
  readonly year: (y: number) => number;
}

/** A stakeholder of the summary with its elements, by index into the results. */
interface StakeholderGroup {
  readonly group: Results["byStakeholder"][number];
  readonly members: readonly number[];
}

/** What every section planner shares: the sheet being written, where things sit, and what it collects (names, print blocks). */
interface SummaryContext {
  readonly s: SheetBuilder;
  readonly model: ValueModel;
  readonly results: Results;
  readonly years: number;
  readonly rows: SummaryRows;
  readonly columns: SummaryColumns;
  readonly grid: SummaryGrid;
  readonly names: NamePlan[];
  readonly blocks: { first: number; last: number }[];
}

const MEANING =
  "Annual value: what the customer gains each year once every element is in full effect. Benefit and cost: totals over the horizon, each element ramping up as shown by year below. Net present value: each year's net cash flow discounted at the discount rate. Payback: when the cumulative net cash flow turns positive.";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
const a = (row: number, column: number) => cellRef(row, column, true);
const r = (row: number, column: number) => cellRef(row, column);

/**
 * Plans the Value Summary as a business case, read top to bottom as a CFO reads it: the title
 * (the value of the offering to the customer), the key figures with what they mean and a chart
 * beside them, value by stakeholder with each stakeholder's elements, the elements by year (ramps
 * applied), price and terms, the cash flow; then scenarios, sensitivity and realization where the
 * model has them; last, how the sheet was made, for the model's author. Every number is a live
 * formula over the defined names (the sensitivity table alone is computed at build, and labelled
 * so), and carries the value the core computed for it. Every result name points at its key figure.
 */
export function planSummary(model: ValueModel, results: Results, built: string): SummaryPlan {
  const years = model.settings.years;
  const s = new SheetBuilder(styles(model.settings.currency));
  const columns = summaryColumns(years);
  const groups = stakeholderGroups(results);
  const rows = summaryRows(model.elements.length, groups, alternativeGiven(model.settings));
  const grid: SummaryGrid = {
    s,
    model,
    results,
    years,
    firstElementRow: rows.firstElement,
    lastElementRow: rows.lastElement,
    annualColumn: COL.annual,
    yearColumn: columns.year,
    setting: (key) => a(rows.setting[key], 1),
    result: (name) => a(rows.figure[name], FIGURE.value),
    annualCell: (index) => a(rows.firstElement + index, COL.annual),
  };
  const c: SummaryContext = { s, model, results, years, rows, columns, grid, names: [], blocks: [] };

  planTitle(c, built);
  planKeyFigures(c);
  const valueChart = valueByElementChart(c);
  planStakeholders(c, groups);
  const annualCells = planElementsByYear(c);
  planPriceAndTerms(c);
  planCashFlow(c);
  const optional = planOptionalSections(c, built);
  const aboutEnd = planAbout(c, optional.next, built, optional.sensitivity !== undefined);
  const charts = [
    valueChart,
    ...(optional.sensitivity ? [optional.sensitivity.chart] : []),
    ...(optional.byYear ? [optional.byYear.chart] : []),
  ];
  const sheet = summarySheet(c, charts, aboutEnd, built);
  const { scenarios, realization, byYear } = optional;
  const layout = {
    ...(scenarios ? { scenarios: scenarios.layout } : {}),
    ...(realization ? { realization: realization.layout } : {}),
    ...(byYear ? { realizationByYear: byYear.layout } : {}),
  };
  return { sheet, names: c.names, annualCells, layout };
}

function summaryColumns(years: number): SummaryColumns {
  const total = COL.firstYear + years;
  return { total, category: total + 1, id: total + 2, lastYear: COL.firstYear + years - 1, year: (y) => COL.firstYear + y - 1 };
}

/** Each stakeholder the results name, with the indexes of its elements (matched trimmed and without case). */
function stakeholderGroups(results: Results): StakeholderGroup[] {
  return results.byStakeholder.map((group) => ({
    group,
    members: results.elements.flatMap((e, index) =>
      e.element.stakeholder.trim().toLowerCase() === group.stakeholder.toLowerCase() ? [index] : [],
    ),
  }));
}

function summaryRows(elementCount: number, groups: readonly StakeholderGroup[], withAlternative: boolean): SummaryRows {
  const title = 0;
  const figuresTitle = 3;
  const order = figureOrder(RESULT_ORDER, withAlternative);
  const figure = Object.fromEntries(order.map((name, i) => [name, figuresTitle + 1 + i])) as SummaryRows["figure"];
  const meaningFirst = figuresTitle + order.length + 1;
  const meaningLines = wrapWords(withAlternative ? MEANING_WITH_ALTERNATIVE : MEANING, NOTE_WIDTH);
  const chartRows = Math.max(15, meaningFirst + meaningLines.length - figuresTitle);
  const stakeholderTitle = Math.max(meaningFirst + meaningLines.length, figuresTitle + chartRows) + 1;
  const stakeholderHeader = stakeholderTitle + 1;
  const stakeholderRows = groups.reduce((count, g) => count + 1 + g.members.length, 0);
  const elementsTitle = stakeholderHeader + stakeholderRows + 2;
  const elementsNote = elementsTitle + 1;
  const elementsHeader = elementsNote + 1;
  const firstElement = elementsHeader + 1;
  const lastElement = firstElement + elementCount - 1;
  const total = lastElement + 1;
  const priceTitle = total + 2;
  const terms = SUMMARY_TERMS.filter((term) => term.part === undefined || withAlternative);
  const setting = Object.fromEntries(terms.map((term, i) => [term.key, priceTitle + 1 + i])) as Record<SummarySetting, number>;
  const alternative = withAlternative ? { cost: priceTitle + terms.length + 1, difference: priceTitle + terms.length + 2 } : undefined;
  const cashTitle = priceTitle + terms.length + (alternative ? 2 : 0) + 2;
  const cashHeader = cashTitle + 1;
  const cash = {
    benefit: cashHeader + 1,
    price: cashHeader + 2,
    net: cashHeader + 3,
    cumulative: cashHeader + 4,
    crossing: cashHeader + 5,
  };
  return {
    title,
    figuresTitle,
    figureOrder: order,
    figure,
    meaningFirst,
    meaningLines,
    chartRows,
    stakeholderTitle,
    stakeholderHeader,
    elementsTitle,
    elementsNote,
    elementsHeader,
    firstElement,
    lastElement,
    total,
    priceTitle,
    terms,
    setting,
    ...(alternative ? { alternative } : {}),
    cashTitle,
    cashHeader,
    cash,
  };
}

/** Note lines from `row` down, wrapped at `width` characters; returns the row after the last. */
function note(s: SheetBuilder, row: number, text: string, width = NOTE_WIDTH, column = 0): number {
  for (const line of wrapWords(text, width)) s.text(row++, column, line, "note");
  return row;
}

const elementsRange = (rows: SummaryRows, column: number) => `${a(rows.firstElement, column)}:${a(rows.lastElement, column)}`;

/** Title: a live formula over the Customer and Offering settings, so that it names the customer the numbers are for even after a switch of customer without a rebuild. */
function planTitle({ s, model, years, rows }: SummaryContext, built: string): void {
  const { settings } = model;
  s.put(rows.title, 0, summaryTitleContent(settings), "title");
  s.text(
    rows.title + 1,
    0,
    `Business case, ${built.slice(0, 10)}. Amounts in ${settings.currency}, over ${plural(years, "year")}.`,
    "subtitle",
  );
}

/** A key figure: its label, its formula and value, and a few words of what it is (a formula where they name an input). */
export interface KeyFigure {
  readonly label: string;
  readonly formula: string;
  readonly style: string;
  readonly note: string | CellContent;
  readonly value: number | undefined;
}

type KeyFigures = Record<ResultName, KeyFigure> & { CVM_Incentive?: KeyFigure };

/** What the customer gains: the annual value, its green and gray parts, the benefit over the horizon. */
function benefitFigures({
  rows,
  results,
  years,
  grid,
}: SummaryContext): Pick<KeyFigures, "CVM_TotalAnnualValue" | "CVM_Green" | "CVM_Gray" | "CVM_TotalBenefit"> {
  const t = results.totals;
  const annual = elementsRange(rows, COL.annual);
  const confidence = elementsRange(rows, COL.confidence);
  return {
    CVM_TotalAnnualValue: {
      label: "Annual value, in full effect",
      formula: `SUM(${annual})`,
      style: "figure",
      note: "every element, each year",
      value: t.TotalAnnualValue,
    },
    CVM_Green: {
      label: "  of which documented (green)",
      formula: `SUMIF(${confidence},"${CONFIDENCE_LABEL.green}",${annual})`,
      style: "money",
      note: "hard money, from records",
      value: t.Green,
    },
    CVM_Gray: {
      label: "  of which estimated (gray)",
      formula: `SUMIF(${confidence},"${CONFIDENCE_LABEL.gray}",${annual})`,
      style: "money",
      note: "soft money, from estimates",
      value: t.Gray,
    },
    CVM_TotalBenefit: {
      label: `Total benefit, ${plural(years, "year")}`,
      formula: cashFlowFormulas(grid, rows.cash).total(rows.cash.benefit),
      style: "figure",
      note: "with each element's ramp-up",
      value: t.TotalBenefit,
    },
  };
}

/** What it costs and what it returns: cost, net value, the incentive against an alternative, NPV, ROI, payback. */
function returnFigures(c: SummaryContext): Omit<KeyFigures, keyof ReturnType<typeof benefitFigures>> {
  const { rows, results, years, grid } = c;
  const t = results.totals;
  const flow = cashFlowFormulas(grid, rows.cash);
  const res = (name: ResultName) => r(rows.figure[name], FIGURE.value);
  const setting = grid.setting;
  return {
    CVM_TotalCost: {
      label: `Total cost, ${plural(years, "year")}`,
      formula: `${setting("investment")}+${setting("years")}*${setting("annualCost")}`,
      style: "figure",
      note: "investment and annual cost",
      value: t.TotalCost,
    },
    CVM_NetValue: {
      label: "Net value",
      formula: `${res("CVM_TotalBenefit")}-${res("CVM_TotalCost")}`,
      style: "figure",
      note: "benefit minus cost",
      value: t.NetValue,
    },
    CVM_NPV: { label: "Net present value", formula: flow.npv, style: "figure", note: "discounted at the rate below", value: t.NPV },
    CVM_ROI: {
      label: "Return on investment",
      formula: `IF(${res("CVM_TotalCost")}=0,NA(),${res("CVM_NetValue")}/${res("CVM_TotalCost")})`,
      style: "figurePercent",
      note: "net value / total cost",
      value: t.ROI,
    },
    CVM_PaybackMonths: {
      label: "Payback, months",
      formula: flow.payback,
      style: "figureMonths",
      note: "months to recover the cost",
      value: t.PaybackMonths,
    },
    ...(rows.alternative
      ? {
          CVM_Incentive: incentiveFigure(
            t,
            c.model.settings.alternative,
            res("CVM_TotalBenefit"),
            r(rows.alternative.difference, 1),
            a(rows.setting.alternative, 1),
          ),
        }
      : {}),
  };
}

/** Key figures, each behind its defined name, with what they mean below them. */
function planKeyFigures(c: SummaryContext): void {
  const { s, rows } = c;
  s.text(rows.figuresTitle, 0, "Key figures", "section");
  const figures: KeyFigures = { ...benefitFigures(c), ...returnFigures(c) };
  for (const name of rows.figureOrder) {
    const figure = figures[name]!;
    const row = rows.figure[name]!;
    s.text(row, FIGURE.label, figure.label, figure.style === "money" ? "text" : "label");
    s.formula(row, FIGURE.value, figure.formula, figure.style, orNotAvailable(figure.value));
    if (typeof figure.note === "string") s.text(row, FIGURE.note, figure.note, "note");
    else s.put(row, FIGURE.note, figure.note, "note");
    c.names.push({ name, refersTo: `=${formatCell({ sheet: SUMMARY_SHEET, row, column: FIGURE.value }, true)}` });
  }
  rows.meaningLines.forEach((line, i) => s.text(rows.meaningFirst + i, 0, line, "note"));
  c.blocks.push({ first: rows.title, last: rows.figuresTitle + rows.chartRows - 1 });
}

/** The chart of annual value by element, beside the key figures, from the column after their notes: never over text. */
function valueByElementChart({ rows, columns }: SummaryContext): ChartPlan {
  return {
    kind: "valueByElement",
    title: "Annual value by element",
    categories: `${r(rows.firstElement, COL.element)}:${r(rows.lastElement, COL.element)}`,
    values: `${r(rows.firstElement, COL.annual)}:${r(rows.lastElement, COL.annual)}`,
    seriesName: "Annual value",
    anchor: { row: rows.figuresTitle, column: COL.annual + 1, columns: Math.max(4, columns.total - COL.annual), rows: rows.chartRows },
  };
}

/** Value by stakeholder: each stakeholder's total, then its elements, each a live reference to the element's annual value; the total is the sum of the lines below it. */
function planStakeholders(c: SummaryContext, groups: readonly StakeholderGroup[]): void {
  const { s, rows, results } = c;
  s.text(rows.stakeholderTitle, 0, "Value by stakeholder", "section");
  s.text(rows.stakeholderHeader, 0, "Stakeholder and element", "header");
  s.text(rows.stakeholderHeader, 1, "Annual value", "headerRight");
  s.text(rows.stakeholderHeader, 2, "Share", "headerRight");
  let row = rows.stakeholderHeader + 1;
  const totalCell = a(rows.figure.CVM_TotalAnnualValue, FIGURE.value);
  const total = results.totals.TotalAnnualValue;
  const share = (value: number) => (total === 0 ? 0 : value / total);
  for (const { group, members } of groups) {
    const groupRow = row;
    s.text(groupRow, 0, group.stakeholder === "" ? "(no stakeholder named)" : group.stakeholder, "label");
    const memberValues = members.map((i) => results.elements[i]!.annualValue);
    let groupValue = 0;
    for (const v of memberValues) groupValue += v;
    s.formula(groupRow, 1, `SUM(${r(groupRow + 1, 1)}:${r(groupRow + members.length, 1)})`, "moneyBold", inExcel(groupValue));
    s.formula(groupRow, 2, `IF(${totalCell}=0,0,${r(groupRow, 1)}/${totalCell})`, "percentBold", inExcel(share(groupValue)));
    members.forEach((index, k) => {
      const memberRow = groupRow + 1 + k;
      s.text(memberRow, 0, `    ${results.elements[index]!.element.element}`, "text");
      s.formula(memberRow, 1, a(rows.firstElement + index, COL.annual), "money", memberValues[k]!);
    });
    row = groupRow + 1 + members.length;
  }
  c.blocks.push({ first: rows.stakeholderTitle, last: row - 1 });
}

/** The elements by year, with their totals; returns where each element's annual value lives (its id's defined name points there). */
function planElementsByYear(c: SummaryContext): string[] {
  const { s, rows, columns, years } = c;
  s.text(rows.elementsTitle, 0, "Value elements by year", "section");
  note(s, rows.elementsNote, "Each year's value is the annual value times the element's ramp-up share for that year.", WIDE_NOTE_WIDTH);
  const headers = ["Element", "Stakeholder", "Confidence", "Annual value"];
  headers.forEach((h, column) => s.text(rows.elementsHeader, column, h, column === COL.annual ? "headerRight" : "header"));
  for (let y = 1; y <= years; y++) s.text(rows.elementsHeader, columns.year(y), `Year ${y}`, "headerRight");
  s.text(rows.elementsHeader, columns.total, `Total, ${plural(years, "year")}`, "headerRight");
  s.text(rows.elementsHeader, columns.category, "Category", "headerCenter");
  s.text(rows.elementsHeader, columns.id, "Id", "headerCenter");
  const spell = declaredSpelling(c.model);
  const annualCells = c.model.elements.map((e, i) => planElementRow(c, e, i, spell));
  planElementTotals(c);
  c.blocks.push({ first: rows.elementsTitle, last: rows.total });
  return annualCells;
}

/** Names as the model declares them (a formula may spell them in any case). */
function declaredSpelling(model: ValueModel): (name: string) => string {
  const spelling = new Map<string, string>();
  for (const v of model.variables) spelling.set(v.name.toLowerCase(), v.name);
  for (const e of model.elements) if (e.id) spelling.set(e.id.toLowerCase(), e.id);
  return (name) => spelling.get(name.toLowerCase()) ?? name;
}

/** One element's row: its formula over the defined names, each year's share of it, the row total. */
function planElementRow(c: SummaryContext, e: ValueModel["elements"][number], i: number, spell: (name: string) => string): string {
  const { s, rows, columns, years } = c;
  const row = rows.firstElement + i;
  const computed = c.results.elements[i]!;
  s.text(row, COL.element, e.element, "text");
  s.text(row, COL.stakeholder, e.stakeholder.trim(), "text");
  s.text(row, COL.confidence, CONFIDENCE_LABEL[e.confidence], "text");
  s.formula(row, COL.annual, printFormula(e.expr, spell), "money", computed.annualValue);
  let rowTotal = 0;
  for (let y = 1; y <= years; y++) {
    const shareOfYear = rampAt(e.ramp, y);
    const annual = `$${columnLetters(COL.annual)}${row + 1}`;
    s.formula(
      row,
      columns.year(y),
      shareOfYear === 1 ? annual : `${annual}*${numberLiteral(shareOfYear)}`,
      "money",
      computed.byYear[y - 1]!,
    );
    rowTotal += computed.byYear[y - 1]!;
  }
  s.formula(row, columns.total, `SUM(${r(row, COL.firstYear)}:${r(row, columns.lastYear)})`, "money", inExcel(rowTotal));
  s.text(row, columns.category, e.category, "centered");
  s.text(row, columns.id, e.id ?? "", "centered");
  const cell = formatCell({ sheet: SUMMARY_SHEET, row, column: COL.annual }, true);
  if (e.id) c.names.push({ name: e.id, refersTo: `=${cell}` });
  return cell;
}

function planElementTotals({ s, rows, columns, years, results }: SummaryContext): void {
  const sum = (column: number) => `SUM(${r(rows.firstElement, column)}:${r(rows.lastElement, column)})`;
  s.text(rows.total, COL.element, "Total", "labelTotal");
  for (let column = COL.stakeholder; column < COL.annual; column++) s.text(rows.total, column, "", "labelTotal");
  s.formula(rows.total, COL.annual, sum(COL.annual), "moneyTotal", results.totals.TotalAnnualValue);
  for (let y = 1; y <= years; y++)
    s.formula(rows.total, columns.year(y), sum(columns.year(y)), "moneyTotal", results.benefitByYear[y - 1]!);
  s.formula(rows.total, columns.total, sum(columns.total), "moneyTotal", results.totals.TotalBenefit);
}

/**
 * Price and terms, one row per setting declared for it, read live from CVM_Settings where the
 * workbook gives them; where it gives the next-best alternative, its name and price, then its cost
 * over the horizon and the price difference.
 */
function planPriceAndTerms(c: SummaryContext): void {
  const { s, rows, model } = c;
  const { settings } = model;
  s.text(rows.priceTitle, 0, "Price and terms", "section");
  for (const term of rows.terms) {
    const row = rows.setting[term.key];
    s.text(row, 0, term.label, "label");
    const cell = term.live ? settings.cells[term.key] : undefined;
    if (term.kind === "text") planAlternativeName(s, row, cell, settings.alternative);
    else {
      const style = settingStyle(term.kind)!;
      const value = settings[term.key] as number;
      if (cell) s.formula(row, 1, formatCell(cell, true), style, value);
      else s.number(row, 1, value, style);
    }
    s.text(row, 2, term.meaning, "note");
  }
  if (rows.alternative) c.names.push(...planAlternativeCost(c.grid, rows.alternative, SUMMARY_SHEET));
}

/** Cash flow: year 0 sits in the annual-value column so that years line up with the table. */
function planCashFlow(c: SummaryContext): void {
  const { s, rows, columns, years, results, grid } = c;
  const { settings } = c.model;
  const cash = rows.cash;
  const flow = cashFlowFormulas(grid, cash);
  s.text(rows.cashTitle, 0, "Cash flow", "section");
  s.text(rows.cashHeader, 0, "", "header");
  for (let column = 1; column < COL.annual; column++) s.text(rows.cashHeader, column, "", "header");
  s.text(rows.cashHeader, COL.annual, "Year 0", "headerRight");
  for (let y = 1; y <= years; y++) s.text(rows.cashHeader, columns.year(y), `Year ${y}`, "headerRight");
  s.text(cash.benefit, 0, "Benefit", "label");
  s.text(cash.price, 0, "Price", "label");
  s.text(cash.net, 0, "Net cash flow", "label");
  s.text(cash.cumulative, 0, "Cumulative net cash flow", "label");
  s.text(cash.crossing, 0, "Payback point (months)", "note");
  const values = cashFlowValues(results.benefitByYear, settings.investment, settings.annualCost, settings.discountRate);
  s.number(cash.benefit, COL.annual, 0, "money");
  s.formula(cash.price, COL.annual, `-${grid.setting("investment")}`, "money", -settings.investment);
  s.formula(cash.net, COL.annual, `${r(cash.benefit, COL.annual)}+${r(cash.price, COL.annual)}`, "money", values.net[0]!);
  s.formula(cash.cumulative, COL.annual, flow.cumulative(0), "money", values.cumulative[0]!);
  for (let y = 1; y <= years; y++) {
    const column = columns.year(y);
    s.formula(cash.benefit, column, r(rows.total, column), "money", results.benefitByYear[y - 1]!);
    s.formula(cash.price, column, `-${grid.setting("annualCost")}`, "money", -settings.annualCost);
    s.formula(cash.net, column, `${r(cash.benefit, column)}+${r(cash.price, column)}`, "money", values.net[y]!);
    s.formula(cash.cumulative, column, flow.cumulative(y), "money", values.cumulative[y]!);
    s.formula(cash.crossing, column, flow.crossing(y), "helper", values.crossing[y - 1]!);
  }
  c.blocks.push({ first: rows.priceTitle, last: cash.crossing });
}

/** The sections some models have (scenarios, sensitivity, realization), each starting on a row of its own below the cash flow; returns them and the row after. */
function planOptionalSections(c: SummaryContext, built: string) {
  const { grid, columns, blocks } = c;
  let next = c.rows.cash.crossing + 2;
  const scenarios = planScenarios(grid, next);
  if (scenarios) {
    blocks.push(...scenarios.blocks);
    next = scenarios.nextRow + 2;
  }
  // The tornado from column G to the printed edge (at least five columns wide); its numbers past both the ids and the chart.
  const tornadoColumns = Math.max(5, columns.category - 5);
  const sensitivity = planSensitivity(grid, next, built, {
    chartColumn: 6,
    chartColumns: tornadoColumns,
    dataColumn: Math.max(columns.id + 1, 6 + tornadoColumns),
  });
  if (sensitivity) {
    blocks.push(...sensitivity.blocks);
    next = sensitivity.nextRow + 2;
  }
  const realization = planRealization(grid, next);
  if (realization) {
    blocks.push({ first: next, last: realization.nextRow });
    next = realization.nextRow + 2;
  }
  const byYear = planRealizationByYear(grid, next);
  if (byYear) {
    blocks.push(...byYear.blocks);
    for (const { name, row, column } of byYear.names)
      c.names.push({ name, refersTo: `=${formatCell({ sheet: SUMMARY_SHEET, row, column }, true)}` });
    next = byYear.nextRow + 2;
  }
  return { scenarios, sensitivity, realization, byYear, next };
}

/** How the sheet was made: for the model's author and the auditor, last. Returns the row after it. */
function planAbout({ s, blocks, model }: SummaryContext, aboutTitle: number, built: string, withSensitivity: boolean): number {
  s.text(aboutTitle, 0, "About this workbook", "section");
  let aboutRow = aboutTitle + 1;
  for (const paragraph of [
    `Built ${built} by the Customer Value Model add-in from the workbook's named ranges CVM_Variables, CVM_Elements${model.actuals ? ", CVM_Settings and CVM_Actuals" : " and CVM_Settings"}. A setting the workbook does not give takes its default.`,
    `Every number on this sheet is a live Excel formula over those inputs, except the sensitivity table, which is computed at build. Change an input and the sheet recalculates; build again after adding elements or changing Years or a ramp-up.`,
    `Green money is hard value, documented in the customer's own records; gray money is soft value, estimated. Return on investment and payback show #N/A when there is no price or no payback within the horizon.`,
    ...(withSensitivity
      ? ["Where the add-in is installed, =CVM.SENSITIVITY(CVM_Elements,CVM_Variables,CVM_Settings) gives the sensitivity table live."]
      : []),
  ]) {
    aboutRow = note(s, aboutRow, paragraph, WIDE_NOTE_WIDTH);
  }
  blocks.push({ first: aboutTitle, last: aboutRow - 1 });
  return aboutRow;
}

/** The sheet itself: its cells, column widths, conditional formats, charts, row heights and page setup. */
function summarySheet(c: SummaryContext, charts: readonly ChartPlan[], aboutEnd: number, built: string): SheetPlan {
  const { s, rows, columns, years } = c;
  const widths: { column: number; width: number }[] = [
    { column: COL.element, width: 34 },
    { column: COL.stakeholder, width: 20 },
    { column: COL.confidence, width: 19 },
    { column: COL.annual, width: 14 },
  ];
  for (let y = 1; y <= years; y++) widths.push({ column: columns.year(y), width: 13 });
  widths.push({ column: columns.total, width: 14 }, { column: columns.category, width: 12 }, { column: columns.id, width: 16 });

  const lastRow = largest(
    charts,
    (chart) => chart.anchor.row + chart.anchor.rows - 1,
    largest(s.cells, (cell) => cell.row, aboutEnd - 1),
  );
  const lastColumn = Math.max(columns.category, ...charts.map((chart) => chart.anchor.column + chart.anchor.columns - 1));
  const rowHeights = rowHeightsFor(s.cells, s.styles, widths);
  const confidence = `${r(rows.firstElement, COL.confidence)}:${r(rows.lastElement, COL.confidence)}`;
  const firstConfidence = r(rows.firstElement, COL.confidence);
  return {
    name: SUMMARY_SHEET,
    visibility: "visible",
    replaceColumns: { first: 0, last: MAX_COLUMNS - 1 },
    cells: s.cells,
    styles: s.styles,
    columnWidths: widths,
    // Only the title stays in view: it belongs to every section that scrolls under it.
    freeze: { rows: 2, columns: 0 },
    conditionalFormats: [
      { range: confidence, expression: `${firstConfidence}="${CONFIDENCE_LABEL.green}"`, style: { fill: COLORS.greenFill } },
      { range: confidence, expression: `${firstConfidence}="${CONFIDENCE_LABEL.gray}"`, style: { fill: COLORS.grayFill } },
    ],
    charts: [...charts],
    activate: true,
    rowHeights,
    page: planPage({
      columnWidths: widths,
      lastRow,
      lastColumn,
      rowPoints: pointsByRow(rowHeights),
      blocks: c.blocks,
      repeatable: { first: rows.elementsHeader, last: rows.elementsHeader, tableLast: rows.total },
      header: { left: headerText(summaryTitle(c.model.settings)), center: "", right: headerText(`Business case, ${built.slice(0, 10)}`) },
      footer: { left: headerText(SUMMARY_SHEET), center: PAGE_X_OF_Y, right: "" },
    }),
  };
}
