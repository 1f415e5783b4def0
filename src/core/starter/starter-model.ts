import { SETTINGS } from "../model/settings";
import { EMPTY_EDIT, type EditPlan } from "../plan/edit";
import { headerText, PAGE_X_OF_Y, planPage } from "../plan/page";
import { namesInWords } from "../plan/text-lines";
import type { CellContent } from "../plan/types";
import { type CellValue, RANGE_NAMES } from "../workbook/cells";

/** The bundled pipeline-leak sample (its optional tables too), or the three tables with their headers and nothing else. */
export type StarterKind = "sample" | "skeleton";
/** The three ranges of the model itself, the ones a starter inserts. */
export type InputRange = "variables" | "elements" | "settings";

export const INPUT_RANGES: readonly InputRange[] = ["variables", "elements", "settings"];

/** Ranges of the contract a model may add; no build needs them, only the sample inserts them. */
export type OptionalRange = Exclude<keyof typeof RANGE_NAMES, InputRange>;

export const OPTIONAL_RANGES: readonly OptionalRange[] = ["stakeholders", "actuals"];

/** The optional ranges the workbook defines, as a name or as a table. */
export function optionalInputs(existing: ExistingInputs): OptionalRange[] {
  const taken = new Set([...existing.names, ...existing.tables].map((n) => n.toLowerCase()));
  return OPTIONAL_RANGES.filter((range) => taken.has(RANGE_NAMES[range].toLowerCase()));
}

/** Any range of the contract a starter may insert. */
export type StarterRange = InputRange | OptionalRange;

/** One input table to insert: on a new sheet, from A1, header row first. */
export interface StarterTable {
  readonly range: StarterRange;
  /** The table is named as the contract's range (`CVM_Variables`): a table is a name of its own. */
  readonly tableName: string;
  readonly sheet: string;
  /** Header row first; `null` is an empty cell. Text is always written as text. */
  readonly rows: readonly (readonly (CellContent | null)[])[];
  /** Same shape as `rows`. */
  readonly numberFormats: readonly (readonly string[])[];
  /** Widths in characters of the default font, one per column. */
  readonly columnWidths: readonly number[];
}

export interface StarterPlan {
  readonly kind: StarterKind;
  readonly tables: readonly StarterTable[];
  /** What either adapter writes: the sheets, their cells and formats, the tables, the widths; the first sheet shown. */
  readonly edit: EditPlan;
}

/** The input tables of a model as rows of cells, header row first: the three of the model, and the optional ones it has. */
export interface ModelTables {
  readonly variables: readonly (readonly CellValue[])[];
  readonly elements: readonly (readonly CellValue[])[];
  readonly settings?: readonly (readonly CellValue[])[];
  /** `CVM_Stakeholders`: who the value is for (the Value Map). */
  readonly stakeholders?: readonly (readonly CellValue[])[];
  /** `CVM_Actuals`: measured results by element and year. */
  readonly actuals?: readonly (readonly CellValue[])[];
}

/** A cell's number format by its table, its column's header and its row; undefined: General. */
export type NumberFormatOf = (table: StarterRange, header: string, row: readonly CellValue[]) => string | undefined;

/**
 * The model a starter comes from, handed in by the caller (the bundled sample lives outside the
 * core): its tables, and the number formats that suit them, which also suit the skeleton's settings.
 */
export interface StarterSource {
  readonly tables: ModelTables;
  readonly numberFormat?: NumberFormatOf;
}

/** What the workbook already holds, as far as inserting a starter model cares. */
export interface ExistingInputs {
  readonly sheets: readonly string[];
  /** Workbook-scoped defined names. */
  readonly names: readonly string[];
  readonly tables: readonly string[];
}

export type StarterOutcome = { readonly ok: true; readonly plan: StarterPlan } | { readonly ok: false; readonly message: string };

const SHEET_NAMES: Record<StarterRange, string> = {
  variables: "Variables",
  elements: "Elements",
  settings: "Settings",
  stakeholders: "Stakeholders",
  actuals: "Actuals",
};
const HEADERS: Record<InputRange, readonly string[]> = {
  variables: ["Name", "Value", "Unit", "Source", "Notes", "Low", "High"],
  elements: ["Element", "Id", "Formula", "Stakeholder", "Category", "Confidence", "Ramp", "Assumptions", "Actual"],
  settings: ["Setting", "Value"],
};

/** The ranges of the contract that the workbook defines neither as a name nor as a table. */
export function missingInputs(existing: ExistingInputs): InputRange[] {
  const taken = new Set([...existing.names, ...existing.tables].map((n) => n.toLowerCase()));
  return INPUT_RANGES.filter((range) => !taken.has(RANGE_NAMES[range].toLowerCase()));
}

/**
 * Plans the insertion of a starter model: each missing range as a table on a sheet of its own,
 * under a sheet name nobody uses yet, so nothing of the user's is ever written over. The sample
 * is a whole model, so it goes only into a workbook that has none of the three ranges; it brings
 * its optional tables too (stakeholders, actuals), each where the workbook has no range of that
 * name. The skeleton fills in whichever of the three are missing, and nothing optional.
 */
