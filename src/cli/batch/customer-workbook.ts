import { type CsvSettingKey, NUMERIC_SETTING_KEYS as NUMERIC_SETTINGS, type NumericSettingKey } from "../../core/model/settings";
import { cellEdits, type EditPlan } from "../../core/plan/edit";
import type { WorkbookRead } from "../../core/port";
import { type Problem, warning } from "../../core/problems";
import type { CellAddress } from "../../core/workbook/address";
import { actualsRowOwners } from "../../core/model/read-actuals";
import { RANGE_NAMES } from "../../core/workbook/cells";
import type { DefinedNameXml } from "../../adapters/xlsx/package-parts";
import { cellFacts, copyXlsx, editXlsx } from "../../adapters/xlsx/cells";
import { readProfilesXlsx } from "../../adapters/xlsx/one-customer";
import { loadXlsx, readWorkbook } from "../../adapters/xlsx/read";
import { xlsxWorkbook } from "../../adapters/xlsx/workbook-port";
import { buildWorkbook, inspectWorkbook } from "../../app/pipeline";
import type { ProfilesRead } from "../../core/profiles";
import { type BatchBase, batchBase, computeCustomer, type CustomerInput, type CustomerOutcome, ownsActualsRow } from "./customer-model";
import { type RangeCells, readRangeCells, writeCustomerRanges } from "./customer-ranges";

/**
 * A customer's value workbook: the model workbook with the customer's numbers written into the
 * variables' Value cells and the name into the Customer setting, then built as `cvm build`
 * builds (Value Summary, Assumptions Log, names), so that its live formulas compute the
 * customer's numbers in any spreadsheet, without the add-in.
 */

/** The model, loaded and checked once; each customer's workbook starts again from its bytes. */
export interface BatchModel {
  readonly bytes: Uint8Array;
  readonly names: readonly DefinedNameXml[];
  /** The model's manual page breaks by sheet, which ExcelJS does not keep (see loadXlsx). */
  readonly pageBreaks?: ReadonlyMap<string, string>;
  readonly base: BatchBase;
  /** The model workbook as read once: every customer's build plans against what exists in it. */
  readonly read: WorkbookRead;
  /** Per variable: its Value cell holds a formula. */
  readonly formulaValues: readonly boolean[];
  /** Numeric settings whose Value cell holds a formula, with the number the core read from it. */
  readonly formulaSettings: readonly { readonly key: NumericSettingKey; readonly cell: CellAddress; readonly value: number }[];
  /** Per variable: its Value cell has a percent format. */
  readonly percent: readonly boolean[];
  /** The model's profiles sheet: each customer's workbook keeps that customer's profile only. */
  readonly profiles: ProfilesRead;
  /** The Low, High and Actual cells a customer's range and realized values go to. */
  readonly ranges: RangeCells;
  /** The filled rows of CVM_Actuals, each with its Customer: a customer's copy keeps its own rows only. */
  readonly actualsRows: ReturnType<typeof actualsRowOwners>;
}

export type ModelOpening =
  | { readonly kind: "unreadable"; readonly message: string }
  | { readonly kind: "errors"; readonly problems: readonly Problem[] }
  | { readonly kind: "ok"; readonly model: BatchModel; readonly warnings: readonly Problem[] };

/**
 * Reads and checks the model as `cvm build` does (the same problems, the same clashes); `now`
 * is the build time every customer's workbook records.
 */
