/**
 * A large model of realistic shape for the cache tests: formulas over several variables, elements
 * that use other elements' values, functions, ramps in both notations, green and gray money.
 */
import { ELEMENT_HEADER, type Grid, settings, VARIABLE_HEADER } from "./helpers";

const RAMPS = ["25%,50%,100%", "0.5, 1", "", "40%, 80%", "100%"];
const STAKEHOLDERS = ["CFO", "Production Manager", "Plant Engineer", "HSE Manager"];

export function generatedModel(elementCount = 500, variableCount = 40): { elements: Grid; variables: Grid; settings: Grid } {
  const variables: Grid = [VARIABLE_HEADER];
  for (let i = 1; i <= variableCount; i++) variables.push([`Var_${i}`, 10 + i, "units", 5 + i, 20 + i]);
  const v = (k: number) => `Var_${(k % variableCount) + 1}`;

  const elements: Grid = [ELEMENT_HEADER];
  for (let i = 1; i <= elementCount; i++) {
    let formula: string;
    if (i > 10 && i % 4 === 0) formula = `=Elem_${i - 3}*0.1 + ROUND(${v(i)}*${v(i + 3)}, 1)`;
    else if (i > 10 && i % 7 === 0) formula = `MAX(Elem_${i - 7}, elem_${i - 5}) * 5% + IF(${v(i)}>20, ${v(i + 1)}*100, 0)`;
    else formula = `${v(i)}*${v(i * 7)}*${(i % 9) + 1}*12`;
    elements.push([`Element ${i}`, formula, `Elem_${i}`, STAKEHOLDERS[i % STAKEHOLDERS.length]!, i % 3 === 0 ? "green" : "gray", RAMPS[i % RAMPS.length]!, i % 10 === 0 ? 1000 * i : ""]);
  }
  return { elements, variables, settings: settings({ Years: 5, DiscountRate: 0.08, Investment: 1_000_000, AnnualCost: 50_000 }) };
}
