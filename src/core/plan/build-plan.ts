import type { Results } from "../model/compute";
import type { ValueModel } from "../model/types";
import { error, type Problem } from "../problems";
import type { CellValue, RangeInput } from "../workbook/cells";
import { formatCell } from "../workbook/address";
import { ASSUMPTIONS_SHEET, planAssumptions } from "./assumptions";
import { META_SHEET, planBuildRecord, readBuildRecord, type BuildRecord } from "./ownership";
import { excelSerialDate } from "./formats";
import { historyRowsOf, planHistoryFor, recordedCustomer, type RemovedEntries } from "./history";
import { recordActuals, takeSnapshot } from "./snapshot";
import { planSummary, SUMMARY_SHEET } from "./summary";
import type { NamePlan, SheetPlan, WorkbookPlan } from "./types";
import { planValueMap, planValueMapGone, VALUE_MAP_SHEET } from "./value-map";

/** What an adapter reads of the workbook, besides the three named ranges, to plan a build. */
export interface ExistingWorkbook {
  readonly sheets: readonly string[];
  /** Workbook-scoped names and what they refer to (`=Inputs!$B$2`). */
  readonly names: readonly { readonly name: string; readonly refersTo: string }[];
  /** The values of the add-in's record sheet, when the workbook has one. */
  readonly record?: readonly (readonly CellValue[])[];
  /** Names of the workbook's Excel tables: they share one namespace with defined names. */
  readonly tables?: readonly string[];
  /**
   * The Assumptions Log's history block as read: the values of columns M to S (at least) and their
   * address, e.g. `'Assumptions Log'!M1:S40`; absent when the sheet is not there or was not read.
   */
  readonly history?: RangeInput;
}

/** What of other customers a build leaves out of the workbook, for saying so. */
export interface OtherCustomersRemoved {
  /** History entries of other customers, by customer. */
  readonly history: readonly RemovedEntries[];
  /** When the record of the last build held another customer's inputs: that customer ("" when unnamed). */
  readonly recordOf?: string;
}

export type PlanOutcome =
  | { readonly ok: true; readonly plan: WorkbookPlan; readonly removed: OtherCustomersRemoved; readonly historyAdded: number }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Plans a build: the Value Summary, the Assumptions Log, the defined names and the record of
 * what the add-in owns. A sheet or name that exists but was not created by the add-in is a clash:
 * then nothing is planned, and the clashes are reported. (A name the user made that already
 * points exactly where the add-in would point it is left as it is: that is no clash.)
 */
