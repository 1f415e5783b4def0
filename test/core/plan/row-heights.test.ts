import { rowHeightsFor } from "../../../src/core/plan/row-heights";
import type { PlannedCell } from "../../../src/core/plan/types";

const text = (row: number, column: number, value: string, style?: string): PlannedCell => ({
  row,
  column,
  content: { kind: "text", value },
  ...(style ? { style } : {}),
});
const styles = { wrapped: { wrap: true }, title: { fontSize: 22 } };

describe("row heights for wrapped text", () => {
  test("a row is as tall as its longest wrapped text needs, every other row the default, as runs", () => {
    // Column B is 10 characters wide: about ten letters a line.
    const cells = [
      text(0, 0, "Title", "title"),
      text(1, 1, "one two three four five six seven", "wrapped"),
      text(2, 0, "plain"),
      text(3, 0, "short"),
    ];
    expect(rowHeightsFor(cells, styles, [{ column: 1, width: 10 }])).toEqual([
      { first: 0, last: 0, points: 30 },
      { first: 1, last: 1, points: 60 },
      { first: 2, last: 3, points: 15 },
    ]);
  });

  test("a word longer than a line (a formula) counts the lines it is broken into", () => {
    const formula = "PipelineMiles*LeaksPerMile*(1+WetShare*(WetCorrosionFactor-1))";
    const [run] = rowHeightsFor([text(0, 0, formula, "wrapped")], styles, [{ column: 0, width: 20 }]);
    // 63 characters at 21 a line: three lines.
    expect(run).toEqual({ first: 0, last: 0, points: 45 });
  });

  test("text that is not wrapped never makes a row taller, however long", () => {
    expect(rowHeightsFor([text(0, 0, "x".repeat(500))], styles, [{ column: 0, width: 5 }])).toEqual([{ first: 0, last: 0, points: 15 }]);
  });
});
