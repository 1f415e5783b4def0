/**
 * The hostile-input corpus through the .xlsx adapter, as `cvm build` runs it: each case's workbook
 * is written to its own folder, and the build exits 1, prints the expected problem with its
 * place, creates no file (the folder holds exactly what it held) and leaves the input byte for
 * byte as it was, within the case's bound.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { temporaryFolder } from "../support/build";
import { cvm, sha256Of } from "../support/cli";
import { BASE, CORPUS, type ModelSource } from "./corpus";
import { locationText } from "./expect";

let folder: string;
beforeAll(async () => {
  folder = await temporaryFolder("hostile");
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

async function placed(c: ModelSource, folderName: string): Promise<{ dir: string; file: string }> {
  const dir = path.join(folder, folderName);
  await fs.mkdir(dir);
  const file = path.join(dir, "model.xlsx");
  await fs.writeFile(file, await c.workbook());
  return { dir, file };
}

test("the base model builds, so a build that writes is seen", async () => {
  const { dir, file } = await placed(BASE, "base");
  const { status, stderr } = await cvm("build", file);
  expect([status, stderr]).toEqual([0, ""]);
  expect((await fs.readdir(dir)).sort()).toEqual(["model.value.xlsx", "model.xlsx"]);
});

describe("cvm build refuses every hostile model and writes nothing", () => {
  test.each(CORPUS.map((c, i) => [`${c.category}: ${c.name}`, c, i] as const))(
    "%s",
    async (_, c, index) => {
      const { dir, file } = await placed(c, `case-${index}`);
      const hash = await sha256Of(file);
      const listing = await fs.readdir(dir);

      const start = performance.now();
      const { status, stdout, stderr } = await cvm("build", file);
      const elapsed = performance.now() - start;

      expect(status).toBe(1);
      expect(stdout).toBe("");
      const errors = stderr.split("\n").filter((line) => line.startsWith("Error in "));
      for (const e of c.expected) {
        const prefix = `Error in ${locationText(e)}: `;
        const lines = errors.filter(
          (line) => line.startsWith(prefix) && (e.message === undefined || e.message.test(line.slice(prefix.length))),
        );
        if (lines.length === 0)
          throw new Error(`${c.name}: no line "${prefix}…" matching ${String(e.message)} in:\n${errors.slice(0, 10).join("\n")}`);
      }
      if (c.errors !== undefined) expect(errors).toHaveLength(c.errors);
      expect(stderr).toContain(`; nothing was written.`);
      expect(await fs.readdir(dir)).toEqual(listing);
      expect(await sha256Of(file)).toBe(hash);
      expect(elapsed).toBeLessThan(c.adapterBoundMs);
    },
    120_000,
  );
});
