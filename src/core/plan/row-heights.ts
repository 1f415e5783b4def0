import { DEFAULT_ROW_POINTS } from "./page";
import { wrapWords } from "./text-lines";
import type { CellStyle, PlannedCell, RowHeights } from "./types";

/** Excel's default column width, in characters, for columns the plan gives no width. */
const DEFAULT_WIDTH = 8.43;
/**
 * Characters of ordinary text that fit in one character of column width: a column's width counts
 * digits, and most letters are narrower; bold text is wider. A little short, so that a row is
 * more likely a line too tall than a line too short (a cut line is text lost on paper).
 */
const LETTERS_PER_WIDTH = 1.05;
const BOLD_LETTERS_PER_WIDTH = 0.95;

/**
 * The heights of the rows whose wrapped text needs more than one line, and the default height
 * for every other row up to the last planned one, as runs of equal height. Excel does not fit a
 * row to its wrapped text when it opens a file, nor does a printer: without a height, the lines
 * past the first are hidden or drawn over the next row.
 */
export function rowHeightsFor(
  cells: readonly PlannedCell[],
  styles: Readonly<Record<string, CellStyle>>,
  columnWidths: readonly { readonly column: number; readonly width: number }[],
): RowHeights {
  const widths = new Map(columnWidths.map((c) => [c.column, c.width]));
  const heights = new Map<number, number>();
  let lastRow = -1;
  for (const cell of cells) {
    lastRow = Math.max(lastRow, cell.row);
    const style = cell.style === undefined ? undefined : styles[cell.style];
    const lineHeight = DEFAULT_ROW_POINTS * ((style?.fontSize ?? 11) / 11);
    let lines = 1;
    // A formula's text is its value as the core computed it (a Value Map sentence).
    const text =
      cell.content.kind === "text"
        ? cell.content.value
        : cell.content.kind === "formula" && typeof cell.content.value === "string"
          ? cell.content.value
          : undefined;
    if (style?.wrap && text !== undefined) {
      const perLine = Math.max(
        1,
        Math.floor((widths.get(cell.column) ?? DEFAULT_WIDTH) * (style.bold ? BOLD_LETTERS_PER_WIDTH : LETTERS_PER_WIDTH)),
      );
      // A word longer than a line (a formula has no spaces) is broken across lines wherever it fills one.
      const linesOf = (paragraph: string) =>
        Math.max(
          1,
          wrapWords(paragraph, perLine).reduce((n, line) => n + Math.ceil(line.length / perLine), 0),
        );
      lines = text.split("\n").reduce((n, paragraph) => n + linesOf(paragraph), 0);
    }
    heights.set(cell.row, Math.max(heights.get(cell.row) ?? DEFAULT_ROW_POINTS, Math.min(409, lines * lineHeight)));
  }
  const runs: { first: number; last: number; points: number }[] = [];
  for (let row = 0; row <= lastRow; row++) {
    const points = heights.get(row) ?? DEFAULT_ROW_POINTS;
    const run = runs.at(-1);
    if (run && run.points === points && run.last === row - 1) run.last = row;
    else runs.push({ first: row, last: row, points });
  }
  return runs;
}

/** The height of each row of the runs, for estimating pages. */
export function pointsByRow(runs: RowHeights): Map<number, number> {
  const points = new Map<number, number>();
  for (const run of runs)
    if (run.points !== DEFAULT_ROW_POINTS) for (let row = run.first; row <= run.last; row++) points.set(row, run.points);
  return points;
}
