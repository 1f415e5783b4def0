import { numberLiteral, printFormula } from "../formula";
import type { Results } from "../model/compute";
import type { ResultName } from "../model/names";
import { rampAt, type ValueModel } from "../model/types";
import { cellRef, columnLetters, formatCell, MAX_COLUMNS } from "../workbook/address";
import { COLORS, MONTHS_FORMAT, moneyFormat, PERCENT_FORMAT, SHEET_STYLES, sheetTitleContent, WHOLE_NUMBER_FORMAT } from "./formats";
import { SheetBuilder } from "./sheet-builder";
import { cashFlowFormulas, type SummaryGrid } from "./summary-grid";
import { planRealization, type RealizationLayout } from "./summary-realization";
import { planScenarios, type ScenarioLayout } from "./summary-scenarios";
import { planSensitivity } from "./summary-sensitivity";
import type { CellStyle, ChartPlan, NamePlan, SheetPlan } from "./types";

export const SUMMARY_SHEET = "Value Summary";

/** The summary's columns: the element table's, then one per year, then the row total. */
const COL = { element: 0, id: 1, stakeholder: 2, category: 3, confidence: 4, annual: 5, firstYear: 6 } as const;
const FIRST_ELEMENT_ROW = 4;
const RESULT_ORDER: readonly ResultName[] = ["CVM_TotalAnnualValue", "CVM_Green", "CVM_Gray", "CVM_TotalBenefit", "CVM_TotalCost", "CVM_NetValue", "CVM_NPV", "CVM_ROI", "CVM_PaybackMonths"];

export interface SummaryPlan {
  readonly sheet: SheetPlan;
  /** Defined names for element ids and results, pointing into the sheet. */
  readonly names: readonly NamePlan[];
  /** Where each element's annual value lives, for other sheets' live formulas. */
  readonly annualCells: readonly string[];
  /** Where the sections that appear only for some models put their results (for tests and tools). */
  readonly layout: { readonly scenarios?: ScenarioLayout; readonly realization?: RealizationLayout };
}

function styles(currency: string): Record<string, CellStyle> {
  const money = moneyFormat(currency);
  return {
    ...SHEET_STYLES,
    headerRight: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, horizontalAlignment: "right", wrap: true },
    label: { bold: true },
    money: { numberFormat: money },
    moneyTotal: { numberFormat: money, bold: true, fill: COLORS.totalFill, borderTop: true },
    labelTotal: { bold: true, fill: COLORS.totalFill, borderTop: true },
    percent: { numberFormat: PERCENT_FORMAT },
    months: { numberFormat: MONTHS_FORMAT },
    whole: { numberFormat: WHOLE_NUMBER_FORMAT },
    helper: { numberFormat: MONTHS_FORMAT, fontColor: COLORS.note },
    share: { numberFormat: PERCENT_FORMAT, fontColor: COLORS.note },
    staticMoney: { numberFormat: money, fontColor: COLORS.staticText },
    staticNumber: { numberFormat: "General", fontColor: COLORS.staticText },
  };
}

/**
 * Plans the Value Summary: one row per element whose annual value is the element's own formula
 * translated to Excel over the defined names, a column per year with its ramp, totals, cash
 * flow, the financial results (each behind a `CVM_*` name), value by stakeholder, and a chart.
 * Where variables have Low and High, scenarios (live) and the NPV's sensitivity (computed at
 * build, and labelled so); where elements have an Actual, realization (live). Every other
 * number on the sheet is a live formula.
 */
