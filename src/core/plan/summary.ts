import { numberLiteral, printFormula } from "../formula";
import type { Results } from "../model/compute";
import type { ResultName } from "../model/names";
import { rampAt, type ValueModel } from "../model/types";
import { cellRef, columnLetters, formatCell, MAX_COLUMNS } from "../workbook/address";
import { cashFlowValues, inExcel, orNotAvailable } from "./cached";
import { COLORS, CONFIDENCE_LABEL, MONTHS_FORMAT, moneyFormat, PERCENT_FORMAT, SHEET_STYLES, summaryTitle, summaryTitleContent, WHOLE_NUMBER_FORMAT } from "./formats";
import { headerText, PAGE_X_OF_Y, planPage } from "./page";
import { pointsByRow, rowHeightsFor } from "./row-heights";
import { SheetBuilder } from "./sheet-builder";
import { cashFlowFormulas, type SummaryGrid } from "./summary-grid";
import { planRealization, type RealizationLayout } from "./summary-realization";
import { planScenarios, type ScenarioLayout } from "./summary-scenarios";
import { planSensitivity } from "./summary-sensitivity";
import { wrapWords } from "./text-lines";
import type { CellStyle, ChartPlan, NamePlan, SheetPlan } from "./types";

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
    subtitle: { fontColor: COLORS.note },
    headerRight: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, horizontalAlignment: "right", wrap: true },
    headerCenter: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, horizontalAlignment: "center", wrap: true },
    // Set apart from the money right-aligned beside it.
    centered: { horizontalAlignment: "center" },
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
  const { settings } = model;
  const years = settings.years;
  const s = new SheetBuilder(styles(settings.currency));
  const n = model.elements.length;
  const totalCol = COL.firstYear + years;
  const categoryCol = totalCol + 1;
  const idCol = totalCol + 2;
  const lastYearCol = COL.firstYear + years - 1;
  const yearCol = (y: number) => COL.firstYear + y - 1;
  const a = (row: number, column: number) => cellRef(row, column, true);
  const r = (row: number, column: number) => cellRef(row, column);
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const blocks: { first: number; last: number }[] = [];
  const note = (row: number, text: string, width = NOTE_WIDTH, column = 0): number => {
    for (const line of wrapWords(text, width)) s.text(row++, column, line, "note");
    return row;
  };

  // Rows are laid out top to bottom, but later sections' rows are needed by earlier formulas
  // (the key figures sum the cash flow below), so every row is placed before any cell is written.
  const title = 0;
  const figuresTitle = 3;
  const figureRow = Object.fromEntries(RESULT_ORDER.map((name, i) => [name, figuresTitle + 1 + i])) as Record<ResultName, number>;
  const meaningFirst = figureRow.CVM_PaybackMonths + 1;
  const meaning =
    "Annual value: what the customer gains each year once every element is in full effect. Benefit and cost: totals over the horizon, each element ramping up as shown by year below. Net present value: each year's net cash flow discounted at the discount rate. Payback: when the cumulative net cash flow turns positive.";
  const meaningLines = wrapWords(meaning, NOTE_WIDTH);
  const chartRows = Math.max(15, meaningFirst + meaningLines.length - figuresTitle);
  const stakeholderTitle = Math.max(meaningFirst + meaningLines.length, figuresTitle + chartRows) + 1;
  const stakeholderHeader = stakeholderTitle + 1;
  const groups = results.byStakeholder.map((group) => ({
    group,
    members: results.elements.flatMap((e, index) => (e.element.stakeholder.trim().toLowerCase() === group.stakeholder.toLowerCase() ? [index] : [])),
  }));
  const stakeholderRows = groups.reduce((count, g) => count + 1 + g.members.length, 0);
  const elementsTitle = stakeholderHeader + stakeholderRows + 2;
  const elementsNote = elementsTitle + 1;
  const elementsHeader = elementsNote + 1;
  const firstElementRow = elementsHeader + 1;
  const lastElementRow = firstElementRow + n - 1;
  const totalRow = lastElementRow + 1;
  const priceTitle = totalRow + 2;
  const settingRows = { investment: priceTitle + 1, annualCost: priceTitle + 2, discountRate: priceTitle + 3, years: priceTitle + 4 };
  const cashTitle = settingRows.years + 2;
  const cashHeader = cashTitle + 1;
  const rows = { benefit: cashHeader + 1, price: cashHeader + 2, net: cashHeader + 3, cumulative: cashHeader + 4, crossing: cashHeader + 5 };

  const elementsRange = (column: number) => `${a(firstElementRow, column)}:${a(lastElementRow, column)}`;
  const setting = (key: keyof typeof settingRows) => a(settingRows[key], 1);
  const grid: SummaryGrid = {
    s,
    model,
    results,
    years,
    firstElementRow,
    lastElementRow,
    annualColumn: COL.annual,
    yearColumn: yearCol,
    setting: (key) => setting(key),
    result: (name) => a(figureRow[name], FIGURE.value),
    annualCell: (index) => a(firstElementRow + index, COL.annual),
  };

  // Title: a live formula over the Customer and Offering settings, so that it names the
  // customer the numbers are for even after a switch of customer without a rebuild.
  const heading = summaryTitle(settings);
  s.put(title, 0, summaryTitleContent(settings), "title");
  s.text(title + 1, 0, `Business case, ${built.slice(0, 10)}. Amounts in ${settings.currency}, over ${plural(years, "year")}.`, "subtitle");

  // Key figures, each behind its defined name.
  s.text(figuresTitle, 0, "Key figures", "section");
  const flow = cashFlowFormulas(grid, rows);
  const t = results.totals;
  const res = (name: ResultName) => r(figureRow[name], FIGURE.value);
  const yearsText = plural(years, "year");
  const figures: Record<ResultName, { label: string; formula: string; style: string; note: string; value: number | undefined }> = {
    CVM_TotalAnnualValue: { label: "Annual value, in full effect", formula: `SUM(${elementsRange(COL.annual)})`, style: "figure", note: "every element, each year", value: t.TotalAnnualValue },
    CVM_Green: { label: "  of which documented (green)", formula: `SUMIF(${elementsRange(COL.confidence)},"${CONFIDENCE_LABEL.green}",${elementsRange(COL.annual)})`, style: "money", note: "hard money, from records", value: t.Green },
    CVM_Gray: { label: "  of which estimated (gray)", formula: `SUMIF(${elementsRange(COL.confidence)},"${CONFIDENCE_LABEL.gray}",${elementsRange(COL.annual)})`, style: "money", note: "soft money, from estimates", value: t.Gray },
    CVM_TotalBenefit: { label: `Total benefit, ${yearsText}`, formula: flow.total(rows.benefit), style: "figure", note: "with each element's ramp-up", value: t.TotalBenefit },
    CVM_TotalCost: { label: `Total cost, ${yearsText}`, formula: `${setting("investment")}+${setting("years")}*${setting("annualCost")}`, style: "figure", note: "investment and annual cost", value: t.TotalCost },
    CVM_NetValue: { label: "Net value", formula: `${res("CVM_TotalBenefit")}-${res("CVM_TotalCost")}`, style: "figure", note: "benefit minus cost", value: t.NetValue },
    CVM_NPV: { label: "Net present value", formula: flow.npv, style: "figure", note: "discounted at the rate below", value: t.NPV },
    CVM_ROI: { label: "Return on investment", formula: `IF(${res("CVM_TotalCost")}=0,NA(),${res("CVM_NetValue")}/${res("CVM_TotalCost")})`, style: "figurePercent", note: "net value / total cost", value: t.ROI },
    CVM_PaybackMonths: { label: "Payback, months", formula: flow.payback, style: "figureMonths", note: "months to recover the cost", value: t.PaybackMonths },
  };
  const names: NamePlan[] = [];
  for (const name of RESULT_ORDER) {
    const figure = figures[name];
    const row = figureRow[name];
    s.text(row, FIGURE.label, figure.label, figure.style === "money" ? "text" : "label");
    s.formula(row, FIGURE.value, figure.formula, figure.style, orNotAvailable(figure.value));
    s.text(row, FIGURE.note, figure.note, "note");
    names.push({ name, refersTo: `=${formatCell({ sheet: SUMMARY_SHEET, row, column: FIGURE.value }, true)}` });
  }
  meaningLines.forEach((line, i) => s.text(meaningFirst + i, 0, line, "note"));
  blocks.push({ first: title, last: figuresTitle + chartRows - 1 });

  const valueChart: ChartPlan = {
    kind: "valueByElement",
    title: "Annual value by element",
    categories: `${r(firstElementRow, COL.element)}:${r(lastElementRow, COL.element)}`,
    values: `${r(firstElementRow, COL.annual)}:${r(lastElementRow, COL.annual)}`,
    seriesName: "Annual value",
    // Beside the key figures, from the column after their notes: never over text.
    anchor: { row: figuresTitle, column: COL.annual + 1, columns: Math.max(4, totalCol - COL.annual), rows: chartRows },
  };

  // Value by stakeholder: each stakeholder's total, then its elements, each a live reference
  // to the element's annual value; the total is the sum of the lines below it.
  s.text(stakeholderTitle, 0, "Value by stakeholder", "section");
  s.text(stakeholderHeader, 0, "Stakeholder and element", "header");
  s.text(stakeholderHeader, 1, "Annual value", "headerRight");
  s.text(stakeholderHeader, 2, "Share", "headerRight");
  let row = stakeholderHeader + 1;
  const totalCell = a(figureRow.CVM_TotalAnnualValue, FIGURE.value);
  const share = (value: number) => (t.TotalAnnualValue === 0 ? 0 : value / t.TotalAnnualValue);
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
      s.formula(memberRow, 1, a(firstElementRow + index, COL.annual), "money", memberValues[k]!);
    });
    row = groupRow + 1 + members.length;
  }
  blocks.push({ first: stakeholderTitle, last: row - 1 });

  // The elements, by year.
  s.text(elementsTitle, 0, "Value elements by year", "section");
  note(elementsNote, "Each year's value is the annual value times the element's ramp-up share for that year.", WIDE_NOTE_WIDTH);
  const headers = ["Element", "Stakeholder", "Confidence", "Annual value"];
  headers.forEach((h, c) => s.text(elementsHeader, c, h, c === COL.annual ? "headerRight" : "header"));
  for (let y = 1; y <= years; y++) s.text(elementsHeader, yearCol(y), `Year ${y}`, "headerRight");
  s.text(elementsHeader, totalCol, `Total, ${yearsText}`, "headerRight");
  s.text(elementsHeader, categoryCol, "Category", "headerCenter");
  s.text(elementsHeader, idCol, "Id", "headerCenter");

  const spelling = new Map<string, string>();
  for (const v of model.variables) spelling.set(v.name.toLowerCase(), v.name);
  for (const e of model.elements) if (e.id) spelling.set(e.id.toLowerCase(), e.id);
  const spell = (name: string) => spelling.get(name.toLowerCase()) ?? name;

  const annualCells: string[] = [];
  model.elements.forEach((e, i) => {
    const row = firstElementRow + i;
    const computed = results.elements[i]!;
    s.text(row, COL.element, e.element, "text");
    s.text(row, COL.stakeholder, e.stakeholder.trim(), "text");
    s.text(row, COL.confidence, CONFIDENCE_LABEL[e.confidence], "text");
    s.formula(row, COL.annual, printFormula(e.expr, spell), "money", computed.annualValue);
    let rowTotal = 0;
    for (let y = 1; y <= years; y++) {
      const shareOfYear = rampAt(e.ramp, y);
      const annual = `$${columnLetters(COL.annual)}${row + 1}`;
      s.formula(row, yearCol(y), shareOfYear === 1 ? annual : `${annual}*${numberLiteral(shareOfYear)}`, "money", computed.byYear[y - 1]!);
      rowTotal += computed.byYear[y - 1]!;
    }
    s.formula(row, totalCol, `SUM(${r(row, COL.firstYear)}:${r(row, lastYearCol)})`, "money", inExcel(rowTotal));
    s.text(row, categoryCol, e.category, "centered");
    s.text(row, idCol, e.id ?? "", "centered");
    const cell = formatCell({ sheet: SUMMARY_SHEET, row, column: COL.annual }, true);
    annualCells.push(cell);
    if (e.id) names.push({ name: e.id, refersTo: `=${cell}` });
  });
  s.text(totalRow, COL.element, "Total", "labelTotal");
  for (let c = COL.stakeholder; c < COL.annual; c++) s.text(totalRow, c, "", "labelTotal");
  s.formula(totalRow, COL.annual, `SUM(${r(firstElementRow, COL.annual)}:${r(lastElementRow, COL.annual)})`, "moneyTotal", t.TotalAnnualValue);
  for (let y = 1; y <= years; y++) {
    const c = yearCol(y);
    s.formula(totalRow, c, `SUM(${r(firstElementRow, c)}:${r(lastElementRow, c)})`, "moneyTotal", results.benefitByYear[y - 1]!);
  }
  s.formula(totalRow, totalCol, `SUM(${r(firstElementRow, totalCol)}:${r(lastElementRow, totalCol)})`, "moneyTotal", t.TotalBenefit);
  blocks.push({ first: elementsTitle, last: totalRow });

  // Price and terms, read live from CVM_Settings where the workbook gives them.
  s.text(priceTitle, 0, "Price and terms", "section");
  const settingLine = (key: "investment" | "annualCost" | "discountRate", label: string, style: string, meaningText: string) => {
    const row = settingRows[key];
    s.text(row, 0, label, "label");
    const cell = settings.cells[key];
    if (cell) s.formula(row, 1, formatCell(cell, true), style, settings[key]);
    else s.number(row, 1, settings[key], style);
    s.text(row, 2, meaningText, "note");
  };
  settingLine("investment", "Investment", "money", "one-time, at the start");
  settingLine("annualCost", "Annual cost", "money", "each year of the horizon");
  settingLine("discountRate", "Discount rate", "percent", "a year, for the net present value");
  s.text(settingRows.years, 0, "Years", "label");
  s.number(settingRows.years, 1, years, "whole");
  s.text(settingRows.years, 2, "the horizon of this business case", "note");

  // Cash flow: year 0 sits in the annual-value column so that years line up with the table.
  s.text(cashTitle, 0, "Cash flow", "section");
  s.text(cashHeader, 0, "", "header");
  for (let c = 1; c < COL.annual; c++) s.text(cashHeader, c, "", "header");
  s.text(cashHeader, COL.annual, "Year 0", "headerRight");
  for (let y = 1; y <= years; y++) s.text(cashHeader, yearCol(y), `Year ${y}`, "headerRight");
  s.text(rows.benefit, 0, "Benefit", "label");
  s.text(rows.price, 0, "Price", "label");
  s.text(rows.net, 0, "Net cash flow", "label");
  s.text(rows.cumulative, 0, "Cumulative net cash flow", "label");
  s.text(rows.crossing, 0, "Payback point (months)", "note");
  const values = cashFlowValues(results.benefitByYear, settings.investment, settings.annualCost, settings.discountRate);
  s.number(rows.benefit, COL.annual, 0, "money");
  s.formula(rows.price, COL.annual, `-${setting("investment")}`, "money", -settings.investment);
  s.formula(rows.net, COL.annual, `${r(rows.benefit, COL.annual)}+${r(rows.price, COL.annual)}`, "money", values.net[0]!);
  s.formula(rows.cumulative, COL.annual, flow.cumulative(0), "money", values.cumulative[0]!);
  for (let y = 1; y <= years; y++) {
    const c = yearCol(y);
    s.formula(rows.benefit, c, r(totalRow, c), "money", results.benefitByYear[y - 1]!);
    s.formula(rows.price, c, `-${setting("annualCost")}`, "money", -settings.annualCost);
    s.formula(rows.net, c, `${r(rows.benefit, c)}+${r(rows.price, c)}`, "money", values.net[y]!);
    s.formula(rows.cumulative, c, flow.cumulative(y), "money", values.cumulative[y]!);
    s.formula(rows.crossing, c, flow.crossing(y), "helper", values.crossing[y - 1]!);
  }
  blocks.push({ first: priceTitle, last: rows.crossing });

  // The sections some models have, each starting on a row of its own below the cash flow.
  let next = rows.crossing + 2;
  const charts: ChartPlan[] = [valueChart];
  const scenarios = planScenarios(grid, next);
  if (scenarios) {
    blocks.push(...scenarios.blocks);
    next = scenarios.nextRow + 2;
  }
  // The tornado from column G to the printed edge (at least five columns wide); its numbers past both the ids and the chart.
  const tornadoColumns = Math.max(5, categoryCol - 5);
  const sensitivity = planSensitivity(grid, next, built, { chartColumn: 6, chartColumns: tornadoColumns, dataColumn: Math.max(idCol + 1, 6 + tornadoColumns) });
  if (sensitivity) {
    charts.push(sensitivity.chart);
    blocks.push(...sensitivity.blocks);
    next = sensitivity.nextRow + 2;
  }
  const realization = planRealization(grid, next);
  if (realization) {
    blocks.push({ first: next, last: realization.nextRow });
    next = realization.nextRow + 2;
  }

  // How the sheet was made: for the model's author and the auditor, last.
  const aboutTitle = next;
  s.text(aboutTitle, 0, "About this workbook", "section");
  let aboutRow = aboutTitle + 1;
  for (const paragraph of [
    `Built ${built} by the Customer Value Model add-in from the workbook's named ranges CVM_Variables, CVM_Elements and CVM_Settings. A setting the workbook does not give takes its default.`,
    `Every number on this sheet is a live Excel formula over those inputs, except the sensitivity table, which is computed at build. Change an input and the sheet recalculates; build again after adding elements or changing Years or a ramp-up.`,
    `Green money is hard value, documented in the customer's own records; gray money is soft value, estimated. Return on investment and payback show #N/A when there is no price or no payback within the horizon.`,
    ...(sensitivity ? ["Where the add-in is installed, =CVM.SENSITIVITY(CVM_Elements,CVM_Variables,CVM_Settings) gives the sensitivity table live."] : []),
  ]) {
    aboutRow = note(aboutRow, paragraph, WIDE_NOTE_WIDTH);
  }
  blocks.push({ first: aboutTitle, last: aboutRow - 1 });

  const widths: { column: number; width: number }[] = [
    { column: COL.element, width: 34 },
    { column: COL.stakeholder, width: 20 },
    { column: COL.confidence, width: 19 },
    { column: COL.annual, width: 14 },
  ];
  for (let y = 1; y <= years; y++) widths.push({ column: yearCol(y), width: 13 });
  widths.push({ column: totalCol, width: 14 }, { column: categoryCol, width: 12 }, { column: idCol, width: 16 });

  const lastRow = Math.max(aboutRow - 1, ...s.cells.map((c) => c.row), ...charts.map((c) => c.anchor.row + c.anchor.rows - 1));
  const lastColumn = Math.max(categoryCol, ...charts.map((c) => c.anchor.column + c.anchor.columns - 1));
  const rowHeights = rowHeightsFor(s.cells, s.styles, widths);
  const rowPoints = pointsByRow(rowHeights);
  const sheet: SheetPlan = {
    name: SUMMARY_SHEET,
    visibility: "visible",
    replaceColumns: { first: 0, last: MAX_COLUMNS - 1 },
    cells: s.cells,
    styles: s.styles,
    columnWidths: widths,
    // Only the title stays in view: it belongs to every section that scrolls under it.
    freeze: { rows: 2, columns: 0 },
    conditionalFormats: [
      { range: `${r(firstElementRow, COL.confidence)}:${r(lastElementRow, COL.confidence)}`, expression: `${r(firstElementRow, COL.confidence)}="${CONFIDENCE_LABEL.green}"`, style: { fill: COLORS.greenFill } },
      { range: `${r(firstElementRow, COL.confidence)}:${r(lastElementRow, COL.confidence)}`, expression: `${r(firstElementRow, COL.confidence)}="${CONFIDENCE_LABEL.gray}"`, style: { fill: COLORS.grayFill } },
    ],
    charts,
    activate: true,
    rowHeights,
    page: planPage({
      columnWidths: widths,
      lastRow,
      lastColumn,
      rowPoints,
      blocks,
      repeatable: { first: elementsHeader, last: elementsHeader, tableLast: totalRow },
      header: { left: headerText(heading), center: "", right: headerText(`Business case, ${built.slice(0, 10)}`) },
      footer: { left: headerText(SUMMARY_SHEET), center: PAGE_X_OF_Y, right: "" },
    }),
  };
  const layout = { ...(scenarios ? { scenarios: scenarios.layout } : {}), ...(realization ? { realization: realization.layout } : {}) };
  return { sheet, names, annualCells, layout };
}
