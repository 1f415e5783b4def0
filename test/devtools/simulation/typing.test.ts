import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createExcelSimulation } from "../../../src/devtools/simulation/excel";

test("the context is typed as Office.js's: the compiler refuses members Excel does not have", async () => {
  const simulation = createExcelSimulation();
  const context: Excel.RequestContext = simulation.context();
  const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
  // @ts-expect-error Excel.Range has no setValues method (this line fails `tsc` if it compiles)
  expect(() => range.setValues([[1]])).toThrow(TypeError);
  // @ts-expect-error Range.values is a 2-D array in Office.js
  range.values = 5;
  await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
});

test("a simulated member must have Office.js's type, which the Pick<> pattern enforces", () => {
  class WrongRange implements Pick<Excel.Range, "rowCount"> {
    // @ts-expect-error rowCount is a number in Office.js, so the class does not implement the pick
    readonly rowCount = "3";
  }
  expect(new WrongRange().rowCount).toBe("3");
});

test("the simulation runs without the Excel global", async () => {
  expect(typeof Excel).toBe("undefined");
  const simulation = createExcelSimulation();
  await simulation.run(async (context) => {
    const sheet = context.workbook.worksheets.add("Chart");
    sheet.charts.add("Waterfall", sheet.getRange("A1:A3"), "Columns").setPosition("C1");
    sheet.visibility = "VeryHidden";
    sheet.getRange("A1").format.borders.getItem("EdgeTop").style = "Continuous";
    sheet.getRange("A1").conditionalFormats.add("Custom");
    sheet.getRange("A1").clear("Formats");
  });
  expect(simulation.document.sheet("Chart").visibility).toBe("VeryHidden");
});

test("the simulation's sources use no Node API, so they run in a browser", () => {
  const folder = join(__dirname, "../../../src/devtools/simulation/excel");
  // Every source file, in sub-folders too (the formula calculator has its own).
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".ts"));
  expect(files).toContain("simulation.ts");
  for (const file of files) {
    const source = readFileSync(join(folder, file), "utf8");
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]!);
    expect({ file, foreign: imports.filter((i) => !i.startsWith(".")) }).toEqual({ file, foreign: [] });
    expect({ file, node: /\b(process|Buffer|require|__dirname|global)\b[.(]/.test(source) }).toEqual({ file, node: false });
  }
});
