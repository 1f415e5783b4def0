import { promises as fs } from "node:fs";
import * as path from "node:path";
import { loadXlsx, readWorkbook } from "../src/adapters/xlsx/read";
import { analyzeWorkbook } from "../src/core/model/analyze";
import { PIPELINE_SAMPLE } from "../src/sample/pipeline-model";

const SAMPLE = path.resolve(__dirname, "../assets/sample/pipeline-leak-analytics.xlsx");

describe("the bundled sample model", () => {
  test("the committed workbook holds exactly what src/sample generates (run `npm run sample` after changing it)", async () => {
    const { input } = readWorkbook(await loadXlsx(new Uint8Array(await fs.readFile(SAMPLE))));
    const asRead = (rows: readonly (readonly unknown[])[] | undefined) => rows?.map((r) => r.map((v) => (v === null ? "" : v)));
    expect(input.variables?.values).toEqual(asRead(PIPELINE_SAMPLE.variables));
    expect(input.elements?.values).toEqual(asRead(PIPELINE_SAMPLE.elements));
    expect(input.settings?.values).toEqual(asRead(PIPELINE_SAMPLE.settings));
  });

  test("is the mission's example: valid, 6+ elements, 3+ stakeholders, green and gray, ramps, a source on every variable", async () => {
    const { input } = readWorkbook(await loadXlsx(new Uint8Array(await fs.readFile(SAMPLE))));
    const analysis = analyzeWorkbook(input);
    if (!analysis.ok) throw new Error(analysis.problems.map((p) => p.message).join("\n"));
    expect(analysis.problems).toEqual([]);
    const { elements, variables } = analysis.model;
    expect(elements.length).toBeGreaterThanOrEqual(6);
    expect(new Set(elements.map((e) => e.stakeholder)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(elements.map((e) => e.confidence))).toEqual(new Set(["green", "gray"]));
    expect(elements.some((e) => e.ramp.length > 1)).toBe(true);
    expect(variables.every((v) => v.source !== "")).toBe(true);
    expect(variables.map((v) => v.name)).toEqual(
      expect.arrayContaining([
        "PipelineMiles",
        "LeaksPerMile",
        "WetShare",
        "WetCorrosionFactor",
        "CostPerRepair",
        "InspectionHoursPerMile",
        "LabourCostPerHour",
      ]),
    );
  });
});
