import ExcelJS from "exceljs";
import type { CachedValue, CellStyle, HeaderFooter, PagePlan, SheetPlan, WorkbookPlan } from "../../core/plan/types";
import { cellRef, quoteSheet } from "../../core/workbook/address";
import { definedNameXml, encodeXml } from "./package-parts";
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
  if (style.horizontalAlignment || style.indent || style.wrap || style.alignTop) {
    cell.alignment = {
      ...(style.horizontalAlignment ? { horizontal: style.horizontalAlignment } : {}),
      // An indent needs an alignment that honours it: left, unless the style says otherwise.
      ...(style.indent ? { horizontal: style.horizontalAlignment ?? "left", indent: style.indent } : {}),
      ...(style.wrap ? { wrapText: true } : {}),
      ...(style.wrap || style.alignTop ? { vertical: "top" } : {}),
    };
  }
  if (style.borderTop || style.borderBottom) {
    cell.border = { ...(style.borderTop ? { top: { style: "thin" } } : {}), ...(style.borderBottom ? { bottom: { style: "thin" } } : {}) };
  }
}

/** The value stored beside a formula, for readers that do not recalculate (ExcelJS writes `t="str"`, `"b"` or `"e"` by its type). */
export function cachedResult(value: CachedValue): ExcelJS.CellFormulaValue["result"] {
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
    if (content.kind === "formula")
      cell.value = { formula: content.formula.replace(/^=/, ""), result: cachedResult(content.value) } as ExcelJS.CellFormulaValue;
    else cell.value = content.value;
    const style = planned.style === undefined ? undefined : plan.styles[planned.style];
    if (style) applyStyle(cell, style);
  }
  for (const { column, width } of plan.columnWidths) sheet.getColumn(column + 1).width = width;
  for (const run of plan.rowHeights ?? []) for (let row = run.first; row <= run.last; row++) sheet.getRow(row + 1).height = run.points;
  if (plan.freeze) sheet.views = [{ state: "frozen", xSplit: plan.freeze.columns, ySplit: plan.freeze.rows }];
  if (plan.page) applyPage(sheet, plan.page);
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
            ...(cf.style.fontColor || cf.style.bold
              ? {
                  font: {
                    ...(cf.style.bold ? { bold: true } : {}),
                    ...(cf.style.fontColor ? { color: { argb: argb(cf.style.fontColor) } } : {}),
                  },
                }
              : {}),
          },
        },
      ],
    });
  });
}

/** Excel's last column index, as Excel writes it in a row break's extent. */
const LAST_COLUMN = 16_383;

/** `&L…&C…&R…`, leaving out empty sections; the texts are already in Excel's header codes. */
function headerFooterCodes(parts: HeaderFooter): string {
  return [
    ["&L", parts.left],
    ["&C", parts.center],
    ["&R", parts.right],
  ]
    .filter(([, text]) => text !== "")
    .map(([code, text]) => `${code}${text}`)
    .join("");
}

/**
 * The page setup replaces whatever the sheet had, so a rebuild never keeps an earlier build's
 * (or a user's) breaks or headers on the add-in's own sheet. Print area and title rows are
 * written as defined names by plannedNamesXml, not through ExcelJS: the package's names are
 * replaced as a whole after ExcelJS writes.
 */
export function applyPage(sheet: ExcelJS.Worksheet, page: PagePlan): void {
  const { printArea: _area, printTitlesRow: _rows, printTitlesColumn: _columns, ...setup } = sheet.pageSetup;
  sheet.pageSetup = { ...setup, orientation: page.orientation, fitToPage: true, fitToWidth: page.fitToPagesWide, fitToHeight: 0 };
  const header = headerFooterCodes(page.header);
  const footer = headerFooterCodes(page.footer);
  sheet.headerFooter = {
    differentFirst: false,
    differentOddEven: false,
    ...(header ? { oddHeader: header } : {}),
    ...(footer ? { oddFooter: footer } : {}),
  };
  // ExcelJS writes <pageSetUpPr> before <outlinePr>, which the schema orders the other way and
  // Excel repairs as corrupt (exceljs#1348); outline settings mean nothing on the add-in's sheets.
  delete (sheet.properties as { outlineProperties?: unknown }).outlineProperties;
  // Pushed rather than row.addPageBreak(), which writes a break as wide as column 16,839 (past
  // Excel's last). A break's id is the 1-based row it follows: the 0-based row it comes before.
  (sheet as unknown as { rowBreaks: ExcelJS.RowBreak[] }).rowBreaks = page.breaksBefore
    .filter((row) => row > 0)
    .map((row) => ({ id: row, max: LAST_COLUMN, man: 1 }) as ExcelJS.RowBreak);
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

const PRINT_NAMES = new Set(["_xlnm.print_area", "_xlnm.print_titles"]);

/**
 * The defined names the written file must hold: the user's, untouched, then the plan's, then the
 * print area and title rows of each sheet the plan gives a page setup. Excel keeps those as names
 * scoped to their sheet by its position (localSheetId); an earlier build's are replaced, and any
 * other sheet's (a user's print area on their own sheet) stay as they were.
 */
export function plannedNamesXml(x: XlsxWorkbook, plan: WorkbookPlan): string[] {
  const replaced = new Set([...plan.names.map((n) => n.name), ...plan.deleteNames].map((n) => n.toLowerCase()));
  // Sheets keep their positions when ExcelJS writes; new ones come last. So an existing sheet's
  // position now is the one its names were scoped to when the file was read.
  const position = (name: string) => x.workbook.worksheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
  const paged = plan.sheets.filter((s) => s.page && position(s.name) >= 0);
  const repaged = new Set(paged.map((s) => position(s.name)));
  const kept = x.names
    .filter((n) =>
      n.localSheetId === undefined
        ? !replaced.has(n.name.toLowerCase())
        : !(repaged.has(n.localSheetId) && PRINT_NAMES.has(n.name.toLowerCase())),
    )
    .map((n) => n.xml);
  return [
    ...kept,
    ...plan.names.map((n) => definedNameXml(n.name, n.refersTo)),
    ...paged.flatMap((s) => printNamesXml(s.name, position(s.name), s.page!)),
  ];
}

function printNamesXml(sheet: string, localSheetId: number, page: PagePlan): string[] {
  const { firstRow, firstColumn, lastRow, lastColumn } = page.printArea;
  const quoted = quoteSheet(sheet);
  const scoped = (name: string, refersTo: string) =>
    `<definedName name="${name}" localSheetId="${localSheetId}">${encodeXml(refersTo)}</definedName>`;
  const names = [scoped("_xlnm.Print_Area", `${quoted}!${cellRef(firstRow, firstColumn, true)}:${cellRef(lastRow, lastColumn, true)}`)];
  if (page.titleRows) names.push(scoped("_xlnm.Print_Titles", `${quoted}!$${page.titleRows.first + 1}:$${page.titleRows.last + 1}`));
  return names;
}
