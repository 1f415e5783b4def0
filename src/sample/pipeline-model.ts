import { settingByLabel } from "../core/model/settings";
import type { ModelTables, StarterRange, StarterSource } from "../core/starter/starter-model";
import type { CellValue } from "../core/workbook/cells";
import { PIPELINE_ACTUALS } from "./pipeline-actuals";
import { PIPELINE_ALTERNATIVE_SETTINGS } from "./pipeline-alternative";
import { PIPELINE_PROPOSITIONS, PIPELINE_STAKEHOLDERS } from "./pipeline-stakeholders";

/**
 * The bundled sample: a software company sells pipeline-leak analytics (LeakSense) to a
 * midstream operator. The value at risk without it is modelled from the customer's own network:
 * miles of pipeline, leaks per mile, corrosion by climate (wet or dry), repair and inspection costs.
 * The figures are illustrative; each names the kind of source a real model would cite.
 *
 * The model itself: its variables, elements and price. PIPELINE_SAMPLE below adds what issue 16
 * brought: who the value is for (stakeholders and propositions), the next-best alternative (manual
 * patrols), and two years of measured results.
 */
const PIPELINE_CORE: ModelTables = {
  variables: [
    ["Name", "Value", "Unit", "Source", "Notes", "Low", "High"],
    [
      "PipelineMiles",
      1200,
      "miles",
      "Customer GIS export of the transmission network, Sept 2026",
      "Onshore transmission only; gathering lines excluded",
      1100,
      1300,
    ],
    [
      "LeaksPerMile",
      0.012,
      "leaks per mile per year",
      "Customer maintenance records 2021–2025",
      "Average over five years, dry-climate segments",
      0.008,
      0.016,
    ],
    [
      "WetShare",
      0.35,
      "share of miles",
      "Customer GIS export, segments in wet or coastal climate",
      "Wet climates corrode pipe faster",
      0.3,
      0.4,
    ],
    ["WetCorrosionFactor", 1.8, "× leak rate", "Operator's corrosion study, 2024", "Leak rate in wet climate relative to dry", 1.5, 2.1],
    [
      "LeakReduction",
      0.3,
      "share of leaks avoided",
      "LeakSense reference customers (three operators, 2023–2025)",
      "Early detection lets crews repair before a leak",
      0.2,
      0.4,
    ],
    [
      "CostPerRepair",
      185000,
      "USD per leak",
      "Customer maintenance ledger, average 2021–2025",
      "Excavation, crew, parts and permits",
      150000,
      220000,
    ],
    [
      "ProductLossPerLeak",
      42000,
      "USD per leak",
      "Customer loss reports 2021–2025",
      "Gas vented or spilled before isolation",
      30000,
      55000,
    ],
    ["InspectionHoursPerMile", 6, "hours per mile per year", "Customer inspection schedule 2026", "Walking and aerial patrols", 5, 7],
    ["InspectionSaving", 0.4, "share of hours saved", "LeakSense pilot on 80 miles, 2025", "Patrols replaced by sensor review", 0.25, 0.5],
    ["LabourCostPerHour", 95, "USD per hour", "Customer HR, fully loaded field technician rate", "", 85, 110],
    [
      "FineProbability",
      0.08,
      "chance per year",
      "Regulator enforcement history for operators of this size",
      "Probability of a reportable incident fine",
      0.04,
      0.12,
    ],
    ["AverageFine", 2500000, "USD per fine", "Regulator civil penalty records, 2019–2025", "", 1000000, 4000000],
    ["FineReduction", 0.5, "share of fines avoided", "LeakSense reference customers", "Fewer and smaller incidents", 0.3, 0.6],
    ["InsurancePremium", 900000, "USD per year", "Customer CFO, 2026 policy", "Pollution liability cover", "", ""],
    [
      "PremiumReduction",
      0.05,
      "share of premium",
      "Broker estimate for monitored networks",
      "Insurer discount for continuous monitoring",
      "",
      "",
    ],
    [
      "EmergencyHoursPerLeak",
      120,
      "crew hours per leak",
      "Customer incident reports 2021–2025",
      "Call-outs outside working hours",
      80,
      160,
    ],
    ["OvertimePremium", 0.5, "extra share of the hourly rate", "Customer labour agreement", "Overtime is paid at 150%", "", ""],
  ],
  elements: [
    ["Element", "Id", "Formula", "Stakeholder", "Category", "Confidence", "Ramp", "Assumptions", "Actual"],
    [
      "Fewer leak repairs",
      "LeakRepairs",
      "PipelineMiles*LeaksPerMile*(1+WetShare*(WetCorrosionFactor-1))*LeakReduction*CostPerRepair",
      "Production Manager",
      "Cost",
      "green",
      "50%,90%,100%",
      "Leaks avoided times the average repair cost; wet-climate miles leak faster",
      "",
    ],
    [
      "Less product lost",
      "ProductLoss",
      "PipelineMiles*LeaksPerMile*(1+WetShare*(WetCorrosionFactor-1))*LeakReduction*ProductLossPerLeak",
      "Production Manager",
      "Revenue",
      "green",
      "50%,90%,100%",
      "Product no longer lost from the leaks avoided",
      "",
    ],
    [
      "Lower inspection labour",
      "InspectionLabour",
      "ROUND(PipelineMiles*InspectionHoursPerMile*InspectionSaving,0)*LabourCostPerHour",
      "Maintenance Manager",
      "Cost",
      "green",
      "30%,70%,100%",
      "Patrol hours saved, rounded to whole hours, at the loaded labour rate",
      "",
    ],
    [
      "Avoided regulatory fines",
      "AvoidedFines",
      "FineProbability*FineReduction*AverageFine",
      "Compliance Officer",
      "Risk",
      "gray",
      "",
      "Expected value of fines avoided",
      "",
    ],
    [
      "Lower insurance premium",
      "Insurance",
      "MIN(InsurancePremium*PremiumReduction,10%*(LeakRepairs+ProductLoss))",
      "CFO",
      "Cost",
      "gray",
      "0%,50%,100%",
      "Insurer discount, capped at a tenth of the operational savings; renewals take a year",
      "",
    ],
    [
      "Less emergency overtime",
      "Overtime",
      "PipelineMiles*LeaksPerMile*LeakReduction*EmergencyHoursPerLeak*LabourCostPerHour*OvertimePremium",
      "Maintenance Manager",
      "Cost",
      "gray",
      "50%,100%",
      "Only the overtime premium counts; the base hours are in the repair cost",
      "",
    ],
  ],
  settings: [
    ["Setting", "Value"],
    ["Customer", "Northwind Midstream"],
    ["Offering", "LeakSense pipeline-leak analytics"],
    ["Currency", "USD"],
    ["Years", 5],
    ["DiscountRate", 0.08],
    ["Investment", 250000],
    ["AnnualCost", 180000],
  ],
};