export function planBuild(model: ValueModel, results: Results, existing: ExistingWorkbook, built: Date): PlanOutcome {
  const record = readBuildRecord(existing.record);
  const recordSheetExists = existing.sheets.some((s) => s.toLowerCase() === META_SHEET.toLowerCase());

  const builtText = built.toISOString().slice(0, 16).replace("T", " ") + " UTC";
  const summary = planSummary(model, results, builtText);
  const snapshot = takeSnapshot(model);
  // No history row yet (a first build, or one that was interrupted): the history starts afresh.
  // A build for another customer than the last one starts afresh too: it compares nothing with, and
  // keeps nothing of, that customer's build.
  const history = planHistoryFor(model, record, existing.history ? historyRowsOf(existing.history) : undefined, snapshot);
  const actuals = recordActuals(model, history.switched ? undefined : record?.actuals, excelSerialDate(built));
  const assumptions = planAssumptions(
    model,
    summary.annualCells.map((cell, i) => ({ cell, value: results.elements[i]!.annualValue })),
    history,
    built,
    builtText,
    actuals,
  );

  const names: NamePlan[] = [
    ...model.variables.map((v) => ({ name: v.name, refersTo: `=${formatCell(v.valueCell, true)}` })),
    ...summary.names,
  ];

  const owned = ownedByAddIn(record, recordSheetExists);
  const valueMap = planValueMapSheet(model, results, summary.annualCells, builtText, existing, owned.sheets);
  const outputs = [SUMMARY_SHEET, ...(valueMap ? [VALUE_MAP_SHEET] : []), ASSUMPTIONS_SHEET];
  const nameClashes = findNameClashes(names, existing, owned.names);
  const problems: Problem[] = [
    ...findSheetClashes(existing, owned.sheets, recordSheetExists && !record, outputs),
    ...nameClashes.problems,
    ...findTableClashes(names, existing),
    ...formulasTooLong([summary.sheet, ...(valueMap ? [valueMap] : []), assumptions.sheet]),
  ];
  if (problems.length > 0) return { ok: false, problems };

  const planned = names.filter((n) => !nameClashes.adopted.has(n.name.toLowerCase()));
  const plannedKeys = new Set(planned.map((n) => n.name.toLowerCase()));
  const deleteNames = (record?.names ?? []).filter((n) => !plannedKeys.has(n.toLowerCase()) && !nameClashes.adopted.has(n.toLowerCase()));
  const recordSheet = planBuildRecord({
    sheets: outputs,
    names: planned.map((n) => n.name),
    historyRows: assumptions.historyRows,
    snapshot,
    actuals,
  });
  const provisionalRecord = planProvisionalRecord(record, outputs, [...deleteNames, ...planned.map((n) => n.name)], history.switched);
  const sheets = [summary.sheet, ...(valueMap ? [valueMap] : []), assumptions.sheet, recordSheet];
  return {
    ok: true,
    plan: { sheets, names: planned, deleteNames, provisionalRecord },
    removed: { history: history.removed, ...(history.switched && record ? { recordOf: recordedCustomer(record.snapshot) } : {}) },
    historyAdded: assumptions.historyRows - history.kept.length - history.rows,
  };
}

/**
 * The Value Map, when the workbook has `CVM_Stakeholders`. Without the range there is none, as
 * before the map existed; but a map an earlier build wrote (the record lists it, the sheet is
 * there) is replaced by a sheet saying why it is empty, rather than left stale.
 */
function planValueMapSheet(
  model: ValueModel,
  results: Results,
  annualCells: readonly string[],
  builtText: string,
  existing: ExistingWorkbook,
  ownedSheets: ReadonlySet<string>,
): SheetPlan | undefined {
  if (model.stakeholders) return planValueMap(model, results, annualCells, builtText);
  const key = VALUE_MAP_SHEET.toLowerCase();
  const written = ownedSheets.has(key) && existing.sheets.some((s) => s.toLowerCase() === key);
  return written ? planValueMapGone(model, builtText) : undefined;
}

/** The sheets and names (lower-cased) the add-in wrote before: it may overwrite or delete these. */
function ownedByAddIn(record: BuildRecord | undefined, recordSheetExists: boolean): { sheets: Set<string>; names: Set<string> } {
  const sheets = new Set((record?.sheets ?? []).map((s) => s.toLowerCase()));
  const names = new Set((record?.names ?? []).map((n) => n.toLowerCase()));
  if (record || recordSheetExists) sheets.add(META_SHEET.toLowerCase());
  return { sheets, names };
}

/** Sheets the build would write over that the user made: the user's work must not be lost. */
function findSheetClashes(
  existing: ExistingWorkbook,
  ownedSheets: ReadonlySet<string>,
  foreignRecordSheet: boolean,
  outputs: readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  if (foreignRecordSheet) {
    problems.push(
      error(
        "sheet-clash",
        META_SHEET,
        `The workbook has a sheet named "${META_SHEET}" that the add-in did not write. Rename it so that the add-in can keep its record there.`,
      ),
    );
  }
  for (const sheet of outputs) {
    const exists = existing.sheets.some((s) => s.toLowerCase() === sheet.toLowerCase());
    if (exists && !ownedSheets.has(sheet.toLowerCase())) {
      problems.push(
        error(
          "sheet-clash",
          sheet,
          `The workbook already has a sheet named "${sheet}" that the add-in did not create. Rename or move it, then build again; nothing was written.`,
        ),
      );
    }
  }
  return problems;
}

