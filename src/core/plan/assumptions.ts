import { printFormula } from "../formula";
import { formatRamp } from "../model/ramp";
import { walkFormula } from "../formula/ast";
import type { ValueModel } from "../model/types";
import { formatCell } from "../workbook/address";
import { COLORS, DATE_TIME_FORMAT, excelSerialDate, GENERAL_NUMBER_FORMAT, SHEET_STYLES, sheetTitleContent } from "./formats";
import { SheetBuilder } from "./sheet-builder";
import type { ActualRecorded } from "./ownership";
import { HISTORY_COLUMN, HISTORY_LAST_COLUMN, HISTORY_WIDTHS, type HistoryPlan, writeHistory } from "./history";
import type { CellStyle, SheetPlan } from "./types";

export const ASSUMPTIONS_SHEET = "Assumptions Log";

/** Columns A..L are rebuilt each time; the history lives from column M on and is only added to. */
const LAST_REBUILT_COLUMN = 11;

const STYLES: Record<string, CellStyle> = {
  ...SHEET_STYLES,
  wrapped: { wrap: true },
  number: { numberFormat: GENERAL_NUMBER_FORMAT },
  date: { numberFormat: DATE_TIME_FORMAT, horizontalAlignment: "left" },
  formulaText: { fontColor: COLORS.title },
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
  annualCells: readonly string[],
  history: HistoryPlan,
  built: Date,
  builtText: string,
  actuals: readonly ActualRecorded[] = [],
): { sheet: SheetPlan; historyRows: number } {
  const recorded = new Map(actuals.map((a) => [a.item.toLowerCase(), a.recorded]));
  const s = new SheetBuilder(STYLES);
  s.put(0, 0, sheetTitleContent(ASSUMPTIONS_SHEET, model.settings), "title");
  s.text(1, 0, `Rebuilt ${builtText} from CVM_Variables, CVM_Elements and CVM_Settings. The change history (from column ${String.fromCharCode(65 + HISTORY_COLUMN)}) is kept across builds; an Actual's date is that of the first build that saw it.`, "note");

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

  let row = 3;
  s.text(row++, 0, "Customer variables", "section");
  ["Name", "Value", "Unit", "Source", "Notes", "Low", "High", "Used by"].forEach((h, c) => s.text(row, c, h, "header"));
  row++;
  for (const v of model.variables) {
    s.text(row, 0, v.name, "text");
    s.formula(row, 1, v.name, "number");
    s.text(row, 2, v.unit, "text");
    s.text(row, 3, v.source, "wrapped");
    s.text(row, 4, v.notes, "wrapped");
    if (v.range) {
      s.number(row, 5, v.range.low, "number");
      s.number(row, 6, v.range.high, "number");
    }
    s.text(row, 7, (usedBy.get(v.name.toLowerCase()) ?? []).join(", ") || "(not used by any element)", "wrapped");
    row++;
  }

  row++;
  s.text(row++, 0, "Value elements", "section");
  ["Element", "Id", "Formula", "As an Excel formula", "Stakeholder", "Category", "Confidence", "Ramp", "Assumptions", "Actual", "Actual first recorded", "Annual value"].forEach((h, c) => s.text(row, c, h, "header"));
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
    if (e.actual !== undefined) s.number(row, 9, e.actual, "number");
    const when = e.actual === undefined ? undefined : recorded.get((e.id ?? e.element).toLowerCase());
    if (when !== undefined) s.number(row, 10, when, "date");
    s.formula(row, 11, annualCells[i]!, "number");
    row++;
  });

  row++;
  s.text(row++, 0, "Settings", "section");
  ["Setting", "Value", "Where it comes from"].forEach((h, c) => s.text(row, c, h, "header"));
  row++;
  const st = model.settings;
  const settingRows: [string, string | number, "years" | "discountRate" | "investment" | "annualCost" | undefined][] = [
    ["Customer", st.customer, undefined],
    ["Offering", st.offering, undefined],
    ["Currency", st.currency, undefined],
    ["Years", st.years, "years"],
    ["DiscountRate", st.discountRate, "discountRate"],
    ["Investment", st.investment, "investment"],
    ["AnnualCost", st.annualCost, "annualCost"],
  ];
  for (const [label, value, key] of settingRows) {
    s.text(row, 0, label, "text");
    const cell = key ? st.cells[key] : undefined;
    if (cell) s.formula(row, 1, formatCell(cell, true), "number");
    else if (typeof value === "number") s.number(row, 1, value, "number");
    else s.text(row, 1, value, "text");
    s.text(row, 2, cell ? `CVM_Settings, ${formatCell(cell)}` : "CVM_Settings", "text");
    row++;
  }

  const historyRows = writeHistory(s, history, model, excelSerialDate(built));

  const widths = [28, 14, 34, 34, 20, 14, 12, 16, 40, 14, 17, 15].map((width, column) => ({ column, width }));
  HISTORY_WIDTHS.forEach((width, i) => widths.push({ column: HISTORY_COLUMN + i, width }));
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
    },
    historyRows,
  };
}
