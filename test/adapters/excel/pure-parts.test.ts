import { blockBytes, planBlocks, splitToBytes } from "../../../src/adapters/excel/blocks";
import { columnWidthPoints } from "../../../src/adapters/excel/apply";
import { styleAreas } from "../../../src/adapters/excel/style-areas";
import { needsQuotePrefix, typedEntry } from "../../../src/adapters/excel/typed-entry";
import type { PlannedCell, SheetPlan } from "../../../src/core/plan/types";

function sheet(cells: PlannedCell[], styles: SheetPlan["styles"] = {}, replace = { first: 0, last: 4 }): SheetPlan {
  return { name: "S", visibility: "visible", replaceColumns: replace, cells, styles, columnWidths: [], conditionalFormats: [], charts: [] };
}
const text = (row: number, column: number, value: string, style?: string): PlannedCell => ({
  row,
  column,
  content: { kind: "text", value },
  ...(style ? { style } : {}),
});
const num = (row: number, column: number, value: number, style?: string): PlannedCell => ({
  row,
  column,
  content: { kind: "number", value },
  ...(style ? { style } : {}),
});

describe("text written as text", () => {
  test.each([
    ['=HYPERLINK("http://x")', true],
    ["+1", true],
    ["-cmd", true],
    ["@SUM(A1)", true],
    ["'quoted", true],
    ["15%", true],
    ["2026-01-01", true],
    ["Jan 5", true],
    ["TRUE", true],
    ["false", true],
    ["#N/A", true],
    [" leading space", true],
    ["WAHR", true],
    ["Fewer leak repairs", true],
    ["", false],
  ])("%j needs a quote prefix: %s", (value, expected) => {
    expect(needsQuotePrefix(value)).toBe(expected);
  });

  test("entries: numbers stay numbers, formulas stay formulas, risky text gets Excel's quote prefix", () => {
    expect(typedEntry({ kind: "number", value: 0.15 })).toBe(0.15);
    expect(typedEntry({ kind: "formula", formula: "=Miles*2", value: 2 })).toBe("=Miles*2");
    expect(typedEntry({ kind: "text", value: "=1+1" })).toBe("'=1+1");
    expect(typedEntry({ kind: "text", value: "'already" })).toBe("''already");
    expect(typedEntry({ kind: "text", value: "Notes" })).toBe("'Notes");
    expect(typedEntry({ kind: "text", value: "" })).toBe("");
  });
});

describe("cell blocks", () => {
  test("owned columns form one block; holes are null, formats only where styled", () => {
    const blocks = planBlocks(
      sheet([text(0, 0, "Title", "t"), num(2, 1, 5, "money"), num(3, 3, 7)], { t: { bold: true }, money: { numberFormat: "0.00" } }),
      1000,
    );
    expect(blocks).toEqual([
      {
        top: 0,
        left: 0,
        rows: 4,
        columns: 4,
        formulas: [
          ["'Title", null, null, null],
          [null, null, null, null],
          [null, 5, null, null],
          [null, null, null, 7],
        ],
        numberFormats: [
          [null, null, null, null],
          [null, null, null, null],
          [null, "0.00", null, null],
          [null, null, null, null],
        ],
      },
    ]);
  });

  test("cells outside the owned columns are written in runs of consecutive rows, never over rows between", () => {
    const blocks = planBlocks(sheet([text(0, 0, "A"), text(0, 12, "Change history"), num(10, 12, 1), text(11, 13, "x")]), 1000);
    expect(blocks.map((b) => [b.top, b.left, b.rows, b.columns])).toEqual([
      [0, 0, 1, 1],
      [0, 12, 1, 1],
      [10, 12, 2, 2],
    ]);
    expect(blocks[2]!.formulas).toEqual([
      [1, null],
      [null, "'x"],
    ]);
  });

  test("a block over the cell limit is split by rows and loses nothing", () => {
    const cells = Array.from({ length: 10 }, (_, r) => [num(r, 0, r), num(r, 1, -r)]).flat();
    const blocks = planBlocks(sheet(cells), 6);
    expect(blocks.map((b) => [b.top, b.rows])).toEqual([
      [0, 3],
      [3, 3],
      [6, 3],
      [9, 1],
    ]);
    expect(blocks.flatMap((b) => b.formulas)).toEqual(Array.from({ length: 10 }, (_, r) => [r, -r]));
  });

  test("a block's weight is its UTF-8 bytes, so text outside ASCII is split as finely as it travels", () => {
    const [ascii] = planBlocks(sheet([text(0, 0, "abc")]), 1000);
    const [japanese] = planBlocks(sheet([text(0, 0, "価値額")]), 1000);
    // [["'abc"]] is 10 bytes; each of the three characters of 価値額 is 3 bytes in UTF-8.
    expect([blockBytes(ascii!), blockBytes(japanese!)]).toEqual([10, 16]);
    const many = planBlocks(sheet(Array.from({ length: 40 }, (_, r) => text(r, 0, "価値額の見積"))), 1000)[0]!;
    const parts = splitToBytes(many, 200);
    expect(parts.every((p) => blockBytes(p) <= 200)).toBe(true);
    expect(parts.flatMap((p) => p.formulas)).toEqual(many.formulas);
  });
});

describe("style areas", () => {
  test("repeated rows merge into one rectangle per style", () => {
    const cells: PlannedCell[] = [];
    for (let r = 4; r < 104; r++) {
      cells.push(text(r, 0, "e", "name"), num(r, 5, 1, "money"), num(r, 6, 1, "money"), num(r, 7, 1, "money"));
    }
    const areas = styleAreas(
      sheet(cells, { name: { wrap: true }, money: { fontColor: "#112233", numberFormat: "0" } }, { first: 0, last: 10 }),
    );
    expect(areas.map((a) => [a.top, a.left, a.bottom, a.right])).toEqual([
      [4, 0, 103, 0],
      [4, 5, 103, 7],
    ]);
  });

  test("bordered styles stay one row high; number-format-only styles need no area", () => {
    const areas = styleAreas(
      sheet([num(1, 0, 1, "total"), num(2, 0, 1, "total"), num(3, 0, 1, "plain")], {
        total: { borderTop: true, bold: true },
        plain: { numberFormat: "0" },
      }),
    );
    expect(areas.map((a) => [a.top, a.bottom])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });
});

test("column widths in characters become points as Excel sizes Calibri 11", () => {
  // Excel shows width 8.43 (its default) as 64 pixels, 48 points.
  expect(columnWidthPoints(8.43)).toBeCloseTo(48, 0);
  expect(columnWidthPoints(20)).toBeCloseTo(108.75, 2);
});
