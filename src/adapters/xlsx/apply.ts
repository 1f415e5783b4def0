import ExcelJS from "exceljs";
import type { CachedValue, CellStyle, SheetPlan, WorkbookPlan } from "../../core/plan/types";
import { definedNameXml } from "./package-parts";
import type { XlsxWorkbook } from "./read";

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

function font(style: CellStyle): Partial<ExcelJS.Font> | undefined {
  if (!style.bold && !style.italic && !style.fontColor && !style.fontSize) return undefined;
  return {
    ...(style.bold ? { bold: true } : {}),
    ...(style.italic ? { italic: true } : {}),
    ...(style.fontSize ? { size: style.fontSize } : {}),
    ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
  };
}

function applyStyle(cell: ExcelJS.Cell, style: CellStyle): void {
  if (style.numberFormat) cell.numFmt = style.numberFormat;
  const f = font(style);
  if (f) cell.font = f;
  if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
  if (style.horizontalAlignment || style.wrap) {
    cell.alignment = { ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}), ...(style.wrap ? { wrapText: true, vertical: "top" } : {}) };
  }
  if (style.borderTop || style.borderBottom) {
    cell.border = { ...(style.borderTop ? { top: { style: "thin" } } : {}), ...(style.borderBottom ? { bottom: { style: "thin" } } : {}) };
  }
}

/** The value stored beside a formula, for readers that do not recalculate (ExcelJS writes `t="str"`, `"b"` or `"e"` by its type). */
function cachedResult(value: CachedValue): ExcelJS.CellFormulaValue["result"] {
  return typeof value === "object" ? ({ error: value.error } as ExcelJS.CellErrorValue) : value;
}

/** Clears the columns a build owns, leaving the rest of the sheet (the history) as it is. */
function clearColumns(sheet: ExcelJS.Worksheet, first: number, last: number): void {
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column < first + 1 || column > last + 1) return;
      cell.value = null;
      cell.style = {};
    });
  });
  // ExcelJS keeps them in a list its typings do not declare.
  (sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings = [];
  sheet.views = [];
}

function applySheet(workbook: ExcelJS.Workbook, plan: SheetPlan): void {
  const sheet = workbook.getWorksheet(plan.name) ?? workbook.addWorksheet(plan.name);
  clearColumns(sheet, plan.replaceColumns.first, plan.replaceColumns.last);
  sheet.state = plan.visibility === "veryHidden" ? "veryHidden" : "visible";
  for (const planned of plan.cells) {
    const cell = sheet.getCell(planned.row + 1, planned.column + 1);
    const content = planned.content;
    // A string is stored as a shared string: ExcelJS never reads it as a formula, whatever it begins with.
    if (content.kind === "formula") cell.value = { formula: content.formula.replace(/^=/, ""), result: cachedResult(content.value) } as ExcelJS.CellFormulaValue;
    else cell.value = content.value;
    const style = planned.style === undefined ? undefined : plan.styles[planned.style];
    if (style) applyStyle(cell, style);
  }
  for (const { column, width } of plan.columnWidths) sheet.getColumn(column + 1).width = width;
  if (plan.freeze) sheet.views = [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }];
  plan.conditionalFormats.forEach((cf, i) => {
    sheet.addConditionalFormatting({
      ref: cf.range,
      rules: [
        {
          type: "expression",
          priority: i + 1,
          formulae: [cf.expression],
          style: {
            ...(cf.style.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.style.fill) } } } : {}),
            ...(cf.style.fontColor || cf.style.bold ? { font: { ...(cf.style.bold ? { bold: true } : {}), ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}) } } : {}),
          },
        },
      ],
    });
  });
}

/**
 * Applies a plan to a loaded workbook. Only the plan's sheets are touched; the caller has
 * already checked (in the core) that each of them is the add-in's own or new.
 */
export function applyPlanToXlsx(x: XlsxWorkbook, plan: WorkbookPlan): void {
  for (const sheet of plan.sheets) applySheet(x.workbook, sheet);
  const active = plan.sheets.findIndex((s) => s.activate);
  if (active >= 0) {
    const index = x.workbook.worksheets.findIndex((s) => s.name === plan.sheets[active]!.name);
    x.workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(index, 0), visibility: "visible" }];
  }
  // Every formula carries its value, for readers that do not calculate; Excel still recalculates on open.
  x.workbook.calcProperties = { ...x.workbook.calcProperties, fullCalcOnLoad: true };
}

/** The defined names the written file must hold: the user's, untouched, then the plan's. */
export function plannedNamesXml(x: XlsxWorkbook, plan: WorkbookPlan): string[] {
  const replaced = new Set([...plan.names.map((n) => n.name), ...plan.deleteNames].map((n) => n.toLowerCase()));
  const kept = x.names.filter((n) => n.localSheetId !== undefined || !replaced.has(n.name.toLowerCase())).map((n) => n.xml);
  return [...kept, ...plan.names.map((n) => definedNameXml(n.name, n.refersTo))];
}
