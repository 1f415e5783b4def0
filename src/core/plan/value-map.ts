import type { Results } from "../model/compute";
import type { Element, ValueModel } from "../model/types";
import { cellRef, formatCell, MAX_COLUMNS } from "../workbook/address";
import { sumOf } from "./cached";
import { COLORS, moneyFormat, SHEET_STYLES, sheetTitle, sheetTitleContent } from "./formats";
import { moneyTextFormula } from "./money-text";
import { headerText, PAGE_X_OF_Y, planPage } from "./page";
import { pointsByRow, rowHeightsFor } from "./row-heights";
import { SheetBuilder } from "./sheet-builder";
import { wrapWords } from "./text-lines";
import type { CellStyle, SheetPlan } from "./types";
import { type MapGroup, valueMapGroups, valueSentence } from "./value-map-groups";

export const VALUE_MAP_SHEET = "Value Map";

/** Who and what in A to D, the money in E, the sentence last, where it has the width to read. */
const COL = { name: 0, role: 1, objective: 2, metric: 3, annual: 4, sentence: 5 } as const;
const WIDTHS = [28, 18, 32, 26, 16, 60];
/** Characters of a note line across the printed width. */
const NOTE_WIDTH = 160;
const INTRO = wrapWords(
  "For each stakeholder: what they are trying to accomplish, the metric they are judged by, and the value to them each year in full effect. The money is live: it follows the Value Summary as the inputs change.",
  NOTE_WIDTH,
);
/** The title, the introduction, a blank row, then the table's header. */
const HEADER_ROW = 2 + INTRO.length;

function styles(currency: string): Record<string, CellStyle> {
  const money = moneyFormat(currency);
  const group = { bold: true, fill: COLORS.totalFill, borderTop: true, alignTop: true } as const;
  return {
    ...SHEET_STYLES,
    headerRight: { bold: true, fontColor: COLORS.headerText, fill: COLORS.headerFill, horizontalAlignment: "right", wrap: true },
    group,
    groupText: { fill: COLORS.totalFill, borderTop: true, wrap: true },
    groupMoney: { ...group, numberFormat: money },
    groupNote: { italic: true, fontColor: COLORS.note, fill: COLORS.totalFill, borderTop: true, wrap: true, indent: 1 },
    element: { alignTop: true },
    money: { numberFormat: money, alignTop: true },
    // Indented: the sentence starts a column of its own, not where the money beside it ends.
    headerSentence: { ...SHEET_STYLES.header, indent: 1 },
    sentence: { wrap: true, indent: 1 },
    labelTotal: { bold: true, fill: COLORS.totalFill, borderTop: true },
    moneyTotal: { numberFormat: money, bold: true, fill: COLORS.totalFill, borderTop: true },
  };
}

/**
 * Plans the Value Map: for each stakeholder their role, objective and metric, then each of their
 * elements with its annual value (a live reference to the Value Summary) and a value-proposition
 * sentence whose money is live. Workbook text is written as text (the stakeholders' rows) or
 * referred to (each element's Proposition cell), never put into a formula as a literal.
 * `annualCells` are where the Value Summary holds each element's annual value.
 */
export function planValueMap(model: ValueModel, results: Results, annualCells: readonly string[], builtText: string): SheetPlan {
  const s = new SheetBuilder(styles(model.settings.currency));
  s.put(0, 0, sheetTitleContent(VALUE_MAP_SHEET, model.settings), "title");
  INTRO.forEach((line, i) => s.text(1 + i, 0, line, "note"));
  ["Stakeholder and element", "Role", "Objective", "Metric"].forEach((h, column) => s.text(HEADER_ROW, column, h, "header"));
  s.text(HEADER_ROW, COL.annual, "Annual value", "headerRight");
  s.text(HEADER_ROW, COL.sentence, "Value proposition", "headerSentence");

  const blocks: { first: number; last: number }[] = [];
  let row = HEADER_ROW + 1;
  for (const group of valueMapGroups(model)) {
    const first = row;
    row = planGroup(s, model, results, annualCells, group, row);
    blocks.push({ first, last: row - 1 });
  }
  const total = row;
  s.text(total, COL.name, "Total, every stakeholder", "labelTotal");
  for (let column = COL.role; column < COL.annual; column++) s.text(total, column, "", "labelTotal");
  s.formula(total, COL.annual, "CVM_TotalAnnualValue", "moneyTotal", results.totals.TotalAnnualValue);
  s.text(total, COL.sentence, "", "labelTotal");
  let about = total + 2;
  for (const line of wrapWords(
    `Built ${builtText} from CVM_Stakeholders and CVM_Elements. Roles, objectives and metrics are as of the build (build again after changing them); each sentence reads the element's Proposition in CVM_Elements live.`,
    NOTE_WIDTH,
  ))
    s.text(about++, 0, line, "note");
  blocks.push({ first: total, last: about - 1 });
  return valueMapSheet(s, model, blocks, about - 1, builtText);
}

