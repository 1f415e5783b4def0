import { INCOMPLETE_MARK, markIncomplete } from "../../../src/core/plan/incomplete";
import type { PlannedCell, SheetPlan } from "../../../src/core/plan/types";

const sheet = (cells: PlannedCell[], first = 0): SheetPlan => ({
  name: "Value Summary",
  visibility: "visible",
  replaceColumns: { first, last: 10 },
  cells,
  styles: { title: { bold: true, fontSize: 16 } },
  columnWidths: [],
  conditionalFormats: [],
  charts: [],
});

describe("marking a sheet incomplete while it is written", () => {
  const title: PlannedCell = {
    row: 0,
    column: 0,
    content: { kind: "formula", formula: '="Value Summary"&Settings!$B$2', value: "Value Summary" },
    style: "title",
  };
  const other: PlannedCell = { row: 3, column: 2, content: { kind: "number", value: 7 } };

  test("the title cell holds the mark, in the title's style, and the title is what goes there last", () => {
    const marked = markIncomplete(sheet([other, title]));
    expect(marked.mark).toEqual({ row: 0, column: 0 });
    expect(marked.sheet.cells).toEqual([{ row: 0, column: 0, content: { kind: "text", value: INCOMPLETE_MARK }, style: "title" }, other]);
    expect(marked.finalCell).toBe(title);
  });

  test("a sheet with nothing in its first cell gets the mark there, and a blank last", () => {
    const marked = markIncomplete(sheet([other], 2));
    expect(marked.mark).toEqual({ row: 0, column: 2 });
    expect(marked.sheet.cells[0]!.content).toEqual({ kind: "text", value: INCOMPLETE_MARK });
    expect(marked.finalCell).toEqual({ row: 0, column: 2, content: { kind: "text", value: "" } });
  });

  test("the mark says what happened and what to do, and cannot be read as a formula", () => {
    expect(INCOMPLETE_MARK).toMatch(/^INCOMPLETE: .*stopped.*Build again/);
  });
});
