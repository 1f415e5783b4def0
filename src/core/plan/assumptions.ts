import { printFormula } from "../formula";
import { formatRamp } from "../model/ramp";
import { type NumericSettingKey, SETTINGS, settingShown, settingStyle } from "../model/settings";
import { walkFormula } from "../formula/ast";
import type { ValueModel } from "../model/types";
import { formatCell } from "../workbook/address";
import {
  COLORS,
  DATE_FORMAT,
  DATE_TIME_FORMAT,
  excelSerialDate,
  GENERAL_NUMBER_FORMAT,
  moneyFormat,
  PERCENT_FORMAT,
  SHEET_STYLES,
  sheetTitle,
  sheetTitleContent,
  WHOLE_NUMBER_FORMAT,
} from "./formats";
import { headerText, PAGE_X_OF_Y, planPage } from "./page";
import { pointsByRow, rowHeightsFor } from "./row-heights";
import { SheetBuilder } from "./sheet-builder";
import type { ActualRecorded } from "./ownership";
import { HISTORY_COLUMN, HISTORY_LAST_COLUMN, HISTORY_WIDTHS, type HistoryPlan, writeHistory } from "./history";
import type { CellStyle, SheetPlan } from "./types";

export const ASSUMPTIONS_SHEET = "Assumptions Log";

/** Columns A..L are rebuilt each time; the history lives from column M on and is only added to. */
const LAST_REBUILT_COLUMN = 11;

/** The tables' cells sit at the top, level with the first line of the wrapped text beside them. */
const STYLES: Record<string, CellStyle> = {
  ...SHEET_STYLES,
  text: { alignTop: true },
  wrapped: { wrap: true },
  number: { numberFormat: GENERAL_NUMBER_FORMAT, alignTop: true },
  date: { numberFormat: DATE_TIME_FORMAT, horizontalAlignment: "left", alignTop: true },
  day: { numberFormat: DATE_FORMAT, horizontalAlignment: "left", alignTop: true },
  formulaText: { fontColor: COLORS.title, wrap: true },
  // Text right after a right-aligned figure: indented, so the two do not read as one.
  headerIndented: { ...SHEET_STYLES.header, indent: 1 },
  wrappedIndented: { wrap: true, indent: 1 },
};

export { HISTORY_FIRST_ROW } from "./history";

/**
 * Plans the Assumptions Log: every variable (value as a live formula over its name, unit,
 * source, notes, and the elements that use it), every element (its formula as text, exactly as
 * written, and as Excel runs it), the settings, and a dated history that later builds only
 * append to. Workbook text goes in as text, never as a formula.
 */
