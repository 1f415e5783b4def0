/**
 * The webpack plugin generates functions.json from functions.ts with custom-functions-metadata;
 * this runs the same generator and checks what Excel will be told against the contract.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { finalizeFunctionsMetadata } from "../../webpack/functions-metadata";

interface Parameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
}

const FILE = path.join(__dirname, "../../src/functions/functions.ts");

// The contract's signatures: a trailing "?" marks an optional argument, "[]" a range.
const CONTRACT: Record<string, { parameters: string[]; matrixResult: boolean }> = {
  ELEMENTVALUE: { parameters: ["elements[]", "variables[]", "element", "year?"], matrixResult: false },
  TOTAL: { parameters: ["elements[]", "variables[]", "year?"], matrixResult: false },
  NETPRESENTVALUE: { parameters: ["elements[]", "variables[]", "settings[]"], matrixResult: false },
  ROI: { parameters: ["elements[]", "variables[]", "settings[]"], matrixResult: false },
  PAYBACK: { parameters: ["elements[]", "variables[]", "settings[]"], matrixResult: false },
  EVAL: { parameters: ["formula", "variables[]"], matrixResult: false },
  ISSUES: { parameters: ["elements[]", "variables[]", "settings[]?"], matrixResult: true },
  SENSITIVITY: { parameters: ["elements[]", "variables[]", "settings[]"], matrixResult: true },
  REALIZED: { parameters: ["elements[]", "variables[]"], matrixResult: false },
  INCENTIVE: { parameters: ["elements[]", "variables[]", "settings[]"], matrixResult: false },
  REALIZEDBYYEAR: { parameters: ["elements[]", "variables[]", "actuals[]", "year?"], matrixResult: true },
};

describe("functions.json as the build generates it", () => {
  let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  let metadata: FunctionMetadata[];

  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata([FILE], true);
    metadata = generated.metadataJson ? (JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] }).functions : [];
  });

  it("has no errors", () => {
    expect(generated.errors).toEqual([]);
  });

  // Every range argument is `any`, so with this flag Excel runs the functions over error cells and
  // CVM.ISSUES can name them; the generator cannot write it, the build adds it.
  it("ships with allowErrorForDataTypeAny at the top level, which the generator alone does not write", () => {
    expect(JSON.parse(generated.metadataJson).allowErrorForDataTypeAny).toBeUndefined();
    const shipped = JSON.parse(finalizeFunctionsMetadata(generated.metadataJson)) as {
      allowErrorForDataTypeAny?: unknown;
      functions: unknown;
    };
    expect(shipped.allowErrorForDataTypeAny).toBe(true);
    expect(shipped.functions).toEqual(JSON.parse(generated.metadataJson).functions);
  });

  it("declares exactly the contract's functions", () => {
    expect(metadata.map((f) => f.id).sort()).toEqual(Object.keys(CONTRACT).sort());
    for (const f of metadata) expect(f.name).toBe(f.id);
  });

  it("gives each function the contract's parameters, ranges as matrices and optional ones marked", () => {
    for (const f of metadata) {
      const signature = f.parameters.map((p) => `${p.name}${p.dimensionality === "matrix" ? "[]" : ""}${p.optional ? "?" : ""}`);
      expect({ id: f.id, signature }).toEqual({ id: f.id, signature: CONTRACT[f.id]!.parameters });
      const ranges = f.parameters.filter((p) => p.dimensionality === "matrix");
      // `any` so that Excel passes the values of every kind of cell, text, numbers and errors.
      for (const p of ranges) expect(p.type).toBe("any");
    }
  });

  it("returns dynamic arrays from ISSUES, SENSITIVITY and REALIZEDBYYEAR only", () => {
    for (const f of metadata)
      expect({ id: f.id, matrix: f.result.dimensionality === "matrix" }).toEqual({ id: f.id, matrix: CONTRACT[f.id]!.matrixResult });
  });

  it("describes every function and every parameter for autocomplete, in sentences", () => {
    for (const f of metadata) {
      expect(f.description).toMatch(/^[A-Z].{20,200}\.$/s);
      for (const p of f.parameters)
        expect({ id: f.id, parameter: p.name, description: p.description }).toEqual({
          id: f.id,
          parameter: p.name,
          description: expect.stringMatching(/^[A-Z].{10,}\.$/),
        });
    }
  });

  it("every function is explained on the help page (the manifest's SupportUrl), under its id", () => {
    const help = fs.readFileSync(path.join(__dirname, "../../assets/help.html"), "utf8");
    const listed = [...help.matchAll(/<code>CVM\.([A-Z.]+)\(/g)].map((m) => m[1]);
    expect([...new Set(listed)].sort()).toEqual(metadata.map((f) => f.id).sort());
  });

  it("associates each id with a function this module exports", () => {
    const exported = functions as unknown as Record<string, unknown>;
    for (const a of generated.associate)
      expect({ id: a.id, type: typeof exported[a.functionName] }).toEqual({ id: a.id, type: "function" });
    expect(generated.associate.map((a) => a.id).sort()).toEqual(Object.keys(CONTRACT).sort());
  });
});
