import type { CellValue } from "../core/workbook/cells";

/**
 * The sample's value map (issue 16), which the bundled sample (src/sample/pipeline-model.ts) adds:
 * the pipeline operator's stakeholders, as a `CVM_Stakeholders` table, and a value proposition
 * for each of the sample's elements, for a `Proposition` column of `CVM_Elements`. The
 * stakeholders are exactly the ones the sample's elements name (src/sample/pipeline-model.ts), so
 * that the sample opens without a warning; figures in the propositions are the sample's own
 * (LeakReduction is 30%).
 */
export const PIPELINE_STAKEHOLDERS: readonly (readonly CellValue[])[] = [
  ["Stakeholder", "Role", "Objective", "Metric", "Notes"],
  [
    "Production Manager",
    "Director of pipeline operations",
    "Keep product moving to shippers without unplanned shutdowns",
    "Throughput delivered and unplanned repair spend against budget",
    "Owns the repair budget; sponsor of the pilot",
  ],
  [
    "Maintenance Manager",
    "Field maintenance lead, 40 crews",
    "Spend crew hours on planned work rather than patrols and call-outs",
    "Crew hours per mile and overtime as a share of labour cost",
    "Patrol schedule set by the 2024 maintenance plan",
  ],
  [
    "Compliance Officer",
    "Regulatory compliance manager",
    "Pass regulator audits without findings or fines",
    "Reportable incidents and fines paid per year",
    "",
  ],
  [
    "CFO",
    "Chief financial officer",
    "Lower operating cost and the cost of risk the company carries",
    "Operating cost per barrel-mile and insurance premium",
    "Approves the purchase; wants green money first",
  ],
];

/**
 * Two more of the operator's stakeholders, whose objectives the offering serves without an
 * element of their own yet: for the sample once it has elements that name them. Listed while no
 * element names them, each is a warning (`stakeholder-unused`); the tests use them so.
 */
export const PIPELINE_MORE_STAKEHOLDERS: readonly (readonly CellValue[])[] = [
  [
    "Integrity Engineer",
    "Pipeline integrity program lead",
    "Find corrosion before it leaks, on the segments most at risk",
    "Leaks per mile per year and share of high-risk miles inspected",
    "Would run the leak-detection models day to day",
  ],
  [
    "HSE Manager",
    "Health, safety and environment manager",
    "No spills reach soil or water; no injuries on leak response",
    "Barrels spilled and recordable incidents",
    "Signs off environmental reports to the state",
  ],
];

/** A value proposition for each of the sample's elements, by element name: the sentence's tail after the money. */
export const PIPELINE_PROPOSITIONS: Readonly<Record<string, string>> = {
  "Fewer leak repairs": "cutting the Production Manager's unplanned repair spend by 30%",
  "Less product lost": "keeping product in the pipe that leaks now lose before a crew arrives",
  "Lower inspection labour": "turning patrol hours into planned maintenance work",
  "Avoided regulatory fines": "fewer reportable incidents, and fewer fines after them",
  "Lower insurance premium": "a lower premium from an insurer that sees fewer claims",
  "Less emergency overtime": "fewer call-outs outside working hours for the maintenance crews",
};