export function planStarterModel(kind: StarterKind, existing: ExistingInputs, source: StarterSource): StarterOutcome {
  const missing = missingInputs(existing);
  if (missing.length === 0)
    return { ok: false, message: "The workbook already has CVM_Variables, CVM_Elements and CVM_Settings: there is nothing to insert." };
  if (kind === "sample" && missing.length < INPUT_RANGES.length) {
    const present = INPUT_RANGES.filter((r) => !missing.includes(r)).map((r) => RANGE_NAMES[r]);
    return {
      ok: false,
      message: `The workbook already has ${namesInWords(present)}; the sample would mix with that model. Insert the empty skeleton to add only what is missing.`,
    };
  }
  const present = optionalInputs(existing);
  const optional =
    kind === "sample" ? OPTIONAL_RANGES.filter((range) => source.tables[range] !== undefined && !present.includes(range)) : [];
  const usedSheets = existing.sheets.map((s) => s.toLowerCase());
  const tables = [...missing, ...optional].map((range) => {
    const sheet = freeSheetName(SHEET_NAMES[range], usedSheets);
    usedSheets.push(sheet.toLowerCase());
    return starterTable(range, sheet, rowsOf(kind, range, source), source.numberFormat);
  });
  return { ok: true, plan: { kind, tables, edit: starterEdit(tables) } };
}

/**
 * Each table on a sheet of its own, added visible, from A1; the first one shown. The header row
 * is also bold in its own right: it stays a header wherever the table style is not drawn.
 */
function starterEdit(tables: readonly StarterTable[]): EditPlan {
  const first = tables[0];
  return {
    ...EMPTY_EDIT,
    addSheets: tables.map((t) => ({ name: t.sheet, visibility: "visible" })),
    blocks: tables.map((t) => ({ sheet: t.sheet, top: 0, left: 0, rows: t.rows, numberFormats: t.numberFormats })),
    bold: tables.map((t) => ({ sheet: t.sheet, top: 0, left: 0, rows: 1, columns: t.columnWidths.length })),
    tables: tables.map((t) => ({
      name: t.tableName,
      range: { sheet: t.sheet, top: 0, left: 0, rows: t.rows.length, columns: t.columnWidths.length },
    })),
    columnWidths: tables.flatMap((t) => t.columnWidths.map((width, column) => ({ sheet: t.sheet, column, width }))),
    pages: tables.map((t) => ({ sheet: t.sheet, page: tablePage(t) })),
    ...(first ? { activate: first.sheet } : {}),
  };
}

/**
 * How a starter sheet prints: its table one page wide (a wide Variables sheet would otherwise
 * print a column or two a page), the header row repeated where the table runs onto another page,
 * the sheet's name at the top and the page number at the foot. The user's to change from then on.
 */
function tablePage(table: StarterTable) {
  const lastRow = Math.max(table.rows.length - 1, 0);
  return planPage({
    columnWidths: table.columnWidths.map((width, column) => ({ column, width })),
    lastRow,
    lastColumn: table.columnWidths.length - 1,
    blocks: [],
    repeatable: { first: 0, last: 0, tableLast: lastRow },
    header: { left: headerText(table.sheet), center: "", right: "" },
    footer: { left: "", center: PAGE_X_OF_Y, right: "" },
  });
}

/** `Variables`, else `CVM Variables`, else `Variables 2`, `Variables 3`, …: never a sheet in use. */
export function freeSheetName(preferred: string, used: readonly string[]): string {
  const free = (name: string) => !used.includes(name.toLowerCase());
  if (free(preferred)) return preferred;
  if (free(`CVM ${preferred}`)) return `CVM ${preferred}`;
  for (let n = 2; ; n++) if (free(`${preferred} ${n}`)) return `${preferred} ${n}`;
}

function rowsOf(kind: StarterKind, range: StarterRange, source: StarterSource): readonly (readonly CellValue[])[] {
  if (range === "stakeholders" || range === "actuals") return source.tables[range] ?? [];
  return kind === "sample" ? (source.tables[range] ?? [HEADERS[range]]) : skeletonRows(range);
}

function skeletonRows(range: InputRange): readonly (readonly CellValue[])[] {
  if (range !== "settings") return [HEADERS[range], HEADERS[range].map(() => "")];
  // Every declared setting, with its default: a new setting reaches the empty tables by itself.
  // An optional part (the next-best alternative) is the user's to add: the empty model stays as it was.
  return [HEADERS.settings, ...SETTINGS.filter((setting) => !("part" in setting)).map((setting) => [setting.label, setting.default])];
}

function starterTable(
  range: StarterRange,
  sheet: string,
  values: readonly (readonly CellValue[])[],
  numberFormat: NumberFormatOf | undefined,
): StarterTable {
  const width = Math.max(...values.map((r) => r.length));
  const header = values[0] ?? [];
  const rows = values.map((row) => Array.from({ length: width }, (_, c) => contentOf(row[c])));
  const numberFormats = values.map((row, r) =>
    Array.from({ length: width }, (_, c) => (r === 0 ? "General" : (numberFormat?.(range, String(header[c] ?? ""), row) ?? "General"))),
  );
  const columnWidths = Array.from({ length: width }, (_, c) => widthOf(values.map((row) => row[c])));
  return { range, tableName: RANGE_NAMES[range], sheet, rows, numberFormats, columnWidths };
}

function contentOf(value: CellValue | undefined): CellContent | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return { kind: "number", value };
  return { kind: "text", value: String(value) };
}

/** Wide enough for the longest entry, within reason: long sources wrap rather than push columns off screen. */
function widthOf(column: readonly (CellValue | undefined)[]): number {
  const longest = Math.max(...column.map((v) => (v === null || v === undefined ? 0 : String(v).length)));
  return Math.min(48, Math.max(10, longest + 2));
}