/** One stakeholder's row, then one row per element of theirs; returns the row after the last. */
function planGroup(
  s: SheetBuilder,
  model: ValueModel,
  results: Results,
  annualCells: readonly string[],
  group: MapGroup,
  row: number,
): number {
  const { listed, members } = group;
  s.text(row, COL.name, group.stakeholder === "" ? "(no stakeholder named)" : group.stakeholder, "group");
  s.text(row, COL.role, listed?.role ?? "", "groupText");
  s.text(row, COL.objective, listed?.objective ?? "", "groupText");
  s.text(row, COL.metric, listed?.metric ?? "", "groupText");
  if (members.length > 0) {
    const values = members.map((i) => results.elements[i]!.annualValue);
    s.formula(
      row,
      COL.annual,
      `SUM(${cellRef(row + 1, COL.annual)}:${cellRef(row + members.length, COL.annual)})`,
      "groupMoney",
      sumOf(values),
    );
    s.text(row, COL.sentence, "", "groupText");
  } else {
    s.text(row, COL.annual, "", "groupMoney");
    s.text(row, COL.sentence, "No value element names this stakeholder yet.", "groupNote");
  }
  members.forEach((index, k) => {
    const at = row + 1 + k;
    const e = model.elements[index]!;
    const value = results.elements[index]!.annualValue;
    s.text(at, COL.name, e.element, "element");
    s.formula(at, COL.annual, annualCells[index]!, "money", value);
    s.formula(
      at,
      COL.sentence,
      sentenceFormula(e, at, model.settings.currency),
      "sentence",
      valueSentence(e, value, model.settings.currency),
    );
  });
  return row + 1 + members.length;
}

/**
 * `=A6&": "&IF(E6<0,"-","")&"$"&FIXED(ABS(E6),0)&" a year"&IF(Elements!$J$2="","",", "&Elements!$J$2)`:
 * the element's name from its cell beside it, the money live, the proposition from its cell in
 * CVM_Elements (so no workbook text becomes part of the formula, and an edit shows at once).
 */
function sentenceFormula(e: Element, row: number, currency: string): string {
  const name = cellRef(row, COL.name);
  const money = moneyTextFormula(cellRef(row, COL.annual), currency);
  const proposition = e.proposition ? formatCell(e.proposition.cell, true) : undefined;
  const tail = proposition ? `&IF(${proposition}="","",", "&${proposition})` : "";
  return `${name}&": "&${money}&" a year"${tail}`;
}

function valueMapSheet(
  s: SheetBuilder,
  model: ValueModel,
  blocks: readonly { first: number; last: number }[],
  lastRow: number,
  builtText: string,
): SheetPlan {
  const widths = WIDTHS.map((width, column) => ({ column, width }));
  const rowHeights = rowHeightsFor(s.cells, s.styles, widths);
  return {
    name: VALUE_MAP_SHEET,
    visibility: "visible",
    replaceColumns: { first: 0, last: MAX_COLUMNS - 1 },
    cells: s.cells,
    styles: s.styles,
    columnWidths: widths,
    freeze: { rows: HEADER_ROW + 1, columns: 0 },
    conditionalFormats: [],
    charts: [],
    rowHeights,
    page: planPage({
      columnWidths: widths,
      lastRow,
      lastColumn: COL.sentence,
      rowPoints: pointsByRow(rowHeights),
      blocks,
      repeatable: { first: HEADER_ROW, last: HEADER_ROW, tableLast: lastRow },
      header: {
        left: headerText(sheetTitle(VALUE_MAP_SHEET, model.settings)),
        center: "",
        right: headerText(`Built ${builtText.slice(0, 10)}`),
      },
      footer: { left: headerText(VALUE_MAP_SHEET), center: PAGE_X_OF_Y, right: "" },
    }),
  };
}

/**
 * The Value Map of a workbook that no longer has `CVM_Stakeholders`: the sheet is the add-in's
 * (its record lists it), so rather than leave a stale map it says why it is empty.
 */
export function planValueMapGone(model: ValueModel, builtText: string): SheetPlan {
  const s = new SheetBuilder(styles(model.settings.currency));
  s.put(0, 0, sheetTitleContent(VALUE_MAP_SHEET, model.settings), "title");
  s.text(
    1,
    0,
    `Built ${builtText}: the workbook no longer has the named range CVM_Stakeholders, so there is no value map. Add the range again and build, or delete this sheet.`,
    "note",
  );
  return valueMapSheet(s, model, [{ first: 0, last: 1 }], 1, builtText);
}