export async function openBatchModel(bytes: Uint8Array, now: Date): Promise<ModelOpening> {
  let x;
  try {
    x = await loadXlsx(bytes);
  } catch (e) {
    return { kind: "unreadable", message: (e as Error).message };
  }
  const read = readWorkbook(x);
  const { analysis, clashes } = await inspectWorkbook(xlsxWorkbook(x, { known: read }), now);
  if (!analysis.ok) return { kind: "errors", problems: analysis.problems };
  if (clashes.length > 0) return { kind: "errors", problems: [...analysis.problems, ...clashes] };

  const { model } = analysis;
  const cellAt = cellFacts(x);
  const isFormula = (a: CellAddress) => cellAt(a).formula !== undefined;
  const formulaValues = model.variables.map((v) => isFormula(v.valueCell));
  const formulaSettings = NUMERIC_SETTINGS.flatMap((key) => {
    const cell = model.settings.cells[key];
    return cell && isFormula(cell) ? [{ key, cell, value: model.settings[key] }] : [];
  });
  // Other customers' rows of CVM_Actuals are no warning here: each customer's copy keeps its own only.
  const warnings = [...analysis.problems.filter((p) => p.severity === "warning" && p.code !== "actual-other-customer")];
  model.variables.forEach((v, i) => {
    if (!formulaValues[i]) return;
    warnings.push(
      warning(
        "batch-formula-value",
        RANGE_NAMES.variables,
        `The value of ${v.name} is a formula (=${cellAt(v.valueCell).formula}). Each customer's workbook gets, in its place, the number the batch computes with: the CSV's, else ${v.value} as the model has it now. So the workbook and the roll-up agree even if the formula uses other inputs; to vary ${v.name} by customer, give it a column in the CSV.`,
        v.valueCell,
      ),
    );
  });
  for (const { cell, value } of formulaSettings) {
    warnings.push(
      warning(
        "batch-formula-setting",
        RANGE_NAMES.settings,
        `This setting is a formula (=${cellAt(cell).formula}); each customer's workbook gets its present value, ${value}, in its place, so that the workbook and the roll-up agree.`,
        cell,
      ),
    );
  }
  const percent = model.variables.map((v) => cellAt(v.valueCell).numberFormat?.includes("%") ?? false);
  const ranges = readRangeCells(model, cellAt);
  warnings.push(...ranges.warnings);
  return {
    kind: "ok",
    model: {
      bytes,
      names: x.names,
      ...(x.pageBreaks ? { pageBreaks: x.pageBreaks } : {}),
      base: batchBase(model, ranges.ranges.bounds, read.input.actuals),
      read,
      formulaValues,
      formulaSettings,
      percent,
      profiles: readProfilesXlsx(x.workbook),
      ranges: ranges.ranges,
      actualsRows: actualsRowOwners(read.input.actuals),
    },
    warnings,
  };
}

/**
 * The edit a customer's workbook makes to the model's cells before it is built: each variable's
 * Value that the CSV gives (or that the model computes with a formula), the customer's Low, High
 * and Actual, the numeric settings that are formulas (with the customer's number where the CSV
 * gives one), the customer's alternative, the Customer setting (as text), and the rows of
 * CVM_Actuals that are not the customer's emptied.
 */
function customerEdit(model: BatchModel, customer: Extract<CustomerOutcome, { ok: true }>, input: CustomerInput): EditPlan {
  const writes: Parameters<typeof cellEdits>[0][number][] = [];
  const write = (cell: CellAddress, value: number | string | null) =>
    writes.push({
      ...cell,
      content: value === null ? null : typeof value === "number" ? { kind: "number", value } : { kind: "text", value },
    });
  customer.model.variables.forEach((v, i) => {
    if (input.values[i] !== undefined || model.formulaValues[i]) write(v.valueCell, v.value);
  });
  writeCustomerRanges(model.ranges, model.base, input, write);
  const settings = customer.model.settings;
  for (const { key, cell } of model.formulaSettings) if (input.settings?.[key as CsvSettingKey] === undefined) write(cell, settings[key]);
  for (const key of Object.keys(input.settings ?? {}) as CsvSettingKey[]) {
    // The CSV reader takes these columns only where the model has the setting's cell.
    const cell = settings.cells[key];
    if (cell) write(cell, settings[key]);
  }
  const customerCell = customer.model.settings.cells.customer;
  if (customerCell) write(customerCell, input.customer);
  const emptied = model.actualsRows
    .filter((row) => !ownsActualsRow(model.base, input, row.customer))
    .flatMap((row) => row.cells.map((cell) => ({ ...cell, content: null })));
  return cellEdits([...writes, ...emptied]);
}

/** The bytes of one customer's value workbook. The model's bytes are only read. */
export async function buildCustomerWorkbook(model: BatchModel, input: CustomerInput, now: Date): Promise<Uint8Array> {
  const customer = computeCustomer(model.base, input);
  if (!customer.ok)
    throw new Error(`The model of ${input.customer} does not compute: ${customer.problems.map((p) => p.message).join(" ")}`);
  // A fresh copy from the bytes: a build changes the workbook it writes.
  const x = await copyXlsx(model.bytes, { names: model.names, ...(model.pageBreaks ? { pageBreaks: model.pageBreaks } : {}) });
  editXlsx(x, customerEdit(model, customer, input));
  // Nothing of another customer travels: the build keeps only this customer's history, and the
  // port leaves only this customer's profile, its own document properties, no result cached from the model's inputs.
  const port = xlsxWorkbook(x, {
    known: model.read,
    oneCustomer: { profiles: model.profiles, settings: customer.model.settings, modelCustomer: model.base.model.settings.customer },
  });
  const built = await buildWorkbook(port, { now, analysis: { ok: true, model: customer.model, results: customer.results, problems: [] } });
  if (!built.ok) throw new Error(`The workbook of ${input.customer} cannot be planned: ${built.problems.map((p) => p.message).join(" ")}`);
  return built.bytes;
}