export function planSummary(model: ValueModel, results: Results, settingsSheetNote: string, built: string): SummaryPlan {
  const { settings } = model;
  const years = settings.years;
  const s = new SheetBuilder(styles(settings.currency));
  const n = model.elements.length;
  const lastElementRow = FIRST_ELEMENT_ROW + n - 1;
  const totalCol = COL.firstYear + years;
  const lastYearCol = COL.firstYear + years - 1;
  const yearCol = (y: number) => COL.firstYear + y - 1;
  const a = (row: number, column: number) => cellRef(row, column, true);
  const r = (row: number, column: number) => cellRef(row, column);
  const elementsRange = (column: number) => `${a(FIRST_ELEMENT_ROW, column)}:${a(lastElementRow, column)}`;

  s.put(0, 0, sheetTitleContent(SUMMARY_SHEET, settings), "title");
  s.text(1, 0, `Built ${built} by the Customer Value Model add-in. Every number is a live formula over the named inputs (${settingsSheetNote}) unless marked "at build"; rebuild after adding elements or changing Years or a Ramp.`, "note");

  // The element table.
  const headers = ["Element", "Id", "Stakeholder", "Category", "Confidence", "Annual value"];
  headers.forEach((h, c) => s.text(3, c, h, c === COL.annual ? "headerRight" : "header"));
  for (let y = 1; y <= years; y++) s.text(3, yearCol(y), `Year ${y}`, "headerRight");
  s.text(3, totalCol, `Total, ${years} year${years === 1 ? "" : "s"}`, "headerRight");

  const spelling = new Map<string, string>();
  for (const v of model.variables) spelling.set(v.name.toLowerCase(), v.name);
  for (const e of model.elements) if (e.id) spelling.set(e.id.toLowerCase(), e.id);
  const spell = (name: string) => spelling.get(name.toLowerCase()) ?? name;

  const names: NamePlan[] = [];
  const annualCells: string[] = [];
  model.elements.forEach((e, i) => {
    const row = FIRST_ELEMENT_ROW + i;
    s.text(row, COL.element, e.element, "text");
    s.text(row, COL.id, e.id ?? "", "text");
    s.text(row, COL.stakeholder, e.stakeholder.trim(), "text");
    s.text(row, COL.category, e.category, "text");
    s.text(row, COL.confidence, e.confidence, "text");
    s.formula(row, COL.annual, printFormula(e.expr, spell), "money");
    for (let y = 1; y <= years; y++) {
      const share = rampAt(e.ramp, y);
      const annual = `$${columnLetters(COL.annual)}${row + 1}`;
      s.formula(row, yearCol(y), share === 1 ? annual : `${annual}*${numberLiteral(share)}`, "money");
    }
    s.formula(row, totalCol, `SUM(${r(row, COL.firstYear)}:${r(row, lastYearCol)})`, "money");
    const cell = formatCell({ sheet: SUMMARY_SHEET, row, column: COL.annual }, true);
    annualCells.push(cell);
    if (e.id) names.push({ name: e.id, refersTo: `=${cell}` });
  });

  const totalRow = lastElementRow + 1;
  s.text(totalRow, COL.element, "Total", "labelTotal");
  for (let c = COL.id; c < COL.annual; c++) s.text(totalRow, c, "", "labelTotal");
  for (let c = COL.annual; c <= totalCol; c++) s.formula(totalRow, c, `SUM(${r(FIRST_ELEMENT_ROW, c)}:${r(lastElementRow, c)})`, "moneyTotal");

  // Price and settings, read live from CVM_Settings where the workbook gives them.
  const priceTitle = totalRow + 2;
  s.text(priceTitle, 0, "Price and settings", "section");
  const settingRows = { investment: priceTitle + 1, annualCost: priceTitle + 2, discountRate: priceTitle + 3, years: priceTitle + 4 };
  const settingLine = (key: "investment" | "annualCost" | "discountRate", label: string, style: string) => {
    const row = settingRows[key];
    s.text(row, 0, label, "label");
    const cell = settings.cells[key];
    if (cell) s.formula(row, 1, formatCell(cell, true), style);
    else s.number(row, 1, settings[key], style);
    s.text(row, 2, cell ? "from CVM_Settings" : "default (not set in CVM_Settings)", "note");
  };
  settingLine("investment", "Investment (one-time, at the start)", "money");
  settingLine("annualCost", "Annual cost (each year)", "money");
  settingLine("discountRate", "Discount rate", "percent");
  s.text(settingRows.years, 0, "Years", "label");
  s.number(settingRows.years, 1, years, "whole");
  s.text(settingRows.years, 2, "the horizon this sheet was built for", "note");
  const setting = (key: keyof typeof settingRows) => a(settingRows[key], 1);

  // Cash flow: year 0 sits in the annual-value column so that years line up with the table.
  const cashTitle = settingRows.years + 2;
  s.text(cashTitle, 0, "Cash flow", "section");
  const cashHeader = cashTitle + 1;
  const rows = { benefit: cashHeader + 1, price: cashHeader + 2, net: cashHeader + 3, cumulative: cashHeader + 4, crossing: cashHeader + 5 };
  const resultsTitle = rows.crossing + 2;
  const resultRow = Object.fromEntries(RESULT_ORDER.map((name, i) => [name, resultsTitle + 1 + i])) as Record<ResultName, number>;
  s.text(cashHeader, 0, "", "header");
  for (let c = 1; c < COL.annual; c++) s.text(cashHeader, c, "", "header");
  s.text(cashHeader, COL.annual, "Year 0", "headerRight");
  for (let y = 1; y <= years; y++) s.text(cashHeader, yearCol(y), `Year ${y}`, "headerRight");
  s.text(rows.benefit, 0, "Benefit", "label");
  s.text(rows.price, 0, "Price", "label");
  s.text(rows.net, 0, "Net cash flow", "label");
  s.text(rows.cumulative, 0, "Cumulative net cash flow", "label");
  s.text(rows.crossing, 0, "Payback point (months), where the cumulative turns non-negative", "note");
  const grid: SummaryGrid = {
    s,
    model,
    results,
    years,
    firstElementRow: FIRST_ELEMENT_ROW,
    lastElementRow,
    annualColumn: COL.annual,
    yearColumn: yearCol,
    setting: (key) => setting(key),
    result: (name) => a(resultRow[name], 1),
    annualCell: (index) => a(FIRST_ELEMENT_ROW + index, COL.annual),
  };
  const flow = cashFlowFormulas(grid, rows);
  s.number(rows.benefit, COL.annual, 0, "money");
  s.formula(rows.price, COL.annual, `-${setting("investment")}`, "money");
  s.formula(rows.net, COL.annual, `${r(rows.benefit, COL.annual)}+${r(rows.price, COL.annual)}`, "money");
  s.formula(rows.cumulative, COL.annual, flow.cumulative(0), "money");
  for (let y = 1; y <= years; y++) {
    const c = yearCol(y);
    s.formula(rows.benefit, c, r(totalRow, c), "money");
    s.formula(rows.price, c, `-${setting("annualCost")}`, "money");
    s.formula(rows.net, c, `${r(rows.benefit, c)}+${r(rows.price, c)}`, "money");
    s.formula(rows.cumulative, c, flow.cumulative(y), "money");
    s.formula(rows.crossing, c, flow.crossing(y), "helper");
  }

  // Results, each behind its defined name.
  s.text(resultsTitle, 0, "Results", "section");
  const res = (name: ResultName) => r(resultRow[name], 1);
  const lines: Record<ResultName, { label: string; formula: string; style: string; note: string }> = {
    CVM_TotalAnnualValue: { label: "Total annual value", formula: `SUM(${elementsRange(COL.annual)})`, style: "money", note: "at full realization, all elements" },
    CVM_Green: { label: "Green money", formula: `SUMIF(${elementsRange(COL.confidence)},"green",${elementsRange(COL.annual)})`, style: "money", note: "hard, documented value" },
    CVM_Gray: { label: "Gray money", formula: `SUMIF(${elementsRange(COL.confidence)},"gray",${elementsRange(COL.annual)})`, style: "money", note: "soft value" },
    CVM_TotalBenefit: { label: "Total benefit", formula: flow.total(rows.benefit), style: "money", note: `over ${years} year${years === 1 ? "" : "s"}, with ramps` },
    CVM_TotalCost: { label: "Total cost", formula: `${setting("investment")}+${setting("years")}*${setting("annualCost")}`, style: "money", note: "investment plus annual cost over the horizon" },
    CVM_NetValue: { label: "Net value", formula: `${res("CVM_TotalBenefit")}-${res("CVM_TotalCost")}`, style: "money", note: "benefit minus price" },
    CVM_NPV: { label: "Net present value", formula: flow.npv, style: "money", note: "year 0 undiscounted, then Excel's NPV" },
    CVM_ROI: { label: "Return on investment", formula: `IF(${res("CVM_TotalCost")}=0,NA(),${res("CVM_NetValue")}/${res("CVM_TotalCost")})`, style: "percent", note: "net value / total cost; #N/A when there is no cost" },
    CVM_PaybackMonths: { label: "Payback (months)", formula: flow.payback, style: "months", note: "#N/A when not paid back within the horizon" },
  };
  for (const name of RESULT_ORDER) {
    const line = lines[name];
    const row = resultRow[name];
    s.text(row, 0, line.label, "label");
    s.formula(row, 1, line.formula, line.style);
    s.text(row, 2, line.note, "note");
    names.push({ name, refersTo: `=${formatCell({ sheet: SUMMARY_SHEET, row, column: 1 }, true)}` });
  }

  // Value by stakeholder: exact, case-insensitive matches (SUMPRODUCT, not SUMIF, so that a
  // stakeholder's text is never read as a criterion with wildcards or operators).
  const stakeholderTitle = resultRow.CVM_PaybackMonths + 2;
  s.text(stakeholderTitle, 0, "Value by stakeholder", "section");
  s.text(stakeholderTitle + 1, 0, "Stakeholder", "header");
  s.text(stakeholderTitle + 1, 1, "Annual value", "headerRight");
  s.text(stakeholderTitle + 1, 2, "Share", "headerRight");
  results.byStakeholder.forEach((group, i) => {
    const row = stakeholderTitle + 2 + i;
    const match = group.stakeholder === "" ? `""` : r(row, 0);
    s.text(row, 0, group.stakeholder === "" ? "(no stakeholder named)" : group.stakeholder, "text");
    s.formula(row, 1, `SUMPRODUCT((${elementsRange(COL.stakeholder)}=${match})*${elementsRange(COL.annual)})`, "money");
    s.formula(row, 2, `IF(${a(resultRow.CVM_TotalAnnualValue, 1)}=0,0,${r(row, 1)}/${a(resultRow.CVM_TotalAnnualValue, 1)})`, "percent");
  });

  const valueChart: ChartPlan = {
    kind: "valueByElement",
    title: "Annual value by element",
    categories: `${r(FIRST_ELEMENT_ROW, COL.element)}:${r(lastElementRow, COL.element)}`,
    values: `${r(FIRST_ELEMENT_ROW, COL.annual)}:${r(lastElementRow, COL.annual)}`,
    seriesName: "Annual value",
    anchor: { row: resultsTitle, column: 3, columns: Math.max(6, years + 3), rows: 18 },
  };

  // The sections some models have start below both the stakeholders and the chart beside them.
  let next = Math.max(stakeholderTitle + 2 + results.byStakeholder.length, valueChart.anchor.row + valueChart.anchor.rows) + 1;
  const charts: ChartPlan[] = [valueChart];
  const scenarios = planScenarios(grid, next);
  if (scenarios) next = scenarios.nextRow + 2;
  const sensitivity = planSensitivity(grid, next, built);
  if (sensitivity) {
    charts.push(sensitivity.chart);
    next = sensitivity.nextRow + 2;
  }
  const realization = planRealization(grid, next);

  const widths = [{ column: 0, width: 38 }, { column: 1, width: 16 }, { column: 2, width: 22 }, { column: 3, width: 14 }, { column: 4, width: 12 }];
  for (let c = COL.annual; c <= totalCol; c++) widths.push({ column: c, width: 15 });

  const sheet: SheetPlan = {
    name: SUMMARY_SHEET,
    visibility: "visible",
    replaceColumns: { first: 0, last: MAX_COLUMNS - 1 },
    cells: s.cells,
    styles: s.styles,
    columnWidths: widths,
    freeze: { rows: FIRST_ELEMENT_ROW, columns: 1 },
    conditionalFormats: [
      { range: `${r(FIRST_ELEMENT_ROW, COL.confidence)}:${r(lastElementRow, COL.confidence)}`, expression: `${r(FIRST_ELEMENT_ROW, COL.confidence)}="green"`, style: { fill: COLORS.greenFill } },
      { range: `${r(FIRST_ELEMENT_ROW, COL.confidence)}:${r(lastElementRow, COL.confidence)}`, expression: `${r(FIRST_ELEMENT_ROW, COL.confidence)}="gray"`, style: { fill: COLORS.grayFill } },
    ],
    charts,
    activate: true,
  };
  const layout = { ...(scenarios ? { scenarios: scenarios.layout } : {}), ...(realization ? { realization: realization.layout } : {}) };
  return { sheet, names, annualCells, layout };
}