export function planAssumptions(
  model: ValueModel,
  annualCells: readonly { readonly cell: string; readonly value: number }[],
  history: HistoryPlan,
  built: Date,
  builtText: string,
  actuals: readonly ActualRecorded[] = [],
): { sheet: SheetPlan; historyRows: number } {
  const recorded = new Map(actuals.map((a) => [a.item.toLowerCase(), a.recorded]));
  // Money and shares read as they do on the Value Summary.
  const s = new SheetBuilder({
    ...STYLES,
    money: { numberFormat: moneyFormat(model.settings.currency), alignTop: true },
    percent: { numberFormat: PERCENT_FORMAT, alignTop: true },
    whole: { numberFormat: WHOLE_NUMBER_FORMAT, alignTop: true },
  });
  s.put(0, 0, sheetTitleContent(ASSUMPTIONS_SHEET, model.settings), "title");
  s.text(
    1,
    0,
    `Rebuilt ${builtText} from CVM_Variables, CVM_Elements${model.actuals ? ", CVM_Settings and CVM_Actuals" : " and CVM_Settings"}. The change history (from column ${String.fromCharCode(65 + HISTORY_COLUMN)}) is kept across builds; an Actual's date is that of the first build that saw it.`,
    "note",
  );

  const variablesEnd = planVariables(s, model, 3);
  const elementsStart = variablesEnd + 2;
  const elementsEnd = planElements(s, model, elementsStart, annualCells, recorded);
  const settingsStart = elementsEnd + 2;
  const settingsEnd = planSettings(s, model, settingsStart);
  // Only a model with results measured by year has this table: every other log is as before.
  const actualsStart = model.actuals ? settingsEnd + 2 : undefined;
  const lastRow = actualsStart === undefined ? settingsEnd : planActualsByYear(s, model, actualsStart);

  const historyRows = writeHistory(s, history, model, excelSerialDate(built));

  // Wide enough that a variable's row takes two or three lines at most, narrow enough to print legibly on one page wide.
  const widths = [24, 13, 24, 30, 24, 11, 11, 26, 34, 12, 16, 13].map((width, column) => ({ column, width }));
  HISTORY_WIDTHS.forEach((width, i) => widths.push({ column: HISTORY_COLUMN + i, width }));
  const rowHeights = rowHeightsFor(s.cells, s.styles, widths);
  return {
    sheet: {
      name: ASSUMPTIONS_SHEET,
      visibility: "visible",
      // Another customer's entries are removed by writing the history again, without them.
      replaceColumns: { first: 0, last: history.rewrite ? HISTORY_LAST_COLUMN : LAST_REBUILT_COLUMN },
      cells: s.cells,
      styles: s.styles,
      columnWidths: widths,
      freeze: { rows: 1, columns: 0 },
      conditionalFormats: [],
      charts: [],
      rowHeights,
      // The assumptions print (A to L); the change history beside them is an audit trail read on screen.
      page: planPage({
        columnWidths: widths,
        lastRow,
        lastColumn: LAST_REBUILT_COLUMN,
        rowPoints: pointsByRow(rowHeights),
        blocks: [
          { first: 3, last: variablesEnd },
          { first: elementsStart, last: elementsEnd },
          { first: settingsStart, last: settingsEnd },
          ...(actualsStart === undefined ? [] : [{ first: actualsStart, last: lastRow }]),
        ],
        repeatable: { first: 4, last: 4, tableLast: variablesEnd },
        header: {
          left: headerText(sheetTitle(ASSUMPTIONS_SHEET, model.settings)),
          center: "",
          right: headerText(`Built ${builtText.slice(0, 10)}`),
        },
        footer: { left: headerText(ASSUMPTIONS_SHEET), center: PAGE_X_OF_Y, right: "" },
      }),
    },
    historyRows,
  };
}

/** Each name's elements: the elements whose formula uses it, by the name in lower case. */
function usedByElements(model: ValueModel): Map<string, string[]> {
  const usedBy = new Map<string, string[]>();
  for (const e of model.elements) {
    const seen = new Set<string>();
    walkFormula(e.expr, (node) => {
      if (node.type !== "name") return;
      const key = node.name.toLowerCase();
      if (seen.has(key)) return;
      seen.add(key);
      usedBy.set(key, [...(usedBy.get(key) ?? []), e.element]);
    });
  }
  return usedBy;
}

/** The customer variables from row `start`: each value a live formula over its name, in its own number format. Returns the last row. */
function planVariables(s: SheetBuilder, model: ValueModel, start: number): number {
  const usedBy = usedByElements(model);
  let row = start;
  s.text(row++, 0, "Customer variables", "section");
  ["Name", "Value", "Unit", "Source", "Notes", "Low", "High", "Used by"].forEach((h, c) => s.text(row, c, h, "header"));
  row++;
  for (const v of model.variables) {
    s.text(row, 0, v.name, "text");
    const style = s.withFormat("number", v.numberFormat);
    s.formula(row, 1, v.name, style, v.value);
    s.text(row, 2, v.unit, "text");
    s.text(row, 3, v.source, "wrapped");
    s.text(row, 4, v.notes, "wrapped");
    if (v.range) {
      s.number(row, 5, v.range.low, style);
      s.number(row, 6, v.range.high, style);
    }
    s.text(row, 7, (usedBy.get(v.name.toLowerCase()) ?? []).join(", ") || "(not used by any element)", "wrapped");
    row++;
  }
  return row - 1;
}