/**
 * Defined names the build would redefine that the user made. One that already points where the
 * add-in would point it is adopted rather than a clash: it is left as it is, and never deleted.
 */
function findNameClashes(
  names: readonly NamePlan[],
  existing: ExistingWorkbook,
  ownedNames: ReadonlySet<string>,
): { problems: Problem[]; adopted: Set<string> } {
  const problems: Problem[] = [];
  const existingNames = new Map(existing.names.map((n) => [n.name.toLowerCase(), n]));
  const adopted = new Set<string>();
  for (const name of names) {
    const key = name.name.toLowerCase();
    const current = existingNames.get(key);
    if (!current || ownedNames.has(key)) continue;
    if (sameReference(current.refersTo, name.refersTo)) {
      adopted.add(key);
      continue;
    }
    problems.push(
      error(
        "name-clash",
        name.name,
        `The workbook already defines the name "${current.name}" (${current.refersTo}) and the add-in did not create it. Delete or rename it in Formulas > Name Manager, or rename the variable or element id; nothing was written.`,
      ),
    );
  }
  return { problems, adopted };
}

/** Names that are a table's name too: Excel would refuse to define them, halfway through a build. */
function findTableClashes(names: readonly NamePlan[], existing: ExistingWorkbook): Problem[] {
  const problems: Problem[] = [];
  const tables = new Map((existing.tables ?? []).map((t) => [t.toLowerCase(), t]));
  for (const name of names) {
    const table = tables.get(name.name.toLowerCase());
    if (table)
      problems.push(
        error(
          "name-clash",
          name.name,
          `The workbook has a table named "${table}", and Excel cannot give a defined name the same text as a table. Rename the table (Table Design > Table Name) or the variable or element id; nothing was written.`,
        ),
      );
  }
  return problems;
}

/**
 * The record written before anything else, so that a build interrupted halfway still knows which
 * names and sheets are the add-in's: every name it may have written or is about to delete.
 */
function planProvisionalRecord(
  record: BuildRecord | undefined,
  sheets: readonly string[],
  names: readonly string[],
  switched: boolean,
): SheetPlan {
  // While a switch is under way the record keeps of the other customer only the Customer entry:
  // enough for a build after an interruption to know the history is still another customer's.
  const previousCustomer = record?.snapshot.filter((e) => e.kind === "Setting" && e.item === "Customer") ?? [];
  return planBuildRecord({
    sheets,
    names,
    historyRows: record?.historyRows ?? 0,
    snapshot: switched ? previousCustomer : (record?.snapshot ?? []),
    actuals: switched ? [] : (record?.actuals ?? []),
  });
}

/** Excel refuses a formula longer than this (its text without the "="): a build must not fail halfway on one. */
export const MAX_FORMULA_LENGTH = 8192;

function formulasTooLong(sheets: readonly SheetPlan[]): Problem[] {
  const problems: Problem[] = [];
  for (const sheet of sheets) {
    for (const cell of sheet.cells) {
      if (cell.content.kind !== "formula" || cell.content.formula.length - 1 <= MAX_FORMULA_LENGTH) continue;
      const where = formatCell({ sheet: sheet.name, row: cell.row, column: cell.column });
      problems.push(
        error(
          "formula-too-long",
          sheet.name,
          `The add-in would write a formula of ${(cell.content.formula.length - 1).toLocaleString("en-US")} characters in ${where}, and Excel allows ${MAX_FORMULA_LENGTH.toLocaleString("en-US")}. Most likely it is an element's formula with its variables' Low or High cells put in, for a scenario: shorten the formula or split the element in two; nothing was written.`,
          { sheet: sheet.name, row: cell.row, column: cell.column },
        ),
      );
    }
  }
  return problems;
}

function sameReference(a: string, b: string): boolean {
  // `$` matters: a relative name means a different cell wherever it is used.
  const norm = (t: string) => t.replace(/^=/, "").toLowerCase();
  return norm(a) === norm(b);
}
