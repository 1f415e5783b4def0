/**
 * The sample's next-best alternative (issue 16), as rows of its CVM_Settings table, which the
 * bundled sample (src/sample/pipeline-model.ts) appends to its settings.
 *
 * Without LeakSense, Northwind Midstream keeps finding leaks as it does today: by manual patrols,
 * walking and flying the line. The sample's elements already measure their value against that (the
 * patrol hours saved, the leaks found too late), so the alternative here is only its price:
 * - AlternativeInvestment 0: the patrols are in place; staying with them needs nothing bought.
 * - AlternativeAnnualCost 120000: what the operator pays each year to keep patrolling beyond its
 *   own crews' hours (which the element "Lower inspection labour" counts already): the aerial
 *   patrol contract and the hire of patrol vehicles, about $100 a mile for its 1,200 miles.
 * Over the sample's 5 years that is $600,000, which the customer saves by buying and which the
 * incentive to purchase therefore adds to the net value.
 */
export const PIPELINE_ALTERNATIVE_SETTINGS: readonly (readonly [label: string, value: string | number])[] = [
  ["Alternative", "manual patrols"],
  ["AlternativeInvestment", 0],
  ["AlternativeAnnualCost", 120000],
];
