/*
 * The CVM custom functions. custom-functions-metadata-plugin reads this file: each function's
 * JSDoc becomes functions.json (the text before the tags is the description Excel's autocomplete
 * shows, each @param the argument's tooltip) and the build appends CustomFunctions.associate for
 * each one, so every function stays a top-level named declaration here. Ranges are `any[][]` so
 * that Excel passes their values and recalculates when they change; an omitted optional argument
 * arrives as null. The computing lives in ./cvm; this file only hands results and errors to Excel.
 */
import { sharedCvm as cvm } from "./cvm";
import { excelMatrix, excelValue } from "./excel-errors";

/**
 * Annual value of one value element at full realization, or its value in a given year with its ramp.
 * @customfunction ELEMENTVALUE
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param element The element's Id, or its name in the Element column (case-insensitive).
 * @param [year] Optional year from 1 to 30: the value in that year with the element's ramp. Omit for the full annual value.
 * @returns The element's value in the model's currency.
 */
export function value(elements: unknown[][], variables: unknown[][], element: string, year?: number): number {
  return excelValue(cvm.value(elements, variables, element, year));
}

/**
 * Total annual value of all value elements at full realization, or their total benefit in a given year with their ramps.
 * @customfunction TOTAL
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param [year] Optional year from 1 to 30: the benefit in that year with each element's ramp. Omit for the total annual value.
 * @returns The total in the model's currency.
 */
export function total(elements: unknown[][], variables: unknown[][], year?: number): number {
  return excelValue(cvm.total(elements, variables, year));
}

/**
 * Net present value of the model: the net cash flows of years 1 to Years discounted at DiscountRate, less the Investment.
 * @customfunction NETPRESENTVALUE
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param settings The settings range (Setting, Value) with Years, DiscountRate, Investment and AnnualCost, usually CVM_Settings.
 * @returns The NPV in the model's currency.
 */
export function npv(elements: unknown[][], variables: unknown[][], settings: unknown[][]): number {
  return excelValue(cvm.npv(elements, variables, settings));
}

/**
 * Return on investment of the model: net value over the horizon divided by total cost.
 * @customfunction ROI
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param settings The settings range (Setting, Value) with Years, Investment and AnnualCost, usually CVM_Settings.
 * @returns The ROI as a fraction (1.5 is 150%); #N/A when the total cost is 0.
 */
export function roi(elements: unknown[][], variables: unknown[][], settings: unknown[][]): number {
  return excelValue(cvm.roi(elements, variables, settings));
}

/**
 * Payback period of the model in months: when the cumulative net cash flow first reaches 0.
 * @customfunction PAYBACK
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param settings The settings range (Setting, Value) with Years, Investment and AnnualCost, usually CVM_Settings.
 * @returns Months until payback; #N/A when it does not pay back within the horizon.
 */
export function payback(elements: unknown[][], variables: unknown[][], settings: unknown[][]): number {
  return excelValue(cvm.payback(elements, variables, settings));
}

/**
 * Incentive to purchase: the total benefit, measured against the customer's next-best alternative, less the price difference (total cost minus the alternative's cost over the horizon).
 * @customfunction INCENTIVE
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param settings The settings range (Setting, Value) with Years, Investment, AnnualCost, AlternativeInvestment and AlternativeAnnualCost, usually CVM_Settings.
 * @returns The incentive in the model's currency; the net value when the settings give no alternative.
 */
export function incentive(elements: unknown[][], variables: unknown[][], settings: unknown[][]): number {
  return excelValue(cvm.incentive(elements, variables, settings));
}

/**
 * Evaluates a formula of the model's language over the customer variables, as an element's formula would be.
 * @customfunction EVAL
 * @param formula The formula as text, such as "Miles*LeaksPerMile*CostPerLeak"; a leading = is optional.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @returns The formula's value.
 */
export function evalFormula(formula: string, variables: unknown[][]): number | string | boolean {
  return excelValue(cvm.evaluate(formula, variables));
}

/**
 * Lists the model's problems, one per row: severity, where, message; a single empty cell when there are none.
 * @customfunction ISSUES
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param [settings] Optional settings range (Setting, Value), usually CVM_Settings. Omit to check with the default settings.
 * @returns Rows of severity (Error or Warning), location and message.
 */
export function issues(elements: unknown[][], variables: unknown[][], settings?: unknown[][]): string[][] {
  return excelValue(cvm.issues(elements, variables, settings));
}

/**
 * NPV sensitivity: for each variable with a Low and a High, its name, the NPV at Low, the NPV at High and the swing, largest swing first.
 * @customfunction SENSITIVITY
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row and Low and High columns, usually CVM_Variables.
 * @param settings The settings range (Setting, Value) with Years, DiscountRate, Investment and AnnualCost, usually CVM_Settings.
 * @returns Rows of variable, NPV at Low, NPV at High and swing.
 */
export function sensitivity(elements: unknown[][], variables: unknown[][], settings: unknown[][]): unknown[][] {
  return excelMatrix(cvm.sensitivity(elements, variables, settings));
}

/**
 * Total value realized so far: the sum of the Actual column of the value elements.
 * @customfunction REALIZED
 * @param elements The value elements range with its header row and an Actual column, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @returns The realized annual value in the model's currency; #N/A when no Actual is recorded yet.
 */
export function realized(elements: unknown[][], variables: unknown[][]): number {
  return excelValue(cvm.realized(elements, variables));
}

/**
 * Actual results by year against each year's ramped estimate: one row per measured year, or the money realized in one year.
 * @customfunction REALIZEDBYYEAR
 * @param elements The value elements range with its header row, usually CVM_Elements.
 * @param variables The customer variables range with its header row, usually CVM_Variables.
 * @param actuals The actual results range (Element, Year, Actual, Source, Date) with its header row, usually CVM_Actuals.
 * @param [year] Optional year from 1 to 30: the money realized in that year. Omit for the table of years.
 * @returns Rows of year, estimated, actual, realized, estimated to date, actual to date and realized to date.
 */
export function realizedByYear(elements: unknown[][], variables: unknown[][], actuals: unknown[][], year?: number): unknown[][] {
  return excelMatrix(cvm.realizedByYear(elements, variables, actuals, year ?? null));
}
