/**
 * The hostile-input corpus through the Office.js adapter: each case's workbook seeds the in-memory
 * Excel simulation (once per case), and a build is refused with the expected problem at the
 * expected place, within the case's bound, without a single write: no write operation in any sync,
 * and the document exactly as it was.
 */
import { buildInExcel } from "../support/pipeline";
import { loadXlsx } from "../../src/adapters/xlsx/read";
import type { DocumentView, ExcelSimulation } from "../../src/devtools/simulation/excel";
import { BUILT, hostOf, simulationOf, writes } from "../adapters/excel/support";
import { seedFromXlsx } from "../support/xlsx-to-simulation";
import { BASE, CORPUS, type ModelSource } from "./corpus";
import { expectReported } from "./expect";

async function simulationFor(c: ModelSource): Promise<ExcelSimulation> {
  const seed = seedFromXlsx(await loadXlsx(await c.workbook()));
  return simulationOf(c.excelSeed ? c.excelSeed(seed) : seed);
}

/** Everything a build could change: sheets with their cells, formats and charts, names, tables, the active sheet. */
function documentOf(doc: DocumentView) {
  return {
    sheets: doc.sheetNames().map((s) => doc.sheet(s)),
    names: doc.names(),
    tables: doc.tables(),
    active: doc.activeSheet(),
    selection: doc.selection(),
  };
}

test("the base model builds, so a build that writes is seen", async () => {
  const simulation = await simulationFor(BASE);
  const outcome = await buildInExcel(hostOf(simulation), BUILT);
  expect(outcome.ok ? [] : outcome.problems).toEqual([]);
  expect(writes(simulation).length).toBeGreaterThan(0);
});

describe("a build inside Excel (simulated) refuses every hostile model and writes nothing", () => {
  test.each(CORPUS.map((c) => [`${c.category}: ${c.name}`, c] as const))(
    "%s",
    async (_, c) => {
      const simulation = await simulationFor(c);
      const revision = simulation.document.revision();
      const before = documentOf(simulation.document);

      const start = performance.now();
      const outcome = await buildInExcel(hostOf(simulation), BUILT);
      const elapsed = performance.now() - start;

      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expectReported(outcome.problems, c);
      expect(writes(simulation)).toEqual([]);
      expect(simulation.document.revision()).toBe(revision);
      expect(documentOf(simulation.document)).toEqual(before);
      expect(elapsed).toBeLessThan(c.adapterBoundMs);
    },
    120_000,
  );
});
