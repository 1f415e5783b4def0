import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeModelWorkbook } from "./model-workbook";
import { buildValueWorkbook } from "../../src/cli/build-workbook";
import type { Fixture } from "../fixtures/models";

export const BUILT_AT = new Date(Date.UTC(2026, 10, 23, 9, 30));

export async function temporaryFolder(prefix: string): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), `cvm-${prefix}-`));
}

/** Writes a fixture's model workbook and builds its value workbook; both land in `folder`. */
export async function buildFixture(fixture: Fixture, folder: string) {
  const model = await writeModelWorkbook(fixture.tables, fixture.options);
  const modelPath = path.join(folder, `${fixture.name}.xlsx`);
  await fs.writeFile(modelPath, model);
  const outcome = await buildValueWorkbook(model, BUILT_AT);
  if (!outcome.ok) throw new Error(`${fixture.name} did not build: ${outcome.problems.map((p) => p.message).join("; ")}`);
  const valuePath = path.join(folder, `${fixture.name}.value.xlsx`);
  await fs.writeFile(valuePath, outcome.bytes);
  return { modelPath, valuePath, analysis: outcome.analysis };
}
