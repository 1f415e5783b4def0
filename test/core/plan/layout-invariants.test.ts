import { writeModelWorkbook } from "../../support/model-workbook";
import type { SheetPlan } from "../../../src/core/plan/types";
import { PIPELINE_SAMPLE } from "../../../src/sample/pipeline-model";
import { FIXTURES, type Fixture, VALUE_MAP_AWKWARD, VALUE_MAP_SAMPLE } from "../../fixtures/models";
import { BUILT_AT } from "../../support/build";
import { planOf } from "../../support/page-plans";

/**
 * What holds for every output sheet of every model: no chart stands over a planned cell (a chart
 * over text hides it on screen and on paper), each chart lies inside the printed columns, and no
 * cell is planned twice.
 */
const ALL: readonly Fixture[] = [{ name: "pipeline-sample", tables: PIPELINE_SAMPLE }, ...FIXTURES, VALUE_MAP_SAMPLE, VALUE_MAP_AWKWARD];

describe.each(ALL.map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
  let sheets: readonly SheetPlan[];
  beforeAll(async () => {
    sheets = (await planOf(await writeModelWorkbook(fixture.tables, fixture.options), BUILT_AT)).sheets;
  });

  test("no chart stands over a planned cell, and each chart is inside the print area", () => {
    for (const sheet of sheets) {
      for (const chart of sheet.charts) {
        const { row, column, rows, columns } = chart.anchor;
        const under = sheet.cells.filter((c) => c.row >= row && c.row < row + rows && c.column >= column && c.column < column + columns);
        expect([sheet.name, chart.kind, under.map((c) => `${c.row},${c.column}`)]).toEqual([sheet.name, chart.kind, []]);
        expect(column + columns - 1).toBeLessThanOrEqual(sheet.page!.printArea.lastColumn);
        expect(row + rows - 1).toBeLessThanOrEqual(sheet.page!.printArea.lastRow);
      }
    }
  });

  test("no cell is planned twice", () => {
    for (const sheet of sheets) {
      const positions = sheet.cells.map((c) => `${c.row},${c.column}`);
      expect([sheet.name, positions.length]).toEqual([sheet.name, new Set(positions).size]);
    }
  });
});

describe.each([VALUE_MAP_SAMPLE, VALUE_MAP_AWKWARD].map((f) => [f.name, f] as const))("%s", (_name, fixture) => {
  let sheets: readonly SheetPlan[];
  beforeAll(async () => {
    sheets = (await planOf(await writeModelWorkbook(fixture.tables, fixture.options), BUILT_AT)).sheets;
  });

  test("every planned cell of the Value Map lies in its print area, and a sentence's row is tall enough for it", () => {
    const map = sheets.find((s) => s.name === "Value Map")!;
    const area = map.page!.printArea;
    expect(map.cells.filter((c) => c.row > area.lastRow || c.column > area.lastColumn)).toEqual([]);
    let tall = 0;
    for (const c of map.cells) {
      if (c.content.kind !== "formula" || typeof c.content.value !== "string" || c.column !== 5) continue;
      // 60 characters of column width hold about 60 letters a line: a longer sentence needs a taller row.
      const lines = Math.ceil(c.content.value.length / 63);
      const height = map.rowHeights!.find((run) => run.first <= c.row && c.row <= run.last)!.points;
      expect([c.content.value, height >= 15 * lines]).toEqual([c.content.value, true]);
      tall += lines > 1 ? 1 : 0;
    }
    expect(tall).toBeGreaterThan(0);
  });
});
