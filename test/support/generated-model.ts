import type { ModelTables } from "./model-workbook";

export interface GeneratedModelOptions {
  /**
   * Adds an Actual column (the realized annual value, for value realization), filled for every
   * tenth element. Off by default, so that the models other tests were written against stay the same.
   */
  readonly actuals?: boolean;
}

/**
 * A model of any size shaped like real ones: variables with units, sources and Low/High ranges,
 * elements whose formulas multiply a few variables, cap with MIN, guard with IF and build on
 * earlier elements by id, with ramps, four stakeholders and both confidences. Deterministic, so
 * that sizes compare. The one generator of the tests and of the benchmark (bench/).
 */
export function generatedModel(elementCount: number, options: GeneratedModelOptions = {}): ModelTables {
  const variableCount = Math.max(6, Math.ceil(elementCount / 4));
  const variables: (string | number)[][] = [["Name", "Value", "Unit", "Source", "Notes", "Low", "High"]];
  for (let v = 1; v <= variableCount; v++) {
    const value = 10 + ((v * 37) % 900);
    variables.push([`Input_${v}`, value, "units", `Survey ${v}`, v % 3 === 0 ? "rounded" : "", value * 0.8, value * 1.25]);
  }
  const stakeholders = ["CFO", "Production Manager", "Maintenance Lead", "HSE Officer"];
  const ramps = ["40%,80%,100%", "", "50%,100%", "25%, 50%, 75%, 100%"];
  const elements: (string | number)[][] = [
    ["Element", "Formula", "Id", "Stakeholder", "Confidence", "Ramp", "Assumptions", ...(options.actuals ? ["Actual"] : [])],
  ];
  const variable = (i: number) => `Input_${1 + (i % variableCount)}`;
  for (let e = 1; e <= elementCount; e++) {
    const a = variable(e * 7);
    const b = variable(e * 13 + 1);
    const c = variable(e * 3 + 2);
    let formula: string;
    if (e % 10 === 0 && e > 1) formula = `Value_${e - 1}*0.1 + Value_${Math.max(1, e - 5)}*0.05`;
    else if (e % 7 === 0) formula = `MIN(${a}*${b}, 50000) - ${c}`;
    else if (e % 5 === 0) formula = `IF(${a}>${b}, ${a}*12.5, ${b}*8)`;
    else formula = `${a}*${b}*0.${(e % 9) + 1} + ROUND(${c}/3, 2)`;
    const row: (string | number)[] = [
      `Element ${e}`,
      formula,
      `Value_${e}`,
      stakeholders[e % 4]!,
      e % 3 === 0 ? "gray" : "green",
      ramps[e % 4]!,
      `Assumption ${e}`,
    ];
    if (options.actuals) row.push(e % 10 === 0 ? 1000 * e : "");
    elements.push(row);
  }
  const settings: (string | number)[][] = [
    ["Setting", "Value"],
    ["Customer", "Generated Co"],
    ["Offering", "Generated offering"],
    ["Years", 5],
    ["DiscountRate", 0.08],
    ["Investment", 20_000 * elementCount],
    ["AnnualCost", 5_000 * elementCount],
  ];
  return { variables, elements, settings };
}