/** Each element's row with its value proposition in a last column, Proposition. */
function withPropositions(elements: readonly (readonly CellValue[])[]): readonly (readonly CellValue[])[] {
  return elements.map((row, i) => [...row, i === 0 ? "Proposition" : (PIPELINE_PROPOSITIONS[String(row[0])] ?? "")]);
}

/** The bundled sample as the pane and `cvm sample` insert it: the model, its value map, its alternative and its results so far. */
export const PIPELINE_SAMPLE: ModelTables = {
  ...PIPELINE_CORE,
  elements: withPropositions(PIPELINE_CORE.elements),
  settings: [...(PIPELINE_CORE.settings ?? []), ...PIPELINE_ALTERNATIVE_SETTINGS],
  stakeholders: PIPELINE_STAKEHOLDERS,
  actuals: PIPELINE_ACTUALS,
};

const PERCENT_VARIABLES = new Set([
  "WetShare",
  "LeakReduction",
  "InspectionSaving",
  "FineProbability",
  "FineReduction",
  "PremiumReduction",
  "OvertimePremium",
]);

/** Percent formats where the sample's numbers are shares, as a sales engineer would enter them. */
export function sampleNumberFormat(table: StarterRange, header: string, row: readonly unknown[]): string | undefined {
  if (table === "variables" && ["Value", "Low", "High"].includes(header)) {
    if (PERCENT_VARIABLES.has(String(row[0]))) return "0%";
    return typeof row[1] === "number" && row[1] >= 1000 ? "#,##0" : undefined;
  }
  if (table === "settings" && header === "Value") {
    return settingByLabel(String(row[0]))?.numberFormat;
  }
  if (table === "actuals") return { Actual: "#,##0", Date: "yyyy-mm-dd" }[header];
  return undefined;
}

/** What a starter model is made from: the sample's tables with its formats (the skeleton's settings take the same ones). */
export const PIPELINE_STARTER: StarterSource = { tables: PIPELINE_SAMPLE, numberFormat: sampleNumberFormat };