/** The value elements from row `start`: each formula as written and as Excel runs it, as text. Returns the last row. */
function planElements(
  s: SheetBuilder,
  model: ValueModel,
  start: number,
  annualCells: readonly { readonly cell: string; readonly value: number }[],
  recorded: ReadonlyMap<string, number | undefined>,
): number {
  let row = start;
  s.text(row++, 0, "Value elements", "section");
  [
    "Element",
    "Id",
    "Formula",
    "As an Excel formula",
    "Stakeholder",
    "Category",
    "Confidence",
    "Ramp",
    "Assumptions",
    "Actual",
    "Actual first recorded",
    "Annual value",
  ].forEach((h, c) => s.text(row, c, h, "header"));
  row++;
  model.elements.forEach((e, i) => {
    s.text(row, 0, e.element, "text");
    s.text(row, 1, e.id ?? "", "text");
    s.text(row, 2, e.formulaText, "formulaText");
    s.text(row, 3, `=${printFormula(e.expr)}`, "formulaText");
    s.text(row, 4, e.stakeholder, "text");
    s.text(row, 5, e.category, "text");
    s.text(row, 6, e.confidence, "text");
    s.text(row, 7, formatRamp(e.ramp), "text");
    s.text(row, 8, e.assumptions, "wrapped");
    if (e.actual !== undefined) s.number(row, 9, e.actual, "money");
    const when = e.actual === undefined ? undefined : recorded.get((e.id ?? e.element).toLowerCase());
    if (when !== undefined) s.number(row, 10, when, "date");
    s.formula(row, 11, annualCells[i]!.cell, "money", annualCells[i]!.value);
    row++;
  });

  return row - 1;
}

/** The results measured by year (CVM_Actuals) from row `start`, in the range's order: what, when and on whose evidence. Returns the last row. */
function planActualsByYear(s: SheetBuilder, model: ValueModel, start: number): number {
  let row = start;
  s.text(row++, 0, "Actual results by year", "section");
  ["Element", "Id", "Year", "Actual", "Source", "Date"].forEach((h, c) => s.text(row, c, h, h === "Source" ? "headerIndented" : "header"));
  row++;
  for (const measured of model.actuals ?? []) {
    const e = model.elements[measured.element]!;
    s.text(row, 0, e.element, "text");
    s.text(row, 1, e.id ?? "", "text");
    s.number(row, 2, measured.year, "whole");
    s.number(row, 3, measured.actual, "money");
    s.text(row, 4, measured.source, "wrappedIndented");
    if (measured.date !== undefined) s.number(row, 5, measured.date, "day");
    row++;
  }
  return row - 1;
}

/** The settings from row `start`: numbers live over their cell in CVM_Settings, text as read. Returns the last row. */
function planSettings(s: SheetBuilder, model: ValueModel, start: number): number {
  let row = start;
  s.text(row++, 0, "Settings", "section");
  ["Setting", "Value", "Where it comes from"].forEach((h, c) => s.text(row, c, h, "header"));
  row++;
  const st = model.settings;
  for (const { key, label, kind } of SETTINGS.filter((d) => settingShown(d, st))) {
    const value = st[key];
    s.text(row, 0, label, "text");
    // Numbers refer to their cell live; text is written as read.
    const style = settingStyle(kind);
    const cell = style ? st.cells[key as NumericSettingKey] : undefined;
    if (cell) s.formula(row, 1, formatCell(cell, true), style!, value);
    else if (typeof value === "number") s.number(row, 1, value, style ?? "number");
    else s.text(row, 1, value, "wrapped");
    s.text(row, 2, cell ? `CVM_Settings, ${formatCell(cell)}` : "CVM_Settings", "text");
    row++;
  }
  return row - 1;
}
