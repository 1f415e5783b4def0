import type { CellValue } from "../core/workbook/cells";

/** The sample model's customer (its Customer setting), whose results these are. */
const NORTHWIND = "Northwind Midstream";

/**
 * Two years of measured results for the bundled pipeline-leak sample (src/sample/pipeline-model.ts),
 * as the table `CVM_Actuals` (Element, Year, Actual, Source, Date, Customer): what the vendor and the
 * customer documented together after each year of LeakSense, element by element, with the record
 * each figure comes from. Elements are named by their Id. Dates are Excel serial numbers (days
 * since 1899-12-30; 46416 is 2027-01-29), to be shown in a date format such as `yyyy-mm-dd`.
 *
 * Against the sample's ramped estimates (rounded): year 1 Fewer leak repairs 511,488, Less product
 * lost 116,122, Lower inspection labour 82,080, Avoided regulatory fines 100,000, Less emergency
 * overtime 12,312; year 2 920,678, 209,019, 191,520, 100,000, 24,624, and Lower insurance premium
 * 22,500. The figures are illustrative: repairs run a little behind the ramp in year 1 and catch
 * up in year 2, inspection labour runs ahead, no fine was avoided in year 2 (gray money that did
 * not arrive that year), and the insurer's discount came at the renewal.
 *
 * Each row names its customer in a Customer column: a workbook that holds several customers'
 * profiles compares each customer's own rows only, and after a switch of profile the sample's
 * results are not taken for another customer's.
 *
 * The sample (src/sample/pipeline-model.ts) inserts it as a table of its own, named CVM_Actuals.
 */
export const PIPELINE_ACTUALS: readonly (readonly CellValue[])[] = [
  ["Element", "Year", "Actual", "Source", "Date", "Customer"],
  ["LeakRepairs", 1, 468000, "Maintenance work orders FY2026", 46416, NORTHWIND],
  ["ProductLoss", 1, 104500, "Loss reports FY2026, reconciled with metering", 46416, NORTHWIND],
  ["InspectionLabour", 1, 95000, "Patrol timesheets FY2026", 46430, NORTHWIND],
  ["AvoidedFines", 1, 100000, "Regulator correspondence 2026: warning letter instead of a civil penalty", 46451, NORTHWIND],
  ["Overtime", 1, 9800, "Payroll overtime report FY2026", 46430, NORTHWIND],
  ["LeakRepairs", 2, 955000, "Maintenance work orders FY2027", 46780, NORTHWIND],
  ["ProductLoss", 2, 198000, "Loss reports FY2027, reconciled with metering", 46780, NORTHWIND],
  ["InspectionLabour", 2, 204000, "Patrol timesheets FY2027", 46794, NORTHWIND],
  ["AvoidedFines", 2, 0, "Regulator correspondence 2027: no enforcement action either way", 46815, NORTHWIND],
  ["Insurance", 2, 22500, "Insurance broker renewal statement 2027", 46794, NORTHWIND],
  ["Overtime", 2, 26100, "Payroll overtime report FY2027", 46794, NORTHWIND],
];
